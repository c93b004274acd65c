package dev.aiscan.bench;

import dev.aiscan.core.ScanResult;
import dev.aiscan.graph.Graph;
import dev.aiscan.graph.GraphOptions;
import dev.aiscan.graph.GraphWriter;
import dev.aiscan.testkit.SyntheticEstate;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Graph ingest: a generated estate (about 200k nodes and 400k relationships, see {@link
 * SyntheticEstate#large()}) written through the real {@link GraphWriter} into a new embedded Neo4j,
 * then written again as a second scan (every MERGE now matches). Prints entities per second for
 * both and the peak heap of the whole process, embedded database included.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar dev.aiscan.bench.GraphIngestBenchmark [batch]
 * </pre>
 */
public final class GraphIngestBenchmark {
  private GraphIngestBenchmark() {}

  public static void main(String[] args) throws IOException {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : GraphWriter.DEFAULT_BATCH;
    boolean warmup = !Boolean.getBoolean("cold");
    if (warmup) {
      // the JIT compiles the writer, the driver and Neo4j's Cypher runtime on a smaller estate
      // first,
      // in a store of its own; -Dcold=true measures a cold JVM instead
      Path warm = Files.createTempDirectory("aiscan-ingest-warmup");
      try (Graph graph = Graph.open(GraphOptions.embedded(warm, 0))) {
        SyntheticEstate small = new SyntheticEstate(40, 960, 40);
        graph.writer(batch).write(small.scan("warm-1", Instant.parse("2026-01-01T08:00:00Z")));
        graph.writer(batch).write(small.scan("warm-2", Instant.parse("2026-01-02T08:00:00Z")));
      } finally {
        delete(warm);
      }
      System.out.println("warm-up: 2 scans of 40 repositories in a separate store");
    }
    SyntheticEstate estate = SyntheticEstate.large();
    ScanResult first = estate.scan("bench-1", Instant.parse("2026-01-05T08:00:00Z"));
    ScanResult second = estate.scan("bench-2", Instant.parse("2026-01-12T08:00:00Z"));
    Path store = Files.createTempDirectory("aiscan-ingest");
    try {
      long openStart = System.nanoTime();
      long closeStart;
      try (Graph graph = Graph.open(GraphOptions.embedded(store, 0))) {
        System.out.printf(
            "open new embedded store: %.1f s%n", (System.nanoTime() - openStart) / 1e9);
        resetPeaks();
        GraphWriter.Summary created = graph.writer(batch).write(first);
        long nodes = count(graph, "MATCH (n) RETURN count(n)");
        long relationships = count(graph, "MATCH ()-[r]->() RETURN count(r)");
        report("first scan (creates)", nodes + relationships, created);
        GraphWriter.Summary matched = graph.writer(batch).write(second);
        report("second scan (matches)", nodes + relationships, matched);
        System.out.printf(
            "graph after the first scan: %,d nodes, %,d relationships; batch %,d rows%n",
            nodes, relationships, batch);
        System.out.printf(
            "peak heap in use (sampled every 10 ms, embedded database included): %,d MiB (max %,d"
                + " MiB); cores: %d%n",
            peakHeap() >> 20,
            Runtime.getRuntime().maxMemory() >> 20,
            Runtime.getRuntime().availableProcessors());
        closeStart = System.nanoTime();
      }
      System.out.printf("shutdown: %.1f s%n", (System.nanoTime() - closeStart) / 1e9);
    } finally {
      delete(store);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static long count(Graph graph, String cypher) {
    return ((Number) graph.query(cypher, Map.of()).rows().get(0).get(0)).longValue();
  }

  private static void report(String what, long entities, GraphWriter.Summary s) {
    double seconds = s.elapsed().toNanos() / 1e9;
    System.out.printf(
        "%s: %,d nodes+relationships in %.1f s = %,.0f per second (%,d nodes and %,d relationships"
            + " created)%n",
        what, entities, seconds, entities / seconds, s.nodesCreated(), s.relationshipsCreated());
  }

  /** The most heap in use at once, sampled every 10 ms by a daemon thread. */
  private static final AtomicLong PEAK = new AtomicLong();

  private static void resetPeaks() {
    PEAK.set(0);
    Thread sampler =
        new Thread(
            () -> {
              MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
              while (true) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private static long peakHeap() {
    return PEAK.get();
  }
}
