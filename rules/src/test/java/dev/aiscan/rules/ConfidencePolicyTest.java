package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.rules.internal.CompiledRule;
import dev.aiscan.rules.internal.MatcherSpec;
import dev.aiscan.rules.internal.Pack;
import dev.aiscan.rules.internal.PackLoader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The confidence policy (docs/rules.md, "Confidence"), checked on every matcher of every built-in
 * rule, by its effective confidence (the matcher's {@code confidence}, else the rule's):
 *
 * <ul>
 *   <li>{@code env}: low (an environment variable alone);
 *   <li>{@code host}, {@code model}, {@code literal}: at most medium;
 *   <li>{@code import}, {@code package} of {@code sdk}, {@code framework}, {@code vector-db} and
 *       {@code ml-framework} rules: high (an SDK import or a direct dependency).
 * </ul>
 */
class ConfidencePolicyTest {
  static final Set<Category> LIBRARY_CATEGORIES =
      EnumSet.of(Category.SDK, Category.FRAMEWORK, Category.VECTOR_DB, Category.ML_FRAMEWORK);

  @Test
  void everyBuiltInMatcherFollowsTheConfidencePolicy() {
    List<String> offending = new ArrayList<>();
    int checked = 0;
    for (Pack pack : new PackLoader().defaultPacks()) {
      for (CompiledRule r : pack.rules()) {
        List<MatcherSpec> matchers = r.matchers();
        for (int i = 0; i < matchers.size(); i++) {
          MatcherSpec m = matchers.get(i);
          String kind = kindOf(m);
          String problem = check(r.rule(), kind, m.binding().confidence());
          checked++;
          if (problem != null) {
            offending.add(
                r.rule().source()
                    + ": rule "
                    + r.rule().id()
                    + " ("
                    + r.rule().category().wireName()
                    + "): match["
                    + i
                    + "] "
                    + kind
                    + " has confidence "
                    + m.binding().confidence().wireName()
                    + ", "
                    + problem);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(offending)
        .withFailMessage(
            "%d matchers break the confidence policy (docs/rules.md, Confidence):%n%s",
            offending.size(), String.join("\n", offending))
        .isEmpty();
  }

  /** Why a matcher's confidence breaks the policy, or null. */
  static String check(Rule rule, String kind, Confidence confidence) {
    return switch (kind) {
      case "env" ->
          confidence == Confidence.LOW ? null : "must be low (an environment variable alone)";
      case "host", "model", "literal" ->
          confidence.compareTo(Confidence.MEDIUM) <= 0
              ? null
              : "must be at most medium (a host, model or literal string)";
      case "import", "package" ->
          !LIBRARY_CATEGORIES.contains(rule.category()) || confidence == Confidence.HIGH
              ? null
              : "must be high (an SDK or framework import or a direct dependency)";
      default -> null;
    };
  }

  @Test
  void thePolicyItself() {
    Rule sdk =
        new Rule(
            "x-sdk",
            "p",
            "p.yaml:1",
            "x",
            Category.SDK,
            Confidence.HIGH,
            "t",
            "d",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Rule.Origin.BUILT_IN);
    Rule endpoint =
        new Rule(
            "x-endpoint",
            "p",
            "p.yaml:1",
            "x",
            Category.ENDPOINT,
            Confidence.HIGH,
            "t",
            "d",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Rule.Origin.BUILT_IN);
    assertThat(check(sdk, "env", Confidence.MEDIUM)).isNotNull();
    assertThat(check(sdk, "env", Confidence.LOW)).isNull();
    assertThat(check(endpoint, "host", Confidence.HIGH)).isNotNull();
    assertThat(check(endpoint, "host", Confidence.MEDIUM)).isNull();
    assertThat(check(sdk, "import", Confidence.MEDIUM)).isNotNull();
    assertThat(check(endpoint, "import", Confidence.MEDIUM)).as("only library categories").isNull();
    assertThat(check(sdk, "key-format", Confidence.HIGH)).isNull();
  }

  private static String kindOf(MatcherSpec m) {
    if (m instanceof MatcherSpec.Regex r) {
      return switch (r.kind()) {
        case LITERAL -> "literal";
        case MODEL -> "model";
        case KEY_FORMAT -> "key-format";
      };
    }
    if (m instanceof MatcherSpec.Import) {
      return "import";
    }
    if (m instanceof MatcherSpec.Package) {
      return "package";
    }
    if (m instanceof MatcherSpec.Host) {
      return "host";
    }
    if (m instanceof MatcherSpec.Env) {
      return "env";
    }
    return m.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
