package dev.aiscan.connectors.source.internal.lang;

import static dev.aiscan.connectors.source.internal.lang.FactSink.at;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-type imports of one Java file, used to qualify simple names ({@code OpenAiChatModel}
 * to {@code dev.langchain4j.model.openai.OpenAiChatModel}), and the line scan that recovers the
 * imports of a file JavaParser cannot parse.
 */
final class JavaImports {
  private final Map<String, String> bySimpleName = new HashMap<>();

  /** One import declaration: the name without {@code .*}, its kind and line. */
  record Import(String name, boolean isStatic, boolean wildcard, int line) {

    /** The {@code flags} attribute: {@code static}, {@code wildcard}, both, or null. */
    String flags() {
      if (isStatic && wildcard) {
        return "static,wildcard";
      }
      return isStatic ? "static" : wildcard ? "wildcard" : null;
    }
  }

  void add(Import imp) {
    if (!imp.isStatic() && !imp.wildcard()) {
      String name = imp.name();
      bySimpleName.putIfAbsent(name.substring(name.lastIndexOf('.') + 1), name);
    }
  }

  boolean has(String simpleName) {
    return bySimpleName.containsKey(simpleName);
  }

  /** {@code Foo.Bar} with {@code Foo} imported as {@code a.b.Foo} becomes {@code a.b.Foo.Bar}. */
  String qualify(String name) {
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    String qualified = bySimpleName.get(first);
    if (qualified == null) {
      return name;
    }
    return dot < 0 ? qualified : qualified + name.substring(dot);
  }

  /**
   * Finds {@code import [static] a.b.C[.*];} declarations on the tokens of {@code src}, ignoring
   * comments and strings. A missing semicolon is tolerated at a line end.
   */
  static List<Import> scan(String src) {
    List<Token> t = CLikeLexer.tokenize(src, CLikeLexer.Dialect.JAVA);
    List<Import> found = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (!t.get(i).is("import") || at(t, i - 1).is(".")) {
        continue;
      }
      boolean isStatic = at(t, i + 1).is("static");
      FactSink.Dotted name = FactSink.dotted(t, isStatic ? i + 2 : i + 1);
      if (name == null) {
        continue;
      }
      int end = name.end();
      boolean wildcard = at(t, end).is(".") && at(t, end + 1).is("*");
      if (wildcard) {
        end += 2;
      }
      Token after = at(t, end);
      if (after.is(";") || FactSink.isNone(after) || after.line() > at(t, end - 1).line()) {
        found.add(new Import(name.text(), isStatic, wildcard, t.get(i).line()));
      }
    }
    return found;
  }
}
