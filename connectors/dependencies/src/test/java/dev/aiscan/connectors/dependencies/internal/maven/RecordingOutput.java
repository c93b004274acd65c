package dev.aiscan.connectors.dependencies.internal.maven;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/** A {@link DependencyOutput} that keeps everything, running {@code forEach} in parallel as the engine does. */
final class RecordingOutput implements DependencyOutput {
  final List<Dependency> dependencies = Collections.synchronizedList(new ArrayList<>());
  final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

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
    StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, 0), false).toList().parallelStream().forEach(item -> {
      try {
        work.accept(item);
      } catch (RuntimeException e) {
        warn(label.apply(item), null, "failed: " + e);
      }
    });
  }

  /** The packages of one project (its first path element), as {@code name:version}. */
  List<String> packages(String project) {
    synchronized (dependencies) {
      return dependencies.stream().filter(d -> d.path().get(0).equals(project)).map(d -> d.name() + ":" + d.version()).sorted().toList();
    }
  }

  Dependency find(String project, String name) {
    synchronized (dependencies) {
      return dependencies.stream().filter(d -> d.path().get(0).equals(project) && d.name().equals(name)).findFirst().orElse(null);
    }
  }
}
