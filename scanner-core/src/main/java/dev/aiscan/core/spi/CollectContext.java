package dev.aiscan.core.spi;

import dev.aiscan.core.model.Fact;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the engine gives a connector while it collects one target: a thread-safe sink for facts and
 * warnings, the scan's settings, and a way to spread work over all cores with failures isolated per
 * item.
 */
public interface CollectContext {

  /** Emits one fact. Thread-safe; the fact is matched immediately and not kept. */
  void emit(Fact fact);

  /**
   * Records a recoverable problem.
   *
   * @param source the file (relative to the target), resource or API concerned
   * @param message one line; never include file contents or secrets
   */
  void warn(String source, String message);

  /**
   * The detector's prefilter for raw content: a file whose bytes it rejects need not be parsed. See
   * {@link ContentFilter}.
   */
  ContentFilter contentFilter();

  /** The scan's settings, flat keys such as {@code connectors.source.max-file-size}. */
  Settings settings();

  /**
   * Runs {@code work} for every item on the engine's worker pool and returns when all are done.
   * Items are pulled lazily from the iterator, with a bounded number in flight, so a connector can
   * stream a walk of millions of files. An exception (or stack overflow) from one item becomes a
   * warning naming {@code label.apply(item)} and does not stop the others.
   */
  <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work);

  /**
   * As {@link #forEach(Iterator, Function, Consumer)}, handing the items to the workers {@code
   * batch} at a time: for many small items (the files of a tree), fewer hand-offs between threads.
   * Every item is still isolated from the others.
   */
  default <T> void forEach(
      Iterator<T> items, Function<T, String> label, Consumer<T> work, int batch) {
    forEach(items, label, work);
  }

  /**
   * As {@link #forEach(Iterator, Function, Consumer, int)}, with a time bound per item, for work
   * whose only input is the target's own bytes (parsing a file). An item still running after {@code
   * bound} is given up with a warning naming it; its thread is interrupted and replaced, and the
   * others go on. What the item emitted before stays; what it emits or warns after is dropped. A
   * parser caught in a loop, or an {@code open} that blocks on a FIFO, then costs one file and
   * never the scan. Network work has its own timeouts and is not bounded this way. A context that
   * runs items on the calling thread (a test's) may ignore the bound.
   *
   * @param bound positive; {@code null} for none
   */
  default <T> void forEach(
      Iterator<T> items,
      Function<T, String> label,
      Consumer<T> work,
      int batch,
      java.time.Duration bound) {
    forEach(items, label, work, batch);
  }

  /**
   * Says the connector could not read all of the target (a denied API call, a region that did not
   * answer), though it went on with the rest. The scan then treats the target as incomplete: what
   * it no longer shows is not taken as gone (nothing of it is marked stale).
   */
  void incomplete();

  /** Counts one unit of work done (a file, a resource), for progress reporting. */
  void progress(long unitsDone);

  /** The id of the connector this context serves. */
  default String connectorId() {
    return "connector";
  }

  /**
   * The ids of the connectors collecting this target at the same time, this one included (a source
   * tree's code and its dependencies). A connector tested on its own collects alone.
   */
  default List<String> collectors() {
    return List.of(connectorId());
  }

  /**
   * A value the connectors collecting this target share for this scan, such as one walk of a source
   * tree read by all of them: made by the first that asks for {@code key}, handed to the others. A
   * value that is {@link Shared} hears of every connector that finishes, including those that
   * finished before it was made. The default, for a connector collecting alone, makes a new value
   * each time.
   */
  default <T> T shared(String key, Class<T> type, Supplier<T> make) {
    return make.get();
  }

  /** A {@link #shared} value that must know when each connector of the target is done with it. */
  interface Shared {
    /** The connector will not use this value (any more). Called once per connector. */
    void finished(String connectorId);
  }
}
