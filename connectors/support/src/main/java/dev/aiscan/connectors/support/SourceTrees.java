package dev.aiscan.connectors.support;

import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Source-tree targets, as every connector that reads them names and opens them. */
public final class SourceTrees {
  /** The target kind of a source tree. */
  public static final String KIND = "source";

  private SourceTrees() {}

  /** A target for a source directory; its id is the directory's absolute, normalised path. */
  public static Target target(Path directory) {
    Path abs = directory.toAbsolutePath().normalize();
    String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    return new Target(KIND + ":" + abs, KIND, name, abs.toString());
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
}
