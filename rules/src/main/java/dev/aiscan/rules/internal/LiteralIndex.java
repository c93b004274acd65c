package dev.aiscan.rules.internal;

import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matchers over string literals (code literals and configuration values): literal, model and
 * key-format regexes behind one Aho-Corasick prefilter of their tokens, plus hosts of URLs.
 *
 * <p>Per literal: one pass of the automaton; only regexes with a token present then run (and their
 * {@code context}/{@code key} filters first). Host matching runs only when the literal contains a
 * {@code .} or {@code :}. A literal is masked for evidence only when a key-format token occurred in
 * it: every key-format regex has tokens, so no token means no secret.
 */
public final class LiteralIndex {
  /** At most this many distinct models or keys are reported from one literal. */
  private static final int MAX_PER_LITERAL = 8;

  private record Entry(MatcherSpec.Regex spec, boolean namedModelGroup) {}

  private final List<MatcherSpec.Regex> specs = new ArrayList<>();
  private final HostIndex hosts = new HostIndex();
  private Entry[] entries;
  private int[][] entriesByToken;
  private boolean[] tokenIsSecret;
  private List<String> secretTokens = List.of();
  private TokenAutomaton automaton;

  void add(MatcherSpec.Regex spec) {
    specs.add(spec);
  }

  void add(MatcherSpec.Host spec) {
    hosts.add(spec);
  }

  void freeze() {
    Map<String, List<Integer>> byToken = new LinkedHashMap<>();
    entries = new Entry[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      MatcherSpec.Regex s = specs.get(i);
      entries[i] = new Entry(s, s.pattern().pattern().contains("(?<model>"));
      for (String t : s.tokens()) {
        byToken.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
      }
    }
    List<String> tokens = new ArrayList<>(byToken.keySet());
    entriesByToken = new int[tokens.size()][];
    tokenIsSecret = new boolean[tokens.size()];
    for (int t = 0; t < tokens.size(); t++) {
      entriesByToken[t] = byToken.get(tokens.get(t)).stream().mapToInt(Integer::intValue).toArray();
      for (int e : entriesByToken[t]) {
        tokenIsSecret[t] |= entries[e].spec.kind() == MatcherSpec.RegexKind.KEY_FORMAT;
      }
    }
    automaton = new TokenAutomaton(tokens);
    List<String> secret = new ArrayList<>();
    for (int t = 0; t < tokens.size(); t++) {
      if (tokenIsSecret[t]) {
        secret.add(tokens.get(t));
      }
    }
    secretTokens = List.copyOf(secret);
  }

  /** The key-format patterns, in rule order. */
  List<Pattern> secretPatterns() {
    return specs.stream()
        .filter(s -> s.kind() == MatcherSpec.RegexKind.KEY_FORMAT)
        .map(MatcherSpec.Regex::pattern)
        .toList();
  }

  void match(Hits hits, Secrets secrets) {
    Fact fact = hits.fact();
    String value = fact.value();
    boolean[] tokens = automaton.scan(value);
    Display display = new Display(value, secrets, secretTokens);
    if (tokens != null) {
      boolean[] candidate = new boolean[entries.length];
      for (int t = 0; t < tokens.length; t++) {
        if (tokens[t]) {
          display.mayHoldSecret |= tokenIsSecret[t];
          for (int e : entriesByToken[t]) {
            candidate[e] = true;
          }
        }
      }
      for (int e = 0; e < entries.length; e++) {
        if (candidate[e]) {
          run(entries[e], hits, display);
        }
      }
    }
    if (!hosts.isEmpty()) {
      HostRef.scan(
          value,
          ref ->
              hosts.match(
                  ref,
                  (spec, r) -> {
                    if (spec.binding().accepts(fact)) {
                      hits.add(
                          spec.binding(),
                          display.evidence(fact, r.start(), r.end() - r.start()),
                          null,
                          null);
                    }
                  }));
    }
  }

