package dev.aiscan.rules.internal;

import dev.aiscan.rules.Rule;
import dev.aiscan.rules.RuleFormatException;
import dev.aiscan.rules.RuleOverride;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges built-in and user packs into the active rule list, all or nothing: ids are unique within
 * and across packs; a user rule may take a built-in id only with {@code override: true} (it
 * replaces the built-in rule at its place in the order); a user pack's {@code disable} list
 * switches built-in rules off. Any conflict is a {@link RuleFormatException} {@code file:line:
 * message}.
 */
public final class Assembler {
  /** The active rules, in order, and what user packs did to built-in rules. */
  public record Result(List<CompiledRule> rules, List<RuleOverride> overrides) {}

  private Assembler() {}

  public static Result assemble(List<Pack> packs) {
    Map<String, CompiledRule> builtIns = new LinkedHashMap<>();
    for (Pack p : packs) {
      if (!p.builtIn()) {
        continue;
      }
      if (!p.disables().isEmpty()) {
        throw new RuleFormatException(
            p.disables().get(0).source() + ": disable: only user packs can disable rules");
      }
      for (CompiledRule r : p.rules()) {
        Rule rule = r.rule();
        if (rule.origin() != Rule.Origin.BUILT_IN) {
          throw new RuleFormatException(
              rule.source()
                  + ": rule "
                  + rule.id()
                  + ": override: only user packs can override rules");
        }
        CompiledRule first = builtIns.putIfAbsent(rule.id(), r);
        if (first != null) {
          throw duplicate(rule, first.rule().source());
        }
      }
    }
    Map<String, CompiledRule> custom = new HashMap<>();
    Map<String, CompiledRule> replacements = new HashMap<>();
    List<CompiledRule> added = new ArrayList<>();
    for (Pack p : packs) {
      if (p.builtIn()) {
        continue;
      }
      for (CompiledRule r : p.rules()) {
        Rule rule = r.rule();
        CompiledRule earlier = custom.putIfAbsent(rule.id(), r);
        if (earlier != null) {
          throw duplicate(rule, earlier.rule().source());
        }
        CompiledRule builtIn = builtIns.get(rule.id());
        if (builtIn != null && rule.origin() != Rule.Origin.OVERRIDE) {
          throw new RuleFormatException(
              rule.source()
                  + ": rule "
                  + rule.id()
                  + ": duplicate id (built-in "
                  + builtIn.rule().source()
                  + "); add override: true to replace it");
        }
        if (builtIn == null && rule.origin() == Rule.Origin.OVERRIDE) {
          throw new RuleFormatException(
              rule.source()
                  + ": rule "
                  + rule.id()
                  + ": override: true but there is no built-in rule with this id");
        }
        if (builtIn != null) {
          replacements.put(rule.id(), r);
        } else {
          added.add(r);
        }
      }
    }
    Map<String, Pack.Disable> disabled = new LinkedHashMap<>();
    for (Pack p : packs) {
      for (Pack.Disable d : p.disables()) {
        if (!builtIns.containsKey(d.ruleId())) {
          String why =
              custom.containsKey(d.ruleId())
                  ? "is not a built-in rule (remove it from its pack instead)"
                  : "is not a built-in rule id";
          throw new RuleFormatException(d.source() + ": disable: '" + d.ruleId() + "' " + why);
        }
        CompiledRule replacement = replacements.get(d.ruleId());
        if (replacement != null) {
          throw new RuleFormatException(
              d.source()
                  + ": disable: '"
                  + d.ruleId()
                  + "' is also overridden at "
                  + replacement.rule().source()
                  + "; do one or the other");
        }
        disabled.putIfAbsent(d.ruleId(), d);
      }
    }
    List<CompiledRule> active = new ArrayList<>();
    List<RuleOverride> overrides = new ArrayList<>();
    for (CompiledRule b : builtIns.values()) {
      String id = b.rule().id();
      Pack.Disable d = disabled.get(id);
      CompiledRule replacement = replacements.get(id);
      if (d != null) {
        overrides.add(new RuleOverride(id, RuleOverride.Action.DISABLED, d.source(), b.rule()));
      } else if (replacement != null) {
        active.add(replacement);
        overrides.add(
            new RuleOverride(
                id, RuleOverride.Action.OVERRIDDEN, replacement.rule().source(), b.rule()));
      } else {
        active.add(b);
      }
    }
    active.addAll(added);
    return new Result(List.copyOf(active), List.copyOf(overrides));
  }

  private static RuleFormatException duplicate(Rule rule, String first) {
    return new RuleFormatException(
        rule.source() + ": rule " + rule.id() + ": duplicate id (first defined at " + first + ")");
  }
}
