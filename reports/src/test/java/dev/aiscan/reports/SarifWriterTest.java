package dev.aiscan.reports;

import static dev.aiscan.reports.ReportFixtures.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {
  /**
   * The official OASIS SARIF 2.1.0 schema (errata 01, id
   * https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
   * copied from Schemata/sarif-schema-2.1.0.json of https://github.com/oasis-tcs/sarif-spec. It is
   * JSON Schema draft-04.
   */
  static final String SCHEMA = "/schemas/sarif-schema-2.1.0.json";

  static String render(ScanResult r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifWriter().write(r, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static Schema schema() throws IOException {
    try (InputStream in = SarifWriterTest.class.getResourceAsStream(SCHEMA)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(in, InputFormat.JSON);
    }
  }

  static JsonNode result(JsonNode sarif, String findingId) {
    for (JsonNode r : sarif.at("/runs/0/results")) {
      if (r.at("/partialFingerprints/" + SarifWriter.FINGERPRINT_KEY.replace("/", "~1"))
          .asText()
          .equals(findingId)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + findingId);
  }

  static Finding finding(ScanResult r, String rule) {
    return r.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
  }

  @Test
  void isValidAgainstTheOfficialSarif210Schema() throws IOException {
    Schema schema = schema();
    assertThat(schema.validate(render(ReportFixtures.result()), InputFormat.JSON)).isEmpty();
    assertThat(schema.validate(render(ReportFixtures.shopOnly()), InputFormat.JSON)).isEmpty();

    String broken =
        render(ReportFixtures.result()).replace("\"level\" : \"note\"", "\"level\" : 1");
    assertThat(schema.validate(broken, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void oneRunByAiscanWithARulePerRuleThatFoundSomethingInAFile() throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(render(ReportFixtures.result()));

    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.get("$schema").asText()).isEqualTo(SarifWriter.SCHEMA_URI);
    assertThat(sarif.get("runs")).hasSize(1);
    JsonNode driver = sarif.at("/runs/0/tool/driver");
    assertThat(driver.get("name").asText()).isEqualTo("aiscan");
    assertThat(driver.get("version").asText()).isEqualTo("0.1.0");
    assertThat(driver.get("informationUri").asText()).isEqualTo(SarifWriter.INFORMATION_URI);

    List<String> ruleIds = new ArrayList<>();
    driver.get("rules").forEach(r -> ruleIds.add(r.get("id").asText()));
    assertThat(ruleIds)
        .containsExactly(
            "anthropic-model-claude",
            "anthropic-npm",
            "cursor-rules",
            "langchain4j-maven",
            "model-file-gguf",
            "openai-api-key",
            "openai-endpoint",
            "openai-model-gpt",
            "openai-npm",
            "openai-python-import");

    Map<String, JsonNode> rules = new HashMap<>();
    driver.get("rules").forEach(r -> rules.put(r.get("id").asText(), r));
    JsonNode key = rules.get("openai-api-key");
    assertThat(key.at("/shortDescription/text").asText()).isEqualTo("openai-api-key (openai)");
    assertThat(key.at("/fullDescription/text").asText())
        .startsWith(
            "AI use found: openai credential. Register it in the AI register or remove it.");
    assertThat(key.at("/help/text").asText()).contains("AI register");
    assertThat(key.at("/properties/tags").toString())
        .isEqualTo("[\"ai\",\"openai\",\"credential\"]");
    assertThat(key.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    // anthropic is shadow, openai drifts from its entry
    assertThat(rules.get("anthropic-npm").at("/defaultConfiguration/level").asText())
        .isEqualTo("warning");
    assertThat(rules.get("openai-model-gpt").at("/defaultConfiguration/level").asText())
        .isEqualTo("note");
  }

  @Test
  void resultsCarryRuleLevelMessageLocationAndAStableFingerprint() throws IOException {
    ScanResult r = ReportFixtures.result();
    JsonNode sarif = new ObjectMapper().readTree(render(r));
    JsonNode results = sarif.at("/runs/0/results");
    long located = r.findings().stream().filter(f -> f.location().file() != null).count();
    assertThat(results).hasSize((int) located);
    assertThat(sarif.toString()).doesNotContain("arn:aws:bedrock");

    JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
    for (JsonNode res : results) {
      assertThat(rules.get(res.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo(res.get("ruleId").asText());
    }

    Finding npm = finding(r, "anthropic-npm");
    JsonNode anthropic = result(sarif, npm.id());
    assertThat(anthropic.get("level").asText()).isEqualTo("warning");
    // two targets: the target's name leads the path, and there is no %SRCROOT%
    JsonNode artifact = anthropic.at("/locations/0/physicalLocation/artifactLocation");
    assertThat(artifact.get("uri").asText()).isEqualTo("shop/package.json");
    assertThat(artifact.has("uriBaseId")).isFalse();
    assertThat(anthropic.at("/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(13);
    assertThat(anthropic.at("/message/text").asText())
        .isEqualTo(
            "AI use found: anthropic sdk. Asset 'anthropic in shop' is shadow: no register entry"
                + " covers it. Evidence: @anthropic-ai/sdk@0.24.0");

    Finding mini =
        r.findings().stream()
            .filter(f -> "gpt-4o-mini".equals(f.model()))
            .findFirst()
            .orElseThrow();
    JsonNode drift = result(sarif, mini.id());
    assertThat(drift.get("level").asText()).isEqualTo("note");
    assertThat(drift.at("/message/text").asText())
        .startsWith(
            "AI use found: openai model, model gpt-4o-mini. Asset 'openai in shop' is drift:")
        .contains("does not list model gpt-4o-mini");
    assertThat(drift.at("/properties/status").asText()).isEqualTo("drift");

    Finding key = finding(r, "openai-api-key");
    JsonNode credential = result(sarif, key.id());
    assertThat(credential.get("level").asText()).isEqualTo("error");
    assertThat(credential.at("/message/text").asText()).contains(key.fingerprint());

    JsonNode cell = result(sarif, finding(r, "openai-python-import").id());
    assertThat(cell.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("shop/notebooks/triage.ipynb");
    assertThat(cell.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
    assertThat(cell.at("/properties/cell").asInt()).isEqualTo(3);

    JsonNode gguf = result(sarif, finding(r, "model-file-gguf").id());
    assertThat(gguf.at("/locations/0/physicalLocation").has("region")).isFalse();

    assertThat(sarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
    assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .isEqualTo("shop/src/legacy.py:14: Python syntax error: does not parse");
  }

  @Test
  void oneTargetGivesPathsRelativeToSrcRootPercentEncoded() throws IOException {
    ScanResult shop = ReportFixtures.shopOnly();
    Finding odd =
        ReportFixtures.finding(
            SHOP,
            "openai-python-import",
            "openai",
            Category.SDK,
            Location.file("docs/über notes #1.py", 7),
            "import openai",
            null,
            null,
            null);
    List<Finding> findings = new ArrayList<>(shop.findings());
    findings.add(odd);
    Asset openai = ReportFixtures.asset(shop, SHOP, "openai");
    ScanResult withOdd =
        new ScanResult(
                shop.scan(),
                findings,
                shop.assets(),
                shop.warnings(),
                shop.droppedWarnings(),
                shop.dependencies(),
                shop.incompleteTargets())
            .reconciled(shop.assets(), shop.reconciliation());
    String text = render(withOdd);
    assertThat(schema().validate(text, InputFormat.JSON)).isEmpty();

    JsonNode sarif = new ObjectMapper().readTree(text);
    JsonNode npm = result(sarif, finding(shop, "openai-npm").id());
    JsonNode artifact = npm.at("/locations/0/physicalLocation/artifactLocation");
    assertThat(artifact.get("uri").asText()).isEqualTo("package.json");
    assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(npm.at("/properties/assetId").asText()).isEqualTo(openai.id());

    JsonNode encoded = result(sarif, odd.id());
    assertThat(encoded.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("docs/%C3%BCber%20notes%20%231.py");
    // a finding no asset groups is treated as nobody's: a warning
    assertThat(encoded.get("level").asText()).isEqualTo("warning");
  }

  @Test
  void theSameResultRendersTheSameBytesAndNoSecret(@TempDir Path dir) throws IOException {
    SarifWriter writer = new SarifWriter();
    writer.write(ReportFixtures.result(), dir);
    byte[] first = Files.readAllBytes(dir.resolve("aiscan.sarif"));
    writer.write(ReportFixtures.result(), dir);
    assertThat(Files.readAllBytes(dir.resolve("aiscan.sarif"))).isEqualTo(first);
    assertThat(new String(first, StandardCharsets.UTF_8))
        .isEqualTo(render(ReportFixtures.result()))
        .doesNotContain("CANARY")
        .doesNotContain("\r");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("aiscan.sarif");
    }
  }
}
