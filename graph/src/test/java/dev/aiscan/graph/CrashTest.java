package dev.aiscan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scanner killed with SIGKILL in the middle of a write leaves a graph the next scan repairs. */
class CrashTest {
  private static final Instant NEXT = Instant.parse("2026-04-02T00:00:00Z");

  @TempDir Path dir;

  @Test
  void killedMidWriteTheNextScanCompletesAndEqualsACleanRun() throws Exception {
    Path store = dir.resolve("graph");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process writer = StoreProcess.start("write", store.toString(), Integer.toString(port));
    try {
      StoreProcess.awaitLine(writer, "open");
      try (Graph watcher =
          Graph.open(GraphOptions.server("bolt://127.0.0.1:" + port, "neo4j", null))) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (count(watcher, "MATCH (p:Package) RETURN count(p)") < 3_000) {
          assertThat(System.nanoTime()).as("the writer got going").isLessThan(deadline);
          Thread.sleep(20);
        }
      }
    } finally {
      writer.destroyForcibly(); // SIGKILL
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    List<String> repaired;
    ScanResult next = StoreProcess.estate().scan("next", NEXT);
    try (Graph graph = Graph.open(GraphOptions.embedded(store, 0))) {
      assertThat(graph.query("MATCH (s:Scan {id: 'killed'}) RETURN s.status", Map.of()).rows())
          .as("the kill landed mid-write")
          .containsExactly(List.of("writing"));
      graph.write(next);
      assertThat(graph.query("MATCH (s:Scan {id: 'next'}) RETURN s.status", Map.of()).rows())
          .containsExactly(List.of("complete"));
      repaired = withoutHistory(GraphSnapshot.of(graph.driver()));
    }
    try (Graph clean = Graph.open(GraphOptions.embedded(dir.resolve("clean"), 0))) {
      clean.write(next);
      assertThat(
              GraphSnapshot.difference(withoutHistory(GraphSnapshot.of(clean.driver())), repaired))
          .isEmpty();
    }
  }

  /**
   * The snapshot less what honestly differs: the killed scan's own node and edges, and firstSeen,
   * which remembers that the killed scan saw things first.
   */
  private static List<String> withoutHistory(List<String> snapshot) {
    return snapshot.stream()
        .filter(line -> !line.startsWith("node [Scan]"))
        .filter(line -> !line.contains(" -SAW-> ") && !line.contains(" -SCANNED-> "))
        .map(line -> line.replaceAll("firstSeen=[^,}]*, ", ""))
        .toList();
  }

  private static long count(Graph graph, String cypher) {
    return (Long) graph.query(cypher, Map.of()).rows().get(0).get(0);
  }
}
