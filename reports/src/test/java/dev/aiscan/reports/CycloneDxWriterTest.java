package dev.aiscan.reports;

import static dev.aiscan.reports.ReportFixtures.AWS;
import static dev.aiscan.reports.ReportFixtures.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycloneDxWriterTest {
  static ScanResult result;
  static Path file;
  static JsonNode bom;

  @BeforeAll
  static void render(@TempDir Path dir) throws IOException {
    result = ReportFixtures.result();
    new CycloneDxWriter().write(result, dir);
    file = dir.resolve("aiscan.cdx.json");
    bom = new ObjectMapper().readTree(file.toFile());
  }

  static JsonNode component(String ref) {
    return find(bom.get("components"), ref);
  }

  static JsonNode service(String ref) {
    return find(bom.get("services"), ref);
  }

  static JsonNode find(JsonNode array, String ref) {
    for (JsonNode n : array) {
      if (ref.equals(n.path("bom-ref").asText())) {
        return n;
      }
    }
    throw new AssertionError("no bom-ref " + ref + " in " + array);
  }

  static List<String> values(JsonNode node, String property) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : node.path("properties")) {
      if (p.get("name").asText().equals(property)) {
        out.add(p.get("value").asText());
      }
    }
    return out;
  }

  static List<String> dependsOn(String ref) {
    for (JsonNode d : bom.get("dependencies")) {
      if (d.get("ref").asText().equals(ref)) {
        List<String> out = new ArrayList<>();
        d.path("dependsOn").forEach(n -> out.add(n.asText()));
        return out;
      }
    }
    throw new AssertionError("no dependency entry for " + ref);
  }

  @Test
  void isValidAgainstTheOfficialCycloneDx16Schema() throws Exception {
    JsonParser parser = new JsonParser();
    assertThat(parser.validate(file.toFile(), Version.VERSION_16)).isEmpty();

    String broken =
        Files.readString(file).replace("\"machine-learning-model\"", "\"ml-model-of-sorts\"");
    assertThat(parser.validate(broken, Version.VERSION_16)).isNotEmpty();

    Bom parsed = parser.parse(file.toFile());
    assertThat(parsed.getSpecVersion()).isEqualTo("1.6");
    assertThat(parsed.getComponents()).hasSize(bom.get("components").size());
  }

  @Test
  void metadataNamesTheToolTheScanAndTheTargets() {
    assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.get("serialNumber").asText())
        .isEqualTo(CycloneDxWriter.serialNumber(ReportFixtures.SCAN_ID))
        .matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(CycloneDxWriter.serialNumber("another-scan"))
        .isNotEqualTo(bom.get("serialNumber").asText());
    assertThat(bom.at("/metadata/timestamp").asText()).isEqualTo("2026-11-26T17:00:42Z");
    assertThat(bom.at("/metadata/tools/components/0/name").asText()).isEqualTo("aiscan");
    assertThat(bom.at("/metadata/tools/components/0/version").asText()).isEqualTo("0.1.0");
    assertThat(bom.at("/metadata/component/type").asText()).isEqualTo("application");
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("shop, prod-aws");
    assertThat(bom.at("/metadata/component/bom-ref").asText())
        .isEqualTo(CycloneDxWriter.INVENTORY_REF);
    assertThat(values(bom.get("metadata"), "aiscan:scanId"))
        .containsExactly(ReportFixtures.SCAN_ID);
    assertThat(values(bom.get("metadata"), "aiscan:register")).containsExactly("ai-register.yaml");
  }

  @Test
  void everyPackageOfAnAiProjectIsALibraryWithItsPurl() {
    List<String> purls = new ArrayList<>();
    for (JsonNode c : bom.get("components")) {
      if (c.get("type").asText().equals("library") && c.has("purl")) {
        purls.add(c.get("purl").asText());
      }
    }
    assertThat(purls)
        .containsExactlyInAnyOrder(
            "pkg:npm/openai@4.52.0",
            "pkg:npm/node-fetch@2.7.0",
            "pkg:npm/%40anthropic-ai/sdk@0.24.0",
            "pkg:npm/express@4.19.2",
            "pkg:maven/dev.langchain4j/langchain4j-open-ai@1.0.0",
            "pkg:maven/dev.langchain4j/langchain4j-core@1.0.0",
            "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1");
    // docs-site has no AI: its tree stays out
    assertThat(bom.toString()).doesNotContain("lodash");

    JsonNode openai = component("pkg:npm/openai@4.52.0");
    Asset asset = ReportFixtures.asset(result, SHOP, "openai");
    assertThat(openai.get("name").asText()).isEqualTo("openai");
    assertThat(openai.get("version").asText()).isEqualTo("4.52.0");
    assertThat(values(openai, CycloneDxWriter.PROVIDER)).containsExactly("openai");
    assertThat(values(openai, CycloneDxWriter.ASSET_ID)).containsExactly(asset.id());
    assertThat(values(openai, CycloneDxWriter.STATUS)).containsExactly("drift");
    assertThat(openai.at("/evidence/occurrences/0/location").asText())
        .isEqualTo("shop/package.json");
    assertThat(openai.at("/evidence/occurrences/0").has("line")).isFalse();
    assertThat(openai.at("/evidence/occurrences/1/location").asText())
        .isEqualTo("shop/package.json");
    assertThat(openai.at("/evidence/occurrences/1/line").asInt()).isEqualTo(12);

    JsonNode langchain = component("pkg:maven/dev.langchain4j/langchain4j-open-ai@1.0.0");
    assertThat(values(langchain, CycloneDxWriter.STATUS)).containsExactly("shadow");
    assertThat(values(langchain, "aiscan:category")).containsExactly("framework");

    JsonNode nodeFetch = component("pkg:npm/node-fetch@2.7.0");
    assertThat(values(nodeFetch, CycloneDxWriter.ASSET_ID)).isEmpty();
  }

  @Test
  void theDependencyGraphFollowsTheTrees() {
    String shopWeb = "project:" + SHOP.id() + ":" + ReportFixtures.SHOP_WEB;
    String shopApi = "project:" + SHOP.id() + ":" + ReportFixtures.SHOP_API;
    assertThat(component(shopWeb).get("type").asText()).isEqualTo("application");
    assertThat(dependsOn(shopWeb))
        .containsExactly(
            "pkg:npm/%40anthropic-ai/sdk@0.24.0",
            "pkg:npm/express@4.19.2", "pkg:npm/openai@4.52.0");
    assertThat(dependsOn("pkg:npm/openai@4.52.0")).containsExactly("pkg:npm/node-fetch@2.7.0");
    assertThat(dependsOn("pkg:npm/node-fetch@2.7.0")).isEmpty();
    assertThat(dependsOn(shopApi))
        .containsExactly(
            "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1",
            "pkg:maven/dev.langchain4j/langchain4j-open-ai@1.0.0");
    assertThat(dependsOn("pkg:maven/dev.langchain4j/langchain4j-open-ai@1.0.0"))
        .containsExactly("pkg:maven/dev.langchain4j/langchain4j-core@1.0.0");

    Asset openai = ReportFixtures.asset(result, SHOP, "openai");
    assertThat(dependsOn(CycloneDxWriter.INVENTORY_REF))
        .contains(shopWeb, shopApi, "service:" + openai.id())
        .doesNotContain("model:openai/gpt-4o");
    assertThat(dependsOn("service:" + openai.id()))
        .containsExactly("model:openai/gpt-4o", "model:openai/gpt-4o-mini");

    // every ref is unique, every component and service has an entry, and every edge lands
    Set<String> refs = new HashSet<>();
    refs.add(CycloneDxWriter.INVENTORY_REF);
    List<JsonNode> all = new ArrayList<>();
    bom.get("components").forEach(all::add);
    bom.get("services").forEach(all::add);
    for (JsonNode n : all) {
      assertThat(refs.add(n.get("bom-ref").asText())).as(n.get("bom-ref").asText()).isTrue();
    }
    Set<String> entries = new HashSet<>();
    for (JsonNode d : bom.get("dependencies")) {
      entries.add(d.get("ref").asText());
      for (JsonNode to : d.path("dependsOn")) {
        assertThat(refs).contains(to.asText());
      }
    }
    assertThat(entries).isEqualTo(refs);
  }

  @Test
  void modelsAreMachineLearningModelsWithAModelCard() {
    JsonNode gpt = component("model:openai/gpt-4o");
    assertThat(gpt.get("type").asText()).isEqualTo("machine-learning-model");
    assertThat(gpt.get("name").asText()).isEqualTo("gpt-4o");
    assertThat(gpt.at("/modelCard/modelParameters/task").asText()).isEqualTo("text-generation");
    assertThat(gpt.at("/modelCard/properties/0/name").asText()).isEqualTo("aiscan:provider");
    assertThat(gpt.at("/modelCard/properties/0/value").asText()).isEqualTo("openai");
    assertThat(values(gpt, CycloneDxWriter.STATUS)).containsExactly("drift");
    assertThat(gpt.at("/evidence/occurrences/0/location").asText()).isEqualTo("shop/src/chat.ts");
    assertThat(gpt.at("/evidence/occurrences/0/line").asInt()).isEqualTo(8);

    JsonNode haiku = component("model:aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0");
    assertThat(values(haiku, CycloneDxWriter.STATUS)).containsExactly("registered");
    assertThat(haiku.at("/evidence/occurrences/0/location").asText())
        .startsWith("arn:aws:bedrock:eu-west-1::foundation-model/");

    Asset gguf = ReportFixtures.asset(result, SHOP, "llama-cpp");
    JsonNode file = component("model-file:" + gguf.findingIds().get(0));
    assertThat(file.get("type").asText()).isEqualTo("machine-learning-model");
    assertThat(file.get("name").asText()).isEqualTo("mistral-7b-q4.gguf");
    assertThat(file.at("/evidence/occurrences/0/location").asText())
        .isEqualTo("shop/models/mistral-7b-q4.gguf");
  }

  @Test
  void hostedProvidersEndpointsAndCloudResourcesAreServices() {
    Asset openaiAsset = ReportFixtures.asset(result, SHOP, "openai");
    JsonNode openai = service("service:" + openaiAsset.id());
    assertThat(openai.get("name").asText()).isEqualTo("openai");
    // the URL without its query: only scheme, host and path leave the evidence
    assertThat(openai.get("endpoints").toString()).isEqualTo("[\"https://api.openai.com/v1\"]");
    assertThat(openai.get("authenticated").asBoolean()).isTrue();
    assertThat(values(openai, CycloneDxWriter.ASSET_ID)).containsExactly(openaiAsset.id());
    assertThat(values(openai, CycloneDxWriter.STATUS)).containsExactly("drift");
    assertThat(values(openai, "aiscan:registerId")).containsExactly("support-reply");
    assertThat(values(openai, "aiscan:occurrence"))
        .contains("shop/.env:2", "shop/notebooks/triage.ipynb#cell3:2");

    Asset bedrockAsset = ReportFixtures.asset(result, AWS, "aws-bedrock");
    JsonNode bedrock = service("service:" + bedrockAsset.id());
    assertThat(values(bedrock, CycloneDxWriter.STATUS)).containsExactly("registered");
    assertThat(values(bedrock, "aiscan:occurrence"))
        .contains("arn:aws:bedrock:eu-west-1:123456789012:agent/SUPPORT1");
    assertThat(bedrock.has("endpoints")).isFalse();

    assertThat(service("service:" + ReportFixtures.asset(result, SHOP, "anthropic").id()))
        .isNotNull();
    // a coding assistant is neither package, model nor service: it still shows, as an application
    JsonNode cursor = component("asset:" + ReportFixtures.asset(result, SHOP, "cursor").id());
    assertThat(cursor.get("type").asText()).isEqualTo("application");
    assertThat(values(cursor, CycloneDxWriter.STATUS)).containsExactly("shadow");
  }

  @Test
  void everyAssetAppearsInTheBom() {
    String text = bom.toString();
    for (Asset a : result.assets()) {
      assertThat(text).as(a.name()).contains("\"" + a.id() + "\"");
    }
    long withAssets =
        StreamSupport.stream(bom.get("components").spliterator(), false)
            .filter(c -> !values(c, CycloneDxWriter.ASSET_ID).isEmpty())
            .count();
    assertThat(withAssets).isGreaterThan(5);
  }

  @Test
  void theSameResultRendersTheSameBytesAndNoSecret(@TempDir Path dir) throws IOException {
    CycloneDxWriter writer = new CycloneDxWriter();
    Files.writeString(dir.resolve("aiscan.cdx.json"), "stale");
    writer.write(ReportFixtures.result(), dir);
    byte[] first = Files.readAllBytes(dir.resolve("aiscan.cdx.json"));
    writer.write(ReportFixtures.result(), dir);
    assertThat(Files.readAllBytes(dir.resolve("aiscan.cdx.json"))).isEqualTo(first);

    String text = new String(first, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r").endsWith("}\n");
    assertThat(text).doesNotContain("CANARY").doesNotContain("sha256:");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("aiscan.cdx.json");
    }
  }

  @Test
  void isRegisteredAfterJsonInTheDocumentedOrder() {
    List<String> formats = Reports.formats();
    assertThat(formats.get(0)).isEqualTo("json");
    assertThat(formats.subList(formats.size() - 4, formats.size()))
        .containsExactly("cyclonedx", "sarif", "csv", "md");
    assertThat(Reports.select(List.of("cyclonedx")).get(1)).isInstanceOf(CycloneDxWriter.class);
  }
}
