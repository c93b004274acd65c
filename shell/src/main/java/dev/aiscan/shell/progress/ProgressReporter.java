package dev.aiscan.shell.progress;

import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.ScanListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a scan's progress on stderr, one line per connector: units read (files or resources), rate,
 * warnings and findings, summed over the targets the connector has read, and the target it is
 * reading.
 *
 * <ul>
 *   <li>{@link Mode#TTY}: a block of lines redrawn in place every 200 ms; {@link #close()} draws
 *       the final totals once and leaves the cursor on a fresh line.
 *   <li>{@link Mode#PLAIN}: no escape sequences; a line per running connector every {@code
 *       interval} (10 s by default) and a line as each connector finishes a target.
 *   <li>{@link Mode#OFF}: nothing.
 * </ul>
 *
 * <p>The listener methods are thread-safe, and {@link #progress} and {@link #warning}, called by
 * worker threads once per file, only bump counters: formatting and output happen on the reporter's
 * own daemon thread (and, in plain mode, on the scan's thread as a target finishes).
 *
 * <pre>{@code
 * try (ProgressReporter progress =
 *     ProgressReporter.create(Terminals.detect(System.getenv()), System.err, Clock.systemUTC())) {
 *   result = engine.scan(request, progress);
 * }
 * }</pre>
 */
public final class ProgressReporter implements ScanListener, AutoCloseable {
  /** Where progress goes, and how it looks there. */
  public enum Mode {
    /** A terminal: lines redrawn in place with ANSI escape sequences. */
    TTY,
    /** A log file or pipe: plain lines, now and then. */
    PLAIN,
    /** Nothing at all ({@code --quiet}, {@code --json}). */
    OFF
  }

  /** How often plain mode reports a running connector. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  /** The terminal width assumed when {@code COLUMNS} does not say. */
  public static final int DEFAULT_COLUMNS = 100;

  private static final long TICK_MILLIS = 200;
  private static final char ESC = '\u001b';
  private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

  private final Mode mode;
  private final PrintStream err;
  private final Clock clock;
  private final long intervalMillis;
  private final int columns;
  private final Object lock = new Object();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread renderer;

  /** Every connector seen, in the order it first started; guarded by {@link #lock}. */
  private final Map<String, ConnectorProgress> connectors = new LinkedHashMap<>();

  /** The target being read and by whom, or null between targets. */
  private volatile Run current;

  /** Who takes the blame for a warning: the connector running, or the last one that ran. */
  private volatile ConnectorProgress lastStarted;

  // Drawing state, guarded by lock.
  private List<String> drawn = List.of();
  private long nextPlainMillis;

  /** One connector reading one target. */
  private record Run(
      ConnectorProgress connector, Target target, long startedMillis, long warningsAtStart) {}

  private ProgressReporter(
      Mode mode, PrintStream err, Clock clock, Duration interval, int columns, boolean render) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.err = Objects.requireNonNull(err, "err");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.intervalMillis = Math.max(1, interval.toMillis());
    this.columns = columns > 1 ? columns : DEFAULT_COLUMNS;
    if (mode != Mode.OFF && render) {
      renderer = new Thread(this::renderLoop, "aiscan-progress");
      renderer.setDaemon(true);
      renderer.start();
    } else {
      renderer = null;
    }
  }

  /**
   * A reporter writing to {@code err}, as wide as the {@code COLUMNS} environment variable says,
   * reporting every {@link #DEFAULT_INTERVAL} in plain mode. Close it when the scan ends.
   */
  public static ProgressReporter create(Mode mode, PrintStream err, Clock clock) {
    return create(mode, err, clock, DEFAULT_INTERVAL, Terminals.columns(System.getenv()));
  }

  /**
   * A reporter with its plain-mode {@code interval} and terminal width given.
   *
   * @param clock the time rates, durations and plain-mode intervals are measured by
   * @param interval how often plain mode reports a running connector
   * @param columns the terminal width; terminal lines are cut to fit
   */
  public static ProgressReporter create(
      Mode mode, PrintStream err, Clock clock, Duration interval, int columns) {
    return new ProgressReporter(mode, err, clock, interval, columns, true);
  }

  /** A reporter without its render thread: tests call {@link #tick()} themselves. */
  static ProgressReporter withoutThread(
      Mode mode, PrintStream err, Clock clock, Duration interval, int columns) {
    return new ProgressReporter(mode, err, clock, interval, columns, false);
  }

  public Mode mode() {
    return mode;
  }

  @Override
  public void targetStarted(Target target, String connectorId) {
    if (mode == Mode.OFF) {
      return;
    }
    synchronized (lock) {
      long now = clock.millis();
      ConnectorProgress c = connector(connectorId);
      c.unitsNow.reset();
      c.targetName = printable(target.name());
      c.runningSinceMillis = now;
      lastStarted = c;
      current = new Run(c, target, now, c.warnings.sum());
      nextPlainMillis = now + intervalMillis;
    }
  }

  @Override
  public void progress(Target target, long unitsDone) {
    Run run = current;
    // Only the target being read counts: a total for any other would land on the wrong line.
    if (run != null && (run.target() == target || run.target().equals(target))) {
      run.connector().unitsNow.accumulate(unitsDone);
    }
  }

  @Override
  public void warning(Warning warning) {
    if (mode == Mode.OFF) {
      return;
    }
    ConnectorProgress c = lastStarted;
    if (c == null) {
      // Nothing has started yet; the engine does not warn then, but a count must not vanish.
      synchronized (lock) {
        c = lastStarted != null ? lastStarted : connector("scan");
      }
    }
    c.warnings.increment();
  }

  @Override
  public void targetFinished(Target target, String connectorId, long units, long findings) {
    if (mode == Mode.OFF) {
      return;
    }
    synchronized (lock) {
      long now = clock.millis();
      Run run = current;
      ConnectorProgress c = connector(connectorId);
      long started = run != null && run.connector() == c ? run.startedMillis() : now;
      long warningsAtStart = run != null && run.connector() == c ? run.warningsAtStart() : 0;
      current = null;
      c.unitsBefore += units;
      c.findings += findings;
      c.activeMillis += Math.max(0, now - started);
      c.targetName = null;
      c.unitsNow.reset();
      if (mode == Mode.PLAIN && !closed.get()) {
        err.println(
            ProgressFormat.doneLine(
                connectorId,
                printable(target.name()),
                units,
                findings,
                c.warnings.sum() - warningsAtStart,
                now - started));
        err.flush();
      }
    }
  }

  /**
   * One pass of the render thread: on a terminal, redraws the lines if they changed; in plain mode,
   * prints a line per running connector once the interval has passed.
   */
  void tick() {
    synchronized (lock) {
      if (closed.get()) {
        return;
      }
      if (mode == Mode.TTY) {
        draw();
      } else if (mode == Mode.PLAIN) {
        long now = clock.millis();
        if (current != null && now >= nextPlainMillis) {
          for (ConnectorProgress c : connectors.values()) {
            if (c.running()) {
              err.println(ProgressFormat.plainLine(c.snapshot(now)));
            }
          }
          err.flush();
          nextPlainMillis = now + intervalMillis;
        }
      }
    }
  }

  /**
   * Stops the render thread and, on a terminal, draws the final totals once. Later listener calls
   * print nothing. Safe to call twice.
   */
  @Override
  public void close() {
    if (mode == Mode.OFF || !closed.compareAndSet(false, true)) {
      return;
    }
    stop.countDown();
    if (renderer != null) {
      try {
        renderer.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (mode == Mode.TTY) {
      synchronized (lock) {
        draw();
      }
    }
  }

  private void renderLoop() {
    try {
      while (!stop.await(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
        try {
          tick();
        } catch (RuntimeException e) {
          // Progress is a courtesy: a failure to draw must never disturb the scan.
          log.debug("progress: drawing failed", e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Redraws the block in place: up to its first line, then each line cleared and rewritten. Lines
   * are only ever added, so the new block always covers the old one, and the cursor ends below it.
   */
  private void draw() {
    long now = clock.millis();
    List<String> lines = new ArrayList<>(connectors.size());
    for (ConnectorProgress c : connectors.values()) {
      lines.add(ProgressFormat.fit(ProgressFormat.ttyLine(c.snapshot(now)), columns));
    }
    if (lines.equals(drawn)) {
      return;
    }
    StringBuilder frame = new StringBuilder();
    if (!drawn.isEmpty()) {
      frame.append(ESC).append('[').append(drawn.size()).append('A');
    }
    for (String line : lines) {
      frame.append('\r').append(ESC).append("[2K").append(line).append('\n');
    }
    err.print(frame);
    err.flush();
    drawn = List.copyOf(lines);
  }

  private ConnectorProgress connector(String id) {
    return connectors.computeIfAbsent(id, ConnectorProgress::new);
  }

  /** A target's name without control characters, which would move the cursor or worse. */
  private static String printable(String name) {
    return name.replaceAll("\\p{Cntrl}", "?");
  }
}