  private void run(Entry entry, Hits hits, Display display) {
    MatcherSpec.Regex spec = entry.spec;
    Fact fact = hits.fact();
    if (!spec.binding().accepts(fact)
        || !attributeMatches(spec.context(), fact.attribute(Fact.Attr.CONTEXT))
        || !attributeMatches(spec.key(), fact.attribute(Fact.Attr.KEY))) {
      return;
    }
    Matcher m = spec.pattern().matcher(fact.value());
    switch (spec.kind()) {
      case LITERAL -> {
        if (m.find()) {
          hits.add(
              spec.binding(), display.evidence(fact, m.start(), m.end() - m.start()), null, null);
        }
      }
      case MODEL -> {
        // Several models in one literal: one finding each (the model is part of the finding id).
        Map<String, int[]> models = new LinkedHashMap<>();
        while (m.find() && models.size() < MAX_PER_LITERAL) {
          int start = entry.namedModelGroup ? m.start("model") : m.start();
          int end = entry.namedModelGroup ? m.end("model") : m.end();
          if (start >= 0 && end > start) {
            models.putIfAbsent(
                fact.value().substring(start, end).toLowerCase(Locale.ROOT),
                new int[] {start, end});
          }
        }
        models.forEach(
            (model, at) -> {
              hits.add(spec.binding(), display.evidence(fact, at[0], at[1] - at[0]), model, null);
            });
      }
      case KEY_FORMAT -> {
        Set<String> seen = new HashSet<>();
        while (m.find() && seen.size() < MAX_PER_LITERAL) {
          String fingerprint = Secrets.fingerprint(m.group());
          if (seen.add(fingerprint)) {
            hits.add(spec.binding(), fingerprint, null, fingerprint);
          }
        }
      }
    }
  }

  private static boolean attributeMatches(Pattern filter, String attribute) {
    return filter == null || attribute != null && filter.matcher(attribute).find();
  }

  /**
   * The literal as shown in evidence: masked once, lazily, when a key-format token occurs in it. A
   * key the patterns do not match whole (glued to other text, cut short) is still hidden: the run
   * of key characters around any remaining key token is redacted as well.
   */
  private static final class Display {
    private static final int MIN_RUN = 16;

    private final String value;
    private final Secrets secrets;
    private final List<String> secretTokens;
    private boolean mayHoldSecret;
    private String text;

    Display(String value, Secrets secrets, List<String> secretTokens) {
      this.value = value;
      this.secrets = secrets;
      this.secretTokens = secretTokens;
    }

    String text() {
      if (text == null) {
        text = mayHoldSecret ? redactKeyRuns(secrets.mask(value)) : value;
      }
      return text;
    }

    /** Evidence around a match at {@code start} of the raw value (-1 when positions moved). */
    String evidence(Fact fact, int start, int length) {
      String shown = text();
      int at = start;
      if (shown != value && start >= 0) {
        at = shown.indexOf(value.substring(start, start + length));
      }
      return secrets.mask(Evidence.literal(fact, shown, at, length));
    }

    private String redactKeyRuns(String s) {
      String lower = s.toLowerCase(Locale.ROOT);
      StringBuilder out = null;
      int copied = 0;
      int from = 0;
      while (true) {
        int hit = -1;
        for (String t : secretTokens) {
          int i = lower.indexOf(t, from);
          if (i >= 0 && (hit < 0 || i < hit)) {
            hit = i;
          }
        }
        if (hit < 0) {
          break;
        }
        int a = hit;
        int b = hit;
        while (a > 0 && isKeyChar(s.charAt(a - 1))) {
          a--;
        }
        while (b < s.length() && isKeyChar(s.charAt(b))) {
          b++;
        }
        if (b - a >= MIN_RUN && a >= copied) {
          if (out == null) {
            out = new StringBuilder(s.length());
          }
          out.append(s, copied, a).append("[redacted]");
          copied = b;
        }
        from = Math.max(b, hit + 1);
      }
      return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    private static boolean isKeyChar(char c) {
      return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
  }
}
