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
    if (languages.isEmpty()) {
      return true;
    }
    // Facts from cloud and SaaS connectors carry no language; Set.of() rejects null lookups.
    String language = fact.attribute(Fact.Attr.LANGUAGE);
    return language != null && languages.contains(language);
  }
}
