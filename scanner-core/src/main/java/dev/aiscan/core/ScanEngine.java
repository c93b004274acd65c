package dev.aiscan.core;

import dev.aiscan.core.internal.DependencyCollector;
import dev.aiscan.core.internal.EngineContext;
import dev.aiscan.core.internal.FindingCollector;
import dev.aiscan.core.internal.InventoryBuilder;
import dev.aiscan.core.internal.ResourceCollector;
import dev.aiscan.core.internal.SharedValues;
import dev.aiscan.core.internal.WarningCollector;
import dev.aiscan.core.internal.Workers;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Connector;
import dev.aiscan.core.spi.Detector;
import dev.aiscan.core.spi.ScanListener;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of a scan: targets in, inventory out. Connectors extract facts, the detector
 * turns them into findings, and the inventory groups findings into assets.
 *
 * <pre>{@code
 * ScanEngine engine = new ScanEngine(List.of(new SourceConnector()), RuleEngine.loadDefault(), "0.1.0");
 * ScanResult result = engine.scan(ScanRequest.of(List.of(target), Settings.empty()), ScanListener.NONE);
 * }</pre>
 *
 * <p>Nothing a target contains can abort a scan: failures inside a file or call become warnings,
 * and a connector that fails as a whole costs only its target, also as a warning. Only targets that
 * cannot be scanned at all are refused, before any work starts, with an {@link
 * InvalidTargetException}.
 */
public final class ScanEngine {
  private static final Logger log = LoggerFactory.getLogger(ScanEngine.class);
  private static final DateTimeFormatter SCAN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final List<Connector> connectors;
  private final Detector detector;
  private final String aiscanVersion;
  private final Clock clock;

  public ScanEngine(List<Connector> connectors, Detector detector, String aiscanVersion) {
    this(connectors, detector, aiscanVersion, Clock.systemUTC());
  }

  public ScanEngine(
      List<Connector> connectors, Detector detector, String aiscanVersion, Clock clock) {
    this.connectors = List.copyOf(connectors);
    this.detector = detector;
    this.aiscanVersion = aiscanVersion;
    this.clock = clock;
  }

  /**
   * Runs a scan.
   *
   * @throws InvalidTargetException if a target has no connector or cannot be read at all
   */
  public ScanResult scan(ScanRequest request, ScanListener listener) {
    Map<Target, List<Connector>> plan = plan(request.targets());
    Instant started = clock.instant();
    Secrets secrets = new Secrets(detector.secretPatterns());
    WarningCollector warnings = new WarningCollector(secrets, listener);
    FindingCollector findings = new FindingCollector(secrets);
    DependencyCollector dependencies = new DependencyCollector();
    ResourceCollector resources = new ResourceCollector();
    Set<String> incomplete = ConcurrentHashMap.newKeySet();
    Sinks sinks = new Sinks(findings, dependencies, resources, warnings, incomplete);

    try (Workers workers = new Workers(request.parallelism())) {
      for (Map.Entry<Target, List<Connector>> step : plan.entrySet()) {
        collectTogether(step.getKey(), step.getValue(), request, workers, sinks, listener);
      }
    }

    Scan scan =
        new Scan(scanId(started), started, clock.instant(), request.targets(), aiscanVersion);
    List<dev.aiscan.core.model.Finding> sorted = findings.sorted();
    return new ScanResult(
        scan,
        sorted,
        InventoryBuilder.build(sorted, request.targets()),
        warnings.sorted(),
        warnings.dropped(),
        dependencies.sorted(),
        incomplete,
        dev.aiscan.core.register.Reconciliation.NONE,
        resources.sorted());
  }

  /**
   * Every connector that reads a target's kind collects it (a source tree: code, and dependencies).
   */
  private Map<Target, List<Connector>> plan(List<Target> targets) {
    Map<Target, List<Connector>> plan = new LinkedHashMap<>();
    for (Target target : targets) {
      List<Connector> readers = connectors.stream().filter(c -> c.accepts(target)).toList();
      if (readers.isEmpty()) {
        throw new InvalidTargetException(
            "no connector reads targets of kind '" + target.kind() + "': " + target.name());
      }
      readers.forEach(c -> c.validate(target));
      plan.put(target, readers);
    }
    return plan;
  }

  /** Where one scan's results accumulate. */
  private record Sinks(
      FindingCollector findings,
      DependencyCollector dependencies,
      ResourceCollector resources,
      WarningCollector warnings,
      Set<String> incomplete) {}

  /**
   * Runs every connector of one target at the same time, each on a thread of its own that feeds the
   * shared worker pool: a source tree's code and its dependencies are read side by side, so the
   * dependency connector's walk and manifest reading overlap the source connector's files instead
   * of following them. Results do not depend on the order: they are sorted at the end.
   */
  private void collectTogether(
      Target target,
      List<Connector> readers,
      ScanRequest request,
      Workers workers,
      Sinks sinks,
      ScanListener listener) {
    SharedValues shared = new SharedValues(readers.stream().map(Connector::id).toList());
    if (readers.size() == 1) {
      collect(target, readers.get(0), request, workers, sinks, shared, listener);
      return;
    }
    List<Thread> threads = new ArrayList<>();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    for (Connector connector : readers) {
      Thread t =
          new Thread(
              () -> {
                try {
                  collect(target, connector, request, workers, sinks, shared, listener);
                } catch (Throwable e) { // an Error must not vanish with its thread
                  failure.compareAndSet(null, e);
                }
              },
              "aiscan-collect-" + connector.id());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ScanException("scan interrupted while reading " + target.name());
      }
    }
    Throwable e = failure.get();
    if (e instanceof Error error) {
      throw error;
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
  }

  private void collect(
      Target target,
      Connector connector,
      ScanRequest request,
      Workers workers,
      Sinks sinks,
      SharedValues shared,
      ScanListener listener) {
    FindingCollector findings = sinks.findings();
    WarningCollector warnings = sinks.warnings();
    log.info(
        "{}: collecting {} with connector {}", target.name(), target.location(), connector.id());
    listener.targetStarted(target, connector.id());
    EngineContext context =
        new EngineContext(
            target,
            request.settings(),
            workers,
            request.parallelism(),
            detector,
            findings,
            sinks.dependencies(),
            sinks.resources(),
            warnings,
            sinks.incomplete(),
            connector.id(),
            shared,
            listener);
    long before = findings.size();
    try {
      connector.collect(target, context);
    } catch (RuntimeException | StackOverflowError e) {
      sinks.incomplete().add(target.id());
      warnings.add(
          target.name(),
          "connector " + connector.id() + " stopped early: " + EngineContext.describe(e));
    } finally {
      // what the connector shared with the others no longer waits for it, even after an Error
      shared.finished(connector.id());
    }
    long found = findings.size() - before;
    log.info("{}: {} units, {} findings", target.name(), context.unitsDone(), found);
    listener.targetFinished(target, connector.id(), context.unitsDone(), found);
  }

  private String scanId(Instant started) {
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    return SCAN_ID_TIME.format(started) + "-" + HexFormat.of().formatHex(random);
  }

  /** Connector ids, in registration order. */
  public List<String> connectorIds() {
    List<String> ids = new ArrayList<>();
    connectors.forEach(c -> ids.add(c.id()));
    return ids;
  }
}
