package dev.aiscan.rules.internal;

import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Fact;
import dev.aiscan.rules.Rule;
import java.util.Set;

/**
 * What every matcher carries besides its own fields: the rule it belongs to, the confidence a match
 * is reported with, and the languages it is restricted to (empty: any).
 */
public record Binding(Rule rule, Confidence confidence, Set<String> languages) {
  public Binding {
    languages = Set.copyOf(languages);
  }

  public boolean accepts(Fact fact) {
    return languages.isEmpty() || languages.contains(fact.attribute(Fact.Attr.LANGUAGE));
  }
}
