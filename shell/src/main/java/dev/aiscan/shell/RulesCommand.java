package dev.aiscan.shell;

import dev.aiscan.rules.Rule;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.rules.RuleOverride;
import dev.aiscan.rules.RuleTestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code aiscan rules list|show|validate|test}: the detection catalogue and custom rule packs. */
@Command(command = "rules", group = "Rules")
public class RulesCommand {

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
          String category) {
    RuleEngine engine = engine(rules);
    List<Rule> selected =
        engine.rules().stream()
            .filter(r -> provider == null || r.provider().equals(provider))
            .filter(
                r ->
                    category == null
                        || r.category().wireName().equals(category.toLowerCase(Locale.ROOT)))
            .toList();
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
          String rules) {
    Rule r =
        engine(rules)
            .rule(id)
            .orElseThrow(
                () -> new UsageException("no rule with id '" + id + "' (see: aiscan rules list)"));
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
          String rules) {
    List<Path> paths = paths(rules);
    int builtIn = RuleEngine.loadDefault().rules().size();
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
          String rules) {
    List<RuleTestResult> results =
        rules == null || rules.isBlank()
            ? RuleEngine.loadDefault().testExamples(r -> true)
            : RuleEngine.testPacks(paths(rules));
    List<RuleTestResult> failed = results.stream().filter(r -> !r.passed()).toList();
    if (!failed.isEmpty()) {
      for (RuleTestResult r : failed) {
        System.err.println(r.line());
        r.failures().forEach(f -> System.err.println("  " + f));
      }
      throw new UsageException(
          failed.stream().mapToInt(r -> r.failures().size()).sum() + " rule example(s) failed");
    }
    int examples = results.stream().mapToInt(RuleTestResult::examples).sum();
    return "all " + examples + " examples of " + results.size() + " rule(s) pass";
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
