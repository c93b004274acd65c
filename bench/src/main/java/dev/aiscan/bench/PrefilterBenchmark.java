package dev.aiscan.bench;

import dev.aiscan.core.spi.ContentFilter;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.testkit.SourceTextGenerator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the content prefilter ({@link RuleEngine#contentFilter()}), single-threaded, over
 * 1,000,000 bytes of generated Java/Python/TypeScript/Go source that names no AI. One operation is
 * one byte and the unit is microseconds, so the score in ops/us is the throughput in MB/s (10^6
 * bytes per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PrefilterBenchmark {
  static final int SIZE = 1_000_000;
  static final int FILE = 16_000;

  private ContentFilter filter;
  private byte[] noHit;
  private byte[] hitNearEnd;

  @Setup
  public void setUp() {
    filter = RuleEngine.loadDefault().contentFilter();
    noHit = new SourceTextGenerator(42).generate(SIZE);
    if (filter.mayMatch(noHit)) {
      throw new IllegalStateException(
          "the generated text is not a no-hit input: check the catalogue's prefilter tokens");
    }
    hitNearEnd = noHit.clone();
    byte[] hit = "\nfrom openai import OpenAI\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(hit, 0, hitNearEnd, SIZE - 1000, hit.length);
    if (!filter.mayMatch(hitNearEnd)) {
      throw new IllegalStateException("the planted import is not found");
    }
  }

  /** 1 MB without any token: the whole buffer is scanned. */
  @Benchmark
  @OperationsPerInvocation(SIZE)
  public boolean noHit1MB() {
    return filter.mayMatch(noHit);
  }

  /** The same bytes as 62 files of 16 KB: the per-call cost on typical source files. */
  @Benchmark
  @OperationsPerInvocation(SIZE / FILE * FILE)
  public int noHit16KBFiles() {
    int n = 0;
    for (int off = 0; off + FILE <= SIZE; off += FILE) {
      n += filter.mayMatch(noHit, off, FILE) ? 1 : 0;
    }
    return n;
  }

  /**
   * 1 MB with an {@code openai} import 1 KB before the end: nearly the whole buffer, then an early
   * exit.
   */
  @Benchmark
  @OperationsPerInvocation(SIZE)
  public boolean hitNearEnd1MB() {
    return filter.mayMatch(hitNearEnd);
  }
}
