package dev.aiscan.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aiscan.connectors.aws.AwsConnector;
import dev.aiscan.connectors.aws.AwsSettings;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS scan against a fake AWS with injected latency: WireMock answers every call after a fixed
 * delay (100 ms by default) with a generated estate ({@link AwsWorkload}: Bedrock, SageMaker,
 * Lambda, ECS and two pages of CloudTrail events in every region, {@code {}} for the rest), and the
 * real {@link AwsConnector} scans the 17 default regions with all its services. The first run warms
 * the JVM up and is reported apart; the others are the measurement. Target: under 15 s.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.aiscan.bench.AwsScanBenchmark \
 *     [--regions 17] [--latency-ms 100] [--runs 3] [--concurrency 32] [--target-s 15]
 * </pre>
 *
 * Exits 1 when the scan warned or found other facts than the workload holds (the fake misserved it,
 * so the time means nothing), 2 when a measured run missed the target.
 */
public final class AwsScanBenchmark {
  private static final Target ACCOUNT =
      new Target("aws:123456789012", "aws", AwsWorkload.ACCOUNT, AwsWorkload.ACCOUNT);

  private AwsScanBenchmark() {}

  public static void main(String[] args) {
    Map<String, Integer> options = options(args);
    int regionCount = options.getOrDefault("regions", AwsSettings.DEFAULT_REGIONS.size());
    int latency = options.getOrDefault("latency-ms", 100);
    int runs = options.getOrDefault("runs", 3);
    Integer concurrency = options.get("concurrency");
    int target = options.getOrDefault("target-s", 15);
    if (regionCount < 1 || regionCount > AwsSettings.DEFAULT_REGIONS.size() || runs < 1) {
      usage("--regions is 1 to " + AwsSettings.DEFAULT_REGIONS.size() + ", --runs at least 1");
    }
    List<String> regions = AwsSettings.DEFAULT_REGIONS.subList(0, regionCount);

    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    int threads = Math.max(64, 2 * (concurrency == null ? 32 : concurrency) + 16);
    WireMockServer server =
        new WireMockServer(
            wireMockConfig()
                .dynamicPort()
                .containerThreads(threads)
                .notifier(new ConsoleNotifier(false)));
    server.start();
    int exit = 0;
    try {
      server.setGlobalFixedDelay(latency);
      AwsWorkload workload = new AwsWorkload(regions, Instant.now());
      workload.serve(server);
      Map<FactType, Integer> expected = workload.expected();

      Map<String, String> s = new HashMap<>();
      s.put("connectors.aws.endpoint-url", server.baseUrl());
      s.put("connectors.aws.regions", String.join(",", regions));
      if (concurrency != null) {
        s.put("connectors.aws.concurrency", Integer.toString(concurrency));
      }
      Settings settings = Settings.of(s);
      int effective = AwsSettings.from(settings).concurrency();

      System.out.printf(
          "AWS scan: %d regions, all services; %d ms latency on every call; concurrency %d%s;"
              + " %d stubs; %d cores; Java %s%n",
          regions.size(),
          latency,
          effective,
          concurrency == null ? " (default)" : "",
          workload.stubs(),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      System.out.printf("expected facts: %s%n", describe(expected));

      List<Double> measured = new ArrayList<>();
      List<ServeEvent> last = List.of();
      for (int run = 1; run <= runs; run++) {
        server.resetRequests();
        RecordingContext ctx = new RecordingContext(settings);
        long cpuBefore = processCpu();
        long fakeBefore = threadCpu("qtp");
        long start = System.nanoTime();
        new AwsConnector().collect(ACCOUNT, ctx);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpu() - cpuBefore) / 1e9;
        double fakeCpu = (threadCpu("qtp") - fakeBefore) / 1e9;
        last = server.getAllServeEvents();
        int unmatched = server.findAllUnmatchedRequests().size();

        Map<FactType, Integer> found = counts(ctx.facts());
        boolean misserved = !found.equals(expected) || !ctx.warnings().isEmpty() || unmatched > 0;
        String label = run == 1 ? "run 1 (cold JVM, warm-up)" : "run " + run;
        System.out.printf(
            "%s: %.2f s wall, %,d API requests served, %,d facts, %d warnings -> %s%n",
            label,
            seconds,
            last.size(),
            ctx.facts().size(),
            ctx.warnings().size(),
            seconds < target
                ? "MEETS the " + target + " s target"
                : "MISSES the " + target + " s target");
        System.out.printf(
            "  CPU %.2f s (%.2f s of it WireMock's Jetty threads, %.2f s the scan and the JVM)%n",
            cpu, fakeCpu, cpu - fakeCpu);
        if (misserved) {
          exit = 1;
          System.out.printf("  MISSERVED: found %s%n", describe(found));
          if (unmatched > 0) {
            System.out.printf("  %d requests matched no stub%n", unmatched);
          }
          for (Warning w : ctx.warnings()) {
            System.out.printf("  warning [%s] %s%n", w.source(), w.message());
          }
        }
        if (run > 1 || runs == 1) {
          measured.add(seconds);
        }
      }
      analyse(last, latency, effective);
      measured.sort(Comparator.naturalOrder());
      double worst = measured.get(measured.size() - 1);
      System.out.printf(
          "measured runs: %d; best %.2f s, median %.2f s, worst %.2f s -> target %d s %s%n",
          measured.size(),
          measured.get(0),
          (measured.get((measured.size() - 1) / 2) + measured.get(measured.size() / 2)) / 2,
          worst,
          target,
          worst < target ? "MET" : "MISSED");
      if (exit == 0 && worst >= target) {
        exit = 2;
      }
    } finally {
      server.stop();
    }
    System.exit(exit);
  }

