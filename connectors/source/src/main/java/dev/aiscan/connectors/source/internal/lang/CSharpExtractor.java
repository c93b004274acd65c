package dev.aiscan.connectors.source.internal.lang;

import static dev.aiscan.connectors.source.internal.lang.FactSink.at;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import java.util.BitSet;
import java.util.List;

/**
 * C#: using directives ({@code using X.Y;}, {@code global using}, {@code using static X.Y;}, {@code
 * using A = X.Y;}, but not {@code using} statements or declarations), string literals of every form
 * and {@code Environment.GetEnvironmentVariable("X")}.
 */
public final class CSharpExtractor implements Extractor {

  @Override
  public String language() {
    return "csharp";
  }

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("cs");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    List<Token> t = CLikeLexer.tokenize(file.text(), CLikeLexer.Dialect.CSHARP);
    FactSink sink = new FactSink(out);
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.is("using") && atDirectiveStart(t, i)) {
        usingDirective(t, i + 1, sink);
      } else if (tok.is("GetEnvironmentVariable") && FactSink.callWithString(t, i + 1)) {
        sink.envVar(t.get(i + 2).text(), t.get(i + 2).line());
      }
    }
    sink.literals(t, new BitSet());
  }

  private static boolean atDirectiveStart(List<Token> t, int i) {
    Token prev = at(t, i - 1).is("global") ? at(t, i - 2) : at(t, i - 1);
    return FactSink.isNone(prev) || prev.is(";") || prev.is("{") || prev.is("}") || prev.is("]");
  }

  private static void usingDirective(List<Token> t, int i, FactSink sink) {
    boolean isStatic = at(t, i).is("static");
    FactSink.Dotted name = qualifiedName(t, isStatic ? i + 1 : i);
    if (name == null) {
      return;
    }
    Token after = at(t, name.end());
    if (after.is(";")) {
      sink.importFact(name.text(), name.line(), isStatic ? "static" : null);
    } else if (after.is("=") && !isStatic && name.text().indexOf('.') < 0) {
      FactSink.Dotted target = qualifiedName(t, name.end() + 1);
      if (target != null && (at(t, target.end()).is(";") || at(t, target.end()).is("<"))) {
        sink.importFact(target.text(), target.line(), "alias");
      }
    }
  }

  /** {@code A.B.C}, optionally written {@code global::A.B.C}. */
  private static FactSink.Dotted qualifiedName(List<Token> t, int i) {
    int start = at(t, i).is("global") && at(t, i + 1).is("::") ? i + 2 : i;
    return FactSink.dotted(t, start);
  }
}
