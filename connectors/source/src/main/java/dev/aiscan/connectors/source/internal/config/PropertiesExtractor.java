package dev.aiscan.connectors.source.internal.config;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.FactType;

/**
 * Java {@code .properties} files: each key as a {@code config-key} at its line, each non-empty
 * value as a {@code string-literal} keyed by it. Follows the {@code java.util.Properties} syntax
 * (comments, separators, continuations, escapes) but keeps line numbers, which {@code Properties}
 * loses.
 */
public final class PropertiesExtractor implements Extractor {

  @Override
  public String language() {
    return "properties";
  }

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("properties");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    String[] lines = ConfigFacts.lines(file.text());
    for (int i = 0; i < lines.length; i++) {
      String current = lines[i].substring(skipBlanks(lines[i], 0));
      if (current.isEmpty() || current.charAt(0) == '#' || current.charAt(0) == '!') {
        continue;
      }
      int keyLine = i + 1;
      StringBuilder logical = new StringBuilder();
      // A line ending in an odd number of backslashes continues on the next, whose leading blanks
      // go.
      while (continues(current) && i + 1 < lines.length) {
        logical.append(current, 0, current.length() - 1);
        i++;
        current = lines[i].substring(skipBlanks(lines[i], 0));
      }
      logical.append(continues(current) ? current.substring(0, current.length() - 1) : current);
      entry(logical.toString(), keyLine, out);
    }
  }

  private static void entry(String s, int line, FactWriter out) {
    int n = s.length();
    int keyEnd = 0;
    while (keyEnd < n) {
      char c = s.charAt(keyEnd);
      if (c == '\\') {
        keyEnd += 2;
        continue;
      }
      if (c == '=' || c == ':' || isBlank(c)) {
        break;
      }
      keyEnd++;
    }
    keyEnd = Math.min(keyEnd, n);
    int valueStart = skipBlanks(s, keyEnd);
    if (valueStart < n && (s.charAt(valueStart) == '=' || s.charAt(valueStart) == ':')) {
      valueStart = skipBlanks(s, valueStart + 1);
    }
    boolean[] malformed = new boolean[1];
    String key = unescape(s, 0, keyEnd, malformed);
    String value = unescape(s, valueStart, n, malformed);
    if (malformed[0]) {
      out.warn(line, "malformed \\uxxxx escape in a properties entry");
    }
    out.emit(FactType.CONFIG_KEY, key, line, ConfigFacts.origin("properties"));
    ConfigFacts.literal(out, value, line, key);
  }

  private static String unescape(String s, int from, int to, boolean[] malformed) {
    StringBuilder b = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = s.charAt(i++);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= to) {
        break;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 'f' -> b.append('\f');
        case 'u' -> {
          int code = i + 4 <= to ? hex(s, i) : -1;
          if (code < 0) {
            malformed[0] = true;
            b.append('u');
          } else {
            b.append((char) code);
            i += 4;
          }
        }
        default -> b.append(e);
      }
    }
    return b.toString();
  }

  private static int hex(String s, int at) {
    int v = 0;
    for (int k = at; k < at + 4; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  private static boolean continues(String line) {
    int count = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      count++;
    }
    return count % 2 == 1;
  }

  private static int skipBlanks(String s, int from) {
    int i = from;
    while (i < s.length() && isBlank(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }
}
