package dev.aiscan.rules.internal;

import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Finding;
import dev.aiscan.rules.Rule;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * All compiled rules, indexed by the fact type each matcher applies to. Built once; immutable and
 * safe for concurrent {@link #detect} calls.
 */
public final class Catalog {
  private final List<Rule> rules;
  private final CodeIndex code = new CodeIndex();
  private final PackageIndex packages = new PackageIndex();
  private final InfraIndex infra = new InfraIndex();
  private final LiteralIndex literals = new LiteralIndex();
  private final FileIndex files = new FileIndex();
  private final UsageIndex usage = new UsageIndex();
  private final ApiKeyIndex apiKeys = new ApiKeyIndex();
  private final List<Pattern> secretPatterns;
  private final Secrets secrets;
  private final PythonImports pythonImports;
  private final boolean pythonPackages;
  private final ContentPrefilter prefilter;

  public Catalog(List<CompiledRule> compiled) {
    this(compiled, PythonImports.builtIn());
  }

  public Catalog(List<CompiledRule> compiled, PythonImports pythonImports) {
    this.pythonImports = pythonImports;
    PrefilterTokens prefilterTokens = new PrefilterTokens(pythonImports);
    this.rules = compiled.stream().map(CompiledRule::rule).toList();
    for (CompiledRule r : compiled) {
      for (MatcherSpec m : r.matchers()) {
        index(m);
        prefilterTokens.add(m);
      }
    }
    code.freeze();
    packages.freeze();
    infra.freeze();
    literals.freeze();
    this.secretPatterns = List.copyOf(literals.secretPatterns());
    this.secrets = new Secrets(secretPatterns);
    this.pythonPackages = packages.hasEcosystem("pypi");
    this.prefilter = new ContentPrefilter(prefilterTokens.tokens());
  }

  /** The content prefilter over all rules. */
  public ContentPrefilter prefilter() {
    return prefilter;
  }

  private void index(MatcherSpec m) {
    if (m instanceof MatcherSpec.Import s) {
      code.add(s);
    } else if (m instanceof MatcherSpec.Type s) {
      code.add(s);
    } else if (m instanceof MatcherSpec.Call s) {
      code.add(s);
    } else if (m instanceof MatcherSpec.Package s) {
      packages.add(s);
    } else if (m instanceof MatcherSpec.Host s) {
      literals.add(s);
    } else if (m instanceof MatcherSpec.Regex s) {
      literals.add(s);
    } else if (m instanceof MatcherSpec.ConfigKey s) {
      infra.add(s);
    } else if (m instanceof MatcherSpec.Env s) {
      infra.add(s);
    } else if (m instanceof MatcherSpec.Image s) {
      infra.add(s);
    } else if (m instanceof MatcherSpec.ModelFile s) {
      infra.add(s);
    } else if (m instanceof MatcherSpec.CloudResource s) {
      infra.add(s);
    } else if (m instanceof MatcherSpec.SaasApp s) {
      infra.add(s);
    } else if (m instanceof MatcherSpec.UnknownSaasApp s) {
      infra.add(s);
    } else if (m instanceof MatcherSpec.File s) {
      files.add(s);
    } else if (m instanceof MatcherSpec.UsageEvent s) {
      usage.add(s);
    } else if (m instanceof MatcherSpec.Setting s) {
      usage.add(s);
    } else if (m instanceof MatcherSpec.ApiKey s) {
      apiKeys.add(s);
    } else {
      throw new IllegalStateException("unindexed matcher " + m.getClass().getSimpleName());
    }
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Pattern> secretPatterns() {
    return secretPatterns;
  }

  public void detect(Fact fact, Consumer<Finding> findings) {
    Hits hits = new Hits(fact, secrets);
    switch (fact.type()) {
      case IMPORT -> {
        code.matchImport(hits);
        if (pythonPackages && "python".equals(fact.attribute(Fact.Attr.LANGUAGE))) {
          for (String distribution : pythonImports.distributions(fact.value())) {
            packages.match(hits, "pypi", distribution);
          }
        }
      }
      case TYPE_REFERENCE, ANNOTATION -> code.matchType(hits);
      case CALL -> code.matchCall(hits);
      case PACKAGE -> packages.match(hits);
      case STRING_LITERAL -> {
        literals.match(hits, secrets);
        infra.matchEnvLiteral(hits);
      }
      case CONFIG_KEY -> infra.matchConfigKey(hits);
      case ENV_VAR -> infra.matchEnv(hits);
      case CONTAINER_IMAGE -> infra.matchImage(hits);
      case FILE -> files.match(hits);
      case MODEL_FILE -> infra.matchModelFile(hits);
      case CLOUD_RESOURCE -> infra.matchCloudResource(hits);
      case SAAS_APP -> infra.matchSaasApp(hits);
      case USAGE_EVENT -> usage.matchUsageEvent(hits);
      case SETTING -> usage.matchSetting(hits);
      case API_KEY -> apiKeys.match(hits);
    }
    hits.emit(findings);
  }
}
