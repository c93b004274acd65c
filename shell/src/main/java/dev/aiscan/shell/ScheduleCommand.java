package dev.aiscan.shell;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.spi.Connector;
import dev.aiscan.graph.QueryResult;
import dev.aiscan.shell.config.AiscanConfig;
import dev.aiscan.shell.config.ConfigLoader;
import dev.aiscan.shell.config.Schedule;
import dev.aiscan.shell.internal.FailOn;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.Notifications;
import dev.aiscan.shell.internal.ScanRunner;
import dev.aiscan.shell.internal.Tables;
import dev.aiscan.shell.progress.ProgressReporter;
import dev.aiscan.shell.progress.Terminals;
import dev.aiscan.shell.schedule.RunHistory;
import dev.aiscan.shell.schedule.RunRecord;
import dev.aiscan.shell.schedule.Scheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import sun.misc.Signal;

/**
 * {@code aiscan schedule}: the scans {@code aiscan.yaml} schedules, run on their cron expressions
 * by a long-running process until SIGTERM or Ctrl-C; and {@code aiscan runs}, its run history.
 */
@Command(group = "Scanning")
public class ScheduleCommand {
  private final List<Connector> connectors;
  private final GraphAccess graphAccess;

  public ScheduleCommand(List<Connector> connectors, GraphAccess graphAccess) {
    this.connectors = connectors;
    this.graphAccess = graphAccess;
  }

  @Command(
      command = "schedule",
      description =
          "Run the scans aiscan.yaml schedules on their cron expressions, until SIGTERM or"
              + " Ctrl-C; each run is appended to the run history.")
  public String schedule(
      @Option(
              longNames = "config",
              label = "FILE",
              description = "the aiscan.yaml with the schedules (default: ./aiscan.yaml)")
          String config) {
    if (AiscanApplication.interactive()) {
      throw new UsageException(
          "schedule runs as a service of its own: start it with 'aiscan schedule --config FILE'"
              + " (docs/scheduling.md)");
    }
    AiscanConfig loaded = load(config);
    if (loaded.schedules().isEmpty()) {
      throw new UsageException(
          loaded.file() + ": no schedules; add a 'schedules:' section (docs/configuration.md)");
    }
    RunHistory history = new RunHistory(historyOf(loaded));
    Clock clock = Clock.systemUTC();
    Scheduler scheduler =
        new Scheduler(
            loaded.schedules(), clock, history, s -> runOnce(loaded, s, clock), System.err);
    // SIGTERM (systemd, Kubernetes, docker stop) and Ctrl-C end the loop, after the scan in
    // progress; the application then exits 0 and closes the graph on its way out
    Signal.handle(new Signal("TERM"), signal -> scheduler.stop());
    Signal.handle(new Signal("INT"), signal -> scheduler.stop());
    scheduler.runUntilStopped();
    return null;
  }

  @Command(
      command = "runs",
      description =
          "The run history of 'aiscan schedule': the last scheduled scans and their ends.")
  public String runs(
      @Option(
              longNames = "history",
              label = "FILE",
              description =
                  "the run history to read (default: the one aiscan.yaml names, else"
                      + " ~/.aiscan/runs.jsonl)")
          String historyFile,
      @Option(
              longNames = "config",
              label = "FILE",
              description = "the aiscan.yaml whose run history to read (default: ./aiscan.yaml)")
          String config,
      @Option(longNames = "limit", defaultValue = "20", label = "N", description = "how many runs")
          int limit,
      @Option(longNames = "json", description = "print the runs as JSON Lines") boolean json) {
    Path file;
    if (historyFile != null) {
      file = Path.of(historyFile);
    } else if (config != null || ConfigLoader.locate(null, Path.of("")).isPresent()) {
      // the file's secrets must be set to read it; --history needs none
      file = historyOf(load(config));
    } else {
      file = historyOf(AiscanConfig.NONE);
    }
    List<RunRecord> runs = new RunHistory(file).last(Math.max(1, limit));
    if (json) {
      return String.join("\n", runs.stream().map(ScheduleCommand::json).toList());
    }
    if (runs.isEmpty()) {
      return "No scheduled run yet (history: " + file + ")";
    }
    List<List<Object>> rows = new ArrayList<>();
    for (RunRecord r : runs) {
      rows.add(
          List.of(
              r.schedule(),
              r.started(),
              r.status(),
              r.scanId() == null ? "-" : r.scanId(),
              r.assets(),
              r.shadow(),
              r.newShadow(),
              r.warnings(),
              r.message() == null ? "" : r.message()));
    }
    return Tables.text(
        new QueryResult(
            List.of(
                "schedule",
                "started",
                "status",
                "scan",
                "assets",
                "shadow",
                "new",
                "warnings",
                "message"),
            rows));
  }

  private RunRecord runOnce(AiscanConfig config, Schedule schedule, Clock clock) {
    String started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    ScanRunner runner =
        new ScanRunner(
            connectors,
            graphAccess,
            System.getenv(),
            Path.of(System.getProperty("user.home")),
            System.err);
    ScanRunner.Run run;
    try (ProgressReporter progress =
        ProgressReporter.create(Terminals.detect(System.getenv()), System.err, clock)) {
      run = runner.run(config.scanFor(schedule), progress);
    }
    List<String> warnings = Notifications.send(config, run.result());
    warnings.forEach(w -> System.err.println("aiscan: warning: " + w));
    ScanResult result = run.result();
    List<String> notes = new ArrayList<>();
    if (run.failure() != null) {
      notes.add(run.failure());
    }
    notes.addAll(warnings);
    return new RunRecord(
        schedule.name(),
        started,
        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
        run.failure() == null ? "ok" : "fail-on",
        result.scan().id(),
        result.findings().size(),
        result.assets().size(),
        result.shadowCount(),
        FailOn.newShadow(result),
        result.warningCount(),
        notes.isEmpty() ? null : String.join("; ", notes));
  }

  private static AiscanConfig load(String config) {
    Path file =
        ConfigLoader.locate(config, Path.of(""))
            .orElseThrow(
                () ->
                    new UsageException(
                        "no aiscan.yaml here: give --config FILE (aiscan config example prints"
                            + " one)"));
    return ConfigLoader.load(file, System.getenv(), System.getProperty("user.home"));
  }

  /** The file's run history, by default {@code ~/.aiscan/runs.jsonl}. */
  private static Path historyOf(AiscanConfig config) {
    return config.history() != null
        ? config.history()
        : Path.of(System.getProperty("user.home"), ".aiscan", "runs.jsonl");
  }

  private static String json(RunRecord run) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(run);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
