package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule's own examples, discovered from the packs: positives must fire the rule (with the
 * expected model, when given), negatives must not.
 */
class RuleExamplesTest {
  private static final RuleEngine ENGINE = RuleEngine.loadDefault();

  static Stream<Arguments> positives() {
    return ENGINE.rules().stream()
        .flatMap(
            r -> numbered(r, r.positiveExamples()).map(e -> Arguments.of(Named.of(r.id(), r), e)));
  }

  static Stream<Arguments> negatives() {
    return ENGINE.rules().stream()
        .flatMap(
            r -> numbered(r, r.negativeExamples()).map(e -> Arguments.of(Named.of(r.id(), r), e)));
  }

  private static Stream<Named<RuleExample>> numbered(Rule rule, List<RuleExample> examples) {
    List<Named<RuleExample>> out = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      out.add(Named.of("#" + (i + 1) + " " + examples.get(i), examples.get(i)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @MethodSource("positives")
  void positiveExampleFiresItsRule(Rule rule, RuleExample example) {
    List<Finding> findings = findingsOf(rule, example);

    assertThat(findings).as("findings of %s", rule.id()).isNotEmpty();
    if (example.model() != null) {
      assertThat(findings).extracting(Finding::model).contains(example.model());
    }
    assertThat(findings)
        .allSatisfy(
            f -> {
              assertThat(f.provider()).isEqualTo(rule.provider());
              assertThat(f.category()).isEqualTo(rule.category());
              assertThat(f.evidence()).isNotBlank().hasSizeLessThanOrEqualTo(160);
            });
  }

  @ParameterizedTest(name = "{0} ignores {1}")
  @MethodSource("negatives")
  void negativeExampleDoesNotFireItsRule(Rule rule, RuleExample example) {
    assertThat(findingsOf(rule, example)).as("findings of %s", rule.id()).isEmpty();
  }

  private static List<Finding> findingsOf(Rule rule, RuleExample example) {
    List<Finding> out = new ArrayList<>();
    ENGINE.detect(
        example.toFact(),
        f -> {
          if (f.ruleId().equals(rule.id())) {
            out.add(f);
          }
        });
    return out;
  }
}
