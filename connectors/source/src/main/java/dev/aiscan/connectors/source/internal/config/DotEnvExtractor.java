package dev.aiscan.connectors.source.internal.config;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .env} files ({@code .env}, {@code .env.local}, {@code prod.env}): each {@code KEY=value}
 * or {@code export KEY=value} as an {@code env-var} plus its value as a keyed {@code
 * string-literal}. Single-quoted values are raw, double-quoted ones take escapes; both may span
 * lines.
 */
public final class DotEnvExtractor implements Extractor {
  private static final Pattern ENTRY =
      Pattern.compile("[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.\\-]*)[ \t]*=[ \t]*");
  private static final Pattern COMMENT = Pattern.compile("[ \t]#");

  @Override
  public String language() {
    return "dotenv";
  }

  @Override
  public boolean accepts(SourceFile file) {
    String name = file.name();
    return name.equals(".env") || name.startsWith(".env.") || file.extension().equals("env");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    String[] lines = ConfigFacts.lines(file.text());
    // Once a quote is found unterminated, later values with that quote stay on their line, so a
    // broken file costs one scan to its end, not one per line.
    boolean multiLineDouble = true;
    boolean multiLineSingle = true;
    for (int i = 0; i < lines.length; i++) {
      Matcher m = ENTRY.matcher(lines[i]);
      if (!m.lookingAt()) {
        continue;
      }
      int line = i + 1;
      String key = m.group(1);
      String rest = lines[i].substring(m.end());
      String value;
      char quote = rest.isEmpty() ? 0 : rest.charAt(0);
      if (quote == '"' || quote == '\'') {
        StringBuilder b = new StringBuilder();
        int end = closing(rest, 1, quote, b);
        int j = i;
        boolean multi = quote == '"' ? multiLineDouble : multiLineSingle;
        while (end < 0 && multi && j + 1 < lines.length) {
          j++;
          b.append('\n');
          end = closing(lines[j], 0, quote, b);
        }
        if (end >= 0) {
          i = j;
          value = b.toString();
        } else {
          out.warn(line, "unterminated quoted value for " + key);
          if (quote == '"') {
            multiLineDouble = false;
          } else {
            multiLineSingle = false;
          }
          b.setLength(0);
          closing(rest, 1, quote, b);
          value = b.toString();
        }
      } else {
        Matcher c = COMMENT.matcher(rest);
        value = (c.find() ? rest.substring(0, c.start()) : rest).strip();
      }
      ConfigFacts.envVar(out, key, line, "dotenv");
      ConfigFacts.literal(out, value, line, key);
    }
  }

  /**
   * Appends the quoted text of {@code s} from {@code from} to {@code b}; returns the index of the
   * closing quote, or -1 when the line ends first.
   */
  private static int closing(String s, int from, char quote, StringBuilder b) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote) {
        return i;
      }
      if (c == '\\' && quote == '"' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        switch (e) {
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case '"', '\\', '$' -> b.append(e);
          default -> b.append('\\').append(e);
        }
        continue;
      }
      b.append(c);
    }
    return -1;
  }
}
