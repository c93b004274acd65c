package dev.aiscan.connectors.dependencies.internal.npm;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Keeps what a reader emits and warns; runs {@code forEach} in order, as a failure-isolating engine would. */
final class RecordingOutput implements DependencyOutput {
  final List<Dependency> dependencies = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  @Override
  public synchronized void emit(Dependency dependency) {
    dependencies.add(dependency);
  }

  @Override
  public synchronized void warn(String manifest, Integer line, String message) {
    warnings.add(manifest + (line == null ? "" : ":" + line) + " " + message);
  }

  @Override
  public <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work) {
    items.forEachRemaining(item -> {
      try {
        work.accept(item);
      } catch (RuntimeException e) {
        warn(label.apply(item), null, "failed: " + e);
      }
    });
  }
}
