package dev.aiscan.shell.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.shell.progress.ProgressReporter.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final String ESC = "\u001b";
  private static final Pattern CURSOR_UP = Pattern.compile("\u001b\\[\\d+A");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final TestClock clock = new TestClock();

  private static final Target ACME = target("source", "acme-repo");
  private static final Target BILLING = target("source", "billing");
  private static final Target ACCOUNT = target("aws", "123456789012");

  @Test
  void progressFromManyThreadsIsCountedExactly() throws Exception {
    ProgressReporter reporter =
        ProgressReporter.withoutThread(Mode.TTY, err, clock, TEN_SECONDS, 200);
    reporter.targetStarted(ACME, "source");

    // As the engine does: each worker reports the target's running total, out of order.
    AtomicLong total = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService workers = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int worker = w;
      done.add(
          workers.submit(
              () -> {
                go.await();
                for (int i = 0; i < 10_000; i++) {
                  reporter.progress(ACME, total.incrementAndGet());
                  if (i % 1000 == 0) {
                    reporter.warning(new Warning("acme-repo/w" + worker + "/" + i, "unreadable"));
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    workers.shutdown();
    clock.advance(Duration.ofSeconds(4));
    reporter.tick();

    assertThat(lastFrame())
        .containsExactly(
            "  source              40,000 files      10,000/s   40 warnings   0 findings   acme-repo");

    reporter.targetFinished(ACME, "source", 40_000, 3);
    reporter.close();

    assertThat(lastFrame())
        .containsExactly(
            "  source              40,000 files      10,000/s   40 warnings   3 findings   done in 4.0 s");
    assertThat(output()).endsWith("done in 4.0 s\n");
  }

  @Test
  void plainModePrintsPeriodicLinesAndOneLinePerFinishedTarget() {
    try (ProgressReporter reporter =
        ProgressReporter.create(Mode.PLAIN, err, clock, TEN_SECONDS, 100)) {
      reporter.targetStarted(ACME, "source");
      for (int i = 1; i <= 812; i++) {
        reporter.progress(ACME, i);
      }
      reporter.tick();
      assertThat(output()).as("before the interval").isEmpty();

      clock.advance(TEN_SECONDS);
      reporter.tick();
      reporter.warning(new Warning("acme-repo/a.py", "invalid UTF-8"));
      clock.advance(TEN_SECONDS);
      reporter.tick();
      clock.advance(Duration.ofMillis(1500));
      reporter.targetFinished(ACME, "source", 812, 3);

      reporter.targetStarted(ACCOUNT, "aws");
      reporter.progress(ACCOUNT, 1);
      reporter.progress(ACCOUNT, 3);
      reporter.progress(ACCOUNT, 2);
      clock.advance(Duration.ofMillis(500));
      reporter.targetFinished(ACCOUNT, "aws", 3, 1);
    }

    assertThat(output().lines())
        .containsExactly(
            "aiscan: source: 812 files (81/s), 0 warnings, reading acme-repo",
            "aiscan: source: 812 files (41/s), 1 warning, reading acme-repo",
            "aiscan: source: done acme-repo, 812 files, 3 findings, 1 warning in 21.5 s",
            "aiscan: aws: done 123456789012, 3 resources, 1 finding in 0.5 s");
    assertThat(output()).doesNotContain(ESC);
  }

  @Test
  void warningsGoToTheConnectorRunningAndTotalsSumOverTargets() {
    ProgressReporter reporter =
        ProgressReporter.withoutThread(Mode.TTY, err, clock, TEN_SECONDS, 200);

    feedThreeConnectors(reporter);
    reporter.close();

    assertThat(lastFrame())
        .containsExactly(
            "  source                  12 files         6.0/s   2 warnings   1 finding   done in 2.0 s",
            "  dependencies             0 files         0.0/s   1 warning   2 findings   done in 0.5 s",
            "  aws                      3 resources     3.0/s   1 warning   0 findings   done in 1.0 s");
  }

  @Test
  void plainDoneLinesCountTheWarningsOfTheirOwnTarget() {
    ProgressReporter reporter =
        ProgressReporter.withoutThread(Mode.PLAIN, err, clock, TEN_SECONDS, 200);

    feedThreeConnectors(reporter);
    reporter.close();

    assertThat(output().lines())
        .containsExactly(
            "aiscan: source: done acme-repo, 5 files, 1 finding, 2 warnings in 1.0 s",
            "aiscan: dependencies: done acme-repo, 0 files, 2 findings, 1 warning in 0.5 s",
            "aiscan: source: done billing, 7 files, 0 findings in 1.0 s",
            "aiscan: aws: done 123456789012, 3 resources, 0 findings, 1 warning in 1.0 s");
  }

  @Test
  void terminalModeRedrawsInPlaceAndEndsWithTheFinalTotals() throws Exception {
    ProgressReporter reporter = ProgressReporter.create(Mode.TTY, err, clock, TEN_SECONDS, 100);
    reporter.targetStarted(ACME, "source");
    for (int i = 1; i <= 100; i++) {
      reporter.progress(ACME, i);
    }
    awaitOutput(out -> out.contains("100 files"));

    for (int i = 101; i <= 250; i++) {
      reporter.progress(ACME, i);
    }
    clock.advance(Duration.ofSeconds(1));
    awaitOutput(out -> out.contains("250 files"));
    reporter.targetFinished(ACME, "source", 250, 1);
    reporter.close();

    String out = output();
    assertThat(out).contains("\r" + ESC + "[2K  source").contains(ESC + "[1A");
    assertThat(out)
        .endsWith(
            ESC
                + "[1A\r"
                + ESC
                + "[2K  source                 250 files         250/s   0 warnings   1 finding"
                + "   done in 1.0 s\n");
    assertThat(renderThreadAlive()).as("the render thread after close").isFalse();

    int length = out.length();
    reporter.targetStarted(BILLING, "source");
    reporter.targetFinished(BILLING, "source", 1, 0);
    reporter.close();
    assertThat(output()).as("nothing after close").hasSize(length);
  }

  @Test
  void terminalLinesAreCutToTheWidth() {
    ProgressReporter reporter =
        ProgressReporter.withoutThread(Mode.TTY, err, clock, TEN_SECONDS, 30);

    feedThreeConnectors(reporter);
    reporter.close();

    assertThat(lastFrame())
        .containsExactly(
            "  source                  12 ",
            "  dependencies             0 ",
            "  aws                      3 ");
  }

  @Test
  void offPrintsNothing() {
    ProgressReporter reporter = ProgressReporter.create(Mode.OFF, err, clock, TEN_SECONDS, 100);

    feedThreeConnectors(reporter);
    reporter.tick();
    reporter.close();

    assertThat(bytes.size()).isZero();
    assertThat(reporter.mode()).isEqualTo(Mode.OFF);
  }

  @Test
  void controlCharactersInTargetNamesAreNotPrinted() {
    ProgressReporter reporter =
        ProgressReporter.withoutThread(Mode.PLAIN, err, clock, TEN_SECONDS, 100);
    Target evil = target("source", "evil" + ESC + "[2Jrepo");

    reporter.targetStarted(evil, "source");
    reporter.targetFinished(evil, "source", 1, 0);
    reporter.close();

    assertThat(output())
        .isEqualTo("aiscan: source: done evil?[2Jrepo, 1 file, 0 findings in 0.0 s\n");
  }

  @Test
  void numbersAndDurationsReadNaturally() {
    assertThat(ProgressFormat.rate(5, 2000)).isEqualTo("2.5/s");
    assertThat(ProgressFormat.rate(12_345_678, 1000)).isEqualTo("12,345,678/s");
    assertThat(ProgressFormat.rate(5, 0)).isEqualTo("-/s");
    assertThat(ProgressFormat.duration(1_249)).isEqualTo("1.2 s");
    assertThat(ProgressFormat.duration(61_000)).isEqualTo("1 min 01 s");
    assertThat(ProgressFormat.duration(3_723_000)).isEqualTo("1 h 02 min");
    assertThat(ProgressFormat.unit("dependencies")).isEqualTo("file");
    assertThat(ProgressFormat.unit("google-workspace")).isEqualTo("resource");
  }

  /**
   * Source reads two targets, dependencies one, aws one; each warning arrives while its connector
   * runs.
   */
  private void feedThreeConnectors(ProgressReporter reporter) {
    reporter.targetStarted(ACME, "source");
    for (int i = 1; i <= 5; i++) {
      reporter.progress(ACME, i);
    }
    reporter.warning(new Warning("acme-repo/a.py", "invalid UTF-8"));
    reporter.warning(new Warning("acme-repo/b.py", "binary"));
    clock.advance(Duration.ofSeconds(1));
    reporter.targetFinished(ACME, "source", 5, 1);

    reporter.targetStarted(ACME, "dependencies");
    reporter.warning(new Warning("acme-repo/pom.xml", "cannot resolve parent"));
    clock.advance(Duration.ofMillis(500));
    reporter.targetFinished(ACME, "dependencies", 0, 2);

    reporter.targetStarted(BILLING, "source");
    for (int i = 1; i <= 7; i++) {
      reporter.progress(BILLING, i);
    }
    clock.advance(Duration.ofSeconds(1));
    reporter.targetFinished(BILLING, "source", 7, 0);

    reporter.targetStarted(ACCOUNT, "aws");
    reporter.progress(ACCOUNT, 3);
    reporter.warning(new Warning("aws:eu-west-1", "AccessDenied on bedrock:ListCustomModels"));
    clock.advance(Duration.ofSeconds(1));
    reporter.targetFinished(ACCOUNT, "aws", 3, 0);
  }

  private static Target target(String kind, String name) {
    return new Target(kind + ":" + name, kind, name, "/" + name);
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The lines of the last block drawn on the terminal, without their escape sequences. */
  private List<String> lastFrame() {
    String out = output();
    var up = CURSOR_UP.matcher(out);
    int start = 0;
    while (up.find()) {
      start = up.end();
    }
    return Arrays.stream(out.substring(start).split("\n"))
        .map(line -> line.replace("\r" + ESC + "[2K", ""))
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private void awaitOutput(Predicate<String> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.test(output()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(output()).matches(condition);
  }

  private static boolean renderThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("aiscan-progress") && t.isAlive());
  }
}
