package dev.aiscan.connectors.source.internal.config;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.FactType;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bicep files: {@code resource name 'Microsoft.X/y@version' [existing] = …} as {@code
 * cloud-resource} with the type without its API version (nested child resources are qualified by
 * their parent's type), every string as a {@code string-literal}, keyed for {@code key: 'value'},
 * {@code var x = 'value'} and {@code param x string = 'value'}.
 */
public final class BicepExtractor implements Extractor {

  @Override
  public String language() {
    return "bicep";
  }

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("bicep");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    new Scan(file.text(), out).run();
  }

  private static final class Scan {
    private final String s;
    private final int n;
    private final FactWriter out;
    private final KeyTracker keys = new KeyTracker();

    /** Resource types whose bodies are open, with the brace depth of each body. */
    private final Deque<Object[]> openResources = new ArrayDeque<>();

    private int pos;
    private int line = 1;
    private int depth;
    private boolean statementStart = true;

    /** 0: none; 1: after {@code resource}, expecting the symbolic name; 2: expecting the type. */
    private int resourceState;

    private int resourceLine;

    /** A resource just declared whose body brace has not been seen yet. */
    private String pendingBody;

    /** 0: none; 1: after {@code param}/{@code var}, expecting the name; 2: name read. */
    private int declState;

    private String declName;

    Scan(String s, FactWriter out) {
      this.s = s;
      this.n = s.length();
      this.out = out;
    }

    void run() {
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '\n') {
          line++;
          pos++;
          statementStart = true;
          keys.reset();
          resourceState = 0;
          declState = 0;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          pos++;
        } else if (c == '/' && next() == '/') {
          while (pos < n && s.charAt(pos) != '\n') {
            pos++;
          }
        } else if (c == '/' && next() == '*') {
          skipBlockComment();
        } else if (s.startsWith("'''", pos)) {
          int start = line;
          literal(multiLine(), start);
        } else if (c == '\'') {
          int start = line;
          literal(string(), start);
        } else if (Character.isLetter(c) || c == '_') {
          int from = pos;
          while (pos < n && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
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
      if (statementStart && word.equals("resource")) {
        resourceState = 1;
        resourceLine = line;
      } else if (resourceState == 1) {
        resourceState = 2;
      } else {
        resourceState = 0;
      }
      if (statementStart && (word.equals("param") || word.equals("var"))) {
        declState = 1;
      } else if (declState == 1) {
        declName = word;
        declState = 2;
      }
      statementStart = false;
    }

    private void literal(String value, int startLine) {
      if (resourceState == 2) {
        resource(value);
      }
      resourceState = 0;
      ConfigFacts.literal(out, value, startLine, keys.assignedKey());
      keys.token(value, statementStart);
      statementStart = false;
    }

    private void resource(String typeWithVersion) {
      int at = typeWithVersion.indexOf('@');
      String type = at < 0 ? typeWithVersion : typeWithVersion.substring(0, at);
      if (type.indexOf('/') < 0) {
        // A child declared inside its parent's body names only its own type segment.
        if (openResources.isEmpty()) {
          return;
        }
        type = openResources.peek()[1] + "/" + type;
      }
      out.emit(FactType.CLOUD_RESOURCE, type, resourceLine, ConfigFacts.origin("bicep"));
      pendingBody = type;
    }

    private void punctuation(char c) {
      resourceState = 0;
      statementStart = c == '{' || c == '}';
      if (c == '{') {
        depth++;
        if (pendingBody != null) {
          openResources.push(new Object[] {depth, pendingBody});
          pendingBody = null;
        }
      } else if (c == '}') {
        if (!openResources.isEmpty() && (int) openResources.peek()[0] == depth) {
          openResources.pop();
        }
        depth--;
      }
      char after = next();
      if (c == '=' && after != '=' && after != '>' && declState == 2) {
        keys.token(declName, true);
        keys.assign();
      } else if ((c == '=' && after != '=' && after != '>') || c == ':') {
        keys.assign();
      } else {
        keys.reset();
      }
      declState = 0;
    }

    private char next() {
      return pos + 1 < n ? s.charAt(pos + 1) : 0;
    }

    private void skipBlockComment() {
      int end = s.indexOf("*/", pos + 2);
      int stop = end < 0 ? n : end + 2;
      countLines(pos, stop);
      pos = stop;
    }

    private void countLines(int from, int to) {
      for (int i = from; i < to; i++) {
        if (s.charAt(i) == '\n') {
          line++;
        }
      }
    }

    /** A {@code '''…'''} string: raw, may span lines. */
    private String multiLine() {
      int from = pos + 3;
      int end = s.indexOf("'''", from);
      if (end < 0) {
        out.warn(line, "unterminated multi-line string");
        end = n;
      }
      // Extra quotes just before the closing ones belong to the content.
      while (end + 3 < n && s.charAt(end + 3) == '\'') {
        end++;
      }
      String value = s.substring(from, end);
      int stop = Math.min(n, end + 3);
      countLines(pos, stop);
      pos = stop;
      // A line break right after the opening quotes is not part of the value.
      if (value.startsWith("\r\n")) {
        return value.substring(2);
      }
      return value.startsWith("\n") ? value.substring(1) : value;
    }

    /** A {@code '…'} string: escapes applied, interpolations kept as written. */
    private String string() {
      int startLine = line;
      StringBuilder b = new StringBuilder();
      pos++;
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '\'') {
          pos++;
          return b.toString();
        }
        if (c == '\n') {
          out.warn(startLine, "unterminated string");
          return b.toString();
        }
        if (c == '\\' && pos + 1 < n) {
          escape(b);
        } else if (c == '$' && next() == '{') {
          int from = pos;
          Interpolations.Skipped skipped = Interpolations.skip(s, pos, '\'', "$");
          pos = skipped.end();
          line += skipped.newlines();
          b.append(s, from, pos);
        } else {
          b.append(c);
          pos++;
        }
      }
      out.warn(startLine, "unterminated string");
      return b.toString();
    }

    private void escape(StringBuilder b) {
      char e = s.charAt(pos + 1);
      if (e == 'u' && pos + 2 < n && s.charAt(pos + 2) == '{') {
        // At most six hex digits: a bounded look, so that many unclosed escapes stay linear.
        int close = pos + 3;
        while (close < n && close <= pos + 9 && s.charAt(close) != '}') {
          close++;
        }
        if (close < n && s.charAt(close) == '}' && close > pos + 3) {
          try {
            int code = Integer.parseInt(s.substring(pos + 3, close), 16);
            if (Character.isValidCodePoint(code)) {
              b.appendCodePoint(code);
              pos = close + 1;
              return;
            }
          } catch (NumberFormatException ignored) {
            // Not an escape after all: kept as written below.
          }
        }
      }
      switch (e) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case '\'', '\\', '$' -> b.append(e);
        default -> b.append('\\').append(e);
      }
      pos += 2;
    }
  }
}
