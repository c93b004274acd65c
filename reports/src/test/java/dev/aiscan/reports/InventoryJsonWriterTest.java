package dev.aiscan.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.Secrets;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryJsonWriterTest {
  static final Target SHOP = new Target("source:/src/shop", "source", "shop", "/src/shop");

  static Finding finding(
      String rule,
      String provider,
      Category c,
      Location l,
      String evidence,
      String model,
      String fp) {
    return new Finding(
        Finding.idOf(rule, SHOP.id(), l, model, fp),
        rule,
        provider,
        c,
        Confidence.HIGH,
        SHOP.id(),
        l,
        evidence,
        model,
        fp,
        null);
  }

  static ScanResult result() {
    Finding model =
        finding(
            "openai-model-gpt",
            "openai",
            Category.MODEL,
            Location.file("src/App.java", 16),
            "modelName(\"gpt-4o\")",
            "gpt-4o",
            null);
    Finding cell =
        finding(
            "openai-sdk",
            "openai",
            Category.SDK,
            Location.cell("nb/triage.ipynb", 3, 2),
            "import openai",
            null,
            null);
    Finding key =
        finding(
            "openai-api-key",
            "openai",
            Category.CREDENTIAL,
            Location.file(".env", 1),
            Secrets.fingerprint("sk-proj-abcdefghijklmnopqrstuvwxyz"),
            null,
            Secrets.fingerprint("sk-proj-abcdefghijklmnopqrstuvwxyz"));
    Finding gguf =
        finding(
            "model-file-gguf",
            "llama-cpp",
            Category.MODEL_FILE,
            Location.file("models/q4.gguf", null),
            "gguf model file",
            null,
            null);
    Finding cloud =
        finding(
            "aws-bedrock-agent",
            "aws-bedrock",
            Category.CLOUD_SERVICE,
            Location.resource("arn:aws:bedrock:eu-west-1:123456789012:agent/ABC"),
            "AWS::Bedrock::Agent",
            null,
            null);
    Asset openai =
        new Asset(
            "a-0123456789ab",
            "openai",
            "ai-integration",
            "openai in shop",
            SHOP.id(),
            List.of("gpt-4o"),
            List.of(Category.SDK, Category.MODEL, Category.CREDENTIAL),
            Confidence.HIGH,
            false,
            List.of(cell.id(), key.id(), model.id()),
            AssetStatus.SHADOW,
            null,
            "no register given");
    Scan scan =
        new Scan(
            "20261126T170000Z-abcdef",
            Instant.parse("2026-11-26T17:00:00Z"),
            Instant.parse("2026-11-26T17:00:02Z"),
            List.of(SHOP),
            "0.1.0");
    return new ScanResult(
        scan,
        List.of(key, model, gguf, cell, cloud),
        List.of(openai),
        List.of(new Warning("shop/src/Broken.java:7", "Java syntax error: does not parse")),
        3);
  }

  static String render(ScanResult r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InventoryJsonWriter().write(r, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyLocationShapeIsValidAgainstThePublishedSchema() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream schemaText =
        InventoryJsonWriter.class.getResourceAsStream(InventoryJsonWriter.SCHEMA_RESOURCE)) {
      Schema schema = registry.getSchema(schemaText, InputFormat.JSON);
      List<Error> errors = schema.validate(render(result()), InputFormat.JSON);
      assertThat(errors).isEmpty();
      List<Error> broken =
          schema.validate(
              render(result()).replace("\"line\" : 16", "\"line\" : 0"), InputFormat.JSON);
      assertThat(broken).isNotEmpty();
    }
  }

  @Test
  void writesTheContractFields() throws IOException {
    JsonNode json = new ObjectMapper().readTree(render(result()));

    assertThat(json.get("schemaVersion").asText()).isEqualTo("1.2");
    assertThat(json.get("resources").isArray()).isTrue();
    assertThat(json.get("resources")).isEmpty();
    assertThat(json.at("/scan/targets/0/id").asText()).isEqualTo("source:/src/shop");
    assertThat(json.at("/summary/assets").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/shadow").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/warnings").asInt()).isEqualTo(4);
    assertThat(json.at("/summary/assetsByProvider/openai").asInt()).isEqualTo(1);
    assertThat(json.at("/findings/0/location/file").asText()).isEqualTo(".env");
    assertThat(json.at("/findings/0/fingerprint").asText()).matches("sk-p…wxyz sha256:[0-9a-f]{8}");
    assertThat(json.at("/findings/2/location").has("line")).isFalse();
    assertThat(json.at("/findings/3/location/cell").asInt()).isEqualTo(3);
    assertThat(json.at("/findings/4/location/resource").asText()).startsWith("arn:aws:bedrock:");
    assertThat(json.at("/assets/0/categories").toString())
        .isEqualTo("[\"sdk\",\"model\",\"credential\"]");
    assertThat(json.at("/warningsNotListed").asInt()).isEqualTo(3);
    assertThat(json.at("/register/given").asBoolean()).isFalse();
    assertThat(json.at("/assets/0/statusReason").asText()).isEqualTo("no register given");
  }

  @Test
  void aReconciledResultCarriesItsRegisterStatusesReasonsAndLinks() throws IOException {
    RegisterEntry entry =
        new RegisterEntry(
            "shop-assistant",
            "Shop assistant",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "OpenAI",
            List.of("gpt-4o"),
            List.of(),
            null,
            new Selectors(
                List.of("shop"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("openai"),
                null),
            new RegisterEntry.Origin("register.yaml", 4));
    ScanResult reconciled =
        Reconciler.reconcile(
            result(), new Register("register.yaml", List.of(entry)), ScanHistory.NONE, 3);

    String text = render(reconciled);
    JsonNode json = new ObjectMapper().readTree(text);

    assertThat(json.at("/register/file").asText()).isEqualTo("register.yaml");
    assertThat(json.at("/register/entries/0/state").asText()).isEqualTo("matched");
    assertThat(json.at("/register/entries/0/origin").asText()).isEqualTo("register.yaml:4");
    assertThat(json.at("/assets/0/status").asText()).isEqualTo("registered");
    assertThat(json.at("/assets/0/statusReason").asText())
        .isEqualTo("entry shop-assistant (register.yaml:4) covers it by repository shop");
    assertThat(json.at("/assets/0/new").asBoolean()).isTrue();
    assertThat(json.at("/summary/registered").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/newShadow").asInt()).isZero();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream schemaText =
        InventoryJsonWriter.class.getResourceAsStream(InventoryJsonWriter.SCHEMA_RESOURCE)) {
      assertThat(registry.getSchema(schemaText, InputFormat.JSON).validate(text, InputFormat.JSON))
          .isEmpty();
    }
  }

  @Test
  void theResourcesFindingsAreLocatedAtAreListedWithTypeRegionAndTags() throws IOException {
    String text = render(ReportFixtures.result());
    JsonNode json = new ObjectMapper().readTree(text);

    assertThat(json.get("resources")).hasSize(2);
    JsonNode agent = json.at("/resources/0");
    assertThat(agent.toString())
        .isEqualTo(
            "{\"target\":\"aws:123456789012\","
                + "\"id\":\"arn:aws:bedrock:eu-west-1:123456789012:agent/SUPPORT1\","
                + "\"type\":\"AWS::Bedrock::Agent\",\"name\":\"support-triage\","
                + "\"region\":\"eu-west-1\","
                + "\"tags\":{\"owner\":\"support-platform@example.com\",\"team\":\"support\"}}");
    JsonNode model = json.at("/resources/1");
    assertThat(model.has("name")).isFalse();
    assertThat(model.get("tags").isEmpty()).isTrue();
    // every resource is where a finding of its target is located
    for (JsonNode r : json.get("resources")) {
      assertThat(json.get("findings"))
          .anySatisfy(
              f -> {
                assertThat(f.get("target").asText()).isEqualTo(r.get("target").asText());
                assertThat(f.at("/location/resource").asText()).isEqualTo(r.get("id").asText());
              });
    }
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream schemaText =
        InventoryJsonWriter.class.getResourceAsStream(InventoryJsonWriter.SCHEMA_RESOURCE)) {
      Schema schema = registry.getSchema(schemaText, InputFormat.JSON);
      assertThat(schema.validate(text, InputFormat.JSON)).isEmpty();
      assertThat(
              schema.validate(
                  text.replace("\"team\" : \"support\"", "\"team\" : 7"), InputFormat.JSON))
          .isNotEmpty();
      assertThat(
              schema.validate(
                  text.replace("\"type\" : \"AWS::Bedrock::Agent\",", ""), InputFormat.JSON))
          .isNotEmpty();
    }
  }

  @Test
  void theSameResultRendersToTheSameBytesAndTheFileIsReplacedWhole(@TempDir Path dir)
      throws IOException {
    InventoryJsonWriter writer = new InventoryJsonWriter();
    Files.writeString(dir.resolve("inventory.json"), "stale");

    writer.write(result(), dir);
    byte[] first = Files.readAllBytes(dir.resolve("inventory.json"));
    writer.write(result(), dir);

    assertThat(Files.readAllBytes(dir.resolve("inventory.json"))).isEqualTo(first);
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(render(result()));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("inventory.json");
    }
  }
}
