package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aiscan rules …} and {@code scan --rules}, run through the packaged CLI. */
class RulesCommandIT {
  @TempDir Path work;

  static String pack(String id, String module, String positive, String negative) {
    return """
        schemaVersion: 1
        pack: acme
        rules:
          - id: %s
            provider: acme-llm
            category: sdk
            confidence: high
            title: Acme in-house LLM gateway client
            description: The company's own LLM gateway client library.
            references: [https://wiki.acme.example/llm-gateway]
            iso42001: [A.4.4, A.10.3]
            match:
              - import: {module: %s, language: python}
            examples:
              positive: [{type: import, value: %s, language: python}]
              negative: [{type: import, value: %s, language: python}]
        """
        .formatted(id, module, positive, negative);
  }

  @Test
  void listAndShowDescribeTheBuiltInCatalogue() throws Exception {
    CliRunner.Run list = CliRunner.run(work, "rules", "list", "--provider", "anthropic");
    CliRunner.Run show = CliRunner.run(work, "rules", "show", "anthropic-sdk");

    assertThat(list.exitCode()).isZero();
    assertThat(list.stdout())
        .contains("anthropic-sdk")
        .contains("anthropic-model-claude")
        .doesNotContain("openai-sdk");
    assertThat(show.exitCode()).isZero();
    assertThat(show.stdout())
        .contains("provider:    anthropic")
        .contains("https://")
        .contains("defined in:  anthropic.yaml:");
  }

  @Test
  void aBrokenCustomPackIsExitTwoWithOneLineNamingFileAndLine() throws Exception {
    Path dir = Files.createDirectories(work.resolve("rules"));
    Files.writeString(
        dir.resolve("acme.yaml"),
        pack("acme-llm-sdk", "acme_llm", "acme_llm", "acme").replace("- import:", "- imprt:"));

    CliRunner.Run r = CliRunner.run(work, "rules", "validate", dir.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().strip())
        .isEqualTo(
            "aiscan: "
                + dir.resolve("acme.yaml")
                + ":13: rule acme-llm-sdk: match[0]: unknown matcher 'imprt'");
  }

  @Test
  void rulesTestRunsTheExamplesOfCustomPacks() throws Exception {
    Path good = Files.createDirectories(work.resolve("good"));
    Files.writeString(
        good.resolve("acme.yaml"), pack("acme-llm-sdk", "acme_llm", "acme_llm.chat", "acme"));
    Path bad = Files.createDirectories(work.resolve("bad"));
    Files.writeString(
        bad.resolve("acme.yaml"), pack("acme-llm-sdk", "acme_llm", "acme_other", "acme"));

    CliRunner.Run pass = CliRunner.run(work, "rules", "test", good.toString());
    CliRunner.Run fail = CliRunner.run(work, "rules", "test", bad.toString());

    assertThat(pass.exitCode()).as(pass.stderr()).isZero();
    assertThat(pass.stdout()).contains("pass");
    assertThat(fail.exitCode()).isEqualTo(2);
    assertThat(fail.stderr()).contains("acme-llm-sdk").contains("1 rule example(s) failed");
  }

  @Test
  void aCustomPackCanSwitchABuiltInRuleOff() throws Exception {
    Path rules = Files.createDirectories(work.resolve("policy"));
    Files.writeString(
        rules.resolve("quiet.yaml"),
        "schemaVersion: 1\npack: quiet\ndisable: [pytorch-framework]\n");
    Path src = Files.createDirectories(work.resolve("ml"));
    Files.writeString(src.resolve("train.py"), "import torch\nimport anthropic\n");
    Path out = work.resolve("out-quiet");

    CliRunner.Run list =
        CliRunner.run(work, "rules", "list", "--provider", "pytorch", "--rules", rules.toString());
    CliRunner.Run scan =
        CliRunner.run(
            work,
            "scan",
            "--source",
            src.toString(),
            "--rules",
            rules.toString(),
            "--out",
            out.toString(),
            "--graph",
            "none");

    assertThat(list.stdout())
        .contains("pytorch-framework disabled by " + rules.resolve("quiet.yaml") + ":3");
    assertThat(scan.exitCode()).as(scan.stderr()).isZero();
    JsonNode findings =
        new ObjectMapper().readTree(out.resolve("inventory.json").toFile()).get("findings");
    assertThat(findings.findValuesAsText("provider"))
        .contains("anthropic")
        .doesNotContain("pytorch");
  }

  @Test
  void aScanWithACustomPackFindsTheCompanysOwnAiClient() throws Exception {
    Path rules = Files.createDirectories(work.resolve("rules"));
    Files.writeString(
        rules.resolve("acme.yaml"), pack("acme-llm-sdk", "acme_llm", "acme_llm", "acme"));
    Path src = Files.createDirectories(work.resolve("svc"));
    Files.writeString(src.resolve("app.py"), "import os\nfrom acme_llm import Client\n");
    Path out = work.resolve("out");

    CliRunner.Run r =
        CliRunner.run(
            work,
            "scan",
            "--source",
            src.toString(),
            "--rules",
            rules.toString(),
            "--out",
            out.toString(),
            "--graph",
            "none");

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode finding =
        new ObjectMapper().readTree(out.resolve("inventory.json").toFile()).at("/findings/0");
    assertThat(finding.get("ruleId").asText()).isEqualTo("acme-llm-sdk");
    assertThat(finding.get("provider").asText()).isEqualTo("acme-llm");
    assertThat(finding.at("/location/line").asInt()).isEqualTo(2);
  }
}
