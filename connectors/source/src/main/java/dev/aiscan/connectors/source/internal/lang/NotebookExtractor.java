package dev.aiscan.connectors.source.internal.lang;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Jupyter notebooks: the Python extraction of every code cell, with locations naming the cell
 * ({@link Location#cell}), and a {@code package} fact for each requirement of {@code !pip install}
 * and {@code %pip install} lines ({@code %conda install}: ecosystem {@code conda}). Other magic and
 * shell lines are skipped, and so are notebooks of other kernels (R, Julia, …).
 */
public final class NotebookExtractor implements Extractor {

  /** Cell magics whose body is a shell script: each line is read like a {@code !} line. */
  private static final Set<String> SHELL_CELLS =
      Set.of("%%bash", "%%sh", "%%script", "%%system", "%%!");

  /** Cell magics whose body is not Python at all. */
  private static final Set<String> FOREIGN_CELLS =
      Set.of(
          "%%html",
          "%%javascript",
          "%%js",
          "%%latex",
          "%%markdown",
          "%%svg",
          "%%sql",
          "%%perl",
          "%%ruby",
          "%%writefile");

  @Override
  public String language() {
    return "python";
  }

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("ipynb");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    NotebookReader.Notebook notebook = NotebookReader.read(file.text());
    if (!notebook.language().startsWith("python")) {
      return; // the Python extraction means nothing to R, Julia or Scala cells
    }
    String path = file.relative();
    for (NotebookReader.Cell cell : notebook.cells()) {
      if (cell.truncated()) {
        out.warn(
            null,
            "notebook cell "
                + cell.index()
                + " is longer than "
                + NotebookReader.MAX_CELL_CHARS
                + " characters; only its start was scanned");
      }
      PythonExtractor.MagicLines magics =
          (line, text) -> packages(out, Location.cell(path, cell.index(), line), text);
      String[] lines = cell.source().split("\n", -1);
      int first = 0;
      while (first < lines.length - 1 && lines[first].isBlank()) {
        first++;
      }
      String magic = lines[first].strip().split("\\s", 2)[0].toLowerCase(Locale.ROOT);
      if (SHELL_CELLS.contains(magic)) {
        for (int i = first + 1; i < lines.length; i++) {
          magics.accept(i + 1, "!" + lines[i].strip());
        }
      } else if (!FOREIGN_CELLS.contains(magic)) {
        PythonExtractor.extractSource(
            cell.source(), line -> Location.cell(path, cell.index(), line), magics, out);
      }
    }
  }

  private static void packages(FactWriter out, Location at, String line) {
    for (PipInstall.Requirement r : PipInstall.parse(line)) {
      Map<String, String> attrs = new HashMap<>();
      attrs.put(Fact.Attr.ECOSYSTEM, r.ecosystem());
      if (r.version() != null) {
        attrs.put(Fact.Attr.VERSION, r.version());
      }
      out.emit(FactType.PACKAGE, r.name(), at, attrs);
    }
  }
}
