package dev.aiscan.core.register;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Register globs: {@code *} matches within a path segment, {@code **} across segments, {@code ?}
 * one character; everything else is literal. Matching ignores case, as people write names.
 */
final class Globs {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Globs() {}

  static boolean matches(String glob, String text) {
    if (text == null) {
      return false;
    }
    return CACHE.computeIfAbsent(glob, Globs::compile).matcher(text).matches();
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
            // "**/" is any number of directories, none included
            regex.append("(?:.*/)?");
            i++;
          } else {
            regex.append(".*");
          }
        } else {
          regex.append("[^/]*");
        }
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(
        regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
