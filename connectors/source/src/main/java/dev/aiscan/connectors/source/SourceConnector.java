package dev.aiscan.connectors.source;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.Extractors;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.connectors.support.SourceTrees;
import dev.aiscan.connectors.support.TreeWalker;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads source trees: code in Java, Python, JavaScript/TypeScript, Go and C#, notebooks,
 * configuration, infrastructure code and model files. Every file is read by one extractor on a
 * worker thread; a file that cannot be read, decoded or parsed becomes a warning naming it.
 *
 * <pre>{@code
 * Target app = SourceConnector.target(Path.of("~/src/shop"));
 * engine.scan(ScanRequest.of(List.of(app), settings), listener);
 * }</pre>
 */
public final class SourceConnector implements Connector {
  public static final String KIND = SourceTrees.KIND;

  private static final int FILES_PER_TASK = 32;

  /** A target for a source directory; its id is the directory's absolute, normalised path. */
  public static Target target(Path directory) {
    return SourceTrees.target(directory);
  }

  @Override
  public String id() {
    return "source";
  }

  @Override
  public boolean accepts(Target target) {
    return SourceTrees.isSourceTree(target);
  }

  @Override
  public void validate(Target target) {
    Path dir;
    try {
      dir = Path.of(target.location());
    } catch (InvalidPathException e) {
      throw new InvalidTargetException("--source " + target.location() + ": not a valid path");
    }
    if (!Files.exists(dir)) {
      throw new InvalidTargetException("--source " + target.location() + ": no such directory");
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidTargetException("--source " + target.location() + ": not a directory");
    }
    if (!Files.isReadable(dir)) {
      throw new InvalidTargetException("--source " + target.location() + ": permission denied");
    }
  }

  @Override
  public void collect(Target target, CollectContext context) {
    SourceSettings settings = SourceSettings.from(context.settings());
    Optional<Path> realRoot = SourceTrees.root(target, context);
    if (realRoot.isEmpty()) {
      return;
    }
    Iterator<TreeWalker.Entry> files = SourceTrees.files(target, realRoot.get(), context);
    // most files cost one read and one pass of the prefilter: handed to the workers 32 at a time;
    // a file that takes longer than the time bound (a parser in a loop) is given up, not waited for
    context.forEach(
        files,
        entry -> label(target, entry.relative()),
        entry -> scanFile(target, entry, settings, context),
        FILES_PER_TASK,
        settings.fileTimeout());
  }

  private static void scanFile(
      Target target, TreeWalker.Entry entry, SourceSettings settings, CollectContext context) {
    String label = label(target, entry.relative());
    // Every file is a fact by its presence alone (CLAUDE.md, .cursorrules), whatever its content.
    context.emit(
        new Fact(
            FactType.FILE,
            entry.relative(),
            target,
            Location.file(entry.relative(), null),
            Map.of(Fact.Attr.NAME, fileName(entry.relative()))));
    SourceFile file =
        new SourceFile(
            entry.path(), entry.relative(), entry.size(), message -> context.warn(label, message));
    Optional<Extractor> extractor = Extractors.forFile(file);
    if (extractor.isEmpty()) {
      return;
    }
    Extractor e = extractor.get();
    if (e.readsWholeFile()) {
      if (entry.size() > settings.maxFileSize()) {
        context.warn(
            label,
            "file of "
                + entry.size()
                + " bytes is over the size limit of "
                + settings.maxFileSize()
                + " bytes; skipped (raise connectors.source.max-file-size or --max-file-size)");
        return;
      }
      // Most files name no AI at all: one pass of the rules' prefilter over the bytes spares the
      // parse.
      if (!file.passes(context.contentFilter())) {
        context.progress(1);
        return;
      }
    }
    e.extract(file, new FactWriter(context, target, file, e.language(), label));
    context.progress(1);
  }

  private static String fileName(String relative) {
    return relative.substring(relative.lastIndexOf('/') + 1);
  }

  /** How a file is named in warnings: the target's name, then the path inside it. */
  static String label(Target target, String relative) {
    return SourceTrees.label(target, relative);
  }
}
