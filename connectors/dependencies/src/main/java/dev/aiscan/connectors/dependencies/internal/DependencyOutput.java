package dev.aiscan.connectors.dependencies.internal;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;

/** Where an ecosystem reader puts what it finds. Thread-safe. */
public interface DependencyOutput {

  /** One package of the graph, direct or transitive. */
  void emit(Dependency dependency);

  /**
   * A recoverable problem: one line naming what is wrong (a coordinate, a key), never file
   * contents.
   *
   * @param manifest the file concerned, relative to the target root
   * @param line 1-based line, or null
   */
  void warn(String manifest, Integer line, String message);

  /**
   * Runs {@code work} for every item in parallel, a failure of one becoming a warning naming it.
   */
  <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work);
}
