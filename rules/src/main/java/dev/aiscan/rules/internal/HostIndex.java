package dev.aiscan.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Host patterns of all rules: exact hosts ({@code api.openai.com}, {@code localhost:11434}) in a
 * hash map, {@code *.suffix} patterns in a map looked up by each label suffix of the host, and
 * other wildcards ({@code *-aiplatform.googleapis.com}, {@code bedrock-runtime.*.amazonaws.com}) as
 * regexes tried only when their literal part occurs in the host.
 */
public final class HostIndex {
  /** A host pattern: {@code name} with {@code *} wildcards, optional {@code :port}. */
  public static final Pattern SYNTAX =
      Pattern.compile("(?:\\*\\.)?(?:[a-z0-9-]+|\\*)(?:[.-](?:[a-z0-9-]+|\\*))*(?::[0-9]{1,5})?");

  private record Entry(MatcherSpec.Host spec) {
    boolean pathMatches(String path) {
      if (spec.paths().isEmpty()) {
        return true;
      }
      for (String p : spec.paths()) {
        if (path.startsWith(p)) {
          return true;
        }
      }
      return false;
    }
  }

  private record Wildcard(Pattern pattern, String token, boolean withPort, Entry entry) {}

  private final Map<String, List<Entry>> exact = new HashMap<>();
  private final Map<String, List<Entry>> suffix = new HashMap<>();
  private final List<Wildcard> wildcards = new ArrayList<>();

  /** Checks a host pattern; returns an error message or null. */
  public static String check(String pattern) {
    String p = pattern.toLowerCase(Locale.ROOT);
    if (!SYNTAX.matcher(p).matches()) {
      return "invalid host pattern '" + pattern + "'";
    }
    if (isSuffix(p) && p.indexOf('.', 2) < 0) {
      return "host pattern '" + pattern + "' needs at least two labels after '*.'";
    }
    if (isWildcard(p) && !isSuffix(p) && longestLiteral(hostPart(p)).length() < 4) {
      return "host pattern '" + pattern + "' needs a literal part of at least 4 characters";
    }
    return null;
  }

  public void add(MatcherSpec.Host spec) {
    for (String raw : spec.hosts()) {
      String p = raw.toLowerCase(Locale.ROOT);
      Entry e = new Entry(spec);
      if (!isWildcard(p)) {
        exact.computeIfAbsent(p, k -> new ArrayList<>()).add(e);
      } else if (isSuffix(p)) {
        suffix.computeIfAbsent(p.substring(2), k -> new ArrayList<>()).add(e);
      } else {
        String host = hostPart(p);
        wildcards.add(new Wildcard(toRegex(p), longestLiteral(host), !host.equals(p), e));
      }
    }
  }

  public boolean isEmpty() {
    return exact.isEmpty() && suffix.isEmpty() && wildcards.isEmpty();
  }

  /** Calls {@code found} with each matching spec and the host reference it matched. */
  public void match(HostRef ref, BiConsumer<MatcherSpec.Host, HostRef> found) {
    String h = ref.host();
    String hp = ref.port() == null ? null : h + ":" + ref.port();
    emit(exact.get(h), ref, found);
    if (hp != null) {
      emit(exact.get(hp), ref, found);
    }
    for (int i = h.indexOf('.'); i > 0; i = h.indexOf('.', i + 1)) {
      emit(suffix.get(h.substring(i + 1)), ref, found);
    }
    for (Wildcard w : wildcards) {
      if (h.contains(w.token)) {
        String subject = w.withPort ? hp : h;
        if (subject != null
            && w.pattern.matcher(subject).matches()
            && w.entry.pathMatches(ref.path())) {
          found.accept(w.entry.spec, ref);
        }
      }
    }
  }

  private static void emit(
      List<Entry> entries, HostRef ref, BiConsumer<MatcherSpec.Host, HostRef> found) {
    if (entries != null) {
      for (Entry e : entries) {
        if (e.pathMatches(ref.path())) {
          found.accept(e.spec, ref);
        }
      }
    }
  }

  private static boolean isWildcard(String p) {
    return p.indexOf('*') >= 0;
  }

  /** {@code *.openai.azure.com}: one leading wildcard label, no port. */
  private static boolean isSuffix(String p) {
    return p.startsWith("*.") && p.indexOf('*', 1) < 0 && p.indexOf(':') < 0;
  }

  private static String hostPart(String p) {
    int colon = p.indexOf(':');
    return colon < 0 ? p : p.substring(0, colon);
  }

  private static Pattern toRegex(String p) {
    StringBuilder sb = new StringBuilder();
    String rest = p;
    if (rest.startsWith("*.")) {
      sb.append("(?:[a-z0-9_-]+\\.)+");
      rest = rest.substring(2);
    }
    String[] parts = rest.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append("[a-z0-9_-]+");
      }
      sb.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(sb.toString());
  }

  private static String longestLiteral(String host) {
    String best = "";
    for (String part : host.split("\\*")) {
      if (part.length() > best.length()) {
        best = part;
      }
    }
    return best;
  }
}
