package dev.aiscan.connectors.source.internal.lang;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.type.TypeParameter;
import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Java, parsed with JavaParser: imports (flags {@code static}, {@code wildcard}), type references,
 * annotations and method calls qualified through the file's imports, string literals and text
 * blocks (with the call chain they are an argument of, or the name they initialise), and {@code
 * System.getenv("X")} reads. A file that does not parse still yields its imports, found by a token
 * scan, plus a warning naming the line of the first problem; whatever JavaParser recovered of the
 * rest is extracted too.
 */
public final class JavaExtractor implements Extractor {

  /**
   * JavaParser instances are not thread-safe and costly to build: one per worker thread. {@code
   * RAW} parses every Java version's syntax but skips the language-level validators, a second walk
   * of the tree that only judges whether the code compiles at one level: a third of the parse time,
   * and nothing a scan needs (syntax errors are still problems, and still warnings).
   */
  private static final ThreadLocal<JavaParser> PARSER =
      ThreadLocal.withInitial(
          () ->
              new JavaParser(
                  new ParserConfiguration()
                      .setLanguageLevel(LanguageLevel.RAW)
                      // nor a walk of every node to record the file's line separator
                      .setDetectOriginalLineSeparator(false)
                      .setAttributeComments(false)));

  @Override
  public String language() {
    return "java";
  }

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("java");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    String src = file.text();
    JavaImports imports = new JavaImports();
    boolean importsDone = false;
    try {
      ParseResult<CompilationUnit> result = PARSER.get().parse(src);
      Optional<CompilationUnit> cu = result.getResult();
      if (result.isSuccessful() && cu.isPresent()) {
        emitImports(cu.get().getImports(), imports, out);
      } else {
        Integer line = firstProblemLine(result.getProblems());
        // never the parser's message: it quotes source text, and a literal may be a secret
        String where = line == null ? "" : " (first problem at line " + line + ")";
        out.warn(
            line, "Java syntax error: does not parse" + where + "; imports recovered by line scan");
        emitScannedImports(src, imports, out);
      }
      importsDone = true;
      if (cu.isPresent()) {
        Set<String> typeParameters = new HashSet<>();
        cu.get().findAll(TypeParameter.class).forEach(p -> typeParameters.add(p.getNameAsString()));
        cu.get().accept(new JavaFactVisitor(out, imports, typeParameters), null);
      }
    } catch (StackOverflowError e) {
      String recovery = importsDone ? "part of the file skipped" : "imports recovered by line scan";
      out.warn(null, "Java nesting too deep to parse; " + recovery);
      if (!importsDone) {
        emitScannedImports(src, imports, out);
      }
    }
  }

  private static void emitImports(
      List<ImportDeclaration> declarations, JavaImports imports, FactWriter out) {
    for (ImportDeclaration d : declarations) {
      int line = d.getBegin().map(p -> p.line).orElse(1);
      emit(
          new JavaImports.Import(d.getNameAsString(), d.isStatic(), d.isAsterisk(), line),
          imports,
          out);
    }
  }

  private static void emitScannedImports(String src, JavaImports imports, FactWriter out) {
    for (JavaImports.Import imp : JavaImports.scan(src)) {
      emit(imp, imports, out);
    }
  }

  private static void emit(JavaImports.Import imp, JavaImports imports, FactWriter out) {
    imports.add(imp);
    String flags = imp.flags();
    out.emit(
        FactType.IMPORT,
        imp.name(),
        imp.line(),
        flags == null ? Map.of() : Map.of(Fact.Attr.FLAGS, flags));
  }

  private static Integer firstProblemLine(List<Problem> problems) {
    return problems.stream()
        .map(
            p ->
                p.getLocation()
                    .flatMap(r -> r.getBegin().getRange())
                    .map(r -> r.begin.line)
                    .orElse(null))
        .filter(l -> l != null)
        .findFirst()
        .orElse(null);
  }
}
