package dev.aiscan.connectors.dependencies;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.EcosystemReader;
import dev.aiscan.connectors.dependencies.internal.Readers;
import dev.aiscan.connectors.support.SourceTrees;
import dev.aiscan.connectors.support.TreeWalker;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds every package in the full dependency graph of each project in a source tree — Maven,
 * Gradle, npm, Python, Go, .NET, Rust and Ruby manifests and lockfiles — and says how each got
 * there: a package fact per package with {@code direct}, {@code scope} and the {@code path} from
 * the project, located at the manifest line that declares the direct dependency it comes through.
 *
 * <p>It reads the same {@code source} targets as the source connector, with the same skip list and
 * {@code .gitignore} rules; the engine runs both.
 */
public final class DependencyConnector implements Connector {
  public static final String KIND = SourceTrees.KIND;

  /**
   * Manifests and lockfiles are read whole: one larger than this, or than the tree's {@code
   * connectors.source.max-file-size} when that is set higher, is skipped with a warning (a sparse
   * or runaway file must not cost gigabytes of heap).
   */
  static final long MAX_MANIFEST_SIZE = 64L << 20;

  @Override
  public String id() {
    return "dependencies";
  }

  @Override
  public boolean accepts(Target target) {
    return SourceTrees.isSourceTree(target);
  }

  @Override
  public void collect(Target target, CollectContext context) {
    DependencySettings settings = DependencySettings.from(context.settings());
    Optional<Path> realRoot = SourceTrees.root(target, context);
    if (realRoot.isEmpty()) {
      return;
    }
    Path root = realRoot.get();
    Map<EcosystemReader, List<String>> wanted = manifests(root, target, context);
    DependencyOutput out = output(target, context);
    for (Map.Entry<EcosystemReader, List<String>> e : wanted.entrySet()) {
      try {
        e.getKey().read(root, e.getValue(), settings, out);
      } catch (RuntimeException | StackOverflowError failure) {
        context.warn(
            target.name(),
            e.getKey().ecosystem()
                + " dependencies stopped early: "
                + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
      } finally {
        // progress counts the manifests and lockfiles read, one ecosystem at a time
        context.progress(e.getValue().size());
      }
    }
  }

  /**
   * Which reader wants which file, from the walk of the tree the source connector reads too ({@link
   * SourceTrees#files}): the same files, the same include and exclude globs, one listing. Warnings
   * about the walk itself are given once, by the walk.
   */
  private static Map<EcosystemReader, List<String>> manifests(
      Path root, Target target, CollectContext context) {
    Map<EcosystemReader, List<String>> wanted = new LinkedHashMap<>();
    List<EcosystemReader> readers = Readers.all();
    long limit =
        Math.max(MAX_MANIFEST_SIZE, context.settings().bytes(SourceTrees.MAX_FILE_SIZE, 0));
    Iterator<TreeWalker.Entry> files = SourceTrees.files(target, root, context);
    while (files.hasNext()) {
      TreeWalker.Entry entry = files.next();
      String relative = entry.relative();
      String name = relative.substring(relative.lastIndexOf('/') + 1);
      for (EcosystemReader reader : readers) {
        if (reader.wants(relative, name)) {
          if (entry.size() > limit) {
            context.warn(
                SourceTrees.label(target, relative),
                "file of "
                    + entry.size()
                    + " bytes is over the size limit of "
                    + limit
                    + " bytes for a manifest or lockfile; skipped");
            break;
          }
          wanted.computeIfAbsent(reader, r -> new ArrayList<>()).add(relative);
        }
      }
    }
    return wanted;
  }

  private static DependencyOutput output(Target target, CollectContext context) {
    java.time.Duration fileTimeout = SourceTrees.fileTimeout(context.settings());
    return new DependencyOutput() {
      @Override
      public void emit(Dependency d) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(Fact.Attr.ECOSYSTEM, d.ecosystem());
        attributes.put(Fact.Attr.DIRECT, Boolean.toString(d.direct()));
        attributes.put(Fact.Attr.PATH, String.join(DependencyPath.ARROW, d.path()));
        if (d.version() != null) {
          attributes.put(Fact.Attr.VERSION, d.version());
        }
        if (d.scope() != null) {
          attributes.put(Fact.Attr.SCOPE, d.scope());
        }
        if (!d.path().isEmpty()) {
          attributes.put(Fact.Attr.PROJECT, d.path().get(0));
        }
        context.emit(
            new Fact(
                FactType.PACKAGE,
                d.name(),
                target,
                Location.file(d.manifest(), d.line()),
                attributes));
      }

      @Override
      public void warn(String manifest, Integer line, String message) {
        context.warn(target.name() + "/" + manifest + (line == null ? "" : ":" + line), message);
      }

      @Override
      public <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work) {
        context.forEach(items, label, work, 1, fileTimeout);
      }

      @Override
      public <T> void forEachOnline(
          Iterator<T> items, Function<T, String> label, Consumer<T> work) {
        context.forEach(items, label, work);
      }
    };
  }
}
