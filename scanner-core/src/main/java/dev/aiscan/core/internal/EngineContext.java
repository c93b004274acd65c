package dev.aiscan.core.internal;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.ContentFilter;
import dev.aiscan.core.spi.Detector;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The engine's {@link CollectContext} for one target. */
public final class EngineContext implements CollectContext {
  /** Marks pool threads, so that a nested {@link #forEach} runs inline instead of deadlocking. */
  private static final ThreadLocal<Boolean> IN_WORKER = ThreadLocal.withInitial(() -> false);

  /** The item a worker thread is on, when it runs under a time bound. */
  private static final ThreadLocal<Running<?>> CURRENT = new ThreadLocal<>();

  private final Target target;
  private final Settings settings;
  private final Workers workers;
  private final int maxInFlight;
  private final Detector detector;
  private final FindingCollector findings;
  private final DependencyCollector dependencies;
  private final ResourceCollector resources;
  private final WarningCollector warnings;
  private final ScanListener listener;
  private final AtomicLong units = new AtomicLong();
  private final Set<String> incomplete;
  private final String connectorId;
  private final SharedValues shared;

  public EngineContext(
      Target target,
      Settings settings,
      Workers workers,
      int parallelism,
      Detector detector,
      FindingCollector findings,
      DependencyCollector dependencies,
      ResourceCollector resources,
      WarningCollector warnings,
      Set<String> incomplete,
      String connectorId,
      SharedValues shared,
      ScanListener listener) {
    this.target = target;
    this.settings = settings;
    this.workers = workers;
    this.maxInFlight = parallelism * 4;
    this.detector = detector;
    this.findings = findings;
    this.dependencies = dependencies;
    this.resources = resources;
    this.warnings = warnings;
    this.listener = listener;
    this.incomplete = incomplete;
    this.connectorId = connectorId;
    this.shared = shared;
  }

  @Override
  public String connectorId() {
    return connectorId;
  }

  @Override
  public List<String> collectors() {
    return shared.collectors();
  }

  @Override
  public <T> T shared(String key, Class<T> type, Supplier<T> make) {
    return shared.get(key, type, make);
  }

  @Override
  public void emit(Fact fact) {
    if (abandonedHere()) {
      return;
    }
    dependencies.add(fact);
    if (fact.location().resource() == null) {
      detector.detect(fact, findings::add);
      return;
    }
    boolean[] matched = {false};
    detector.detect(
        fact,
        f -> {
          matched[0] = true;
          findings.add(f);
        });
    if (matched[0]) {
      resources.add(fact);
    }
  }

  @Override
  public void warn(String source, String message) {
    if (abandonedHere()) {
      return;
    }
    warnings.add(source, message);
  }

  @Override
  public void incomplete() {
    incomplete.add(target.id());
  }

  @Override
  public ContentFilter contentFilter() {
    return detector.contentFilter();
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work) {
    forEach(items, label, work, 1);
  }

  @Override
  public <T> void forEach(
      Iterator<T> items, Function<T, String> label, Consumer<T> work, int batch) {
    forEach(items, label, work, batch, null);
  }

