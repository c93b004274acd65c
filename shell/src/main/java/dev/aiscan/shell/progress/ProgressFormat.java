package dev.aiscan.shell.progress;

import dev.aiscan.shell.progress.ConnectorProgress.Snapshot;
import java.util.Locale;
import java.util.Map;

/** How progress reads: the lines of both modes, their numbers, units and durations. */
final class ProgressFormat {
  private ProgressFormat() {}

  /** The unit each connector counts, by connector id; every other connector reads resources. */
  private static final Map<String, String> UNIT_BY_CONNECTOR =
      Map.of("source", "file", "dependencies", "file");

  private static final String DEFAULT_UNIT = "resource";

  /**
   * The widest connector id ({@code google-workspace}) plus a space, so the columns line up on a
   * terminal.
   */
  private static final int ID_WIDTH = 17;

  /** The unit counted by a connector, singular: {@code file} or {@code resource}. */
  static String unit(String connectorId) {
    return UNIT_BY_CONNECTOR.getOrDefault(connectorId, DEFAULT_UNIT);
  }

  /**
   * A terminal line: {@code " source 12,345 files 3,210/s 2 warnings 0 findings acme-repo"}; once
   * the connector has stopped, {@code done in 4.1 s} takes the target's place.
   */
  static String ttyLine(Snapshot s) {
    String state = s.target() != null ? s.target() : "done in " + duration(s.elapsedMillis());
    return String.format(
        Locale.ROOT,
        "  %-" + ID_WIDTH + "s%9s %-9s %9s   %s   %s   %s",
        s.id(),
        number(s.units()),
        plural(s.units(), unit(s.id())),
        rate(s.units(), s.elapsedMillis()),
        count(s.warnings(), "warning"),
        count(s.findings(), "finding"),
        state);
  }

  /** A periodic line: {@code aiscan: source: 12,345 files (3,210/s), 2 warnings, reading x}. */
  static String plainLine(Snapshot s) {
    return "aiscan: "
        + s.id()
        + ": "
        + count(s.units(), unit(s.id()))
        + " ("
        + rate(s.units(), s.elapsedMillis())
        + "), "
        + count(s.warnings(), "warning")
        + ", reading "
        + s.target();
  }

  /** The line for one finished target: {@code aiscan: source: done x, 812 files, 3 findings...}. */
  static String doneLine(
      String connectorId,
      String target,
      long units,
      long findings,
      long warnings,
      long elapsedMillis) {
    return "aiscan: "
        + connectorId
        + ": done "
        + target
        + ", "
        + count(units, unit(connectorId))
        + ", "
        + count(findings, "finding")
        + (warnings > 0 ? ", " + count(warnings, "warning") : "")
        + " in "
        + duration(elapsedMillis);
  }

  /** Units per second over {@code millis}, whole above 10/s, else with one decimal. */
  static String rate(long units, long millis) {
    if (millis <= 0) {
      return "-/s";
    }
    double perSecond = units * 1000.0 / millis;
    return perSecond >= 10
        ? String.format(Locale.ROOT, "%,d/s", Math.round(perSecond))
        : String.format(Locale.ROOT, "%.1f/s", perSecond);
  }

  /** {@code 4.1 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
  static String duration(long millis) {
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String count(long n, String noun) {
    return number(n) + " " + plural(n, noun);
  }

  private static String plural(long n, String noun) {
    return n == 1 ? noun : noun + "s";
  }

  /**
   * Cuts a line to fit a terminal {@code columns} wide. One column stays free: a line that fills
   * the last column leaves some terminals waiting to wrap, and the next cursor-up then lands one
   * line short.
   */
  static String fit(String line, int columns) {
    int max = Math.max(1, columns - 1);
    return line.length() <= max ? line : line.substring(0, max);
  }
}
