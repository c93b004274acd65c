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
   * Runs {@code work} for every item in parallel, a failure of one becoming a warning naming it. An
   * item that takes longer than the scan's time bound per file ({@code
   * connectors.source.file-timeout}) is given up with a warning.
   */
  <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work);

  /**
   * As {@link #forEach}, with no time bound per item: for work that may resolve over the network,
   * which the resolver's own connect and request timeouts bound.
   */
  default <T> void forEachOnline(Iterator<T> items, Function<T, String> label, Consumer<T> work) {
    forEach(items, label, work);
  }
}
