package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiscan graph …} through the packaged CLI, over a store two real scans wrote: the second
 * after the support desk's legacy Gemini client was deleted.
 */
class GraphCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static Path store;
  static CliRunner.Run second;

  @BeforeAll
  static void scanTwice() throws Exception {
    Path project = work.resolve("support-desk");
    ScanCommandIT.copyTree(ScanCommandIT.fixture("support-desk"), project);
    store = work.resolve("graph");
    CliRunner.Run first = scan(project);
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    Files.delete(project.resolve("web/src/legacy.js"));
    second = scan(project);
    assertThat(second.exitCode()).as(second.stderr()).isZero();
  }

  private static CliRunner.Run scan(Path project) throws Exception {
    return CliRunner.run(
        work,
        "scan",
        "--source",
        project.toString(),
        "--out",
        work.resolve("report").toString(),
        "--graph-dir",
        store.toString());
  }

  @Test
  void statsCountWhatTheScansWrote() throws Exception {
    CliRunner.Run r =
        CliRunner.run(work, "graph", "stats", "--graph-dir", store.toString(), "--json");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode counts = JSON.readTree(r.stdout());
    assertThat(count(counts, "Scan")).isEqualTo(2);
    assertThat(count(counts, "Repository")).isEqualTo(1);
    assertThat(count(counts, "Package")).isPositive();
    assertThat(count(counts, "DEPENDS_ON")).isGreaterThanOrEqualTo(count(counts, "Package"));
    assertThat(count(counts, "EVIDENCE_OF")).isEqualTo(count(counts, "Finding"));
  }

  @Test
  void askStaleShowsWhatTheSecondScanNoLongerSaw() throws Exception {
    CliRunner.Run r = CliRunner.run(work, "graph", "ask", "stale", "--graph-dir", store.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout())
        .contains("google-gemini in support-desk")
        .contains("(1 row)")
        .doesNotContain("openai in support-desk");
  }

  @Test
  void diffComparesTheLastTwoScansInTheGraph() throws Exception {
    CliRunner.Run r = CliRunner.run(work, "diff", "--graph-dir", store.toString(), "--json");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode diff = JSON.readTree(r.stdout());
    assertThat(diff.get("removed").findValuesAsText("provider")).containsExactly("google-gemini");
    assertThat(diff.get("added")).isEmpty();

    CliRunner.Run text = CliRunner.run(work, "diff", "--graph-dir", store.toString());
    assertThat(text.stdout()).contains("Gone (1):").contains("google-gemini in support-desk");
  }

  @Test
  void reportReRendersThePreviousScanFromTheGraphAndFromItsInventory() throws Exception {
    Path again = work.resolve("again");
    CliRunner.Run r =
        CliRunner.run(
            work,
            "report",
            "--graph-dir",
            store.toString(),
            "--format",
            "md,sarif",
            "--out",
            again.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(again.resolve("summary.md")).exists();
    assertThat(again.resolve("aiscan.sarif")).exists();
    JsonNode rendered = JSON.readTree(again.resolve("inventory.json").toFile());
    JsonNode original = JSON.readTree(work.resolve("report/inventory.json").toFile());
    assertThat(rendered.get("assets")).isEqualTo(original.get("assets"));
    assertThat(rendered.at("/scan/id")).isEqualTo(original.at("/scan/id"));

    Path fromFile = work.resolve("from-file");
    CliRunner.Run f =
        CliRunner.run(
            work,
            "report",
            "--inventory",
            work.resolve("report/inventory.json").toString(),
            "--format",
            "csv,html",
            "--out",
            fromFile.toString());
    assertThat(f.exitCode()).as(f.stderr()).isZero();
    assertThat(Files.readString(fromFile.resolve("inventory.csv")))
        .contains("openai in support-desk");
    assertThat(fromFile.resolve("report.html")).exists();
  }

  @Test
  void askWithoutANameListsTheQuestions() throws Exception {
    CliRunner.Run r = CliRunner.run(work, "graph", "ask");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("reaches", "shadow-by-owner", "existed-on", "models");
  }

  @Test
  void queryPrintsJsonAndRefusesToWrite() throws Exception {
    CliRunner.Run read =
        CliRunner.run(
            work,
            "graph",
            "query",
            "MATCH (a:Asset) WHERE NOT a.stale RETURN a.provider AS provider ORDER BY provider",
            "--json",
            "--graph-dir",
            store.toString());
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    assertThat(JSON.readTree(read.stdout()).findValuesAsText("provider"))
        .contains("anthropic", "openai")
        .doesNotContain("google-gemini");

    CliRunner.Run write =
        CliRunner.run(
            work, "graph", "query", "MATCH (n) DETACH DELETE n", "--graph-dir", store.toString());
    assertThat(write.exitCode()).isEqualTo(2);
    assertThat(write.stderr().strip())
        .startsWith("aiscan: graph query: refused, queries are read-only")
        .doesNotContain("\n");
  }

  @Test
  void badArgumentsAndUnreachableServersAreExitTwoInOneLine() throws Exception {
    CliRunner.Run date =
        CliRunner.run(work, "graph", "ask", "since", "yesterday", "--graph-dir", store.toString());
    assertThat(date.exitCode()).isEqualTo(2);
    assertThat(date.stderr().strip())
        .isEqualTo(
            "aiscan: since: 'yesterday' is not a date (2026-03-01) or date-time"
                + " (2026-03-01T09:00:00Z)");

    CliRunner.Run server =
        CliRunner.run(work, "graph", "stats", "--neo4j-uri", "bolt://127.0.0.1:9");
    assertThat(server.exitCode()).isEqualTo(2);
    assertThat(server.stderr().strip())
        .startsWith("aiscan: Neo4j bolt://127.0.0.1:9: unreachable")
        .doesNotContain("\n");
  }

  @Test
  void whileTheInteractiveShellHoldsTheStoreAScanGetsOneLine() throws Exception {
    Path held = work.resolve("held");
    Process shell = CliRunner.interactive(work);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
              } catch (Exception e) {
                lines.add("reader failed: " + e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    try (Writer in =
        new java.io.OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8)) {
      in.write("graph stats --graph-dir " + held + "\n");
      in.flush();
      List<String> seen = new ArrayList<>();
      for (String line; !(line = next(lines, seen)).matches(".*\\(\\d+ rows\\)"); ) {
        seen.add(line);
      }

      CliRunner.Run r =
          CliRunner.run(
              work,
              "scan",
              "--source",
              work.resolve("support-desk").toString(),
              "--out",
              work.resolve("r-held").toString(),
              "--graph-dir",
              held.toString());
      assertThat(r.exitCode()).isEqualTo(2);
      // the scan ran (its progress lines say so, and its reports are kept); the graph failure is
      // the one error line, last
      List<String> errLines = r.stderr().strip().lines().toList();
      assertThat(errLines.subList(0, errLines.size() - 1))
          .allMatch(l -> l.matches("aiscan: (source|dependencies): done .*"));
      assertThat(errLines.get(errLines.size() - 1))
          .isEqualTo(
              "aiscan: graph store "
                  + held
                  + " is in use by another process (another aiscan?); wait for it, or use"
                  + " --graph-dir");
      assertThat(work.resolve("r-held/inventory.json")).isRegularFile();

      in.write("exit\n");
      in.flush();
    } finally {
      if (!shell.waitFor(60, TimeUnit.SECONDS)) {
        shell.destroyForcibly();
      }
    }
    // released cleanly: the next one-shot command opens it
    CliRunner.Run after = CliRunner.run(work, "graph", "stats", "--graph-dir", held.toString());
    assertThat(after.exitCode()).as(after.stderr()).isZero();
  }

  private static String next(BlockingQueue<String> lines, List<String> seen) throws Exception {
    String line = lines.poll(120, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("the interactive shell said nothing more; so far:\n" + seen);
    }
    return line;
  }

  private static long count(JsonNode counts, String label) {
    for (JsonNode row : counts) {
      if (row.get("label or type").asText().equals(label)) {
        return row.get("count").asLong();
      }
    }
    throw new AssertionError("no count for " + label + " in " + counts);
  }
}
