package dev.aiscan.rules.internal;

import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matchers over provider key inventories: {@code api-key} facts (an OpenAI or Anthropic admin API
 * listing a key by its redacted hint) by the provider that listed them, their {@code origin}
 * attribute. The finding's fingerprint is the hint, so the correlator can tie it to the same key
 * found in code.
 */
final class ApiKeyIndex {
  private final Map<String, List<Binding>> byOrigin = new HashMap<>();

  void add(MatcherSpec.ApiKey spec) {
    for (String o : spec.origins()) {
      byOrigin
          .computeIfAbsent(o.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(spec.binding());
    }
  }

  void match(Hits hits) {
    Fact f = hits.fact();
    String origin = f.attribute(Fact.Attr.ORIGIN);
    if (origin == null || f.value().isBlank()) {
      return;
    }
    List<Binding> bindings = byOrigin.get(origin.strip().toLowerCase(Locale.ROOT));
    if (bindings != null) {
      bindings.forEach(b -> hits.addKey(b, f.value().strip()));
    }
  }
}
