package dev.aiscan.connectors.dependencies.internal.python;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Collects what a reader emits, sequentially; also writes fixture files. Shared by the readers' tests. */
public final class RecordingOutput implements DependencyOutput {
  public final List<Dependency> emitted = new ArrayList<>();
  public final List<String> warnings = new ArrayList<>();

  @Override
  public synchronized void emit(Dependency dependency) {
    emitted.add(dependency);
  }

  @Override
  public synchronized void warn(String manifest, Integer line, String message) {
    warnings.add(manifest + (line == null ? "" : ":" + line) + ": " + message);
  }

  @Override
  public <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work) {
    items.forEachRemaining(work);
  }

  public Dependency one(String name) {
    List<Dependency> found = emitted.stream().filter(d -> d.name().equals(name)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + name + " but got " + found + " in " + emitted);
    }
    return found.get(0);
  }

  public Optional<Dependency> find(String name) {
    return emitted.stream().filter(d -> d.name().equals(name)).findFirst();
  }

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
