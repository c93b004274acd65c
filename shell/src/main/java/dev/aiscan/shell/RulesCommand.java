package dev.aiscan.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiscan.core.Secrets;
import dev.aiscan.rules.Rule;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.rules.RuleExample;
import dev.aiscan.rules.RuleFormatException;
import dev.aiscan.rules.RuleOverride;
import dev.aiscan.rules.RuleTestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code aiscan rules list|show|validate|test}: the detection catalogue and custom rule packs. */
@Command(command = "rules", group = "Rules")
public class RulesCommand {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Command(
      command = "list",
      description = "List the detection rules (built-in, plus custom packs with --rules).")
  public String list(
      @Option(
              longNames = "rules",
              label = "PATHS",
              description = "custom rule packs or directories, comma separated")
          String rules,
      @Option(longNames = "provider", label = "ID", description = "only rules of this provider")
          String provider,
      @Option(longNames = "category", label = "NAME", description = "only rules of this category")
          String category,
      @Option(longNames = "json", description = "print the rules as a JSON array") boolean json) {
    RuleEngine engine = engine(rules);
    Predicate<Rule> wanted =
        r ->
            (provider == null || r.provider().equals(provider))
                && (category == null
                    || r.category().wireName().equals(category.toLowerCase(Locale.ROOT)));
    List<Rule> selected = engine.rules().stream().filter(wanted).toList();
    if (json) {
      List<Map<String, Object>> out = new ArrayList<>();
      selected.forEach(r -> out.add(summary(r, null)));
      // built-in rules a user pack switched off, as the text lists them after the table
      engine.overrides().stream()
          .filter(o -> o.action() == RuleOverride.Action.DISABLED && wanted.test(o.builtIn()))
          .forEach(o -> out.add(summary(o.builtIn(), o.source())));
      return write(out);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%-44s %-22s %-16s %-7s %s%n", "ID", "PROVIDER", "CATEGORY", "CONF", "TITLE"));
    for (Rule r : selected) {
      out.append(
          String.format(
              "%-44s %-22s %-16s %-7s %s%n",
              r.id(), r.provider(), r.category().wireName(), r.confidence().wireName(), r.title()));
    }
    out.append(selected.size()).append(" rule(s)");
    for (RuleOverride o : engine.overrides()) {
      out.append(String.format("%n%s %s by %s", o.ruleId(), o.action().wireName(), o.source()));
    }
    return out.toString();
  }

  @Command(
      command = "show",
      description = "Show one rule: what it matches, why, and where it is defined.")
  public String show(
      @Option(longNames = "id", required = true, label = "ID", description = "the rule id")
          String id,
      @Option(
              longNames = "rules",
              label = "PATHS",
              description = "custom rule packs or directories, comma separated")
          String rules,
      @Option(longNames = "json", description = "print the rule as a JSON object") boolean json) {
    RuleEngine engine = engine(rules);
    Rule r =
        engine
            .rule(id)
            .orElseThrow(
                () -> new UsageException("no rule with id '" + id + "' (see: aiscan rules list)"));
    if (json) {
      return write(detail(r, new Secrets(engine.secretPatterns())));
    }
    return String.join(
        "\n",
        r.id() + ": " + r.title(),
        "  provider:    " + r.provider(),
        "  category:    " + r.category().wireName(),
        "  confidence:  " + r.confidence().wireName(),
        "  matchers:    " + String.join(", ", r.matchers()),
        "  ISO 42001:   " + String.join(", ", r.iso42001()),
        "  defined in:  " + r.source() + " (pack " + r.pack() + ")",
        "  examples:    "
            + r.positiveExamples().size()
            + " positive, "
            + r.negativeExamples().size()
            + " negative",
        "  description: " + r.description().strip().replaceAll("\\s+", " "),
        "  references:",
        r.references().stream().map(u -> "    " + u).collect(Collectors.joining("\n")));
  }

  @Command(
      command = "validate",
      description =
          "Check custom rule packs: schema, regexes, ids, providers. Exit 2 when invalid.")
  public String validate(
      @Option(
              longNames = "rules",
              required = true,
              arityMin = 1,
              label = "PATHS",
              description = "custom rule packs or directories, comma separated")
          String rules,
      @Option(longNames = "json", description = "print the verdict as JSON") boolean json) {
    int builtIn = RuleEngine.loadDefault().rules().size();
    if (json) {
      return validateJson(rules, builtIn);
    }
    List<Path> paths = paths(rules);
    RuleEngine engine = RuleEngine.load(paths);
    return "valid: "
        + (engine.rules().size() - builtIn)
        + " custom rule(s) in "
        + rules
        + " load with the "
        + builtIn
        + " built-in ones";
  }

  @Command(
      command = "test",
      description =
          "Run the positive and negative examples of custom packs (of the built-in catalogue without PATHS). Exit 2 on a failure.")
  public String test(
      @Option(
              longNames = "rules",
              label = "PATHS",
              description = "custom rule packs or directories, comma separated")
          String rules,
      @Option(longNames = "json", description = "print the results as JSON") boolean json) {
    List<RuleTestResult> results =
        rules == null || rules.isBlank()
            ? RuleEngine.loadDefault().testExamples(r -> true)
            : RuleEngine.testPacks(paths(rules));
    List<RuleTestResult> failed = results.stream().filter(r -> !r.passed()).toList();
    int examples = results.stream().mapToInt(RuleTestResult::examples).sum();
    String verdict =
        failed.stream().mapToInt(r -> r.failures().size()).sum() + " rule example(s) failed";
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("passed", failed.isEmpty());
      out.put("rules", results.size());
      out.put("examples", examples);
      List<Map<String, Object>> failures = new ArrayList<>();
      for (RuleTestResult r : failed) {
        r.failures().forEach(f -> failures.add(failure(r.rule(), f)));
      }
      out.put("failures", failures);
      if (failed.isEmpty()) {
        return write(out);
      }
      // the JSON on stdout for scripts, one line on stderr and exit 2 as without --json
      System.out.println(write(out));
      System.out.flush();
      throw new UsageException(verdict);
    }
    if (!failed.isEmpty()) {
      for (RuleTestResult r : failed) {
        System.err.println(r.line());
        r.failures().forEach(f -> System.err.println("  " + f));
      }
      throw new UsageException(verdict);
    }
    return "all " + examples + " examples of " + results.size() + " rule(s) pass";
  }

