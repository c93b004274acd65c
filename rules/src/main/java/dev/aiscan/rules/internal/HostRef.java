package dev.aiscan.rules.internal;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * A host found in a string literal: the authority of a URL ({@code https://api.openai.com/v1}), or
 * the whole literal when it is a bare host name ({@code my-res.openai.azure.com}, {@code
 * localhost:11434}).
 *
 * @param host lowercase host name
 * @param port the port digits, or null
 * @param path the path ({@code /v1/...}), or an empty string
 * @param start offset of the reference in the literal
 * @param end offset after the reference
 */
public record HostRef(String host, String port, String path, int start, int end) {
  private static final int MAX_URLS = 16;
  private static final int MAX_BARE = 300;

  /** Longest DNS name; longer "hosts" are not hosts and would make suffix walks quadratic. */
  private static final int MAX_HOST = 253;

  /**
   * Calls {@code found} for each URL in {@code literal}, or for the literal if it is a bare host.
   */
  public static void scan(String literal, Consumer<HostRef> found) {
    if (literal.indexOf('.') < 0 && literal.indexOf(':') < 0) {
      return;
    }
    int idx = literal.indexOf("://");
    if (idx < 0) {
      bare(literal, found);
      return;
    }
    for (int n = 0; idx >= 0 && n < MAX_URLS; n++) {
      url(literal, idx, found);
      idx = literal.indexOf("://", idx + 3);
    }
  }

  private static void url(String s, int sep, Consumer<HostRef> found) {
    int start = sep;
    while (start > 0 && isSchemeChar(s.charAt(start - 1))) {
      start--;
    }
    if (start == sep || !Character.isLetter(s.charAt(start))) {
      return;
    }
    int a = sep + 3;
    int end = a;
    while (end < s.length() && !endsAuthority(s.charAt(end))) {
      end++;
    }
    String authority = s.substring(a, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    int pathEnd = end;
    if (end < s.length() && s.charAt(end) == '/') {
      while (pathEnd < s.length() && !endsPath(s.charAt(pathEnd))) {
        pathEnd++;
      }
    }
    emit(authority, s.substring(end, pathEnd), start, pathEnd, found);
  }

  private static void bare(String s, Consumer<HostRef> found) {
    String t = s.strip();
    if (t.isEmpty() || t.length() > MAX_BARE || !Character.isLetterOrDigit(t.charAt(0))) {
      return;
    }
    int i = 0;
    while (i < t.length() && isHostChar(t.charAt(i))) {
      i++;
    }
    int hostEnd = i;
    if (i < t.length() && t.charAt(i) == ':') {
      i++;
      while (i < t.length() && Character.isDigit(t.charAt(i))) {
        i++;
      }
      if (i == hostEnd + 1) {
        return;
      }
    }
    int authorityEnd = i;
    if (i < t.length() && t.charAt(i) != '/') {
      return;
    }
    for (int j = i; j < t.length(); j++) {
      if (Character.isWhitespace(t.charAt(j))) {
        return;
      }
    }
    String host = t.substring(0, hostEnd);
    if (host.indexOf('.') < 0 && authorityEnd == hostEnd) {
      return;
    }
    int offset = s.indexOf(t);
    emit(
        t.substring(0, authorityEnd),
        t.substring(authorityEnd),
        offset,
        offset + t.length(),
        found);
  }

  private static void emit(
      String authority, String path, int start, int end, Consumer<HostRef> found) {
    String host = authority;
    String port = null;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        return;
      }
      String rest = host.substring(close + 1);
      host = host.substring(0, close + 1);
      if (rest.startsWith(":")) {
        port = digits(rest.substring(1));
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0) {
        port = digits(host.substring(colon + 1));
        host = host.substring(0, colon);
      }
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.length() > MAX_HOST) {
      return;
    }
    found.accept(new HostRef(host.toLowerCase(Locale.ROOT), port, path, start, end));
  }

  private static String digits(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return null;
      }
    }
    return s;
  }

  private static boolean isSchemeChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
  }

  private static boolean isHostChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
  }

  private static boolean endsAuthority(char c) {
    return c == '/' || c == '?' || c == '#' || endsPath(c);
  }

  private static boolean endsPath(char c) {
    return Character.isWhitespace(c)
        || c == '"'
        || c == '\''
        || c == '`'
        || c == '<'
        || c == '>'
        || c == '\\'
        || c == ')'
        || c == '('
        || c == ','
        || c == ';'
        || c == '?'
        || c == '#';
  }
}
