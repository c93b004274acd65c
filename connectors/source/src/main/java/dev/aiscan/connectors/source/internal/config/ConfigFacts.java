package dev.aiscan.connectors.source.internal.config;

import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import java.util.Map;
import java.util.regex.Pattern;

/** Helpers shared by the configuration extractors: attributes, key paths, line splitting. */
final class ConfigFacts {
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  private ConfigFacts() {}

  static Map<String, String> origin(String origin) {
    return Map.of(Fact.Attr.ORIGIN, origin);
  }

  /**
   * Emits a value as a {@code string-literal}, with the {@code key} attribute when one is known.
   */
  static void literal(FactWriter out, String value, int line, String key) {
    out.emit(
        FactType.STRING_LITERAL,
        value,
        line,
        key == null || key.isEmpty() ? Map.of() : Map.of(Fact.Attr.KEY, key));
  }

  static void envVar(FactWriter out, String name, int line, String origin) {
    out.emit(FactType.ENV_VAR, name, line, origin(origin));
  }

  /**
   * A dotted path one segment deeper, capped at {@link FactWriter#MAX_VALUE} so that long keys over
   * deep nesting cost linear time, not quadratic.
   */
  static String join(String path, String segment) {
    String joined = path == null || path.isEmpty() ? segment : path + "." + segment;
    return joined.length() > FactWriter.MAX_VALUE
        ? joined.substring(0, FactWriter.MAX_VALUE)
        : joined;
  }

  /** The physical lines of a text ({@code \n}, {@code \r\n} or {@code \r} terminated). */
  static String[] lines(String text) {
    return LINE_BREAK.split(text, -1);
  }

  /** A parser's message reduced to its first line, and short. */
  static String oneLine(String message, String fallback) {
    if (message == null || message.isBlank()) {
      return fallback;
    }
    String s = message.strip().lines().findFirst().orElse(fallback).strip();
    return s.length() > 160 ? s.substring(0, 160) : s;
  }

  /**
   * A parser's message made safe for a warning, since parsers quote the offending text (which could
   * be a secret): first line only, parenthesised asides dropped, cut before any quote, and short.
   */
  static String problem(String message, String fallback) {
    if (message == null) {
      return fallback;
    }
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\n' || c == '\r' || (depth == 0 && (c == '\'' || c == '"' || c == '`'))) {
        break;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        b.append(c);
      }
    }
    String s = b.toString().replaceAll("\\s+", " ").replace(" :", ":").strip();
    while (s.endsWith(":") || s.endsWith(",") || s.endsWith(".")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.length() > 120) {
      s = s.substring(0, 120);
    }
    return s.isEmpty() ? fallback : s;
  }
}