  /**
   * {@code rules validate --json}: the verdict as JSON; when invalid, the JSON on stdout, then the
   * problem as the one line on stderr (exit 2), as without {@code --json}.
   */
  private static String validateJson(String rules, int builtIn) {
    List<Path> paths = paths(rules);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("paths", paths.stream().map(Path::toString).toList());
    RuleEngine engine;
    try {
      engine = RuleEngine.load(paths);
    } catch (RuleFormatException e) {
      out.put("valid", false);
      out.put("rules", 0);
      out.put("builtInRules", builtIn);
      out.put("packs", List.of());
      out.put("overrides", List.of());
      out.put("problems", List.of(e.getMessage()));
      System.out.println(write(out));
      System.out.flush();
      throw new UsageException(e.getMessage());
    }
    List<Rule> custom = engine.rules().stream().filter(r -> !r.builtIn()).toList();
    out.put("valid", true);
    out.put("rules", custom.size());
    out.put("builtInRules", builtIn);
    out.put(
        "packs", custom.stream().map(Rule::pack).collect(Collectors.toCollection(TreeSet::new)));
    List<Map<String, Object>> overrides = new ArrayList<>();
    for (RuleOverride o : engine.overrides()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", o.ruleId());
      m.put("action", o.action().wireName());
      m.put("source", o.source());
      overrides.add(m);
    }
    out.put("overrides", overrides);
    out.put("problems", List.of());
    return write(out);
  }

