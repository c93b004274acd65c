package dev.aiscan.connectors.source.internal.lang;

import static dev.aiscan.connectors.source.internal.lang.FactSink.at;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import java.util.BitSet;
import java.util.List;

/**
 * Go: import paths ({@code import "x"}, {@code import alias "x"}, import blocks), string literals
 * (interpreted and raw) and {@code os.Getenv("X")} / {@code os.LookupEnv("X")}.
 */
public final class GoExtractor implements Extractor {

  @Override
  public String language() {
    return "go";
  }

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("go");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    List<Token> t = CLikeLexer.tokenize(file.text(), CLikeLexer.Dialect.GO);
    FactSink sink = new FactSink(out);
    BitSet specifiers = new BitSet();
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.is("import")) {
        importDecl(t, i + 1, sink, specifiers);
      } else if ((tok.is("Getenv") || tok.is("LookupEnv"))
          && at(t, i - 1).is(".")
          && FactSink.callWithString(t, i + 1)) {
        sink.envVar(t.get(i + 2).text(), t.get(i + 2).line());
      }
    }
    sink.literals(t, specifiers);
  }

  private static void importDecl(List<Token> t, int i, FactSink sink, BitSet specifiers) {
    if (!at(t, i).is("(")) {
      importSpec(t, i, sink, specifiers);
      return;
    }
    int j = i + 1;
    while (j < t.size() && !t.get(j).is(")")) {
      int next = importSpec(t, j, sink, specifiers);
      if (next == j) {
        if (!t.get(j).is(";")) {
          return;
        }
        next = j + 1;
      }
      j = next;
    }
  }

  /** One {@code [name|.|_] "path"}; returns the index after it, or {@code i} if there is none. */
  private static int importSpec(List<Token> t, int i, FactSink sink, BitSet specifiers) {
    boolean alias = at(t, i).isIdent() || at(t, i).is(".");
    int p = alias ? i + 1 : i;
    if (!at(t, p).isString()) {
      return i;
    }
    specifiers.set(p);
    sink.importFact(t.get(p).text(), t.get(p).line(), alias ? "alias" : null);
    return p + 1;
  }
}
