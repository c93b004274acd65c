package dev.aiscan.core.internal;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.ContentFilter;
import dev.aiscan.core.spi.Detector;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The engine's {@link CollectContext} for one target. */
public final class EngineContext implements CollectContext {
  /** Marks pool threads, so that a nested {@link #forEach} runs inline instead of deadlocking. */
  private static final ThreadLocal<Boolean> IN_WORKER = ThreadLocal.withInitial(() -> false);

  private final Target target;
  private final Settings settings;
  private final ExecutorService pool;
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
      ExecutorService pool,
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
    this.pool = pool;
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
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1: " + batch);
    }
    if (IN_WORKER.get()) {
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
        pool.execute(
            () -> {
              IN_WORKER.set(true);
              try {
                for (T item : chunk) {
                  runIsolated(item, label, work);
                }
              } finally {
                IN_WORKER.set(false);
                slots.release();
                running.arriveAndDeregister();
              }
            });
      }
    } finally {
      running.arriveAndAwaitAdvance();
    }
  }

  private <T> void runIsolated(T item, Function<T, String> label, Consumer<T> work) {
    try {
      work.accept(item);
    } catch (RuntimeException | StackOverflowError e) {
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
