package dev.aiscan.connectors.source.internal.lang;

import static dev.aiscan.connectors.source.internal.lang.FactSink.at;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JavaScript and TypeScript: module specifiers of {@code import … from 'x'}, {@code import 'x'},
 * {@code export … from 'x'}, {@code require('x')} (also TS {@code import x = require('x')}) and
 * dynamic {@code import('x')} with a literal argument; string literals (the static parts of
 * template literals); {@code process.env.X} and {@code process.env['X']} reads. Facts of {@code
 * .ts}, {@code .mts}, {@code .cts} and {@code .tsx} files are tagged {@code typescript}. Minified
 * bundles ({@code *.min.js}) and declaration files ({@code *.d.ts}) are skipped.
 */
public final class JavaScriptExtractor implements Extractor {
  private static final Set<String> JS = Set.of("js", "mjs", "cjs", "jsx");
  private static final Set<String> TS = Set.of("ts", "mts", "cts", "tsx");

  /** How far back a destructuring pattern {@code {A, B} = process.env} is looked for. */
  private static final int MAX_PATTERN_TOKENS = 200;

  @Override
  public String language() {
    return "javascript";
  }

  @Override
  public boolean accepts(SourceFile file) {
    String ext = file.extension();
    String name = file.name().toLowerCase(Locale.ROOT);
    if (JS.contains(ext)) {
      return !name.endsWith(".min." + ext);
    }
    return TS.contains(ext) && !name.endsWith(".d." + ext);
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    FactWriter writer = TS.contains(file.extension()) ? out.withLanguage("typescript") : out;
    List<Token> t = CLikeLexer.tokenize(file.text(), CLikeLexer.Dialect.JAVASCRIPT);
    FactSink sink = new FactSink(writer);
    BitSet specifiers = new BitSet();
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      boolean member = at(t, i - 1).is(".") || at(t, i - 1).is("?.");
      if (tok.is("import") && !member) {
        importForm(t, i, sink, specifiers);
      } else if (tok.is("export") && !member) {
        fromClause(t, i + 1, sink, specifiers);
      } else if (tok.is("require")
          && at(t, i + 1).is("(")
          && at(t, i + 2).isString()
          && at(t, i + 3).is(")")) {
        specifier(t, i + 2, sink, specifiers);
      } else if (tok.is("process") && !member && at(t, i + 1).is(".") && at(t, i + 2).is("env")) {
        envAccess(t, i, i + 3, sink);
      }
    }
    sink.literals(t, specifiers);
  }

  private static void importForm(List<Token> t, int i, FactSink sink, BitSet specifiers) {
    Token next = at(t, i + 1);
    if (next.isString()) {
      specifier(t, i + 1, sink, specifiers);
    } else if (next.is("(")
        && at(t, i + 2).isString()
        && (at(t, i + 3).is(")") || at(t, i + 3).is(","))) {
      specifier(t, i + 2, sink, specifiers);
    } else if (next.is(".")
        && at(t, i + 2).is("meta")
        && at(t, i + 3).is(".")
        && at(t, i + 4).is("env")) {
      envAccess(t, i, i + 5, sink);
    } else {
      fromClause(t, i + 1, sink, specifiers);
    }
  }

  /**
   * The {@code … from 'x'} of an import or export clause: names, braces, commas and {@code *} up to
   * {@code from} and a string. Anything else (a statement, another import) ends the search, which
   * keeps the scan linear.
   */
  private static void fromClause(List<Token> t, int i, FactSink sink, BitSet specifiers) {
    for (int j = i; j < t.size(); j++) {
      Token tok = t.get(j);
      if (tok.is("from") && at(t, j + 1).isString()) {
        specifier(t, j + 1, sink, specifiers);
        return;
      }
      boolean name = tok.isIdent() && !tok.is("import") && !tok.is("export");
      if (!name && !tok.is("{") && !tok.is("}") && !tok.is(",") && !tok.is("*")) {
        return;
      }
    }
  }

  private static void specifier(List<Token> t, int i, FactSink sink, BitSet specifiers) {
    specifiers.set(i);
    sink.importFact(t.get(i).text(), t.get(i).line(), null);
  }

  /**
   * {@code .X}, {@code ?.X} or {@code ['X']} after {@code process.env}, or a destructuring before
   * it.
   */
  private static void envAccess(List<Token> t, int start, int i, FactSink sink) {
    Token op = at(t, i);
    Token name = at(t, i + 1);
    if ((op.is(".") || op.is("?.")) && name.isIdent()) {
      sink.envVar(name.text(), name.line());
    } else if (op.is("[") && name.isString() && at(t, i + 2).is("]")) {
      sink.envVar(name.text(), name.line());
    } else if (at(t, start - 1).is("=") && at(t, start - 2).is("}")) {
      destructured(t, start - 2, sink);
    }
  }

  /** {@code const { A, B: b, C = 'x' } = process.env}: the keys at the pattern's top level. */
  private static void destructured(List<Token> t, int close, FactSink sink) {
    int depth = 0;
    int open = -1;
    for (int j = close; j >= 0 && j > close - MAX_PATTERN_TOKENS; j--) {
      if (t.get(j).is("}")) {
        depth++;
      } else if (t.get(j).is("{") && --depth == 0) {
        open = j;
        break;
      }
    }
    depth = 0;
    for (int j = open + 1; open >= 0 && j < close; j++) {
      Token tok = t.get(j);
      if (tok.is("{") || tok.is("[") || tok.is("(")) {
        depth++;
      } else if (tok.is("}") || tok.is("]") || tok.is(")")) {
        depth--;
      } else if (depth == 0 && tok.isIdent() && (t.get(j - 1).is("{") || t.get(j - 1).is(","))) {
        sink.envVar(tok.text(), tok.line());
      }
    }
  }
}
