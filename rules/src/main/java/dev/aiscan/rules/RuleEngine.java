package dev.aiscan.rules;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.spi.Detector;
import dev.aiscan.rules.internal.Catalog;
import dev.aiscan.rules.internal.CompiledRule;
import dev.aiscan.rules.internal.PackLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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

  private RuleEngine(Catalog catalog) {
    this.catalog = catalog;
    Map<String, Rule> m = new LinkedHashMap<>();
    catalog.rules().forEach(r -> m.put(r.id(), r));
    this.byId = m;
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
          engine = create(new PackLoader().defaults());
          defaultEngine = engine;
        }
      }
    }
    return engine;
  }

  /**
   * The built-in packs plus user packs, given as pack files or directories of {@code *.yaml} /
   * {@code *.yml} files. A user rule cannot reuse a built-in rule's id.
   *
   * @throws RuleFormatException with a one-line {@code file:line: message} if a pack is invalid
   */
  public static RuleEngine load(List<Path> extraPacks) {
    if (extraPacks.isEmpty()) {
      return loadDefault();
    }
    PackLoader loader = new PackLoader();
    List<CompiledRule> all = new ArrayList<>(loader.defaults());
    all.addAll(loader.files(extraPacks));
    return create(all);
  }

  private static RuleEngine create(List<CompiledRule> rules) {
    PackLoader.checkUniqueIds(rules);
    RuleEngine engine = new RuleEngine(new Catalog(rules));
    LOG.debug("Loaded {} rules", rules.size());
    return engine;
  }

  /** Every rule, in pack order. */
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
   * Runs every rule's own examples: positives must produce a finding of that rule (with the
   * expected model, when given), negatives must not. Returns one line per failure, empty when all
   * pass; lines never quote example values.
   */
  public List<String> verifyExamples() {
    List<String> failures = new ArrayList<>();
    for (Rule rule : rules()) {
      for (int i = 0; i < rule.positiveExamples().size(); i++) {
        RuleExample e = rule.positiveExamples().get(i);
        if (!matches(rule, e)) {
          failures.add(rule.source() + ": rule " + rule.id() + ": positive example " + (i + 1) + " (" + e + ") does not match");
        }
      }
      for (int i = 0; i < rule.negativeExamples().size(); i++) {
        RuleExample e = rule.negativeExamples().get(i);
        if (!findings(rule, e).isEmpty()) {
          failures.add(rule.source() + ": rule " + rule.id() + ": negative example " + (i + 1) + " (" + e + ") matches");
        }
      }
    }
    return failures;
  }

  /** Findings of {@code rule} for one example. */
  List<Finding> findings(Rule rule, RuleExample example) {
    List<Finding> out = new ArrayList<>();
    detect(example.toFact(), f -> {
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
