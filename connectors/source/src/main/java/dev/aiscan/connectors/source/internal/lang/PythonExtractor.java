package dev.aiscan.connectors.source.internal.lang;

import static dev.aiscan.connectors.source.internal.lang.FactSink.at;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.Location;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Python: imports ({@code import a.b as c, d}; {@code from a.b import (x, y as z)} gives {@code
 * a.b}, {@code a.b.x} and {@code a.b.y}; relative imports are local and skipped), string literals
 * and environment reads ({@code os.getenv("X")}, {@code getenv("X")}, {@code os.environ["X"]},
 * {@code os.environ.get("X")}), found on the tokens of {@link PythonTokenizer}, so nothing inside
 * strings or comments counts.
 *
 * <p>Notebook cells reuse the same extraction with their own locations:
 *
 * <pre>{@code
 * PythonExtractor.extractSource(code, line -> Location.cell(file, 3, line), magics, out);
 * }</pre>
 */
public final class PythonExtractor implements Extractor {

  /** Receives IPython magic and shell lines ({@code !…}, {@code %…}), continuation lines joined. */
  public interface MagicLines {
    void accept(int line, String text);
  }

  @Override
  public String language() {
    return "python";
  }

  @Override
  public boolean accepts(SourceFile file) {
    String ext = file.extension();
    return ext.equals("py") || ext.equals("pyi");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    extractSource(file.text(), out::at, null, out);
  }

  /**
   * Extracts the facts of Python source text.
   *
   * @param code the source
   * @param locate maps a 1-based line of {@code code} to the location facts get
   * @param magics receives IPython magic and shell lines ({@code %pip …}, {@code !ls}) instead of
   *     tokenizing them, or null for plain Python
   * @param out where facts go
   */
  public static void extractSource(
      String code, IntFunction<Location> locate, MagicLines magics, FactWriter out) {
    List<Token> t = PythonTokenizer.tokenize(code, magics);
    FactSink sink = new FactSink(out, locate);
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.is("import") && statementStart(t, i)) {
        i = importNames(t, i + 1, sink) - 1;
      } else if (tok.is("from") && statementStart(t, i)) {
        i = fromImport(t, i + 1, sink) - 1;
      } else if (tok.is("getenv") && FactSink.callWithString(t, i + 1)
          || tok.is("environ")
              && at(t, i + 1).is("[")
              && at(t, i + 2).isString()
              && at(t, i + 3).is("]")) {
        sink.envVar(t.get(i + 2).text(), t.get(i + 2).line());
      } else if (tok.is("environ")
          && at(t, i + 1).is(".")
          && at(t, i + 2).is("get")
          && FactSink.callWithString(t, i + 3)) {
        sink.envVar(t.get(i + 4).text(), t.get(i + 4).line());
      }
    }
    sink.literals(t, new BitSet());
  }

  private static boolean statementStart(List<Token> t, int i) {
    Token prev = at(t, i - 1);
    return FactSink.isNone(prev)
        || prev.kind() == Token.Kind.NEWLINE
        || prev.is(";")
        || prev.is(":");
  }

  /** {@code a.b [as c], d …} after {@code import}; returns the index after the list. */
  private static int importNames(List<Token> t, int i, FactSink sink) {
    int j = i;
    while (true) {
      FactSink.Dotted name = FactSink.dotted(t, j);
      if (name == null) {
        return j;
      }
      j = name.end();
      boolean alias = at(t, j).is("as") && at(t, j + 1).isIdent();
      if (alias) {
        j += 2;
      }
      sink.importFact(name.text(), name.line(), alias ? "alias" : null);
      if (!at(t, j).is(",")) {
        return j;
      }
      j++;
    }
  }

  /** {@code a.b import x [as y], … | (…) | *} after {@code from}; returns the index after it. */
  private static int fromImport(List<Token> t, int i, FactSink sink) {
    FactSink.Dotted module = FactSink.dotted(t, i);
    if (module == null || !at(t, module.end()).is("import")) {
      return i; // relative import (local code), `yield from`, `raise … from …`
    }
    sink.importFact(module.text(), module.line(), null);
    int j = module.end() + 1;
    boolean parenthesised = at(t, j).is("(");
    if (parenthesised) {
      j++;
    }
    while (at(t, j).isIdent() && !at(t, j).is("import") && !at(t, j).is("from")) {
      Token name = t.get(j++);
      boolean alias = at(t, j).is("as") && at(t, j + 1).isIdent();
      if (alias) {
        j += 2;
      }
      sink.importFact(module.text() + "." + name.text(), name.line(), alias ? "alias" : null);
      if (!at(t, j).is(",")) {
        break;
      }
      j++;
    }
    return parenthesised && at(t, j).is(")") ? j + 1 : j;
  }
}
