package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiscan assets|findings|shadow} through the packaged CLI, as an analyst explores a scan:
 * over the default graph (~/.aiscan/graph of the test's home) after two scans of the support desk
 * against a register that covers its OpenAI and Anthropic use only, the first without the legacy
 * Gemini client, so that the second sees Gemini as new shadow AI. Every command runs without graph
 * flags, in the directory the scans wrote {@code aiscan-report/} to.
 */
class ExploreCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static String firstScan;
  static String secondScan;
  static JsonNode inventory;

  @BeforeAll
  static void scanTwiceAgainstARegister() throws Exception {
    Path project = work.resolve("support-desk");
    ScanCommandIT.copyTree(ScanCommandIT.fixture("support-desk"), project);
    Files.writeString(
        work.resolve("register.yaml"),
        """
        version: 1
        entries:
          - id: support-llms
            name: Support desk language models
            owner: support-platform@example.com
            selectors:
              providers: [openai, anthropic]
        """);
    Path legacy = project.resolve("web/src/legacy.js");
    Path aside = work.resolve("legacy.js");
    Files.move(legacy, aside);
    firstScan = scan(project);
    Files.move(aside, legacy);
    secondScan = scan(project);
    inventory = JSON.readTree(work.resolve("aiscan-report/inventory.json").toFile());
    assertThat(inventory.at("/scan/id").asText()).isEqualTo(secondScan);
  }

  private static String scan(Path project) throws Exception {
    CliRunner.Run r =
        CliRunner.run(
            work,
            "scan",
            "--source",
            project.toString(),
            "--register",
            "register.yaml",
            "--offline");
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    String graphLine =
        r.stdout().lines().filter(l -> l.startsWith("Graph: scan ")).findFirst().orElseThrow();
    return graphLine.split(" ")[2];
  }

  @Test
  void assetsListIsATableOfTheLatestScanShadowFirst() throws Exception {
    CliRunner.Run r = CliRunner.run(work, "assets", "list");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    List<String> lines = r.stdout().strip().lines().toList();
    assertThat(lines.get(0)).startsWith("Scan " + secondScan + " (").endsWith(") of support-desk");
    assertThat(lines.get(1).split("\\s+"))
        .containsExactly(
            "id", "status", "provider", "kind", "name", "target", "models", "findings");
    assertThat(lines).last().isEqualTo("(11 rows)");
    List<String> rows = lines.subList(3, lines.size() - 1);
    assertThat(rows).hasSize(11);
    assertThat(rows.subList(0, 9)).allMatch(row -> row.split("\\s+")[1].equals("shadow"));
    assertThat(rows.subList(9, 11)).allMatch(row -> row.split("\\s+")[1].equals("registered"));
    assertThat(rows)
        .anyMatch(
            row ->
                row.matches(
                    "a-\\S+\\s+registered\\s+openai\\s+ai-integration\\s+openai in support-desk"
                        + "\\s+support-desk\\s+gpt-4o, gpt-4o-mini\\s+8"));
  }

  @Test
  void shadowAssetsAsJsonAreTheInventorysFromTheGraphAndFromTheFile() throws Exception {
    CliRunner.Run graph = CliRunner.run(work, "assets", "list", "--status", "shadow", "--json");
    assertThat(graph.exitCode()).as(graph.stderr()).isZero();
    JsonNode assets = JSON.readTree(graph.stdout());
    assertThat(assets).hasSize(9);
    assertThat(assets.findValuesAsText("status")).containsOnly("shadow");
    assertThat(assets.findValuesAsText("provider"))
        .containsExactlyInAnyOrder(
            "azure-openai",
            "claude-code",
            "cohere",
            "google-gemini",
            "langchain4j",
            "ollama",
            "pytorch",
            "spring-ai",
            "transformers");
    // the very objects of inventory.json: same field names and values
    assertThat(list(assets))
        .containsExactlyInAnyOrderElementsOf(
            list(inventory.get("assets")).stream()
                .filter(a -> a.get("status").asText().equals("shadow"))
                .toList());

    CliRunner.Run file =
        CliRunner.run(
            work,
            "assets",
            "list",
            "--status",
            "shadow",
            "--json",
            "--inventory",
            "aiscan-report/inventory.json");
    assertThat(file.exitCode()).as(file.stderr()).isZero();
    assertThat(JSON.readTree(file.stdout())).isEqualTo(assets);
  }

  @Test
  void anUnknownAssetIdIsExitTwoInOneLine() throws Exception {
    CliRunner.Run r = CliRunner.run(work, "assets", "show", "--id", "a-nosuch");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stdout()).isBlank();
    assertThat(r.stderr().strip())
        .isEqualTo(
            "aiscan: no asset a-nosuch in scan " + secondScan + " (see: aiscan assets list)");
  }

  @Test
  void findingsOfOneProviderAsJsonAreTheInventorysInItsOrder() throws Exception {
    CliRunner.Run r = CliRunner.run(work, "findings", "list", "--provider", "openai", "--json");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode findings = JSON.readTree(r.stdout());
    assertThat(findings).hasSize(8);
    assertThat(list(findings)).containsExactlyElementsOf(findings("openai"));
    assertThat(findings.findValuesAsText("ruleId")).isNotEmpty().doesNotContainNull();
  }

  /**
   * Analysts explore interactively: one shell, one open graph, several commands; {@code assets
   * show} and {@code findings show} take the start of an id.
   */
  @Test
  void theInteractiveShellShowsAssetsFindingsAndShadowAiFromItsOpenGraph() throws Exception {
    JsonNode openai = asset("openai");
    String assetId = openai.get("id").asText();
    JsonNode model =
        findings("openai").stream()
            .filter(f -> f.get("category").asText().equals("model"))
            .findFirst()
            .orElseThrow();
    String findingId = model.get("id").asText();

    List<String> lines =
        interactive(
            "assets show --id " + assetId.substring(0, 6),
            "findings show --id " + findingId.substring(2, 10),
            "shadow");

    String transcript = String.join("\n", lines);
    assertThat(transcript)
        .contains("Asset " + assetId + ": openai in support-desk")
        .contains("  status:      registered")
        .contains("  register:    support-llms")
        .contains("  models:      gpt-4o, gpt-4o-mini")
        .contains("  new:         no, scan " + firstScan + " saw it too")
        .contains("Findings (8):")
        .contains("(8 rows)");
    for (JsonNode f : findings("openai")) {
      JsonNode at = f.get("location");
      String location =
          at.get("file").asText()
              + (at.has("cell") ? "#cell" + at.get("cell").asInt() : "")
              + (at.has("line") ? ":" + at.get("line").asInt() : "");
      assertThat(lines).anyMatch(l -> l.startsWith(f.get("id").asText()) && l.contains(location));
    }

    assertThat(transcript)
        .contains("Finding " + findingId + ": " + model.get("ruleId").asText())
        .contains("  evidence:    " + model.get("evidence").asText())
        .contains("  model:       " + model.get("model").asText())
        .contains("  asset:       " + assetId + " (openai in support-desk, registered)");

    int header =
        lines.indexOf(
            "9 shadow AI asset(s) in scan " + secondScan + " (1 new since scan " + firstScan + ")");
    assertThat(header).as(transcript).isNotNegative();
    // the new one first and marked, the other eight not
    assertThat(lines.get(header + 3)).matches("a-\\S+\\s+new\\s+google-gemini\\s+.*");
    assertThat(lines.subList(header + 4, header + 12))
        .noneMatch(l -> l.matches("a-\\S+\\s+new\\s.*"));
    assertThat(lines.get(header + 12)).isEqualTo("(9 rows)");
    assertThat(lines.get(header + 13))
        .startsWith("Register them: aiscan register seed --source ")
        .contains("--register register.yaml");
  }

  @Test
  void withoutAScanOrWithContradictoryFlagsItIsExitTwoInOneLine() throws Exception {
    Path empty = work.resolve("empty");
    Files.createDirectories(empty);
    CliRunner.Run none = CliRunner.run(empty, "shadow");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.stderr().strip())
        .isEqualTo("aiscan: no complete scan in the graph yet; run aiscan scan first");

    CliRunner.Run both =
        CliRunner.run(
            work,
            "findings",
            "list",
            "--inventory",
            "aiscan-report/inventory.json",
            "--scan",
            firstScan);
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.stderr().strip())
        .isEqualTo("aiscan: --inventory reads a saved file: leave out --scan and the graph flags");
  }

  /** What the interactive shell printed for these commands, without its prompts. */
  private static List<String> interactive(String... commands) throws Exception {
    Process shell = CliRunner.interactive(work);
    try (Writer in = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String command : commands) {
        in.write(command + "\n");
      }
      in.write("exit\n");
    }
    // the shell ends at "exit", so reading to the end of its output cannot hang on a live process
    String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!shell.waitFor(60, TimeUnit.SECONDS)) {
      shell.destroyForcibly();
      throw new AssertionError("the interactive shell did not exit; it printed:\n" + out);
    }
    return out.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "")
        .replace("aiscan:> ", "")
        .lines()
        .toList();
  }

  private static JsonNode asset(String provider) {
    return list(inventory.get("assets")).stream()
        .filter(a -> a.get("provider").asText().equals(provider))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> findings(String provider) {
    return list(inventory.get("findings")).stream()
        .filter(f -> f.get("provider").asText().equals(provider))
        .toList();
  }

  private static List<JsonNode> list(JsonNode array) {
    return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
  }
}
