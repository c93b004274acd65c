package dev.aiscan.rules.internal;

import dev.aiscan.core.spi.ContentFilter;
import java.util.Map;
import java.util.Set;

/**
 * The rule engine's {@link ContentFilter}: true when any prefilter token ({@link PrefilterTokens})
 * occurs in the bytes. Content that starts with a UTF-16 byte order mark is always let through (its
 * ASCII tokens are not byte sequences there).
 */
public final class ContentPrefilter implements ContentFilter {
  private final ByteTokenFilter filter;
  private final Map<String, Set<String>> rulesByToken;

  public ContentPrefilter(Map<ByteTokenFilter.Token, Set<String>> rulesByToken) {
    Map<String, Set<String>> m = new java.util.LinkedHashMap<>();
    rulesByToken.forEach(
        (t, rules) ->
            m.merge(
                t.toString(),
                Set.copyOf(rules),
                (a, b) -> {
                  Set<String> u = new java.util.LinkedHashSet<>(a);
                  u.addAll(b);
                  return u;
                }));
    this.rulesByToken = java.util.Collections.unmodifiableMap(m);
    this.filter = new ByteTokenFilter(rulesByToken.keySet());
  }

  @Override
  public boolean mayMatch(byte[] bytes, int offset, int length) {
    if (length >= 2) {
      int b0 = bytes[offset] & 0xFF;
      int b1 = bytes[offset + 1] & 0xFF;
      if (b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF) {
        return true;
      }
    }
    return filter.mayMatch(bytes, offset, length);
  }

  /**
   * Every token (a bounded one written {@code \bort\b}) and the rules that contributed it, before
   * tokens implied by others are dropped.
   */
  public Map<String, Set<String>> rulesByToken() {
    return rulesByToken;
  }

  public ByteTokenFilter automaton() {
    return filter;
  }
}
