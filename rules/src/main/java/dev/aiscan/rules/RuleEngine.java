package dev.aiscan.rules;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.spi.ContentFilter;
import dev.aiscan.core.spi.Detector;
import dev.aiscan.rules.internal.Assembler;
import dev.aiscan.rules.internal.Catalog;
import dev.aiscan.rules.internal.Pack;
import dev.aiscan.rules.internal.PackLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule catalogue as a {@link Detector}: decides which facts mean AI and turns them into
 * findings. Loaded once, immutable, safe to call from many threads.
 *
 * <pre>{@code
 * RuleEngine rules = RuleEngine.load(List.of(Path.of("my-rules.yaml")));  // built-in + user packs
 * ScanEngine engine = new ScanEngine(connectors, rules, version);
 * }</pre>
 *
 * <p>Matching is indexed by fact type (hash lookups on module, package, env-var, image and resource
 * names, with segment-prefix walks), and string literals go through one multi-token prefilter
 * before any regex runs. Credential matches are reported by fingerprint only.
 */
public final class RuleEngine implements Detector {
  private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

  private static volatile RuleEngine defaultEngine;

  private final Catalog catalog;
  private final Map<String, Rule> byId;
  private final List<RuleOverride> overrides;

  private RuleEngine(Catalog catalog, List<RuleOverride> overrides) {
    this.catalog = catalog;
    Map<String, Rule> m = new LinkedHashMap<>();
    catalog.rules().forEach(r -> m.put(r.id(), r));
    this.byId = m;
    this.overrides = List.copyOf(overrides);
  }

  /**
   * The built-in rule packs. Loaded once per class loader; the same instance is returned after.
   *
   * @throws RuleFormatException if a built-in pack is broken (a build defect)
   */
  public static RuleEngine loadDefault() {
    RuleEngine engine = defaultEngine;
    if (engine == null) {
      synchronized (RuleEngine.class) {
        engine = defaultEngine;
        if (engine == null) {
          engine = create(new PackLoader().defaultPacks());
          defaultEngine = engine;
        }
      }
    }
    return engine;
  }

  /**
   * The built-in packs plus user packs, given as pack files or directories of {@code *.yaml} /
   * {@code *.yml} files (read in name order). A user rule may reuse a built-in rule's id only with
   * {@code override: true}, and then replaces it; a user pack's {@code disable} list switches
   * built-in rules off ({@link #overrides()} lists both). All or nothing: any error fails the whole
   * load.
   *
   * @throws RuleFormatException with a one-line {@code file:line: message} if a pack is invalid
   */
  public static RuleEngine load(List<Path> packsOrDirs) {
    if (packsOrDirs.isEmpty()) {
      return loadDefault();
    }
    PackLoader loader = new PackLoader();
    List<Pack> packs = new ArrayList<>(loader.defaultPacks());
    packs.addAll(loader.userPacks(packsOrDirs));
    return create(packs);
  }

  private static RuleEngine create(List<Pack> packs) {
    Assembler.Result result = Assembler.assemble(packs);
    RuleEngine engine = new RuleEngine(new Catalog(result.rules()), result.overrides());
    LOG.debug(
        "Loaded {} rules ({} built-in rules overridden or disabled)",
        result.rules().size(),
        result.overrides().size());
    return engine;
  }

  /**
   * Built-in rules that user packs replaced ({@link RuleOverride.Action#OVERRIDDEN}) or switched
   * off ({@link RuleOverride.Action#DISABLED}), in built-in order; empty for {@link
   * #loadDefault()}.
   */
  public List<RuleOverride> overrides() {
    return overrides;
  }

  /**
   * Every active rule, in pack order: built-in rules (an overriding user rule in its built-in's
   * place, disabled ones left out), then the user packs' new rules. {@link Rule#origin()} tells
   * which is which.
   */
  public List<Rule> rules() {
    return catalog.rules();
  }

  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public void detect(Fact fact, Consumer<Finding> findings) {
    catalog.detect(fact, findings);
  }

  @Override
  public List<Pattern> secretPatterns() {
    return catalog.secretPatterns();
  }

  /**
   * The content prefilter: one pass of a byte-level Aho-Corasick automaton (ASCII case-insensitive)
   * over all literal tokens of all rules whose facts come from file content. When it answers false,
   * no fact extracted from those bytes can match any rule, so connectors may skip parsing the file.
   * Facts about a file's name or header ({@code file}, {@code model-file}) do not depend on it.
   * Allocation-free, immutable, safe for concurrent use.
   */
  @Override
  public ContentFilter contentFilter() {
    return catalog.prefilter();
  }

  /**
   * The content prefilter's tokens, each with the ids of the rules that need it (for {@code aiscan
   * rules} diagnostics: a token common in ordinary code makes the prefilter let many files
   * through).
   */
  public Map<String, Set<String>> prefilterTokens() {
    return catalog.prefilter().rulesByToken();
  }

  /**
   * Runs every rule's own examples: positives must produce a finding of that rule (with the
   * expected model, when given), negatives must not. Returns one line per failure, empty when all
   * pass; lines never quote example values.
   */
  public List<String> verifyExamples() {
    return testExamples(r -> true).stream().flatMap(t -> t.failures().stream()).toList();
  }

  /**
   * Runs the examples of the selected rules, one result per rule, in rule order. For {@code aiscan
   * rules test DIR}: {@code RuleEngine.load(List.of(dir)).testExamples(r -> !r.builtIn())}, or
   * {@link #testPacks(List)}. Examples run against the whole engine (built-in and user rules), and
   * only findings of the rule under test count.
   */
  public List<RuleTestResult> testExamples(Predicate<Rule> which) {
    List<RuleTestResult> results = new ArrayList<>();
    for (Rule rule : rules()) {
      if (which.test(rule)) {
        results.add(test(rule));
      }
    }
    return results;
  }

  /**
   * Loads user packs (with the built-in ones) and runs the examples of the rules they define (new
   * and overriding ones).
   *
   * @throws RuleFormatException if a pack cannot be loaded
   */
  public static List<RuleTestResult> testPacks(List<Path> packsOrDirs) {
    return load(packsOrDirs).testExamples(r -> !r.builtIn());
  }

  private RuleTestResult test(Rule rule) {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < rule.positiveExamples().size(); i++) {
      RuleExample e = rule.positiveExamples().get(i);
      if (!matches(rule, e)) {
        failures.add(
            rule.source()
                + ": rule "
                + rule.id()
                + ": positive example "
                + (i + 1)
                + " ("
                + e
                + ") does not match"
                + (e.model() == null ? "" : " with the expected model"));
      }
    }
    for (int i = 0; i < rule.negativeExamples().size(); i++) {
      RuleExample e = rule.negativeExamples().get(i);
      if (!findings(rule, e).isEmpty()) {
        failures.add(
            rule.source()
                + ": rule "
                + rule.id()
                + ": negative example "
                + (i + 1)
                + " ("
                + e
                + ") matches");
      }
    }
    return new RuleTestResult(
        rule, rule.positiveExamples().size() + rule.negativeExamples().size(), failures);
  }

  /** Findings of {@code rule} for one example. */
  List<Finding> findings(Rule rule, RuleExample example) {
    List<Finding> out = new ArrayList<>();
    detect(
        example.toFact(),
        f -> {
          if (f.ruleId().equals(rule.id())) {
            out.add(f);
          }
        });
    return out;
  }

  private boolean matches(Rule rule, RuleExample example) {
    List<Finding> found = findings(rule, example);
    return example.model() == null
        ? !found.isEmpty()
        : found.stream().anyMatch(f -> example.model().equals(f.model()));
  }
}
