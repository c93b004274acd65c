package dev.aiscan.connectors.source.internal.lang;

import dev.aiscan.connectors.source.internal.lang.PythonExtractor.MagicLines;
import dev.aiscan.connectors.source.internal.lang.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A forgiving, linear-time Python tokenizer: comments and line continuations are skipped, every
 * string form is unescaped (prefixes r, b, u, f, t and their pairs in any case; triple quotes;
 * f-strings yield their static parts while their replacement fields are tokenized as code), and
 * logical line ends become {@link Kind#NEWLINE} tokens (none inside brackets). Nesting is tracked
 * on explicit counters and stacks, so no input can overflow the call stack.
 *
 * <p>In notebook mode, IPython magic and shell lines ({@code %pip …}, {@code !ls}) are handed to a
 * callback instead of being tokenized.
 */
final class PythonTokenizer {

  private static final Set<String> PREFIXES =
      Set.of("r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt");
  private static final Set<String> TWO_CHAR_PUNCT =
      Set.of("==", "!=", "<=", ">=", ":=", "->", "**", "//");

  /**
   * Keywords that never start a line at column 0 inside brackets in valid code: seeing one there
   * means a bracket was left open, so the depth is reset and statements are found again.
   */
  private static final Set<String> STATEMENT_KEYWORDS = Set.of("def", "class", "import", "from");

  private static final class Form {
    final char quote;
    final boolean triple;
    final boolean raw;
    final boolean formatted;
    boolean hadHole;

    Form(char quote, boolean triple, boolean raw, boolean formatted) {
      this.quote = quote;
      this.triple = triple;
      this.raw = raw;
      this.formatted = formatted;
    }
  }

  /** An open f-string replacement field: the string to resume and the bracket depth outside it. */
  private record Hole(Form form, int depthOutside) {}

  private final String src;
  private final int n;
  private final MagicLines magics;
  private final List<Token> tokens = new ArrayList<>();
  private final ArrayDeque<Hole> holes = new ArrayDeque<>();
  private int pos;
  private int line = 1;
  private int depth;
  private int lineStart;
  private boolean atLineStart = true;

  private PythonTokenizer(String src, MagicLines magics) {
    this.src = src;
    this.n = src.length();
    this.magics = magics;
  }

  /**
   * Tokenizes {@code src}.
   *
   * @param magics receives IPython magic lines, or null for plain Python (where {@code !} and
   *     {@code %} are operators)
   */
  static List<Token> tokenize(String src, MagicLines magics) {
    return new PythonTokenizer(src, magics).run();
  }

  private List<Token> run() {
    while (pos < n) {
      char c = src.charAt(pos);
      char next = pos + 1 < n ? src.charAt(pos + 1) : '\0';
      if (c == '\n') {
        newline();
      } else if (c == '\\'
          && (next == '\n' || next == '\r' && pos + 2 < n && src.charAt(pos + 2) == '\n')) {
        pos += next == '\n' ? 2 : 3;
        line++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#') {
        skipToLineEnd();
      } else if (atLineStart && depth == 0 && magics != null && (c == '!' || c == '%')) {
        magicLine();
      } else {
        boolean column0 = atLineStart && pos == lineStart;
        atLineStart = false;
        token(c, next, column0);
      }
    }
    return tokens;
  }

  private void token(char c, char next, boolean column0) {
    if (Character.isUnicodeIdentifierStart(c) || c == '_') {
      int start = pos;
      while (pos < n
          && (Character.isUnicodeIdentifierPart(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String word = src.substring(start, pos);
      boolean quoteNext = pos < n && (src.charAt(pos) == '"' || src.charAt(pos) == '\'');
      if (quoteNext && PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
        string(word.toLowerCase(Locale.ROOT));
        return;
      }
      if (column0 && depth > 0 && holes.isEmpty() && STATEMENT_KEYWORDS.contains(word)) {
        depth = 0;
        endLogicalLine();
      }
      tokens.add(new Token(Kind.IDENT, word, line));
    } else if (c == '"' || c == '\'') {
      string("");
    } else if (c >= '0' && c <= '9' || c == '.' && next >= '0' && next <= '9') {
      number();
    } else if (c == '(' || c == '[' || c == '{') {
      depth++;
      punct(String.valueOf(c), 1);
    } else if (c == '}' && inHoleTopLevel()) {
      pos++;
      resumeAfterHole();
    } else if (c == ':' && inHoleTopLevel()) {
      skipFormatSpec();
    } else if (c == ')' || c == ']' || c == '}') {
      depth = Math.max(0, depth - 1);
      punct(String.valueOf(c), 1);
    } else {
      String two = pos + 1 < n ? src.substring(pos, pos + 2) : "";
      punct(
          TWO_CHAR_PUNCT.contains(two) ? two : String.valueOf(c),
          TWO_CHAR_PUNCT.contains(two) ? 2 : 1);
    }
  }

  private boolean inHoleTopLevel() {
    return !holes.isEmpty() && depth - 1 == holes.peek().depthOutside();
  }

  private void resumeAfterHole() {
    Hole h = holes.pop();
    depth = h.depthOutside();
    scan(h.form());
  }

  /** The format spec of a replacement field ({@code :>{width}}) up to the field's closing brace. */
  private void skipFormatSpec() {
    int nested = 0;
    pos++;
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '\n') {
        if (!holes.peek().form().triple) {
          return; // the main loop abandons the field at the line end
        }
        line++;
      } else if (c == '{') {
        nested++;
      } else if (c == '}' && nested-- == 0) {
        pos++;
        resumeAfterHole();
        return;
      }
      pos++;
    }
  }

  private void newline() {
    pos++;
    line++;
    lineStart = pos;
    atLineStart = true;
    // a replacement field of a single-line f-string cannot continue on the next line
    while (!holes.isEmpty() && !holes.peek().form().triple) {
      depth = holes.pop().depthOutside();
    }
    if (depth == 0) {
      endLogicalLine();
    }
  }

  private void endLogicalLine() {
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
      tokens.add(new Token(Kind.NEWLINE, "", line - 1));
    }
  }

  private void string(String prefix) {
    char q = src.charAt(pos);
    boolean triple = pos + 2 < n && src.charAt(pos + 1) == q && src.charAt(pos + 2) == q;
    pos += triple ? 3 : 1;
    scan(
        new Form(
            q,
            triple,
            prefix.indexOf('r') >= 0,
            prefix.indexOf('f') >= 0 || prefix.indexOf('t') >= 0));
  }

  /** Scans string content up to the closing quote, or up to a replacement field of an f-string. */
  private void scan(Form f) {
    int startLine = line;
    StringBuilder sb = new StringBuilder();
    while (pos < n) {
      char c = src.charAt(pos);
      char next = pos + 1 < n ? src.charAt(pos + 1) : '\0';
      if (c == '\\') {
        backslash(f, sb, next);
      } else if (c == f.quote) {
        if (!f.triple) {
          pos++;
          finish(f, sb, startLine);
          return;
        }
        if (next == f.quote && pos + 2 < n && src.charAt(pos + 2) == f.quote) {
          pos += 3;
          finish(f, sb, startLine);
          return;
        }
        sb.append(c);
        pos++;
      } else if (c == '\n') {
        if (!f.triple) {
          return; // unterminated on its line: dropped
        }
        line++;
        sb.append(c);
        pos++;
      } else if (c == '\r' && next == '\n') {
        pos++;
      } else if (f.formatted && (c == '{' || c == '}') && next == c) {
        sb.append(c);
        pos += 2;
      } else if (f.formatted && c == '{') {
        f.hadHole = true;
        if (sb.length() > 0) {
          tokens.add(new Token(Kind.STRING_PART, sb.toString(), startLine));
        }
        holes.push(new Hole(f, depth));
        depth++;
        pos++;
        return;
      } else {
        sb.append(c);
        pos++;
      }
    }
  }

  private void backslash(Form f, StringBuilder sb, char next) {
    int afterCr = next == '\r' && pos + 2 < n && src.charAt(pos + 2) == '\n' ? pos + 2 : -1;
    if (next == '\n' || afterCr > 0) {
      // line continuation inside a string (kept verbatim in raw strings)
      if (f.raw) {
        sb.append('\\').append('\n');
      }
      pos = (afterCr > 0 ? afterCr : pos + 1) + 1;
      line++;
    } else if (f.raw) {
      sb.append('\\');
      if (pos + 1 < n) {
        sb.append(next);
      }
      pos += 2;
    } else if (next == 'N' && pos + 2 < n && src.charAt(pos + 2) == '{') {
      // \N{NAME}: a named character; its braces are not an f-string replacement field
      int close = pos + 3;
      while (close < n
          && close < pos + 100
          && src.charAt(close) != '}'
          && src.charAt(close) != '\n') {
        close++;
      }
      int end = close < n && src.charAt(close) == '}' ? close + 1 : pos + 2;
      try {
        sb.appendCodePoint(
            Character.codePointOf(src.substring(pos + 3, Math.max(pos + 3, end - 1))));
      } catch (IllegalArgumentException unknownName) {
        sb.append(src, pos, end);
      }
      pos = end;
    } else {
      pos = Escapes.decode(src, pos, sb, 2, true);
    }
  }

  private void finish(Form f, StringBuilder sb, int startLine) {
    if (!f.hadHole) {
      tokens.add(new Token(Kind.STRING, sb.toString(), startLine));
    } else if (sb.length() > 0) {
      tokens.add(new Token(Kind.STRING_PART, sb.toString(), startLine));
    }
  }

  /** A magic or shell line, with backslash continuations joined, handed to the callback. */
  private void magicLine() {
    int startLine = line;
    StringBuilder text = new StringBuilder();
    while (pos < n && src.charAt(pos) != '\n') {
      char c = src.charAt(pos);
      int nl = c == '\\' ? lineBreakAfter(pos + 1) : -1;
      if (nl >= 0) {
        text.append(' ');
        pos = nl + 1;
        line++;
      } else {
        text.append(c);
        pos++;
      }
    }
    magics.accept(startLine, text.toString().strip());
  }

  /**
   * The index of the {@code \n} if a line break ({@code \n} or {@code \r\n}) starts at {@code i}.
   */
  private int lineBreakAfter(int i) {
    if (i < n && src.charAt(i) == '\n') {
      return i;
    }
    return i + 1 < n && src.charAt(i) == '\r' && src.charAt(i + 1) == '\n' ? i + 1 : -1;
  }

  private void number() {
    int start = pos;
    pos++;
    while (pos < n) {
      char c = src.charAt(pos);
      char prev = src.charAt(pos - 1);
      boolean exponentSign = (c == '+' || c == '-') && (prev == 'e' || prev == 'E');
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign) {
        pos++;
      } else {
        break;
      }
    }
    tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), line));
  }

  private void punct(String text, int length) {
    tokens.add(new Token(Kind.PUNCT, text, line));
    pos += length;
  }

  private void skipToLineEnd() {
    while (pos < n && src.charAt(pos) != '\n') {
      pos++;
    }
  }
}
