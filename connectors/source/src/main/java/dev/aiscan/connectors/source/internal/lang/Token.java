package dev.aiscan.connectors.source.internal.lang;

/**
 * One lexical token of a scanned source file, as the hand-written lexers produce it: identifiers
 * and punctuation keep their text, strings their unescaped value.
 *
 * @param kind what the token is
 * @param text identifier or punctuation text, or the unescaped string value
 * @param line 1-based line the token starts on
 */
record Token(Kind kind, String text, int line) {

  enum Kind {
    IDENT,
    NUMBER,
    /** A complete string literal without interpolation; {@code text} is its value. */
    STRING,
    /** A static part of an interpolated string (template literal, f-string, {@code $"…"}). */
    STRING_PART,
    /** A character literal or other token nobody matches on. */
    OTHER,
    PUNCT,
    /** End of a logical line (Python only). */
    NEWLINE
  }

  /** Whether this is the identifier or punctuation {@code s}. */
  boolean is(String s) {
    return (kind == Kind.IDENT || kind == Kind.PUNCT) && text.equals(s);
  }

  boolean isIdent() {
    return kind == Kind.IDENT;
  }

  boolean isString() {
    return kind == Kind.STRING;
  }

  boolean isLiteral() {
    return kind == Kind.STRING || kind == Kind.STRING_PART;
  }
}
