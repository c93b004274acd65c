package dev.aiscan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.PackageDependency;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import dev.aiscan.core.spi.Detector;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {
  private static final java.time.Duration SECONDS_20 = java.time.Duration.ofSeconds(20);
  private static final String KEY = "sk-proj-Abcdefghijklmnopqrstuvwxyz0123456789";
  private static final Target TREE = new Target("lines:tree", "lines", "tree", "/tree");

  /** A connector whose "files" are lines of text given in the target; line "boom" fails. */
  static final class LinesConnector implements Connector {
    final Map<String, List<String>> files;
    final Map<String, String> threads = new ConcurrentHashMap<>();
    int batch = 1;
    java.time.Duration bound;
    volatile boolean releaseSpin;

    LinesConnector(Map<String, List<String>> files) {
      this.files = files;
    }

    @Override
    public String id() {
      return "lines";
    }

    @Override
    public boolean accepts(Target target) {
      return target.kind().equals("lines");
    }

    @Override
    public void collect(Target target, CollectContext ctx) {
      ctx.forEach(
          files.keySet().stream().sorted().iterator(),
          name -> "tree/" + name,
          name -> {
            threads.put(name, Thread.currentThread().getName());
            List<String> lines = files.get(name);
            for (int i = 0; i < lines.size(); i++) {
              if (lines.get(i).equals("boom")) {
                throw new ScanException("cannot parse line " + (i + 1) + " near " + KEY);
              }
              if (lines.get(i).equals("deep")) {
                recurse(0);
              }
              if (lines.get(i).equals("spin")) {
                while (!releaseSpin) { // a parser in a loop: deaf to interrupts
                  Thread.onSpinWait();
                }
                continue;
              }
              if (lines.get(i).equals("no-class")) {
                throw new NoClassDefFoundError("com/acme/Missing");
              }
              if (lines.get(i).equals("out-of-memory")) {
                throw new OutOfMemoryError("Java heap space");
              }
              if (lines.get(i).equals("sleep")) {
                sleep(java.time.Duration.ofMinutes(5));
                continue;
              }
              if (lines.get(i).startsWith("open:")) {
                readAll(java.nio.file.Path.of(lines.get(i).substring(5)));
                continue;
              }
              ctx.emit(
                  new Fact(
                      FactType.IMPORT, lines.get(i), target, Location.file(name, i + 1), Map.of()));
            }
            ctx.progress(1);
          },
          batch,
          bound);
    }

    private static void sleep(java.time.Duration d) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        throw new ScanException("interrupted");
      }
    }

    private static void readAll(java.nio.file.Path file) {
      try {
        java.nio.file.Files.readAllBytes(file);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static int recurse(int n) {
      return recurse(n + 1) + 1;
    }
  }

  /** Imports named "openai…" are OpenAI; "key:" literals are credentials. */
  static class TinyDetector implements Detector {
    @Override
    public void detect(Fact fact, Consumer<Finding> out) {
      String v = fact.value();
      if (v.startsWith("openai")) {
        String model = v.contains(":") ? v.substring(v.indexOf(':') + 1) : null;
        out.accept(finding(fact, "openai-import", "openai", Category.SDK, "import " + v, model));
      }
      if (v.startsWith("torch")) {
        out.accept(
            finding(fact, "pytorch-import", "pytorch", Category.ML_FRAMEWORK, "import " + v, null));
      }
      if (v.startsWith("key:")) {
        out.accept(
            finding(
                fact,
                "openai-key",
                "openai",
                Category.CREDENTIAL,
                "token " + v.substring(4),
                null));
      }
    }

    private static Finding finding(
        Fact f, String rule, String provider, Category c, String evidence, String model) {
      return new Finding(
          Finding.idOf(rule, f.target().id(), f.location(), model, null),
          rule,
          provider,
          c,
          Confidence.HIGH,
          f.target().id(),
          f.location(),
          evidence,
          model,
          null,
          null);
    }

    @Override
    public List<Pattern> secretPatterns() {
      return List.of(Pattern.compile("sk-proj-[A-Za-z0-9]{20,}"));
    }
  }

  private static ScanResult scan(LinesConnector connector, int parallelism) {
    ScanEngine engine = new ScanEngine(List.of(connector), new TinyDetector(), "test");
    return engine.scan(
        new ScanRequest(List.of(TREE), Settings.empty(), parallelism), ScanListener.NONE);
  }

  @Test
  void oneFailingFileBecomesAWarningAndTheOthersAreStillScanned() {
    LinesConnector connector =
        new LinesConnector(
            Map.of(
                "a.py", List.of("openai", "os"),
                "b.py", List.of("boom"),
                "c.py", List.of("deep"),
                "d.py", List.of("torch")));

    ScanResult result = scan(connector, 2);

    assertThat(result.findings())
        .extracting(f -> f.location().toString())
        .containsExactly("a.py:1", "d.py:1");
    assertThat(result.warnings())
        .extracting(w -> w.source() + " | " + w.message())
        .containsExactly(
            "tree/b.py | cannot parse line 1 near [redacted sk-p…6789 sha256:"
                + Secrets.fingerprint(KEY).substring(17)
                + "]",
            "tree/c.py | nesting too deep to analyse");
    assertThat(String.valueOf(result)).doesNotContain(KEY);
  }

  @Test
  void filesHandedOverInBatchesAreStillIsolatedOneByOne() {
    Map<String, List<String>> files = new java.util.HashMap<>();
    IntStream.range(0, 100)
        .forEach(
            i ->
                files.put(
                    String.format("f%03d.py", i),
                    i % 10 == 3 ? List.of("boom") : List.of("os", "openai")));
    LinesConnector connector = new LinesConnector(files);
    connector.batch = 8;

    ScanResult result = scan(connector, 2);

    // the failing file of a batch costs only itself: the files after it in the batch are read
    assertThat(result.findings()).hasSize(90);
    assertThat(result.warnings())
        .extracting(w -> w.source())
        .containsExactly(
            IntStream.range(0, 10)
                .mapToObj(i -> String.format("tree/f%03d.py", i * 10 + 3))
                .toArray(String[]::new));
    assertThat(connector.threads).hasSize(100);
    assertThat(connector.threads.values()).allMatch(t -> t.startsWith("aiscan-worker-"));
  }

  @Test
  void anItemPastItsTimeBoundIsGivenUpAndTheScanGoesOnWithoutIt(@TempDir Path dir)
      throws Exception {
    Path fifo = dir.resolve("swapped.py");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    LinesConnector connector =
        new LinesConnector(
            Map.of(
                "a.py", List.of("openai"),
                "b.py", List.of("spin", "openai:late"),
                "c.py", List.of("open:" + fifo),
                "d.py", List.of("sleep", "openai:late"),
                "e.py", List.of("torch")));
    connector.batch = 8; // all five in one batch: the files after a stuck one still get read
    connector.bound = java.time.Duration.ofMillis(300);
    long started = System.nanoTime();
    try {
      ScanResult result = scan(connector, 2);

      assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(SECONDS_20);
      assertThat(result.findings())
          .extracting(f -> f.location().toString())
          .containsExactly("a.py:1", "e.py:1");
      assertThat(result.warnings())
          .extracting(w -> w.source() + " | " + w.message())
          .containsExactly(
              "tree/b.py | not done after 300 ms; skipped, the scan went on",
              "tree/c.py | not done after 300 ms; skipped, the scan went on",
              "tree/d.py | not done after 300 ms; skipped, the scan went on");
      // the sleeper was interrupted at once; what it did next (a warning) was dropped
      assertThat(connector.threads.get("e.py")).isNotEqualTo(connector.threads.get("b.py"));
    } finally {
      connector.releaseSpin = true;
      try (var writer = java.nio.file.Files.newOutputStream(fifo)) {
        writer.write('x'); // lets the blocked open return
      }
    }
  }

  @Test
  void anErrorOutOfAnItemNeverLeavesTheScanWaiting() {
    LinesConnector connector =
        new LinesConnector(
            Map.of(
                "a.py", List.of("openai"),
                "b.py", List.of("no-class"),
                "c.py", List.of("torch"),
                "d.py", List.of("out-of-memory"),
                "e.py", List.of("openai"),
                "f.py", List.of("torch")));
    connector.batch = 3;
    connector.bound = java.time.Duration.ofSeconds(30);

    ScanResult result =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            SECONDS_20, () -> scan(connector, 2));

    // a class that cannot load costs its file; the JVM out of memory ends the batch it was in
    assertThat(result.findings())
        .extracting(f -> f.location().toString())
        .containsExactly("a.py:1", "c.py:1");
    assertThat(result.warnings())
        .extracting(w -> w.source() + " | " + w.message())
        .containsExactly(
            "tree/b.py | NoClassDefFoundError: com/acme/Missing",
            "tree/d.py | OutOfMemoryError: Java heap space; the items handed over with it after it"
                + " were not read");
  }

  @Test
  void withoutABoundASlowItemIsWaitedFor() {
    LinesConnector slow =
        new LinesConnector(Map.of("a.py", List.of("spin", "openai"), "b.py", List.of("torch")));
    slow.bound = null;
    Thread release =
        new Thread(
            () -> {
              LinesConnector.sleep(java.time.Duration.ofMillis(400));
              slow.releaseSpin = true;
            });
    release.start();

    ScanResult result = scan(slow, 2);

    assertThat(result.findings())
        .extracting(f -> f.location().toString())
        .containsExactly("a.py:2", "b.py:1");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aBatchOfNoneIsAMistakeOfTheConnector() {
    LinesConnector connector = new LinesConnector(Map.of("a.py", List.of("openai")));
    connector.batch = 0;

    ScanResult result = scan(connector, 2);

    assertThat(result.findings()).isEmpty();
    assertThat(result.warnings())
        .extracting(w -> w.message())
        .containsExactly(
            "connector lines stopped early: IllegalArgumentException: batch must be at least 1: 0");
  }

  @Test
  void findingsAreGroupedIntoOneShadowAssetPerTargetAndProvider() {
    LinesConnector connector =
        new LinesConnector(
            Map.of(
                "a.py", List.of("openai", "openai:gpt-4o"),
                "b.py", List.of("openai:gpt-4o-mini", "torch", "key:" + "x")));

    ScanResult result = scan(connector, 1);

    assertThat(result.assets())
        .extracting(Asset::provider, Asset::models, Asset::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "openai", List.of("gpt-4o", "gpt-4o-mini"), AssetStatus.SHADOW),
            org.assertj.core.groups.Tuple.tuple("pytorch", List.of(), AssetStatus.SHADOW));
    Asset openai = result.assets().get(0);
    assertThat(openai.findingIds()).hasSize(4);
    assertThat(openai.categories()).containsExactly(Category.SDK, Category.CREDENTIAL);
    assertThat(openai.name()).isEqualTo("openai in tree");
    assertThat(result.shadowCount()).isEqualTo(2);
  }

  @Test
  void workIsSpreadOverThePoolAndResultsAreSortedWhateverTheOrderOfCompletion() {
    Map<String, List<String>> files = new java.util.HashMap<>();
    IntStream.range(0, 200)
        .forEach(i -> files.put(String.format("f%03d.py", i), List.of("os", "openai")));
    LinesConnector connector = new LinesConnector(files);

    ScanResult result = scan(connector, 4);

    assertThat(result.findings()).hasSize(200);
    assertThat(result.findings()).extracting(f -> f.location().file()).isSorted();
    assertThat(connector.threads.values()).allMatch(t -> t.startsWith("aiscan-worker-"));
    assertThat(new java.util.HashSet<>(connector.threads.values()).size()).isGreaterThan(1);
  }

  @Test
  void everyConnectorThatReadsATargetCollectsItAndTransitiveOnlyAssetsSaySo() {
    LinesConnector code = new LinesConnector(Map.of("a.py", List.of("torch")));
    Connector dependencies =
        new Connector() {
          @Override
          public String id() {
            return "deps";
          }

          @Override
          public boolean accepts(Target target) {
            return target.kind().equals("lines");
          }

          @Override
          public void collect(Target target, CollectContext ctx) {
            ctx.emit(
                new Fact(
                    FactType.PACKAGE,
                    "openai-java",
                    target,
                    Location.file("pom.xml", 12),
                    Map.of(
                        Fact.Attr.DIRECT,
                        "false",
                        Fact.Attr.ECOSYSTEM,
                        "maven",
                        Fact.Attr.VERSION,
                        "2.1.0",
                        Fact.Attr.PATH,
                        "app -> com.acme:ai-kit:1.0 -> openai-java:2.1.0")));
            // a package no rule cares about still belongs to the dependency tree
            ctx.emit(
                new Fact(
                    FactType.PACKAGE,
                    "com.acme:ai-kit",
                    target,
                    Location.file("pom.xml", 12),
                    Map.of(
                        Fact.Attr.DIRECT,
                        "true",
                        Fact.Attr.ECOSYSTEM,
                        "maven",
                        Fact.Attr.SCOPE,
                        "compile",
                        Fact.Attr.PATH,
                        "app -> com.acme:ai-kit:1.0")));
          }
        };
    Detector packages =
        new TinyDetector() {
          @Override
          public void detect(Fact fact, Consumer<Finding> out) {
            if (fact.type() == FactType.PACKAGE) {
              out.accept(
                  new Finding(
                      Finding.idOf(
                          "openai-package", fact.target().id(), fact.location(), null, null),
                      "openai-package",
                      "openai",
                      Category.SDK,
                      Confidence.HIGH,
                      fact.target().id(),
                      fact.location(),
                      "package " + fact.value(),
                      null,
                      null,
                      DependencyPath.of(fact)));
            } else {
              super.detect(fact, out);
            }
          }
        };

    ScanResult result =
        new ScanEngine(List.of(code, dependencies), packages, "test")
            .scan(ScanRequest.of(List.of(TREE), Settings.empty()), ScanListener.NONE);

    assertThat(result.assets())
        .extracting(Asset::provider, Asset::transitiveOnly)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("openai", true),
            org.assertj.core.groups.Tuple.tuple("pytorch", false));
    assertThat(result.findings())
        .filteredOn(f -> f.dependency() != null)
        .singleElement()
        .extracting(f -> f.dependency().path())
        .asList()
        .containsExactly("app", "com.acme:ai-kit:1.0", "openai-java:2.1.0");
    assertThat(result.dependencies())
        .extracting(
            PackageDependency::label,
            PackageDependency::parentKey,
            PackageDependency::direct,
            PackageDependency::scope)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("com.acme:ai-kit:1.0", null, true, "compile"),
            org.assertj.core.groups.Tuple.tuple(
                "openai-java:2.1.0", "maven:com.acme:ai-kit:1.0", false, null));
    assertThat(result.dependencies()).allSatisfy(d -> assertThat(d.project()).isEqualTo("app"));
    assertThat(result.complete(TREE.id())).isTrue();
  }

  @Test
  void aTargetWithoutConnectorIsRefusedBeforeAnyWork() {
    ScanEngine engine =
        new ScanEngine(List.of(new LinesConnector(Map.of())), new TinyDetector(), "test");
    Target cloud = new Target("aws:1", "aws-account", "prod", "123456789012");

    assertThatThrownBy(
            () -> engine.scan(ScanRequest.of(List.of(cloud), Settings.empty()), ScanListener.NONE))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage("no connector reads targets of kind 'aws-account': prod");
  }

  @Test
  void aConnectorThatFailsAsAWholeCostsOnlyItsTarget() {
    Connector broken =
        new Connector() {
          @Override
          public String id() {
            return "lines";
          }

          @Override
          public boolean accepts(Target target) {
            return true;
          }

          @Override
          public void collect(Target target, CollectContext context) {
            throw new IllegalStateException("listing denied");
          }
        };
    ScanEngine engine = new ScanEngine(List.of(broken), new TinyDetector(), "test");

    ScanResult result =
        engine.scan(ScanRequest.of(List.of(TREE), Settings.empty()), ScanListener.NONE);

    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .isEqualTo(
                        "connector lines stopped early: IllegalStateException: listing denied"));
    // what it did not see cannot be called gone: the graph marks nothing of it stale
    assertThat(result.incompleteTargets()).containsExactly(TREE.id());
    assertThat(result.complete(TREE.id())).isFalse();
  }

  /** A connector of the lines kind that runs {@code work} instead of reading anything. */
  static Connector connector(String id, Consumer<CollectContext> work) {
    return new Connector() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public boolean accepts(Target target) {
        return target.kind().equals("lines");
      }

      @Override
      public void collect(Target target, CollectContext ctx) {
        work.accept(ctx);
      }
    };
  }

  @Test
  void theConnectorsOfOneTargetRunSideBySide() {
    // each waits for the other to have started: run one after the other, neither would finish
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    Consumer<CollectContext> meet =
        ctx -> {
          both.countDown();
          try {
            if (!both.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
              throw new IllegalStateException("the other connector never started");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ctx.emit(new Fact(FactType.IMPORT, "openai", TREE, Location.file("a.py", 1), Map.of()));
        };
    ScanResult result =
        new ScanEngine(
                List.of(connector("code", meet), connector("dependencies", meet)),
                new TinyDetector(),
                "test")
            .scan(ScanRequest.of(List.of(TREE), Settings.empty()), ScanListener.NONE);
    assertThat(result.warnings()).isEmpty();
    assertThat(result.incompleteTargets()).isEmpty();
    assertThat(both.getCount()).isZero();
  }

  @Test
  void anErrorInOneOfThemIsNotLostWithItsThread() {
    Connector fine = connector("code", ctx -> {});
    Connector broken =
        connector(
            "dependencies",
            ctx -> {
              throw new OutOfMemoryError("Java heap space");
            });
    ScanEngine engine = new ScanEngine(List.of(fine, broken), new TinyDetector(), "test");
    assertThatThrownBy(
            () -> engine.scan(ScanRequest.of(List.of(TREE), Settings.empty()), ScanListener.NONE))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("Java heap space");
  }

  /** A shared value that records who it was made by and which connectors finished. */
  static final class Listening implements CollectContext.Shared {
    final String madeBy;
    final List<String> finished = java.util.Collections.synchronizedList(new ArrayList<>());

    Listening(String madeBy) {
      this.madeBy = madeBy;
    }

    @Override
    public void finished(String connectorId) {
      finished.add(connectorId);
    }
  }

  @Test
  void theConnectorsOfOneTargetShareOneValueAndItHearsEachOfThemFinish() {
    Target other = new Target("lines:other", "lines", "other", "other");
    List<Listening> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    Consumer<CollectContext> share =
        ctx -> {
          assertThat(ctx.collectors()).containsExactly("code", "dependencies");
          Listening value =
              ctx.shared("walk", Listening.class, () -> new Listening(ctx.connectorId()));
          seen.add(value);
        };
    new ScanEngine(
            List.of(connector("code", share), connector("dependencies", share)),
            new TinyDetector(),
            "test")
        .scan(ScanRequest.of(List.of(TREE, other), Settings.empty()), ScanListener.NONE);
    // one value per target, the same for both connectors of that target
    List<Listening> values = seen.stream().distinct().toList();
    assertThat(values).hasSize(2);
    assertThat(seen).hasSize(4);
    for (Listening v : values) {
      assertThat(v.finished).containsExactlyInAnyOrder("code", "dependencies");
    }
  }

  @Test
  void aValueMadeAfterAConnectorFinishedIsToldAtOnce() {
    // "dependencies" is done before "code" makes the value: the value must not wait for it
    java.util.concurrent.CountDownLatch depsDone = new java.util.concurrent.CountDownLatch(1);
    List<Listening> made = java.util.Collections.synchronizedList(new ArrayList<>());
    Connector code =
        connector(
            "code",
            ctx -> {
              try {
                assertThat(depsDone.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                // the engine hears of the finish just after collect returns
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Listening v = ctx.shared("walk", Listening.class, () -> new Listening("code"));
              made.add(v);
              assertThat(v.finished).containsExactly("dependencies");
            });
    Connector deps = connector("dependencies", ctx -> depsDone.countDown());
    ScanResult result =
        new ScanEngine(List.of(code, deps), new TinyDetector(), "test")
            .scan(ScanRequest.of(List.of(TREE), Settings.empty()), ScanListener.NONE);
    assertThat(result.warnings()).isEmpty();
    assertThat(made).hasSize(1);
    assertThat(made.get(0).finished).containsExactly("dependencies", "code");
  }
}
