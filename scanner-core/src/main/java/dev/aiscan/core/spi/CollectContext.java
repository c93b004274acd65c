package dev.aiscan.core.spi;

import dev.aiscan.core.model.Fact;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;

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
   * Says the connector could not read all of the target (a denied API call, a region that did not
   * answer), though it went on with the rest. The scan then treats the target as incomplete: what
   * it no longer shows is not taken as gone (nothing of it is marked stale).
   */
  void incomplete();

  /** Counts one unit of work done (a file, a resource), for progress reporting. */
  void progress(long unitsDone);
}
