package dev.aiscan.rules.internal;

import java.util.List;

/**
 * One loaded rule pack.
 *
 * @param file the pack's file name (built-in) or path (user pack)
 * @param name the pack's {@code pack} name
 * @param builtIn shipped in the rules jar
 * @param rules its rules, compiled
 * @param disables its {@code disable} entries (user packs only)
 */
public record Pack(
    String file, String name, boolean builtIn, List<CompiledRule> rules, List<Disable> disables) {
  public Pack {
    rules = List.copyOf(rules);
    disables = List.copyOf(disables);
  }

  /** A built-in rule id listed under {@code disable}, and where ({@code file:line}). */
  public record Disable(String ruleId, String source) {}
}
