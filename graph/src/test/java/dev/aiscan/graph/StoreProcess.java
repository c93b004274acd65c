package dev.aiscan.graph;

import dev.aiscan.testkit.SyntheticEstate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A second aiscan-like process for tests that need one: {@code hold STORE} opens the embedded store
 * and keeps it until its input closes; {@code write STORE PORT} writes a generated estate into it,
 * with Bolt on PORT so the test can watch, until it is killed.
 */
public final class StoreProcess {
  public static void main(String[] args) throws Exception {
    Path store = Path.of(args[1]);
    int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    try (Graph graph = Graph.open(GraphOptions.embedded(store, port))) {
      System.out.println("open");
      System.out.flush();
      if (args[0].equals("write")) {
        graph.writer(1_000).write(estate().scan("killed", Instant.parse("2026-04-01T00:00:00Z")));
        System.out.println("written");
        System.out.flush();
      }
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
  }

  static SyntheticEstate estate() {
    return new SyntheticEstate(15, 960, 40);
  }

  /** Starts this class in a new JVM with the test class path. */
  static Process start(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StoreProcess.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Waits for a line of the child's output. */
  static String awaitLine(Process process, String expected) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      if (line.equals(expected)) {
        return line;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("child ended before '" + expected + "':\n" + seen);
  }
}
