package dev.aiscan.shell.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.shell.UsageException;
import dev.aiscan.shell.config.Schedule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.support.CronExpression;

class SchedulerTest {
  @TempDir Path dir;

  private static Schedule everySecond(String name) {
    return new Schedule(
        name,
        "* * * * * *",
        CronExpression.parse("* * * * * *"),
        List.of("sources"),
        ZoneOffset.UTC);
  }

  @Test
  void aRunThatFailsIsRecordedAndTheScheduleGoesOn() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    RunHistory history = new RunHistory(dir.resolve("state/runs.jsonl"));
    AtomicInteger calls = new AtomicInteger();
    Scheduler[] self = new Scheduler[1];
    Scheduler scheduler =
        new Scheduler(
            List.of(everySecond("tick")),
            Clock.systemUTC(),
            history,
            schedule -> {
              int n = calls.incrementAndGet();
              if (n == 1) {
                throw new UsageException("--slack: SLACK_TOKEN was refused (invalid_auth)\nmore");
              }
              if (n == 2) {
                self[0].stop(); // the scan in progress still ends and is recorded
              }
              return new RunRecord(
                  schedule.name(), "s", "f", "ok", "scan-" + n, 3, 2, 1, 0, 0, null);
            },
            new PrintStream(log, true, StandardCharsets.UTF_8));
    self[0] = scheduler;

    assertThat(scheduler.runUntilStopped()).isEqualTo(2);

    List<RunRecord> runs = history.last(10);
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).status()).isEqualTo("failed");
    assertThat(runs.get(0).scanId()).isNull();
    assertThat(runs.get(0).message()).isEqualTo("--slack: SLACK_TOKEN was refused (invalid_auth)");
    assertThat(runs.get(1).scanId()).isEqualTo("scan-2");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("aiscan: schedule: tick: failed: --slack: SLACK_TOKEN was refused")
        .contains("aiscan: schedule: tick: scan scan-2: 2 AI asset(s), 1 shadow (0 new)")
        .contains("aiscan: schedule: stopped after 2 run(s)");
  }

  @Test
  void stopEndsTheWaitAtOnce() throws Exception {
    Schedule yearly =
        new Schedule(
            "yearly",
            "@yearly",
            CronExpression.parse("@yearly"),
            List.of("sources"),
            ZoneOffset.UTC);
    Scheduler scheduler =
        new Scheduler(
            List.of(yearly),
            Clock.systemUTC(),
            new RunHistory(dir.resolve("runs.jsonl")),
            schedule -> {
              throw new AssertionError("nothing is due this year");
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(scheduler::runUntilStopped);
    Thread.sleep(200);
    scheduler.stop();
    assertThat(loop.get(5, TimeUnit.SECONDS)).isZero();
    assertThat(dir.resolve("runs.jsonl")).doesNotExist();
  }

  @Test
  void aHalfWrittenLastLineIsSkipped() throws Exception {
    Path file = dir.resolve("runs.jsonl");
    RunHistory history = new RunHistory(file);
    history.append(RunRecord.failed("a", "s", "f", "why"));
    Files.writeString(file, "{\"schedule\":\"b\",\"sta", java.nio.file.StandardOpenOption.APPEND);
    assertThat(history.last(5)).extracting(RunRecord::schedule).containsExactly("a");
  }
}