  @Override
  public <T> void forEach(
      Iterator<T> items, Function<T, String> label, Consumer<T> work, int batch, Duration bound) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1: " + batch);
    }
    if (bound != null && (bound.isNegative() || bound.isZero())) {
      throw new IllegalArgumentException("the time bound per item must be positive: " + bound);
    }
    if (IN_WORKER.get()) {
      // nested in an item of an outer forEach, whose bound covers this work too
      items.forEachRemaining(item -> runIsolated(item, label, work));
      return;
    }
    Semaphore slots = new Semaphore(maxInFlight);
    Phaser running = new Phaser(1);
    try {
      while (items.hasNext()) {
        List<T> chunk = new ArrayList<>(batch);
        do {
          chunk.add(items.next());
        } while (chunk.size() < batch && items.hasNext());
        slots.acquireUninterruptibly();
        running.register();
        Batch<T> task =
            new Batch<>(
                chunk,
                label,
                work,
                bound,
                () -> {
                  slots.release();
                  running.arriveAndDeregister();
                });
        if (bound != null) {
          workers.watch(task, bound);
        }
        workers.execute(task);
      }
    } finally {
      running.arriveAndAwaitAdvance();
    }
  }

  /**
   * Items handed to the workers together. Each runs isolated; with a bound, the watchdog may give
   * up on the one running, and the batch then goes on on another thread from the next item.
   */
  private final class Batch<T> implements Workers.Watched {
    private final List<T> items;
    private final Function<T, String> label;
    private final Consumer<T> work;
    private final Duration bound;
    private final Runnable done;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Running<T> current;

    Batch(
        List<T> items, Function<T, String> label, Consumer<T> work, Duration bound, Runnable done) {
      this.items = items;
      this.label = label;
      this.work = work;
      this.bound = bound;
      this.done = done;
    }

    @Override
    public void run() {
      IN_WORKER.set(true);
      Running<T> r = null;
      try {
        for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
          T item = items.get(i);
          r = new Running<>(item, Thread.currentThread(), System.nanoTime());
          current = r;
          CURRENT.set(r);
          try {
            runIsolated(item, label, work);
          } finally {
            CURRENT.remove();
          }
          if (!r.finish()) {
            return; // given up by the watchdog: the batch goes on without this thread
          }
          r = null;
        }
        finished();
      } catch (Throwable e) {
        // a failure of the JVM (out of memory) out of an item ends the batch; the forEach waiting
        // for it must still hear that it is over, or it waits for ever
        if (r == null || r.finish()) {
          try {
            if (r != null) {
              warnings.add(
                  label.apply(r.item),
                  describe(e) + "; the items handed over with it after it were not read");
            }
          } finally {
            finished();
          }
        }
        throw e;
      } finally {
        IN_WORKER.set(false);
      }
    }

    private void finished() {
      current = null;
      if (bound != null) {
        workers.unwatch(this);
      }
      done.run();
    }

    @Override
    public boolean abandonIfOverdue(long nowNanos) {
      Running<T> r = current;
      if (r == null || nowNanos - r.started < bound.toNanos() || !r.abandon()) {
        return false;
      }
      try {
        warnings.add(
            label.apply(r.item), "not done after " + brief(bound) + "; skipped, the scan went on");
      } catch (RuntimeException e) {
        // given up all the same: the batch must go on whatever the label does
      }
      return true;
    }
  }

  /**
   * The item a worker is on: done by the worker, or abandoned by the watchdog, whichever is first.
   */
  private static final class Running<T> {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    final T item;
    final Thread thread;
    final long started;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    Running(T item, Thread thread, long started) {
      this.item = item;
      this.thread = thread;
      this.started = started;
    }

    boolean abandoned() {
      return state.get() == ABANDONED;
    }

    /** The worker is done with the item; false if the watchdog gave up on it first. */
    boolean finish() {
      if (state.compareAndSet(RUNNING, DONE)) {
        return true;
      }
      synchronized (this) {
        Thread.interrupted(); // the watchdog's interrupt is for the abandoned item, not the next
      }
      return false;
    }

    /** Gives up on the item and interrupts its thread, unless the worker finished it first. */
    synchronized boolean abandon() {
      if (!state.compareAndSet(RUNNING, ABANDONED)) {
        return false;
      }
      thread.interrupt();
      return true;
    }
  }

  /** True when the calling thread's item was given up: what it still sends is dropped. */
  private static boolean abandonedHere() {
    Running<?> r = CURRENT.get();
    return r != null && r.abandoned();
  }

  /** A bound as a person would say it: 250 ms, 30 s, 2 min. */
  static String brief(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    if (d.toSeconds() < 120 || d.toSecondsPart() != 0) {
      return d.toMillisPart() == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }
    return d.toMinutes() + " min";
  }

  /**
   * Runs one item; what it throws is a warning naming it. Only a failure of the JVM itself (out of
   * memory, an internal error) goes on up: the batch it came in then ends, with a warning naming
   * the item.
   */
  private <T> void runIsolated(T item, Function<T, String> label, Consumer<T> work) {
    try {
      work.accept(item);
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      warn(label.apply(item), describe(e));
    }
  }

  @Override
  public void progress(long unitsDone) {
    long total = units.addAndGet(unitsDone);
    listener.progress(target, total);
  }

  public long unitsDone() {
    return units.get();
  }

  /** A one-line description of a failure, for a warning. */
  public static String describe(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "nesting too deep to analyse";
    }
    if (e instanceof UncheckedIOException io && io.getCause() != null) {
      e = io.getCause();
    }
    String message = e.getMessage();
    if (e instanceof dev.aiscan.core.ScanException && message != null) {
      return message;
    }
    String kind = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }
}