  /**
   * Where the time of the last run went, from WireMock's request journal: requests per service and
   * per region, the floor set by the pool's width, and when each region's chain of CloudTrail calls
   * ran (its event sources are read one after another, so one chain is a floor of its own).
   */
  private static void analyse(List<ServeEvent> events, int latency, int concurrency) {
    if (events.isEmpty()) {
      return;
    }
    long first =
        events.stream().mapToLong(e -> e.getRequest().getLoggedDate().getTime()).min().orElse(0);
    long last =
        events.stream().mapToLong(e -> e.getRequest().getLoggedDate().getTime()).max().orElse(0);
    Map<String, Integer> perService = new TreeMap<>();
    Map<String, Integer> perRegion = new TreeMap<>();
    Map<String, long[]> trail = new TreeMap<>(); // region -> {calls, first ms, last ms}
    for (ServeEvent e : events) {
      LoggedRequest r = e.getRequest();
      long at = r.getLoggedDate().getTime();
      String[] scope = scope(r.getHeader("Authorization"));
      perService.merge(scope[1], 1, Integer::sum);
      perRegion.merge(scope[0], 1, Integer::sum);
      String target = r.getHeader("X-Amz-Target");
      if (target != null && target.endsWith(".LookupEvents")) {
        long[] t = trail.computeIfAbsent(scope[0], k -> new long[] {0, Long.MAX_VALUE, 0});
        t[0]++;
        t[1] = Math.min(t[1], at);
        t[2] = Math.max(t[2], at);
      }
    }
    System.out.println("last run, from the request journal:");
    List<String> services = new ArrayList<>();
    perService.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(en -> services.add(en.getKey() + " " + en.getValue()));
    System.out.printf("  requests per signing service: %s%n", String.join(", ", services));
    System.out.printf(
        "  requests per region: %d to %d%n",
        perRegion.values().stream().mapToInt(Integer::intValue).min().orElse(0),
        perRegion.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    System.out.printf(
        "  first to last request: %.2f s; %,d requests x %d ms / %d in flight = %.2f s if the"
            + " pool were always full%n",
        (last - first + latency) / 1e3,
        events.size(),
        latency,
        concurrency,
        events.size() * (double) latency / concurrency / 1e3);
    for (Map.Entry<String, long[]> en : trail.entrySet()) {
      long[] t = en.getValue();
      System.out.printf(
          "  CloudTrail %-15s %2d LookupEvents calls one after another from %5.2f s to %5.2f s"
              + " into the scan (%.2f s; floor %.2f s: %d calls at 2 a second, the last %d ms)%n",
          en.getKey(),
          t[0],
          (t[1] - first) / 1e3,
          (t[2] - first + latency) / 1e3,
          (t[2] - t[1] + latency) / 1e3,
          // the connector paces LookupEvents at AWS's 2 calls/s per region
          Math.max(t[0] * latency, (t[0] - 1) * 500L + latency) / 1e3,
          t[0],
          latency);
    }
  }

  /** CPU time of the whole process so far, in nanoseconds. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time so far of the live threads whose name starts with {@code prefix}, in nanoseconds. */
  private static long threadCpu(String prefix) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(prefix)) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  /** Region and service of a SigV4 {@code Authorization} header's credential scope. */
  private static String[] scope(String authorization) {
    if (authorization == null) {
      return new String[] {"(unsigned)", "(unsigned)"};
    }
    int at = authorization.indexOf("Credential=");
    if (at < 0) {
      return new String[] {"(unknown)", "(unknown)"};
    }
    String[] parts = authorization.substring(at).split("[/,]");
    return parts.length >= 4 ? new String[] {parts[2], parts[3]} : new String[] {"?", "?"};
  }

  private static Map<FactType, Integer> counts(List<Fact> facts) {
    Map<FactType, Integer> counts = new EnumMap<>(FactType.class);
    facts.forEach(f -> counts.merge(f.type(), 1, Integer::sum));
    return counts;
  }

  private static String describe(Map<FactType, Integer> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach(
        (type, n) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(n)
                .append(' ')
                .append(type.name().toLowerCase(java.util.Locale.ROOT)));
    return b + " (" + counts.values().stream().mapToInt(Integer::intValue).sum() + " in all)";
  }

  private static Map<String, Integer> options(String[] args) {
    Map<String, Integer> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")
          || !List.of("--regions", "--latency-ms", "--runs", "--concurrency", "--target-s")
              .contains(a)) {
        usage("unknown option " + a);
      }
      if (i + 1 >= args.length) {
        usage(a + " needs a number");
      }
      try {
        options.put(a.substring(2), Integer.parseInt(args[++i]));
      } catch (NumberFormatException e) {
        usage(a + " needs a number: " + args[i]);
      }
    }
    return options;
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(
        "usage: AwsScanBenchmark [--regions 1..17] [--latency-ms 100] [--runs 3]"
            + " [--concurrency 32] [--target-s 15]");
    System.exit(64);
  }
}
