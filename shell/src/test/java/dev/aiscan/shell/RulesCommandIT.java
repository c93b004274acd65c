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
  private static final ObjectMapper JSON = new ObjectMapper();

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
    CliRunner.Run listJson =
        CliRunner.run(work, "rules", "list", "--provider", "anthropic", "--json");
    CliRunner.Run showJson = CliRunner.run(work, "rules", "show", "anthropic-sdk", "--json");
    CliRunner.Run keyJson = CliRunner.run(work, "rules", "show", "openai-api-key", "--json");

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

    assertThat(listJson.exitCode()).as(listJson.stderr()).isZero();
    JsonNode rules = JSON.readTree(listJson.stdout());
    assertThat(rules.isArray()).isTrue();
    assertThat(rules.findValuesAsText("provider")).containsOnly("anthropic");
    assertThat(rules.findValuesAsText("id"))
        .contains("anthropic-sdk", "anthropic-model-claude")
        .doesNotContain("openai-sdk");
    JsonNode sdk = rules.get(rules.findValuesAsText("id").indexOf("anthropic-sdk"));
    assertThat(sdk.get("category").asText()).isEqualTo("sdk");
    assertThat(sdk.get("confidence").asText()).isEqualTo("high");
    assertThat(sdk.get("title").asText()).isEqualTo("Anthropic SDK");
    assertThat(sdk.get("matchers").toString()).contains("import");
    assertThat(sdk.get("source").asText()).startsWith("anthropic.yaml:");
    assertThat(sdk.get("origin").asText()).isEqualTo("built-in");
    assertThat(sdk.get("active").asBoolean()).isTrue();
    assertThat(sdk.get("disabledBy").isNull()).isTrue();

    assertThat(showJson.exitCode()).as(showJson.stderr()).isZero();
    JsonNode rule = JSON.readTree(showJson.stdout());
    assertThat(rule.get("id").asText()).isEqualTo("anthropic-sdk");
    assertThat(rule.get("provider").asText()).isEqualTo("anthropic");
    assertThat(rule.get("description").asText()).startsWith("An official Anthropic client");
    assertThat(rule.get("references").get(0).asText())
        .isEqualTo("https://docs.anthropic.com/en/api/client-sdks");
    assertThat(rule.get("iso42001").toString()).contains("A.4.4", "A.10.3");
    assertThat(rule.at("/examples/positive")).isNotEmpty();
    assertThat(rule.at("/examples/negative")).isNotEmpty();

    // a key rule's key-shaped examples are shown by fingerprint, as keys found in code are
    assertThat(keyJson.exitCode()).as(keyJson.stderr()).isZero();
    JsonNode keyRule = JSON.readTree(keyJson.stdout());
    assertThat(keyRule.at("/examples/positive/0/value").asText())
        .startsWith("[redacted sk-p")
        .contains("sha256:");
    assertThat(keyRule.at("/examples/positive").toString())
        .doesNotContain("EXAMPLEKEYnotREALEXAMPLEKEYnotREAL");
    assertThat(keyRule.at("/examples/negative/0/value").asText()).isEqualTo("sk-learn");
    assertThat(rule.at("/examples/positive").findValuesAsText("type")).contains("import");
    assertThat(rule.at("/examples/positive/0/value").asText()).isNotBlank();
  }

  @Test
  void aBrokenCustomPackIsExitTwoWithOneLineNamingFileAndLine() throws Exception {
    Path dir = Files.createDirectories(work.resolve("rules"));
    Files.writeString(
        dir.resolve("acme.yaml"),
        pack("acme-llm-sdk", "acme_llm", "acme_llm", "acme").replace("- import:", "- imprt:"));

    CliRunner.Run r = CliRunner.run(work, "rules", "validate", dir.toString());
    CliRunner.Run json = CliRunner.run(work, "rules", "validate", dir.toString(), "--json");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().strip())
        .isEqualTo(
            "aiscan: "
                + dir.resolve("acme.yaml")
                + ":13: rule acme-llm-sdk: match[0]: unknown matcher 'imprt'");

    // --json: the verdict on stdout, the same one line on stderr, the same exit code
    assertThat(json.exitCode()).isEqualTo(2);
    assertThat(json.stderr().strip()).isEqualTo(r.stderr().strip());
    JsonNode verdict = JSON.readTree(json.stdout());
    assertThat(verdict.get("valid").asBoolean()).isFalse();
    assertThat(verdict.get("rules").asInt()).isZero();
    assertThat(verdict.get("paths").get(0).asText()).isEqualTo(dir.toString());
    assertThat(verdict.get("problems")).hasSize(1);
    assertThat(verdict.at("/problems/0").asText())
        .isEqualTo(
            dir.resolve("acme.yaml") + ":13: rule acme-llm-sdk: match[0]: unknown matcher 'imprt'");
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
    CliRunner.Run validJson = CliRunner.run(work, "rules", "validate", good.toString(), "--json");
    CliRunner.Run failJson = CliRunner.run(work, "rules", "test", bad.toString(), "--json");

    assertThat(pass.exitCode()).as(pass.stderr()).isZero();
    assertThat(pass.stdout()).contains("pass");
    assertThat(fail.exitCode()).isEqualTo(2);
    assertThat(fail.stderr()).contains("acme-llm-sdk").contains("1 rule example(s) failed");

    assertThat(validJson.exitCode()).as(validJson.stderr()).isZero();
    JsonNode verdict = JSON.readTree(validJson.stdout());
    assertThat(verdict.get("valid").asBoolean()).isTrue();
    assertThat(verdict.get("rules").asInt()).isEqualTo(1);
    assertThat(verdict.get("builtInRules").asInt()).isGreaterThan(100);
    assertThat(verdict.get("packs").toString()).isEqualTo("[\"acme\"]");
    assertThat(verdict.get("overrides")).isEmpty();
    assertThat(verdict.get("problems")).isEmpty();

    assertThat(failJson.exitCode()).isEqualTo(2);
    assertThat(failJson.stderr().strip()).isEqualTo("aiscan: 1 rule example(s) failed");
    JsonNode results = JSON.readTree(failJson.stdout());
    assertThat(results.get("passed").asBoolean()).isFalse();
    assertThat(results.get("rules").asInt()).isEqualTo(1);
    assertThat(results.get("examples").asInt()).isEqualTo(2);
    assertThat(results.get("failures")).hasSize(1);
    JsonNode failure = results.at("/failures/0");
    assertThat(failure.get("rule").asText()).isEqualTo("acme-llm-sdk");
    assertThat(failure.get("source").asText()).startsWith(bad.resolve("acme.yaml") + ":");
    assertThat(failure.at("/example/kind").asText()).isEqualTo("positive");
    assertThat(failure.at("/example/index").asInt()).isEqualTo(1);
    assertThat(failure.at("/example/type").asText()).isEqualTo("import");
    assertThat(failure.get("expected").asText()).isEqualTo("match");
    assertThat(failure.get("actual").asText()).isEqualTo("no match");
    assertThat(failure.get("message").asText()).doesNotContain("acme_other");
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
    CliRunner.Run listJson =
        CliRunner.run(
            work, "rules", "list", "--provider", "pytorch", "--rules", rules.toString(), "--json");
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
    assertThat(listJson.exitCode()).as(listJson.stderr()).isZero();
    JsonNode listed = JSON.readTree(listJson.stdout());
    JsonNode disabled = listed.get(listed.findValuesAsText("id").indexOf("pytorch-framework"));
    assertThat(disabled.get("active").asBoolean()).isFalse();
    assertThat(disabled.get("disabledBy").asText()).isEqualTo(rules.resolve("quiet.yaml") + ":3");
    assertThat(disabled.get("origin").asText()).isEqualTo("built-in");
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
