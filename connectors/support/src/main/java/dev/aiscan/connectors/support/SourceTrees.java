package dev.aiscan.connectors.support;

import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/** Source-tree targets, as every connector that reads them names and opens them. */
public final class SourceTrees {
  /** The target kind of a source tree. */
  public static final String KIND = "source";

  /**
   * Globs over paths relative to the root: when present, only matching files are read, even where
   * the default skip list or {@code .gitignore} would skip them.
   */
  public static final String INCLUDE = "connectors.source.include";

  /** Globs of paths never read. */
  public static final String EXCLUDE = "connectors.source.exclude";

  /**
   * Files read whole larger than this are skipped with a warning (source and configuration; the
   * dependency connector allows manifests and lockfiles at least 64 MiB).
   */
  public static final String MAX_FILE_SIZE = "connectors.source.max-file-size";

  /** {@code false} to read what {@code .gitignore} files ignore. */
  public static final String GITIGNORE = "connectors.source.gitignore";

  /**
   * How long reading one file may take before it is given up with a warning (a parser caught in a
   * loop, an {@code open} blocked on a FIFO): {@code 30s}, {@code 500ms}, or seconds.
   */
  public static final String FILE_TIMEOUT = "connectors.source.file-timeout";

  /** The time bound per file when {@link #FILE_TIMEOUT} is not set. */
  public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(60);

  private SourceTrees() {}

  /** A target for a source directory; its id is the directory's absolute, normalised path. */
  public static Target target(Path directory) {
    Path abs = directory.toAbsolutePath().normalize();
    String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    return new Target(KIND + ":" + abs, KIND, name, abs.toString());
  }

  /** The time bound per file of the scan's settings. */
  public static Duration fileTimeout(Settings settings) {
    return settings.duration(FILE_TIMEOUT, DEFAULT_FILE_TIMEOUT);
  }

  public static boolean isSourceTree(Target target) {
    return KIND.equals(target.kind());
  }

  /**
   * The tree's real root, or empty after a warning naming the target when it cannot be resolved.
   */
  public static Optional<Path> root(Target target, CollectContext context) {
    try {
      return Optional.of(Path.of(target.location()).toRealPath());
    } catch (IOException e) {
      context.warn(target.name(), "cannot resolve the directory: " + e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /**
   * The files of the tree, for the connector of {@code context}: one walk per target and scan,
   * whichever connectors read it (the code and the dependencies), with the tree's {@link #INCLUDE},
   * {@link #EXCLUDE} and {@link #GITIGNORE} settings. What the walk skips and why (broken or
   * escaping links, unreadable directories) is warned of once, naming the file.
   *
   * @param root the tree's real root, from {@link #root}
   */
  public static Iterator<TreeWalker.Entry> files(Target target, Path root, CollectContext context) {
    SharedWalk walk =
        context.shared(
            "source-tree-walk",
            SharedWalk.class,
            () -> new SharedWalk(walker(target, root, context).iterator(), context.collectors()));
    return walk.open(context.connectorId())
        .orElseGet(() -> walker(target, root, context).iterator());
  }

  private static TreeWalker walker(Target target, Path root, CollectContext context) {
    Settings settings = context.settings();
    return new TreeWalker(
        root,
        settings.list(INCLUDE),
        settings.list(EXCLUDE),
        !settings.get(GITIGNORE).map("false"::equalsIgnoreCase).orElse(false),
        (relative, message) -> context.warn(label(target, relative), message));
  }

  /** How a file of the tree is named in warnings: the target's name, then the path inside it. */
  public static String label(Target target, String relative) {
    return target.name() + "/" + relative;
  }
}
