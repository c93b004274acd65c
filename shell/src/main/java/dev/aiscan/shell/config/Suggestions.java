package dev.aiscan.shell.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" for a mistyped key or name. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The known name closest to {@code name}, or null when none is close: spelt the same but for
   * case, {@code _} for {@code -} or camelCase ({@code max_file_size}, {@code maxFileSize}), or
   * within one edit (two for longer names), a swap of two neighbours counting as one.
   */
  static String closest(String name, Collection<String> known) {
    String wanted = squash(name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      if (squash(candidate).equals(wanted)) {
        return candidate;
      }
      int d = distance(name.toLowerCase(Locale.ROOT), candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.min(name.length(), best == null ? 0 : best.length()) >= 6 ? 2 : 1;
    return bestDistance <= allowed ? best : null;
  }

  /** A name (or value) cut short for a message. */
  static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return Integer.MAX_VALUE;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
