package dev.aiscan.rules;

import java.util.List;

/**
 * The outcome of running one rule's own examples ({@link RuleEngine#testExamples}).
 *
 * @param rule the rule
 * @param examples how many examples ran (positive and negative)
 * @param failures one line per failing example, {@code file:line: rule id: positive example 2
 *     (import) does not match}; never quotes example values
 */
public record RuleTestResult(Rule rule, int examples, List<String> failures) {
  public RuleTestResult {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  /**
   * One line for a report: {@code PASS openai-sdk (7 examples)} or {@code FAIL x (1 of 4 failed)}.
   */
  public String line() {
    return passed()
        ? "PASS " + rule.id() + " (" + examples + " examples)"
        : "FAIL " + rule.id() + " (" + failures.size() + " of " + examples + " failed)";
  }
}
