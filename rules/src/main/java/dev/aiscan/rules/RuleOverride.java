package dev.aiscan.rules;

import java.util.Objects;

/**
 * A built-in rule a user pack replaced or switched off, for {@code aiscan rules list}.
 *
 * @param ruleId the built-in rule's id
 * @param action what the user pack did to it
 * @param source where the user pack did it, {@code file:line} (the replacing rule, or the {@code
 *     disable} entry)
 * @param builtIn the built-in rule as shipped (no longer in {@link RuleEngine#rules()} when
 *     disabled; replaced there by the user's rule when overridden)
 */
public record RuleOverride(String ruleId, Action action, String source, Rule builtIn) {
  /** What a user pack did to a built-in rule. */
  public enum Action {
    /** Replaced entirely by a user rule with the same id and {@code override: true}. */
    OVERRIDDEN,
    /** Switched off by the pack-level {@code disable} list. */
    DISABLED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public RuleOverride {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(builtIn, "builtIn");
  }

  @Override
  public String toString() {
    return ruleId + " " + action.wireName() + " by " + source;
  }
}
