package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register through the packaged CLI, as a compliance lead uses it: seed it from a scan,
 * validate it, scan against it; and the exit codes scheduled scans rely on. Without a graph, so
 * history is kept in the output directory.
 */
class RegisterCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static Path project;

  @BeforeAll
  static void copyTheFixture() throws Exception {
    project = work.resolve("support-desk");
    ScanCommandIT.copyTree(ScanCommandIT.fixture("support-desk"), project);
  }

  private static CliRunner.Run scan(Path out, String... more) throws Exception {
    String[] base = {
      "scan",
      "--source",
      project.toString(),
      "--out",
      out.toString(),
      "--graph",
      "none",
      "--offline"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRunner.run(work, args);
  }

  @Test
  void aSeededRegisterValidatesAndLeavesNoShadowAi() throws Exception {
    Path register = work.resolve("seeded/register.yaml");
    CliRunner.Run seed =
        CliRunner.run(
            work,
            "register",
            "seed",
            "--source",
            project.toString(),
            "--out",
            register.toString(),
            "--offline");
    assertThat(seed.exitCode()).as(seed.stderr()).isZero();
    assertThat(seed.stdout()).contains("seeded 1 draft entry for shadow AI into " + register);
    assertThat(Files.readString(register))
        .startsWith("# AI register seeded by aiscan")
        .contains("id: support-desk-ai", "repositories: [support-desk]", "purpose: TODO");

    CliRunner.Run valid = CliRunner.run(work, "register", "validate", register.toString());
    assertThat(valid.exitCode()).as(valid.stdout() + valid.stderr()).isZero();
    assertThat(valid.stdout()).contains("valid: 1 entry in " + register);
    CliRunner.Run validJson =
        CliRunner.run(work, "register", "validate", register.toString(), "--json");
    assertThat(validJson.exitCode()).as(validJson.stderr()).isZero();
    JsonNode verdict = JSON.readTree(validJson.stdout());
    assertThat(verdict.get("valid").asBoolean()).isTrue();
    assertThat(verdict.get("file").asText()).isEqualTo(register.toString());
    assertThat(verdict.get("entries").asInt()).isEqualTo(1);
    assertThat(verdict.get("todo").asInt()).isPositive();
    assertThat(verdict.get("problems")).isEmpty();

    Path out = work.resolve("with-register");
    CliRunner.Run r = scan(out, "--register", register.toString(), "--fail-on", "shadow");
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    assertThat(r.stdout()).contains("Register " + register + ": 11 registered, 0 drift, 0 shadow");
    JsonNode inventory = JSON.readTree(out.resolve("inventory.json").toFile());
    assertThat(inventory.at("/register/entries/0/state").asText()).isEqualTo("matched");
    assertThat(inventory.at("/assets/0/statusReason").asText())
        .startsWith("entry support-desk-ai (" + register + ":");

    // seeding again with that register adds nothing
    CliRunner.Run again =
        CliRunner.run(
            work,
            "register",
            "seed",
            "--source",
            project.toString(),
            "--register",
            register.toString(),
            "--offline");
    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(again.stdout()).containsOnlyOnce("- id: support-desk-ai");
  }

  @Test
  void seedJsonSummarisesTheDraftsWritten() throws Exception {
    Path register = work.resolve("seeded-json/register.yaml");
    CliRunner.Run seed =
        CliRunner.run(
            work,
            "register",
            "seed",
            "--source",
            project.toString(),
            "--out",
            register.toString(),
            "--offline",
            "--json");

    assertThat(seed.exitCode()).as(seed.stderr()).isZero();
    JsonNode summary = JSON.readTree(seed.stdout());
    assertThat(summary.get("file").asText()).isEqualTo(register.toString());
    assertThat(summary.get("scanId").asText()).isNotBlank();
    assertThat(summary.get("register").isNull()).isTrue();
    assertThat(summary.get("keptEntries").asInt()).isZero();
    assertThat(summary.get("draftedEntries").asInt()).isEqualTo(1);
    assertThat(summary.get("yaml").isNull()).as("the YAML went to the file").isTrue();
    JsonNode draft = summary.at("/drafts/0");
    assertThat(draft.get("id").asText()).isEqualTo("support-desk-ai");
    assertThat(draft.get("repositories").toString()).isEqualTo("[\"support-desk\"]");
    assertThat(draft.get("providers").toString()).contains("\"anthropic\"", "\"openai\"");
    assertThat(draft.get("models").toString()).contains("gpt-4o");
    assertThat(draft.get("assets")).hasSize(11);
    assertThat(draft.at("/suggestedRisk/level").asText()).isNotBlank();
    assertThat(Files.readString(register)).contains("id: support-desk-ai");
  }

  @Test
  void aRegisterThatListsOnlyOpenAiMakesTheRestDriftAndFailOnDriftSaysSo() throws Exception {
    Path register = work.resolve("openai-only.yaml");
    Files.writeString(
        register,
        """
        version: 1
        entries:
          - id: support-desk-openai
            name: Support desk reply drafts
            owner: support-platform@example.com
            lifecycle: operation
            riskLevel: limited
            selectors:
              repositories: [support-desk]
              providers: [openai]
        """);
    CliRunner.Run r =
        scan(work.resolve("drift"), "--register", register.toString(), "--fail-on", "drift");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stderr()).contains("asset(s) drifted from the register (--fail-on drift)");
    assertThat(r.stdout()).contains("Register " + register + ": 1 registered, 10 drift, 0 shadow");
  }

  @Test
  void aBrokenRegisterIsExitTwoNamingFileAndLine() throws Exception {
    Path register = work.resolve("broken.yaml");
    Files.writeString(
        register,
        """
        version: 1
        entries:
          - id: support-desk-openai
            name: Support desk
            lifecycle: live
            selectors:
              repositories: [support-desk]
        """);
    CliRunner.Run validate = CliRunner.run(work, "register", "validate", register.toString());
    assertThat(validate.exitCode()).isEqualTo(2);
    assertThat(validate.stdout()).startsWith(register + ":5: ");
    CliRunner.Run json = CliRunner.run(work, "register", "validate", register.toString(), "--json");
    assertThat(json.exitCode()).isEqualTo(2);
    JsonNode verdict = JSON.readTree(json.stdout());
    assertThat(verdict.get("valid").asBoolean()).isFalse();
    assertThat(verdict.get("file").asText()).isEqualTo(register.toString());
    assertThat(verdict.get("entries").asInt()).isZero();
    assertThat(verdict.at("/problems/0").asText()).startsWith(register + ":5: ");
    assertThat(verdict.get("problems").size())
        .isEqualTo(validate.stdout().strip().split("\n").length);
    int problems = verdict.get("problems").size();
    assertThat(json.stderr().strip())
        .isEqualTo(
            "aiscan: " + register + ": " + problems + " problem" + (problems == 1 ? "" : "s"));
    CliRunner.Run r = scan(work.resolve("broken-out"), "--register", register.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().strip()).startsWith("aiscan: " + register + ":5: ").doesNotContain("\n");
    assertThat(work.resolve("broken-out/inventory.json")).doesNotExist();
  }

  @Test
  void withoutAGraphHistoryIsKeptInTheOutputDirectoryForNewShadowAndDiff() throws Exception {
    Path out = work.resolve("history-run");
    CliRunner.Run first = scan(out, "--fail-on", "new-shadow");
    assertThat(first.exitCode()).isEqualTo(3);
    assertThat(first.stderr()).contains("new shadow AI asset(s) since no earlier scan");
    CliRunner.Run second = scan(out, "--fail-on", "new-shadow");
    assertThat(second.exitCode()).as(second.stdout() + second.stderr()).isZero();
    assertThat(second.stdout()).containsPattern("New since scan \\S+: 0 assets \\(shadow: 0\\)");
    try (var files = Files.list(out.resolve("history"))) {
      assertThat(files.count()).isEqualTo(2);
    }

    Files.delete(project.resolve("web/src/legacy.js"));
    try {
      CliRunner.Run third = scan(out);
      assertThat(third.exitCode()).isZero();
      CliRunner.Run diff =
          CliRunner.run(work, "diff", "--graph", "none", "--out", out.toString(), "--json");
      assertThat(diff.exitCode()).as(diff.stderr()).isZero();
      JsonNode json = JSON.readTree(diff.stdout());
      assertThat(json.at("/removed/0/provider").asText()).isEqualTo("google-gemini");
      assertThat(json.get("added")).isEmpty();
    } finally {
      Files.copy(
          ScanCommandIT.fixture("support-desk").resolve("web/src/legacy.js"),
          project.resolve("web/src/legacy.js"));
    }
  }
}
