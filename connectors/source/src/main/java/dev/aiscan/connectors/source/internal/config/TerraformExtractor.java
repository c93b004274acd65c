package dev.aiscan.connectors.source.internal.config;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.FactType;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Terraform ({@code .tf}, {@code .tofu}) through a small HCL-aware scanner: {@code resource "TYPE"
 * "name"} and {@code data "TYPE" "name"} blocks as {@code cloud-resource}, every string and heredoc
 * as a {@code string-literal}, keyed by the attribute when it is {@code key = "value"}. Comments,
 * {@code ${…}} templates (with nested strings) and heredocs are understood; one pass, no
 * backtracking.
 */
public final class TerraformExtractor implements Extractor {

  @Override
  public String language() {
    return "terraform";
  }

  @Override
  public boolean accepts(SourceFile file) {
    String ext = file.extension();
    return ext.equals("tf") || ext.equals("tofu");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    new Scan(file.text(), out).run();
  }

  private static final class Scan {
    private final String s;
    private final int n;
    private final FactWriter out;
    private int pos;
    private int line = 1;
    private final KeyTracker keys = new KeyTracker();

    /** At the start of a statement: start of file, after a newline or a brace. */
    private boolean statementStart = true;

    /** Line of a pending {@code resource}/{@code data} keyword waiting for its type label. */
    private int blockLine;

    Scan(String s, FactWriter out) {
      this.s = s;
      this.n = s.length();
      this.out = out;
    }

    void run() {
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '\n') {
          newline();
          pos++;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          pos++;
        } else if (c == '#' || (c == '/' && next() == '/')) {
          while (pos < n && s.charAt(pos) != '\n') {
            pos++;
          }
        } else if (c == '/' && next() == '*') {
          blockComment();
        } else if (c == '"') {
          int start = line;
          literal(string(), start);
        } else if (c == '<' && next() == '<' && heredocAhead()) {
          int start = line;
          literal(heredoc(), start);
        } else if (Character.isLetter(c) || c == '_') {
          int from = pos;
          while (pos < n
              && (Character.isLetterOrDigit(s.charAt(pos))
                  || s.charAt(pos) == '_'
                  || s.charAt(pos) == '-')) {
            pos++;
          }
          identifier(s.substring(from, pos));
        } else {
          punctuation(c);
          pos++;
        }
      }
    }

    private void identifier(String word) {
      keys.token(word, statementStart);
      if (blockLine > 0) {
        emitBlock(word);
      } else if (statementStart && (word.equals("resource") || word.equals("data"))) {
        blockLine = line;
      }
      statementStart = false;
    }

    /** A string or heredoc just read. */
    private void literal(String value, int startLine) {
      if (blockLine > 0) {
        emitBlock(value);
      }
      ConfigFacts.literal(out, value, startLine, keys.assignedKey());
      keys.token(value, statementStart);
      statementStart = false;
    }

    private void emitBlock(String type) {
      out.emit(FactType.CLOUD_RESOURCE, type, blockLine, ConfigFacts.origin("terraform"));
      blockLine = 0;
    }

    private void punctuation(char c) {
      blockLine = 0;
      statementStart = c == '{' || c == '}';
      char after = next();
      if ((c == '=' && after != '=' && after != '>') || c == ':') {
        keys.assign();
      } else {
        keys.reset();
      }
    }

    private void newline() {
      line++;
      statementStart = true;
      blockLine = 0;
      keys.reset();
    }

    private char next() {
      return pos + 1 < n ? s.charAt(pos + 1) : 0;
    }

    private void blockComment() {
      int end = s.indexOf("*/", pos + 2);
      int stop = end < 0 ? n : end + 2;
      for (int i = pos; i < stop; i++) {
        if (s.charAt(i) == '\n') {
          line++;
        }
      }
      pos = stop;
    }

    /**
     * Reads a quoted template string at {@code pos}; escapes applied, interpolations kept as
     * written.
     */
    private String string() {
      int startLine = line;
      StringBuilder b = new StringBuilder();
      pos++;
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '"') {
          pos++;
          return b.toString();
        }
        if (c == '\n') {
          out.warn(startLine, "unterminated string");
          return b.toString();
        }
        if (c == '\\' && pos + 1 < n) {
          escape(b);
        } else if ((c == '$' || c == '%') && next() == '{') {
          int from = pos;
          Interpolations.Skipped skipped = Interpolations.skip(s, pos, '"', "$%");
          pos = skipped.end();
          line += skipped.newlines();
          b.append(s, from, pos);
        } else if ((c == '$' || c == '%')
            && next() == c
            && pos + 2 < n
            && s.charAt(pos + 2) == '{') {
          b.append(c).append('{');
          pos += 3;
        } else {
          b.append(c);
          pos++;
        }
      }
      out.warn(startLine, "unterminated string");
      return b.toString();
    }

    /** Applies the escape at {@code pos} ({@code \\n}, {@code \\"}, {@code \\uNNNN}, ...). */
    private void escape(StringBuilder b) {
      char e = s.charAt(pos + 1);
      int digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
      if (digits > 0) {
        int code = pos + 2 + digits <= n ? hex(pos + 2, digits) : -1;
        if (code >= 0 && Character.isValidCodePoint(code)) {
          b.appendCodePoint(code);
          pos += 2 + digits;
          return;
        }
      }
      switch (e) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case '"', '\\' -> b.append(e);
        default -> b.append('\\').append(e);
      }
      pos += 2;
    }

    private int hex(int from, int digits) {
      int v = 0;
      for (int i = from; i < from + digits; i++) {
        int d = Character.digit(s.charAt(i), 16);
        if (d < 0) {
          return -1;
        }
        v = v * 16 + d;
      }
      return v;
    }

    private boolean heredocAhead() {
      int i = pos + 2;
      if (i < n && s.charAt(i) == '-') {
        i++;
      }
      return i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_');
    }

    /** Reads {@code <<EOF} / {@code <<-EOF} and its body up to the closing marker line. */
    private String heredoc() {
      int startLine = line;
      pos += 2;
      boolean indented = pos < n && s.charAt(pos) == '-';
      if (indented) {
        pos++;
      }
      int from = pos;
      while (pos < n && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      String marker = s.substring(from, pos);
      while (pos < n && s.charAt(pos) != '\n') {
        pos++;
      }
      StringBuilder body = new StringBuilder();
      int minIndent = Integer.MAX_VALUE;
      Deque<String> bodyLines = new ArrayDeque<>();
      while (pos < n) {
        pos++;
        if (pos >= n) {
          break;
        }
        line++;
        int end = s.indexOf('\n', pos);
        if (end < 0) {
          end = n;
        }
        String current = s.substring(pos, end);
        pos = end;
        if (current.strip().equals(marker)) {
          return join(bodyLines, indented ? minIndent : 0, body);
        }
        bodyLines.add(current);
        if (!current.isBlank()) {
          minIndent = Math.min(minIndent, current.length() - current.stripLeading().length());
        }
      }
      out.warn(startLine, "unterminated heredoc");
      return join(bodyLines, indented ? minIndent : 0, body);
    }

    private static String join(Deque<String> lines, int indent, StringBuilder b) {
      int cut = indent == Integer.MAX_VALUE ? 0 : indent;
      for (String l : lines) {
        String t = l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
        b.append(t.length() >= cut ? t.substring(cut) : t.stripLeading()).append('\n');
      }
      return b.toString();
    }
  }
}
