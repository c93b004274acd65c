package dev.aiscan.connectors.source.internal.lang;

import dev.aiscan.connectors.source.internal.lang.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A forgiving, linear-time lexer for the C family (Java, JavaScript/TypeScript, Go, C#): comments
 * are skipped, strings are unescaped, and interpolated strings yield their static parts while the
 * code in their holes is lexed as ordinary tokens. Interpolation nesting is tracked on an explicit
 * stack, so no input can overflow the call stack. Garbage never throws: an unterminated string or
 * comment simply ends (a single-line string at its line end, so one stray quote costs one line).
 */
final class CLikeLexer {

  enum Dialect {
    JAVA,
    JAVASCRIPT,
    GO,
    CSHARP
  }

  private enum Interp {
    NONE,
    TEMPLATE,
    CSHARP
  }

  private static final Set<String> TWO_CHAR_PUNCT =
      Set.of(
          "==", "!=", "<=", ">=", "=>", ":=", "::", "?.", "&&", "||", "??", "+=", "-=", "->", "++",
          "--");

  /** JavaScript keywords after which a slash starts a regular expression, not a division. */
  private static final Set<String> REGEX_AFTER =
      Set.of(
          "return",
          "typeof",
          "instanceof",
          "in",
          "of",
          "new",
          "delete",
          "void",
          "throw",
          "case",
          "do",
          "else",
          "yield",
          "await");

  /** Punctuation after which a slash divides: the end of an operand. */
  private static final Set<String> DIVISION_AFTER = Set.of(")", "]", "++", "--");

  /** How one string form is delimited and decoded. */
  private static final class Form {
    final char quote;
    final int quotes;
    final boolean escapes;
    final boolean multiline;
    final boolean doubledQuote;
    final Interp interp;
    final int dollars;
    boolean hadHole;

    Form(
        char quote,
        int quotes,
        boolean escapes,
        boolean multiline,
        boolean doubledQuote,
        Interp interp,
        int dollars) {
      this.quote = quote;
      this.quotes = quotes;
      this.escapes = escapes;
      this.multiline = multiline;
      this.doubledQuote = doubledQuote;
      this.interp = interp;
      this.dollars = dollars;
    }
  }

  /** An open interpolation hole: the string to resume and the brace depth inside the hole. */
  private static final class Hole {
    final Form form;
    int depth;

    Hole(Form form) {
      this.form = form;
    }
  }

  private final String src;
  private final Dialect dialect;
  private final int n;
  private final List<Token> tokens = new ArrayList<>();
  private final ArrayDeque<Hole> holes = new ArrayDeque<>();
  private int pos;
  private int line = 1;
  private boolean lineHasCode;
  private int noRegexBefore;

  private CLikeLexer(String src, Dialect dialect) {
    this.src = src;
    this.dialect = dialect;
    this.n = src.length();
  }

  static List<Token> tokenize(String src, Dialect dialect) {
    return new CLikeLexer(src, dialect).run();
  }

  private List<Token> run() {
    while (pos < n) {
      char c = src.charAt(pos);
      char next = pos + 1 < n ? src.charAt(pos + 1) : '\0';
      if (c == '\n') {
        line++;
        pos++;
        lineHasCode = false;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '/' && next == '/') {
        skipToLineEnd();
      } else if (c == '/' && next == '*') {
        skipBlockComment();
      } else if (c == '#'
          && (dialect == Dialect.CSHARP && !lineHasCode || pos == 0 && next == '!')) {
        // a C# preprocessor line (#region may hold an apostrophe), or a #! line
        skipToLineEnd();
      } else if (!stringStart(c, next)) {
        if (Character.isJavaIdentifierStart(c)) {
          identifier();
        } else if (c >= '0' && c <= '9' || c == '.' && next >= '0' && next <= '9') {
          number();
        } else if (c == '{') {
          if (!holes.isEmpty()) {
            holes.peek().depth++;
          }
          punct("{", 1);
        } else if (c == '}') {
          closeBrace();
        } else if (!(c == '/' && dialect == Dialect.JAVASCRIPT && regexAllowed() && regex())) {
          String two = pos + 1 < n ? src.substring(pos, pos + 2) : "";
          if (TWO_CHAR_PUNCT.contains(two)) {
            punct(two, 2);
          } else {
            punct(String.valueOf(c), 1);
          }
        }
      }
    }
    return tokens;
  }

  /** Starts a string (or character literal) at {@code pos} if one starts there. */
  private boolean stringStart(char c, char next) {
    switch (dialect) {
      case JAVA -> {
        if (c == '"') {
          boolean textBlock = src.startsWith("\"\"\"", pos);
          return open(
              textBlock ? new Form('"', 3, true, true, false, Interp.NONE, 0) : regular('"'));
        }
        return c == '\'' && charLiteral();
      }
      case JAVASCRIPT -> {
        if (c == '"' || c == '\'') {
          return open(regular(c));
        }
        return c == '`' && open(new Form('`', 1, true, true, false, Interp.TEMPLATE, 0));
      }
      case GO -> {
        if (c == '"') {
          return open(regular('"'));
        }
        if (c == '`') {
          return open(new Form('`', 1, false, true, false, Interp.NONE, 0));
        }
        return c == '\'' && charLiteral();
      }
      case CSHARP -> {
        if (c == '"') {
          int q = run(pos, '"');
          return open(q >= 3 ? new Form('"', q, false, true, false, Interp.NONE, 0) : regular('"'));
        }
        if (c == '\'') {
          return charLiteral();
        }
        return (c == '@' || c == '$') && csharpPrefixed(next);
      }
    }
    return false;
  }

  private static Form regular(char quote) {
    return new Form(quote, 1, true, false, false, Interp.NONE, 0);
  }

  /** Consumes the opening delimiter of {@code form} and scans the string. */
  private boolean open(Form form) {
    pos += form.quotes;
    lineHasCode = true;
    scan(form);
    return true;
  }

  /**
   * C# {@code @"…"}, {@code $"…"}, {@code $@"…"}, {@code @$"…"}, {@code $$"""…"""}, {@code @ident}.
   */
  private boolean csharpPrefixed(char next) {
    int p = pos;
    boolean verbatim = src.charAt(p) == '@';
    if (verbatim) {
      p++;
    }
    int dollars = run(p, '$');
    p += dollars;
    if (!verbatim && p < n && src.charAt(p) == '@') {
      verbatim = true;
      p++;
    }
    if (p >= n || src.charAt(p) != '"') {
      if (src.charAt(pos) == '@' && Character.isJavaIdentifierStart(next)) {
        pos++;
        identifier();
        return true;
      }
      return false;
    }
    Interp interp = dollars > 0 ? Interp.CSHARP : Interp.NONE;
    int q = run(p, '"');
    Form form;
    if (!verbatim && q >= 3) {
      form = new Form('"', q, false, true, false, interp, dollars);
    } else if (verbatim) {
      form = new Form('"', 1, false, true, true, interp, 1);
    } else {
      form = new Form('"', 1, true, false, false, interp, 1);
    }
    pos = p;
    return open(form);
  }

  /**
   * Scans string content from {@code pos} until the closing delimiter (emitting the value) or an
   * interpolation hole (emitting the part so far and suspending the string until the hole closes).
   */
  private void scan(Form f) {
    int startLine = line;
    StringBuilder sb = new StringBuilder();
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == f.quote) {
        if (f.quotes == 1) {
          if (f.doubledQuote && pos + 1 < n && src.charAt(pos + 1) == f.quote) {
            sb.append(c);
            pos += 2;
            continue;
          }
          pos++;
          finish(f, sb, startLine);
          return;
        }
        int q = run(pos, f.quote);
        if (q >= f.quotes) {
          sb.append(src, pos, pos + q - f.quotes);
          pos += q;
          finish(f, sb, startLine);
          return;
        }
        sb.append(src, pos, pos + q);
        pos += q;
      } else if (c == '\n') {
        if (!f.multiline) {
          return; // unterminated on its line: dropped; the main loop counts the newline
        }
        line++;
        sb.append(c);
        pos++;
      } else if (c == '\r' && pos + 1 < n && src.charAt(pos + 1) == '\n') {
        pos++;
      } else if (c == '\\' && f.escapes) {
        int after = pos + 1 < n && src.charAt(pos + 1) == '\r' ? pos + 2 : pos + 1;
        if (after < n && src.charAt(after) == '\n') {
          line++;
          pos = after + 1;
        } else {
          pos = Escapes.decode(src, pos, sb, dialect == Dialect.CSHARP ? 4 : 2, false);
        }
      } else if (f.interp == Interp.TEMPLATE
          && c == '$'
          && pos + 1 < n
          && src.charAt(pos + 1) == '{') {
        pos += 2;
        suspend(f, sb, startLine);
        return;
      } else if (f.interp == Interp.CSHARP && c == '{') {
        int r = run(pos, '{');
        if (f.quotes == 1 && r >= 2) {
          sb.append('{');
          pos += 2;
        } else if (r < f.dollars) {
          sb.append(src, pos, pos + r);
          pos += r;
        } else {
          sb.append(src, pos, pos + r - f.dollars);
          pos += r;
          suspend(f, sb, startLine);
          return;
        }
      } else if (f.interp == Interp.CSHARP && f.quotes == 1 && src.startsWith("}}", pos)) {
        sb.append('}');
        pos += 2;
      } else {
        sb.append(c);
        pos++;
      }
    }
    // end of input inside a string: unterminated, dropped
  }

  private void suspend(Form f, StringBuilder sb, int startLine) {
    f.hadHole = true;
    if (sb.length() > 0) {
      tokens.add(new Token(Kind.STRING_PART, sb.toString(), startLine));
    }
    holes.push(new Hole(f));
  }

  private void finish(Form f, StringBuilder sb, int startLine) {
    if (f.hadHole) {
      if (sb.length() > 0) {
        tokens.add(new Token(Kind.STRING_PART, sb.toString(), startLine));
      }
    } else {
      String value =
          dialect == Dialect.CSHARP && f.quotes >= 3 ? dedentRaw(sb.toString()) : sb.toString();
      tokens.add(new Token(Kind.STRING, value, startLine));
    }
  }

  /** C# raw strings: drop the delimiter lines and the closing line's indentation. */
  private static String dedentRaw(String s) {
    int firstNl = s.indexOf('\n');
    int lastNl = s.lastIndexOf('\n');
    if (firstNl < 0 || !s.substring(0, firstNl).isBlank() || !s.substring(lastNl + 1).isBlank()) {
      return s;
    }
    String indent = s.substring(lastNl + 1);
    StringBuilder out = new StringBuilder();
    for (String l : s.substring(firstNl + 1, lastNl).split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading());
    }
    return out.toString();
  }

  private void closeBrace() {
    Hole h = holes.peek();
    if (h != null && h.depth == 0) {
      holes.pop();
      pos++;
      for (int i = 1; i < h.form.dollars && pos < n && src.charAt(pos) == '}'; i++) {
        pos++;
      }
      scan(h.form);
      return;
    }
    if (h != null) {
      h.depth--;
    }
    punct("}", 1);
  }

  /** A Java/Go/C# character literal; returns false (a lone quote) if none closes nearby. */
  private boolean charLiteral() {
    int j = pos + 1;
    if (j < n && src.charAt(j) == '\\') {
      j += 2;
    } else if (j < n) {
      j += Character.charCount(src.codePointAt(j));
    }
    while (j < n && j < pos + 12 && src.charAt(j) != '\'' && src.charAt(j) != '\n') {
      j++;
    }
    if (j >= n || src.charAt(j) != '\'') {
      return false;
    }
    tokens.add(new Token(Kind.OTHER, "'", line));
    lineHasCode = true;
    pos = j + 1;
    return true;
  }

  private boolean regexAllowed() {
    if (pos < noRegexBefore) {
      return false; // an earlier slash on this line found no end: none will (keeps lexing linear)
    }
    if (tokens.isEmpty()) {
      return true;
    }
    Token prev = tokens.get(tokens.size() - 1);
    return switch (prev.kind()) {
      case PUNCT -> !DIVISION_AFTER.contains(prev.text());
      case IDENT -> REGEX_AFTER.contains(prev.text());
      default -> false;
    };
  }

  /** Skips a regular expression literal; false if the slash does not start one on this line. */
  private boolean regex() {
    boolean inClass = false;
    for (int j = pos + 1; j < n; j++) {
      char c = src.charAt(j);
      if (c == '\n' || c == '\r') {
        noRegexBefore = j;
        return false;
      } else if (c == '\\') {
        if (j + 1 < n && (src.charAt(j + 1) == '\n' || src.charAt(j + 1) == '\r')) {
          noRegexBefore = j;
          return false;
        }
        j++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        j++;
        while (j < n && Character.isJavaIdentifierPart(src.charAt(j))) {
          j++;
        }
        tokens.add(new Token(Kind.OTHER, "/", line));
        lineHasCode = true;
        pos = j;
        return true;
      }
    }
    noRegexBefore = n;
    return false;
  }

  private void identifier() {
    int start = pos;
    pos++;
    while (pos < n && Character.isJavaIdentifierPart(src.charAt(pos))) {
      pos++;
    }
    tokens.add(new Token(Kind.IDENT, src.substring(start, pos), line));
    lineHasCode = true;
  }

  private void number() {
    int start = pos;
    pos++;
    while (pos < n) {
      char c = src.charAt(pos);
      char prev = src.charAt(pos - 1);
      boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(prev) >= 0;
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign) {
        pos++;
      } else {
        break;
      }
    }
    tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), line));
    lineHasCode = true;
  }

  private void punct(String text, int length) {
    tokens.add(new Token(Kind.PUNCT, text, line));
    lineHasCode = true;
    pos += length;
  }

  private void skipToLineEnd() {
    while (pos < n && src.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void skipBlockComment() {
    int end = src.indexOf("*/", pos + 2);
    int stop = end < 0 ? n : end + 2;
    for (int i = pos; i < stop; i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineHasCode = false;
      }
    }
    pos = stop;
  }

  private int run(int from, char c) {
    int j = from;
    while (j < n && src.charAt(j) == c) {
      j++;
    }
    return j - from;
  }
}
