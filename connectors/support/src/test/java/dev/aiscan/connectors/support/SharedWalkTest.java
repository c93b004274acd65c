package dev.aiscan.connectors.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Target;
import dev.aiscan.testkit.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SharedWalkTest {
  @TempDir Path dir;

  /** The entries of a walk, counting how many the walk was asked for. */
  static final class Counting implements Iterator<TreeWalker.Entry> {
    final Iterator<TreeWalker.Entry> walk;
    final AtomicInteger listed = new AtomicInteger();

    Counting(Iterator<TreeWalker.Entry> walk) {
      this.walk = walk;
    }

    @Override
    public boolean hasNext() {
      return walk.hasNext();
    }

    @Override
    public TreeWalker.Entry next() {
      listed.incrementAndGet();
      return walk.next();
    }
  }

  static Iterator<TreeWalker.Entry> entries(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new TreeWalker.Entry(Path.of("/t/f" + i), "f" + i, i))
        .iterator();
  }

  static List<String> drain(Iterator<TreeWalker.Entry> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(e -> out.add(e.relative()));
    return out;
  }

  @Test
  void twoReadersAtOnceEachReadTheWholeTreeInOrderListedOnce() throws Exception {
    Path root = dir.resolve("repo");
    for (int d = 0; d < 40; d++) {
      for (int f = 0; f < 50; f++) {
        Path file = root.resolve("svc-" + d + "/src/File" + f + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class File" + f + " {}");
      }
    }
    Files.writeString(root.resolve("svc-3/pom.xml"), "<project/>");
    List<String> alone =
        StreamSupport.stream(treeWalker(root).spliterator(), false)
            .map(TreeWalker.Entry::relative)
            .toList();
    assertThat(alone).hasSize(2001);

    Counting walk = new Counting(treeWalker(root).iterator());
    SharedWalk shared = new SharedWalk(walk, List.of("source", "dependencies"), 64);
    CompletableFuture<List<String>> source =
        CompletableFuture.supplyAsync(() -> slowly(shared.open("source").orElseThrow()));
    CompletableFuture<List<String>> dependencies =
        CompletableFuture.supplyAsync(() -> drain(shared.open("dependencies").orElseThrow()));

    assertThat(source.get(20, TimeUnit.SECONDS)).isEqualTo(alone);
    assertThat(dependencies.get(20, TimeUnit.SECONDS)).isEqualTo(alone);
    assertThat(walk.listed).hasValue(2001);
  }

  /** Reads like the source connector: a little work per file, so the other reader runs ahead. */
  private static List<String> slowly(Iterator<TreeWalker.Entry> it) {
    List<String> out = new ArrayList<>();
    while (it.hasNext()) {
      out.add(it.next().relative());
      if (out.size() % 100 == 0) {
        sleep(2);
      }
    }
    return out;
  }

  @Test
  void aReaderAheadWaitsForTheSlowestThenResumesAtHalfTheDistance() throws Exception {
    SharedWalk shared = new SharedWalk(entries(100), List.of("fast", "slow"), 8);
    AtomicInteger fastRead = new AtomicInteger();
    Iterator<TreeWalker.Entry> fast = shared.open("fast").orElseThrow();
    Thread runner =
        new Thread(
            () -> {
              while (fast.hasNext()) {
                fast.next();
                fastRead.incrementAndGet();
              }
            });
    runner.start();
    waitUntilWaiting(runner);
    // the slow reader has not started: the fast one holds at most 8 entries for it
    assertThat(fastRead).hasValue(8);
    assertThat(shared.kept()).isEqualTo(8);

    Iterator<TreeWalker.Entry> slow = shared.open("slow").orElseThrow();
    for (int i = 0; i < 3; i++) {
      slow.next();
    }
    // 5 kept: more than half, the fast reader still waits
    assertThat(runner.getState()).isEqualTo(Thread.State.WAITING);
    assertThat(fastRead).hasValue(8);
    slow.next();
    // 4 kept: the fast reader resumes, and stops again 8 ahead of the slow one
    for (int i = 0; i < 1000 && fastRead.get() < 12; i++) {
      Thread.sleep(5);
    }
    waitUntilWaiting(runner);
    assertThat(fastRead).hasValue(12);

    List<String> rest = drain(slow);
    assertThat(rest).hasSize(96).startsWith("f4").endsWith("f99");
    runner.join(10_000);
    assertThat(runner.isAlive()).isFalse();
    assertThat(fastRead).hasValue(100);
  }

  @Test
  void aReaderThatFinishesWithoutReadingHoldsNothingBack() {
    SharedWalk shared = new SharedWalk(entries(1000), List.of("source", "dependencies"), 8);
    shared.finished("dependencies");
    Iterator<TreeWalker.Entry> source = shared.open("source").orElseThrow();
    assertThat(drain(source)).hasSize(1000);
    assertThat(shared.kept()).isZero();
  }

  @Test
  void aReaderThatStopsWaitingForOneThatNeverComesIsReleasedWhenThatOneFinishes() throws Exception {
    SharedWalk shared = new SharedWalk(entries(50), List.of("source", "other"), 8);
    CompletableFuture<List<String>> source =
        CompletableFuture.supplyAsync(() -> drain(shared.open("source").orElseThrow()));
    Thread.sleep(100);
    assertThat(source).isNotDone();
    shared.finished("other");
    assertThat(source.get(10, TimeUnit.SECONDS)).hasSize(50);
  }

  @Test
  void aReaderWalksAloneWhenItCannotReadFromTheStart() {
    SharedWalk shared = new SharedWalk(entries(20), List.of("source", "dependencies"), 8);
    assertThat(shared.open("stranger")).isEmpty();
    Iterator<TreeWalker.Entry> source = shared.open("source").orElseThrow();
    assertThat(shared.open("source")).isEmpty();
    shared.finished("dependencies");
    drain(source);
    assertThat(shared.open("dependencies")).isEmpty();
  }

  @Test
  void aConnectorTestedAloneGetsTheWholeTreeWithTheWalkSettings() throws IOException {
    Path root = dir.resolve("alone");
    Files.createDirectories(root.resolve("src"));
    Files.createDirectories(root.resolve("vendor"));
    Files.writeString(root.resolve("src/app.py"), "import openai\n");
    Files.writeString(root.resolve("vendor/lib.py"), "x\n");
    Target target = SourceTrees.target(root);
    RecordingContext context =
        new RecordingContext(
            dev.aiscan.core.spi.Settings.of(java.util.Map.of(SourceTrees.EXCLUDE, "vendor/**")));
    assertThat(drain(SourceTrees.files(target, root.toRealPath(), context)))
        .containsExactly("src/app.py");
  }

  private TreeWalker treeWalker(Path root) {
    try {
      return new TreeWalker(root.toRealPath(), List.of(), List.of(), true, (f, m) -> {});
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void waitUntilWaiting(Thread t) throws InterruptedException {
    for (int i = 0; i < 1000 && t.getState() != Thread.State.WAITING; i++) {
      Thread.sleep(5);
    }
    assertThat(t.getState()).isEqualTo(Thread.State.WAITING);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
