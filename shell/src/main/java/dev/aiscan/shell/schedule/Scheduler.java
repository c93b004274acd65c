package dev.aiscan.shell.schedule;

import dev.aiscan.shell.config.Schedule;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scheduled scans on their cron expressions, one at a time, until {@link #stop stopped}. A run
 * that is due while another runs starts when that one ends; runs missed by more than a cron period
 * are not caught up (the next scan sees everything anyway). Every run is appended to the {@link
 * RunHistory}; a run that throws is recorded as failed and the schedule goes on.
 */
public final class Scheduler {
  /** Runs one scheduled scan. */
  @FunctionalInterface
  public interface Job {
    RunRecord run(Schedule schedule);
  }

  private final List<Schedule> schedules;
  private final Clock clock;
  private final RunHistory history;
  private final Job job;
  private final PrintStream log;
  private final Object wake = new Object();
  private volatile boolean stopping;
  private int runs;

  public Scheduler(
      List<Schedule> schedules, Clock clock, RunHistory history, Job job, PrintStream log) {
    this.schedules = List.copyOf(schedules);
    this.clock = clock;
    this.history = history;
    this.job = job;
    this.log = log;
  }

  /** Runs the schedules until {@link #stop} is called; returns the number of runs. */
  public int runUntilStopped() {
    Map<Schedule, ZonedDateTime> due = new LinkedHashMap<>();
    for (Schedule s : schedules) {
      due.put(s, next(s));
    }
    log.println(
        "aiscan: schedule: "
            + schedules.size()
            + " schedule(s); run history in "
            + history.file()
            + "; next: "
            + describe(due));
    while (!stopping) {
      Map.Entry<Schedule, ZonedDateTime> first =
          due.entrySet().stream()
              .min(Comparator.comparing((Map.Entry<Schedule, ZonedDateTime> e) -> e.getValue()))
              .orElseThrow();
      if (!sleepUntil(first.getValue().toInstant())) {
        break;
      }
      Schedule schedule = first.getKey();
      record(schedule, runOne(schedule));
      runs++;
      // from the present: a run longer than its period skips the times it missed; another
      // schedule that fell due during the run keeps its time, so it starts next
      due.put(schedule, next(schedule));
      if (!stopping) {
        log.println("aiscan: schedule: next: " + describe(due));
      }
    }
    log.println("aiscan: schedule: stopped after " + runs + " run(s)");
    return runs;
  }

  /**
   * Asks the loop to end: at once when it waits, after the scan in progress when one runs (a scan
   * cut short would leave a partial inventory). Safe to call from a signal handler.
   */
  public void stop() {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private RunRecord runOne(Schedule schedule) {
    String started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    log.println("aiscan: schedule: " + schedule.name() + ": scan started");
    try {
      return job.run(schedule);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return RunRecord.failed(
          schedule.name(),
          started,
          clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
          why.lines().findFirst().orElse(""));
    }
  }

  private void record(Schedule schedule, RunRecord run) {
    StringBuilder line =
        new StringBuilder("aiscan: schedule: ").append(schedule.name()).append(": ");
    if (run.scanId() == null) {
      line.append("failed: ").append(run.message());
    } else {
      line.append("scan ")
          .append(run.scanId())
          .append(": ")
          .append(run.assets())
          .append(" AI asset(s), ")
          .append(run.shadow())
          .append(" shadow (")
          .append(run.newShadow())
          .append(" new), ")
          .append(run.warnings())
          .append(" warning(s)");
      if (run.status().equals("fail-on")) {
        line.append("; fail-on met: ").append(run.message());
      }
    }
    log.println(line);
    try {
      history.append(run);
    } catch (IOException e) {
      log.println(
          "aiscan: warning: "
              + history.file()
              + ": cannot append to the run history ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** Waits until {@code when}; false when stopped first. */
  private boolean sleepUntil(Instant when) {
    synchronized (wake) {
      while (!stopping) {
        long millis = Duration.between(clock.instant(), when).toMillis();
        if (millis <= 0) {
          return true;
        }
        try {
          wake.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }

  private ZonedDateTime next(Schedule s) {
    return s.next(ZonedDateTime.ofInstant(clock.instant(), s.zone()));
  }

  private static String describe(Map<Schedule, ZonedDateTime> due) {
    return String.join(
        ", ",
        due.entrySet().stream()
            .sorted(Map.Entry.comparingByValue())
            .map(
                e ->
                    e.getKey().name()
                        + " at "
                        + e.getValue().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
            .toList());
  }
}