  /** One line of {@code rules list --json}; {@code disabledBy} is null for an active rule. */
  private static Map<String, Object> summary(Rule r, String disabledBy) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("provider", r.provider());
    m.put("category", r.category().wireName());
    m.put("confidence", r.confidence().wireName());
    m.put("title", r.title());
    m.put("matchers", r.matchers());
    m.put("pack", r.pack());
    m.put("source", r.source());
    m.put("origin", r.origin().wireName());
    m.put("active", disabledBy == null);
    m.put("disabledBy", disabledBy);
    return m;
  }

  /** {@code rules show --json}: every field of the rule, its examples included. */
  private static Map<String, Object> detail(Rule r, Secrets secrets) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("title", r.title());
    m.put("provider", r.provider());
    m.put("category", r.category().wireName());
    m.put("confidence", r.confidence().wireName());
    m.put("origin", r.origin().wireName());
    m.put("pack", r.pack());
    m.put("source", r.source());
    m.put("description", r.description() == null ? null : r.description().strip());
    m.put("references", r.references());
    m.put("iso42001", r.iso42001());
    m.put("matchers", r.matchers());
    Map<String, Object> examples = new LinkedHashMap<>();
    // key-shaped example values are shown by fingerprint, as keys found in code are, so that no
    // secret scanner watching a CI log mistakes them for leaks
    examples.put("positive", r.positiveExamples().stream().map(e -> example(e, secrets)).toList());
    examples.put("negative", r.negativeExamples().stream().map(e -> example(e, secrets)).toList());
    m.put("examples", examples);
    return m;
  }

  private static Map<String, Object> example(RuleExample e, Secrets secrets) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.type().wireName());
    m.put("value", secrets.mask(e.value()));
    m.put("attributes", new TreeMap<>(e.attributes()));
    m.put("model", e.model());
    m.put("note", e.note());
    return m;
  }

  /**
   * One failing example of {@code rules test --json}, read back from the line {@link
   * RuleTestResult#failures()} documents ({@code file:line: rule ID: positive example 2 (import)
   * does not match}); like that line, it never quotes the example's value.
   */
  private static Map<String, Object> failure(Rule rule, String line) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", rule.id());
    m.put("source", rule.source());
    Matcher f =
        Pattern.compile(
                ": rule "
                    + Pattern.quote(rule.id())
                    + ": (positive|negative) example (\\d+) \\(.*\\) "
                    + "(does not match with the expected model|does not match|matches)$")
            .matcher(line);
    Map<String, Object> example = null;
    String expected = null;
    String actual = null;
    if (f.find()) {
      boolean positive = f.group(1).equals("positive");
      int index = Integer.parseInt(f.group(2));
      List<RuleExample> list = positive ? rule.positiveExamples() : rule.negativeExamples();
      RuleExample e = index >= 1 && index <= list.size() ? list.get(index - 1) : null;
      example = new LinkedHashMap<>();
      example.put("kind", f.group(1));
      example.put("index", index);
      example.put("type", e == null ? null : e.type().wireName());
      example.put("note", e == null ? null : e.note());
      if (!positive) {
        expected = "no match";
        actual = "match";
      } else if (f.group(3).endsWith("model")) {
        expected = "match with model " + (e == null ? null : e.model());
        actual = "no match with that model";
      } else {
        expected = "match";
        actual = "no match";
      }
    }
    m.put("example", example);
    m.put("expected", expected);
    m.put("actual", actual);
    m.put("message", line);
    return m;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  public static RuleEngine engine(String rules) {
    return rules == null || rules.isBlank()
        ? RuleEngine.loadDefault()
        : RuleEngine.load(paths(rules));
  }

  static List<Path> paths(String list) {
    List<Path> paths =
        Arrays.stream(list.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Path::of)
            .toList();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UsageException("--rules " + p + ": no such file or directory");
      }
    }
    return paths;
  }
}
