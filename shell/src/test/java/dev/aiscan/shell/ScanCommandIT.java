package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.aiscan.reports.InventoryJsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real CLI on a small polyglot project (Java + Python + TypeScript + notebook + config +
 * IaC) with planted secrets and tempting negatives, and checks every finding's provider, file and
 * line against the {@code EXPECT:} markers written inside the fixture files.
 */
class ScanCommandIT {
  private static final Pattern EXPECT =
      Pattern.compile("EXPECT: ([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static Path project;
  static Path out;
  static CliRunner.Run run;
  static JsonNode inventory;
  static List<String> secrets = new ArrayList<>();

  @BeforeAll
  static void scanTheFixtureProject() throws Exception {
    project = work.resolve("support-desk");
    copyTree(fixture("support-desk"), project);
    plantTheFilesGitMustNotHold();
    out = work.resolve("report");

    run = CliRunner.run(work, "scan", "--source", project.toString(), "--out", out.toString());

    inventory = JSON.readTree(out.resolve("inventory.json").toFile());
  }

  /**
   * Secrets and a .gitignored directory are written at test time: the repository never holds them.
   */
  private static void plantTheFilesGitMustNotHold() throws IOException {
    String openaiKey = "sk-proj-" + random(40) + "T3BlbkFJ" + random(40);
    String anthropicKey = "sk-ant-api03-" + random(93) + "AA";
    secrets.add(openaiKey);
    secrets.add(anthropicKey);
    Files.writeString(
        project.resolve(".env"),
        "OPENAI_API_KEY=" + openaiKey + "\nANTHROPIC_API_KEY=" + anthropicKey + "\n");
    Files.writeString(
        project.resolve("ml/app/settings.py"),
        "DEBUG = False\n# a key someone should not have committed\nOPENAI_KEY = \""
            + openaiKey
            + "\"\n");
    Files.createDirectories(project.resolve("generated"));
    Files.writeString(
        project.resolve("generated/client.py"), "import openai  # ignored through .gitignore\n");
  }

  @Test
  void exitsZeroAndPrintsASummary() {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("AI assets:")
        .contains("shadow:")
        .contains("By provider:")
        .contains("anthropic")
        .containsPattern("cohere +1 asset +1 finding +\\(only through other dependencies\\)")
        .contains("Report: " + out.resolve("inventory.json"))
        .containsPattern(
            "Graph: scan \\S+ written to graph store "
                + Pattern.quote(CliRunner.home(work).resolve(".aiscan/graph").toString())
                + " in [0-9.]+ s");
  }

  @Test
  void aiscanLogLevelRaisesItsOwnLogsOnStderr() throws Exception {
    // by default aiscan's own logs stay quiet: warnings go to the report
    assertThat(run.stderr()).doesNotContain("collecting");
    Path tiny = Files.createDirectories(work.resolve("tiny"));
    Files.writeString(tiny.resolve("app.py"), "import openai\n");

    CliRunner.Run verbose =
        CliRunner.run(
            work,
            Map.of("AISCAN_LOG_LEVEL", "INFO"),
            "scan",
            "--source",
            tiny.toString(),
            "--graph",
            "none",
            "--out",
            work.resolve("tiny-report").toString());

    assertThat(verbose.exitCode()).as(verbose.stderr()).isZero();
    assertThat(verbose.stderr()).contains("tiny: collecting " + tiny + " with connector source");
  }

  @Test
  void gitRepositoriesAreClonedScannedAndDeleted() throws Exception {
    Path repo = work.resolve("git-origin/chatbot");
    copyTree(fixture("support-desk"), repo);
    try (org.eclipse.jgit.api.Git git =
        org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("the chatbot")
          .setAuthor("Dev", "dev@example.com")
          .setCommitter("Dev", "dev@example.com")
          .setSign(false)
          .call();
    }
    String unreachable = "https://git.example.invalid/acme/gone.git";
    CliRunner.Run git =
        CliRunner.run(
            work,
            "scan",
            "--git",
            repo.toString(),
            "--git",
            unreachable,
            "--graph",
            "none",
            "--out",
            work.resolve("git-report").toString(),
            "--json");
    assertThat(git.exitCode()).as(git.stderr()).isZero();
    JsonNode summary = new ObjectMapper().readTree(git.stdout());
    assertThat(summary.at("/targets/0/name").asText()).isEqualTo("chatbot");
    assertThat(summary.at("/targets")).hasSize(1);
    assertThat(summary.at("/counts/assets").asInt()).isPositive();
    assertThat(summary.at("/failOn/failed").asBoolean()).isFalse();
    assertThat(git.stderr()).contains("aiscan: warning: git clone of gone failed: ");
    // the code was on disk only while it was read
    assertThat(CliRunner.home(work).resolve(".aiscan/git")).doesNotExist();
  }

  @Test
  void inventoryIsValidAgainstItsPublishedSchema() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream schemaText =
        InventoryJsonWriter.class.getResourceAsStream(InventoryJsonWriter.SCHEMA_RESOURCE)) {
      Schema schema = registry.getSchema(schemaText, InputFormat.JSON);
      List<Error> errors =
          schema.validate(Files.readString(out.resolve("inventory.json")), InputFormat.JSON);
      assertThat(errors).isEmpty();
    }
  }

  @Test
  void everyMarkedLineIsFoundWithItsProviderAndNothingElseIsReported() throws IOException {
    Map<String, Set<String>> expected = markers(project);
    // Files without a comment syntax for markers:
    expected.put(".env:1", Set.of("openai"));
    expected.put(".env:2", Set.of("anthropic"));
    expected.put("ml/app/settings.py:3", Set.of("openai"));
    expected.put("notebooks/triage.ipynb#cell2:1", Set.of("openai"));
    expected.put("notebooks/triage.ipynb#cell3:2", Set.of("openai"));
    expected.put("notebooks/triage.ipynb#cell4:1", Set.of("openai"));
    // A coding assistant configured in the repository, found by the file's presence:
    expected.put("CLAUDE.md", Set.of("claude-code"));
    // Dependencies, located at the manifest line of the direct dependency they come through:
    expected.put("ml/requirements.txt:3", Set.of("pytorch"));
    expected.put("ml/requirements.txt:4", Set.of("transformers"));
    expected.put("ml/requirements.txt:5", Set.of("anthropic"));
    expected.put("web/package.json:6", Set.of("anthropic"));
    expected.put("web/package.json:7", Set.of("cohere"));

    Map<String, Set<String>> found = new TreeMap<>();
    for (JsonNode f : inventory.get("findings")) {
      found
          .computeIfAbsent(place(f.get("location")), k -> new TreeSet<>())
          .add(f.get("provider").asText());
    }

    assertThat(found.keySet())
        .as("lines with findings")
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (place, providers) -> assertThat(found.get(place)).as(place).containsAll(providers));
  }

  @Test
  void aFileThatDoesNotParseIsAWarningNamingItsLineAndItsImportsAreStillFound() {
    assertThat(inventory.get("warnings")).hasSize(1);
    JsonNode warning = inventory.get("warnings").get(0);
    assertThat(warning.get("source").asText())
        .isEqualTo("support-desk/backend/src/main/java/com/acme/support/Escalation.java:8");
    assertThat(warning.get("message").asText())
        .startsWith("Java syntax error")
        .doesNotContain("\n");
    assertThat(inventory.at("/summary/warnings").asInt()).isEqualTo(1);
  }

  @Test
  void aiReachedOnlyThroughAnotherDependencySaysHowItGotThere() {
    JsonNode cohere = null;
    for (JsonNode f : inventory.get("findings")) {
      if (f.get("provider").asText().equals("cohere")) {
        cohere = f;
      }
    }
    assertThat(cohere).isNotNull();
    assertThat(cohere.get("direct").asBoolean()).isFalse();
    assertThat(cohere.get("path").toString())
        .isEqualTo(
            "[\"support-desk-web@1.4.0\",\"acme-support-widgets@2.1.3\",\"cohere-ai@7.14.0\"]");
    assertThat(inventory.get("assets").findParents("provider"))
        .filteredOn(a -> a.get("provider").asText().equals("cohere"))
        .singleElement()
        .satisfies(a -> assertThat(a.get("transitiveOnly").asBoolean()).isTrue());
  }

  @Test
  void ignoredAndVendoredDirectoriesAreNotScanned() {
    assertThat(inventory.get("findings").findValuesAsText("file"))
        .noneMatch(f -> f.startsWith("node_modules/") || f.startsWith("generated/"));
  }

  @Test
  void modelsAreAttachedToTheirProvidersAssets() {
    Map<String, Set<String>> models = new TreeMap<>();
    for (JsonNode a : inventory.get("assets")) {
      a.get("models")
          .forEach(
              m ->
                  models
                      .computeIfAbsent(a.get("provider").asText(), k -> new TreeSet<>())
                      .add(m.asText()));
      assertThat(a.get("status").asText()).isEqualTo("shadow");
    }
    assertThat(models.get("openai")).contains("gpt-4o-mini", "gpt-4o");
    assertThat(models.get("anthropic"))
        .contains(
            "claude-3-5-sonnet-20241022", "claude-sonnet-4-20250514", "claude-3-5-haiku-20241022");
    assertThat(models.get("google-gemini")).contains("gemini-1.5-flash");
  }

  @Test
  void plantedKeysAreReportedByFingerprintAndNeverWrittenAnywhere() throws IOException {
    List<JsonNode> credentials = new ArrayList<>();
    inventory
        .get("findings")
        .forEach(
            f -> {
              if (f.get("category").asText().equals("credential") && f.has("fingerprint")) {
                credentials.add(f);
              }
            });
    assertThat(credentials)
        .extracting(f -> place(f.get("location")))
        .contains(".env:1", ".env:2", "ml/app/settings.py:3");
    assertThat(credentials)
        .allSatisfy(
            f ->
                assertThat(f.get("fingerprint").asText())
                    .matches("\\S{4}…\\S{4} sha256:[0-9a-f]{8}"));

    List<String> outputs = new ArrayList<>(List.of(run.stdout(), run.stderr()));
    // the reports, and every file of the embedded graph store the scan wrote by default
    Path graph = CliRunner.home(work).resolve(".aiscan/graph");
    assertThat(graph).isDirectory();
    for (Path dir : List.of(out, graph)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          outputs.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
      }
    }
    for (String secret : secrets) {
      String middle = secret.substring(8, secret.length() - 8);
      assertThat(outputs).noneMatch(o -> o.contains(secret) || o.contains(middle));
    }
  }

  @Test
  void aMissingSourceIsExitTwoWithOneLineNamingIt() throws Exception {
    Path missing = work.resolve("no-such-dir");

    CliRunner.Run r =
        CliRunner.run(
            work, "scan", "--source", missing.toString(), "--out", work.resolve("r2").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    String output = (r.stdout() + r.stderr()).strip();
    assertThat(output.lines()).hasSize(1);
    assertThat(output).contains(missing.toString()).contains("no such directory");
  }

  @Test
  void failOnShadowIsExitThreeAfterTheReportIsWritten() throws Exception {
    Path out3 = work.resolve("r3");

    CliRunner.Run r =
        CliRunner.run(
            work,
            "scan",
            "--source",
            project.toString(),
            "--out",
            out3.toString(),
            "--fail-on",
            "shadow",
            "--graph",
            "none");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(out3.resolve("inventory.json")).exists();
    assertThat(r.stdout() + r.stderr()).contains("shadow AI asset(s) found (--fail-on shadow)");
  }

  /** {@code file:line} or {@code file#cellN:line}, as in the markers. */
  private static String place(JsonNode location) {
    String file = location.get("file").asText();
    String cell = location.has("cell") ? "#cell" + location.get("cell").asInt() : "";
    return location.has("line") ? file + cell + ":" + location.get("line").asInt() : file;
  }

  private static Map<String, Set<String>> markers(Path root) throws IOException {
    Map<String, Set<String>> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        if (relative.startsWith("node_modules/") || relative.startsWith("generated/")) {
          continue;
        }
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EXPECT.matcher(lines.get(i));
          if (m.find()) {
            Set<String> providers = new TreeSet<>();
            for (String s : m.group(1).split(",")) {
              providers.add(s.trim());
            }
            expected.put(relative + ":" + (i + 1), providers);
          }
        }
      }
    }
    return expected;
  }

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(ScanCommandIT.class.getResource("/fixtures/" + name).toURI());
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          p -> {
            try {
              Path target = to.resolve(from.relativize(p).toString());
              if (Files.isDirectory(p)) {
                Files.createDirectories(target);
              } else {
                Files.copy(p, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private static String random(int n) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom r = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
