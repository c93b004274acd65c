package dev.aiscan.rules.internal;

import java.util.regex.Pattern;

/**
 * Globs over a path relative to a tree's root, with {@code /} separators: {@code *} is any run of
 * characters within one segment, {@code ?} one character within a segment, {@code **} any run of
 * whole segments. A leading {@code **}{@code /} also matches at the root ({@code **}{@code
 * /.cursor/mcp.json} matches {@code .cursor/mcp.json} and {@code a/b/.cursor/mcp.json}), as does
 * any {@code /**}{@code /} in the middle (zero or more directories). Case-sensitive.
 */
public final class PathGlob {
  private PathGlob() {}

  /** An error message for a malformed glob, or null. */
  public static String check(String glob) {
    if (glob.isEmpty() || glob.startsWith("/") || glob.endsWith("/")) {
      return "path glob '" + glob + "' must be relative, without a leading or trailing '/'";
    }
    for (String segment : glob.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "path glob '" + glob + "' has an empty, '.' or '..' segment";
      }
      if (segment.contains("**") && !segment.equals("**")) {
        return "path glob '" + glob + "': '**' must be a whole segment";
      }
    }
    return null;
  }

  public static boolean isGlob(String glob) {
    return glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0;
  }

  /** The glob as an anchored regex. */
  public static Pattern compile(String glob) {
    StringBuilder sb = new StringBuilder();
    String[] segments = glob.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      boolean last = i == segments.length - 1;
      if (seg.equals("**")) {
        // zero or more whole segments, each followed by '/'; as the last segment: anything
        sb.append(last ? ".*" : "(?:[^/]+/)*");
        continue;
      }
      StringBuilder lit = new StringBuilder();
      for (int j = 0; j < seg.length(); j++) {
        char c = seg.charAt(j);
        if (c == '*' || c == '?') {
          if (lit.length() > 0) {
            sb.append(Pattern.quote(lit.toString()));
            lit.setLength(0);
          }
          sb.append(c == '*' ? "[^/]*" : "[^/]");
        } else {
          lit.append(c);
        }
      }
      if (lit.length() > 0) {
        sb.append(Pattern.quote(lit.toString()));
      }
      if (!last) {
        sb.append('/');
      }
    }
    return Pattern.compile(sb.toString());
  }
}
