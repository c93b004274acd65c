package dev.aiscan.connectors.dependencies.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@link DependencyOutput} for the readers' tests: keeps every package and warning ({@code
 * manifest[:line] message}), and runs {@code forEach} with the engine's per-item isolation.
 */
public final class RecordingOutput implements DependencyOutput {
  public final List<Dependency> dependencies = Collections.synchronizedList(new ArrayList<>());
  public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void emit(Dependency dependency) {
    dependencies.add(dependency);
  }

  @Override
  public void warn(String manifest, Integer line, String message) {
    warnings.add(manifest + (line == null ? "" : ":" + line) + " " + message);
  }

  @Override
  public <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work) {
    items.forEachRemaining(
        item -> {
          try {
            work.accept(item);
          } catch (RuntimeException e) {
            warn(label.apply(item), null, "failed: " + e);
          }
        });
  }

  /** The only package of this name; fails when there are none or several. */
  public Dependency one(String name) {
    List<Dependency> found = snapshot().stream().filter(d -> d.name().equals(name)).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + name + " but got " + found + " in " + dependencies);
    }
    return found.get(0);
  }

  public Optional<Dependency> find(String name) {
    return snapshot().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The package of this name in one project (the first path element), or null. */
  public Dependency find(String project, String name) {
    return snapshot().stream()
        .filter(d -> d.path().get(0).equals(project) && d.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  /** The packages of one project, as sorted {@code name:version}. */
  public List<String> packages(String project) {
    return snapshot().stream()
        .filter(d -> d.path().get(0).equals(project))
        .map(d -> d.name() + ":" + d.version())
        .sorted()
        .toList();
  }

  private List<Dependency> snapshot() {
    synchronized (dependencies) {
      return List.copyOf(dependencies);
    }
  }

  /**
   * Runs a reader over every file under {@code root} it wants, as the connector would hand them.
   */
  public static RecordingOutput readTree(EcosystemReader reader, Path root) {
    RecordingOutput out = new RecordingOutput();
    try (Stream<Path> walk = Files.walk(root)) {
      List<String> files =
          walk.filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(r -> reader.wants(r, r.substring(r.lastIndexOf('/') + 1)))
              .sorted()
              .toList();
      reader.read(root, files, null, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Writes a fixture file under {@code root}. */
  public static void write(Path root, String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
