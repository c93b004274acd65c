package dev.aiscan.connectors.saas.ai;

import dev.aiscan.core.model.Fact;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A usage report's buckets summed over the scan's window: one entry per action, model and principal
 * (the API key, else the project or workspace, that made the calls), with requests when the report
 * counts them, tokens, and the first and last bucket that had any.
 */
final class UsageTally {
  /** Receives one summed entry. */
  interface Sink {
    void accept(String action, String principal, Map<String, String> attributes);
  }

  private record Key(String action, String model, String principal) {}

  private static final class Sum {
    Long requests;
    long input;
    long output;
    Instant first;
    Instant last;
  }

  private final Map<Key, Sum> sums = new LinkedHashMap<>();

  /**
   * Adds one result row.
   *
   * @param model the model, or null when the report did not group by it
   * @param requests the number of requests, or null when the report gives none (Anthropic)
   * @param from the bucket's start
   * @param to the bucket's end
   */
  void add(
      String action,
      String model,
      String principal,
      Long requests,
      long input,
      long output,
      Instant from,
      Instant to) {
    Sum s = sums.computeIfAbsent(new Key(action, model, principal), k -> new Sum());
    if (requests != null) {
      s.requests = (s.requests == null ? 0 : s.requests) + requests;
    }
    s.input += input;
    s.output += output;
    if (from != null && (s.first == null || from.isBefore(s.first))) {
      s.first = from;
    }
    if (to != null && (s.last == null || to.isAfter(s.last))) {
      s.last = to;
    }
  }

  /** Each entry that shows calls (requests, else tokens). */
  void forEach(Sink sink) {
    sums.forEach(
        (k, s) -> {
          boolean used = s.requests == null ? s.input + s.output > 0 : s.requests > 0;
          if (!used) {
            return; // an empty row says nothing was called
          }
          Map<String, String> attrs = new LinkedHashMap<>();
          if (k.model() != null) {
            attrs.put(Fact.Attr.MODEL, k.model());
          }
          if (s.requests != null) {
            attrs.put(Fact.Attr.COUNT, Long.toString(s.requests));
          }
          attrs.put(OrgFacts.INPUT_TOKENS, Long.toString(s.input));
          attrs.put(OrgFacts.OUTPUT_TOKENS, Long.toString(s.output));
          if (s.first != null) {
            attrs.put(Fact.Attr.FIRST_SEEN, s.first.toString());
          }
          if (s.last != null) {
            attrs.put(Fact.Attr.LAST_SEEN, s.last.toString());
          }
          sink.accept(k.action(), k.principal(), attrs);
        });
  }

  @Override
  public String toString() {
    return "UsageTally" + Objects.toString(sums.keySet());
  }
}
