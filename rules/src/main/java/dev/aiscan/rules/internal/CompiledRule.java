package dev.aiscan.rules.internal;

import dev.aiscan.rules.Rule;
import java.util.List;

/** A rule with its parsed matchers. */
public record CompiledRule(Rule rule, List<MatcherSpec> matchers) {
  public CompiledRule {
    matchers = List.copyOf(matchers);
  }
}
