package dev.aiscan.shell.config;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.scheduling.support.CronExpression;

/**
 * One entry of {@code schedules:} in {@code aiscan.yaml}: which target groups to scan, and when.
 *
 * <pre>{@code
 * Schedule nightly = config.schedules().get(0);
 * ZonedDateTime next = nightly.next(ZonedDateTime.now());
 * ScanSpec spec = config.scanFor(nightly);
 * }</pre>
 *
 * @param name unique among the file's schedules
 * @param cron the expression as written: 5 fields ({@code minute hour day-of-month month
 *     day-of-week}), 6 with seconds first, or a macro such as {@code @daily}
 * @param expression the parsed expression, always with seconds
 * @param targets the target groups this schedule scans ({@link ScanSpec#TARGET_GROUPS})
 * @param zone the time zone the expression is read in
 */
public record Schedule(
    String name, String cron, CronExpression expression, List<String> targets, ZoneId zone) {

  /** The macros cron users know, as Spring's {@link CronExpression} reads them. */
  static final Set<String> MACROS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  public Schedule {
    targets = List.copyOf(targets);
  }

  /**
   * The first time after {@code after} at which this schedule fires, in its own zone; null when it
   * never fires again (a date that does not exist, such as 30 February).
   */
  public ZonedDateTime next(ZonedDateTime after) {
    return expression.next(after.withZoneSameInstant(zone));
  }

  /**
   * Parses a cron expression: standard 5-field cron (a seconds field {@code 0} is put in front), a
   * 6-field expression with seconds, or a macro.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  static CronExpression parse(String cron) {
    String normalised = cron.strip().replaceAll("\\s+", " ");
    if (normalised.startsWith("@")) {
      if (!MACROS.contains(normalised.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "the macros are @yearly, @annually, @monthly, @weekly, @daily, @midnight and"
                + " @hourly");
      }
      return CronExpression.parse(normalised.toLowerCase(Locale.ROOT));
    }
    int fields = normalised.isEmpty() ? 0 : normalised.split(" ").length;
    if (fields != 5 && fields != 6) {
      throw new IllegalArgumentException(
          fields
              + " field"
              + (fields == 1 ? "" : "s")
              + "; expected 5 (minute hour day-of-month month day-of-week) or 6 with seconds"
              + " first");
    }
    try {
      return CronExpression.parse(fields == 5 ? "0 " + normalised : normalised);
    } catch (IllegalArgumentException e) {
      // Spring's message repeats the expression with the seconds we added; its cause does not
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new IllegalArgumentException(reason == null ? "not valid" : reason, e);
    }
  }
}
