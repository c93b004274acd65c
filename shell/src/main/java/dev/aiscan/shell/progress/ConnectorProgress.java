package dev.aiscan.shell.progress;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * One connector's progress, summed over the targets it has read so far.
 *
 * <p>Worker threads touch only {@link #unitsNow} and {@link #warnings}; everything else changes on
 * the scan's own thread (target started, target finished) under the reporter's lock, and is read
 * under that lock when a line is drawn.
 */
final class ConnectorProgress {
  final String id;

  /**
   * Units of the target being read. The engine reports a running total per target; calls from
   * different workers can arrive out of order, so the largest total seen is the right one.
   */
  final LongAccumulator unitsNow = new LongAccumulator(Math::max, 0);

  final LongAdder warnings = new LongAdder();

  /** Units of the targets already finished, as the engine counted them. */
  long unitsBefore;

  long findings;

  /** Time spent reading targets, finished ones only; the running one adds {@code now - since}. */
  long activeMillis;

  /** The target being read, or null between targets. */
  String targetName;

  long runningSinceMillis;

  ConnectorProgress(String id) {
    this.id = id;
  }

  boolean running() {
    return targetName != null;
  }

  /** What to draw, at {@code nowMillis}. */
  Snapshot snapshot(long nowMillis) {
    long units = unitsBefore + (running() ? unitsNow.get() : 0);
    long elapsed = activeMillis + (running() ? Math.max(0, nowMillis - runningSinceMillis) : 0);
    return new Snapshot(id, units, elapsed, warnings.sum(), findings, targetName);
  }

  /**
   * A consistent copy of one connector's progress.
   *
   * @param target the target being read, or null when the connector is not running
   */
  record Snapshot(
      String id, long units, long elapsedMillis, long warnings, long findings, String target) {}
}
