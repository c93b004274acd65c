package dev.aiscan.connectors.source.internal.lang;

import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Emits the facts of the token-based extractors, mapping their lines to locations (a file line, or
 * a line inside a notebook cell), and holds the token patterns they share.
 */
final class FactSink {
  static final Map<String, String> CODE_ORIGIN = Map.of(Fact.Attr.ORIGIN, "code");

  private static final Token EOF = new Token(Token.Kind.OTHER, "", 0);

  /**
   * Words that look like a key before {@code :} but are not (Python {@code else:}, JS {@code
   * default:}).
   */
  private static final Set<String> NOT_KEYS =
      Set.of("else", "try", "finally", "default", "case", "lambda", "return", "except", "do");

  private final FactWriter out;
  private final IntFunction<Location> locate;

  FactSink(FactWriter out) {
    this(out, out::at);
  }

  FactSink(FactWriter out, IntFunction<Location> locate) {
    this.out = out;
    this.locate = locate;
  }

  void emit(FactType type, String value, int line, Map<String, String> attributes) {
    out.emit(type, value, locate.apply(line), attributes);
  }

  /** An import fact; {@code flags} may be null. */
  void importFact(String value, int line, String flags) {
    emit(FactType.IMPORT, value, line, flags == null ? Map.of() : Map.of(Fact.Attr.FLAGS, flags));
  }

  void envVar(String name, int line) {
    emit(FactType.ENV_VAR, name, line, CODE_ORIGIN);
  }

  /**
   * Emits every string literal (and static part of an interpolated string) except those in {@code
   * skip} (import specifiers), with the key it is assigned to when the tokens show one.
   */
  void literals(List<Token> tokens, BitSet skip) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isLiteral() && !skip.get(i)) {
        String key = t.isString() ? keyOf(tokens, i) : null;
        emit(
            FactType.STRING_LITERAL,
            t.text(),
            t.line(),
            key == null ? Map.of() : Map.of(Fact.Attr.KEY, key));
      }
    }
  }

  /**
   * The name a literal at {@code i} is assigned to: {@code name = "v"}, {@code name := "v"}, {@code
   * name: Type = "v"}, {@code var name T = "v"}, {@code x["name"] = "v"}, and {@code name: "v"} or
   * {@code "name": "v"} inside braces, parentheses or after a comma (object literals, dicts, struct
   * fields, keyword arguments). Null when none.
   */
  static String keyOf(List<Token> t, int i) {
    Token op = at(t, i - 1);
    Token k = at(t, i - 2);
    if (op.is("=") || op.is(":=")) {
      if (k.is("]") && at(t, i - 3).isString() && at(t, i - 4).is("[")) {
        return at(t, i - 3).text();
      }
      if (!k.isIdent()) {
        return null;
      }
      if (at(t, i - 3).is(":") && at(t, i - 4).isIdent()) {
        return at(t, i - 4).text();
      }
      if (at(t, i - 3).isIdent() && at(t, i - 4).is("var")) {
        return at(t, i - 3).text();
      }
      return k.text();
    }
    if (op.is(":") && (k.isIdent() || k.isString()) && !NOT_KEYS.contains(k.text())) {
      Token before = at(t, i - 3);
      boolean listStart = before.is("{") || before.is(",") || before.is("(");
      if (before == EOF || listStart || before.kind() == Token.Kind.NEWLINE) {
        return k.text();
      }
    }
    return null;
  }

  /** The token at {@code i}, or an empty sentinel outside the list. */
  static Token at(List<Token> t, int i) {
    return i >= 0 && i < t.size() ? t.get(i) : EOF;
  }

  /** Whether {@code t} is the sentinel {@link #at} returns outside the list. */
  static boolean isNone(Token t) {
    return t == EOF;
  }

  /**
   * Whether {@code t[open]} starts a call with a plain string first: {@code ("x")}, {@code ("x",
   * …)}.
   */
  static boolean callWithString(List<Token> t, int open) {
    Token after = at(t, open + 2);
    return at(t, open).is("(") && at(t, open + 1).isString() && (after.is(")") || after.is(","));
  }

  /** The dotted name {@code a.b.c} starting at {@code i}, or null. */
  static Dotted dotted(List<Token> t, int i) {
    if (!at(t, i).isIdent()) {
      return null;
    }
    StringBuilder s = new StringBuilder(at(t, i).text());
    int j = i + 1;
    while (at(t, j).is(".") && at(t, j + 1).isIdent()) {
      s.append('.').append(at(t, j + 1).text());
      j += 2;
    }
    return new Dotted(s.toString(), at(t, i).line(), j);
  }

  /** A dotted name, the line it starts on and the index after it. */
  record Dotted(String text, int line, int end) {}
}
