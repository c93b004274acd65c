package dev.aiscan.connectors.source.internal.lang;

/** Decodes the backslash escapes shared by the C family and Python. */
final class Escapes {
  private Escapes() {}

  /**
   * Decodes the escape whose backslash is at {@code pos} and appends its value.
   *
   * @param maxHex how many hex digits {@code \x} takes (2 in most languages, up to 4 in C#)
   * @param keepUnknown whether an unknown escape keeps its backslash (Python) or drops it (JS)
   * @return the index after the escape
   */
  static int decode(CharSequence s, int pos, StringBuilder out, int maxHex, boolean keepUnknown) {
    int n = s.length();
    if (pos + 1 >= n) {
      out.append('\\');
      return n;
    }
    char c = s.charAt(pos + 1);
    int next = pos + 2;
    switch (c) {
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'v' -> out.append('\u000b');
      case 'a' -> out.append('\u0007');
      case '\\', '\'', '"', '`', '?' -> out.append(c);
      case 'x' -> next = hex(s, pos + 2, 1, maxHex, out, pos);
      case 'u' -> {
        if (next < n && s.charAt(next) == '{') {
          int close = next + 1;
          while (close < n && close - next <= 7 && isHex(s.charAt(close))) {
            close++;
          }
          if (close < n && s.charAt(close) == '}' && close > next + 1) {
            appendCodePoint(out, Integer.parseInt(s, next + 1, close, 16));
            return close + 1;
          }
          out.append("\\u");
          return next;
        }
        next = hex(s, next, 4, 4, out, pos);
      }
      case 'U' -> next = hex(s, next, 8, 8, out, pos);
      default -> {
        if (c >= '0' && c <= '7') {
          int end = next;
          while (end < n && end < pos + 4 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
            end++;
          }
          appendCodePoint(out, Integer.parseInt(s, pos + 1, end, 8));
          return end;
        }
        if (keepUnknown) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return next;
  }

  private static int hex(
      CharSequence s, int from, int min, int max, StringBuilder out, int backslash) {
    int end = from;
    while (end < s.length() && end - from < max && isHex(s.charAt(end))) {
      end++;
    }
    if (end - from < min) {
      out.append(s, backslash, from);
      return from;
    }
    appendCodePoint(out, (int) Long.parseLong(s, from, end, 16));
    return end;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static void appendCodePoint(StringBuilder out, int cp) {
    if (cp >= 0 && cp <= Character.MAX_CODE_POINT) {
      out.appendCodePoint(cp);
    }
  }
}
