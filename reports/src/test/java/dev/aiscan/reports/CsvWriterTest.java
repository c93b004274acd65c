package dev.aiscan.reports;

import static dev.aiscan.reports.ReportFixtures.AWS;
import static dev.aiscan.reports.ReportFixtures.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
  static byte[] render(CsvWriter writer, ScanResult r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(r, out);
    return out.toByteArray();
  }

  /** Parses the CSV back with Jackson's CSV parser: the header row, then one map per row. */
  static List<Map<String, String>> parse(String text) throws IOException {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> rows =
        mapper
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(text)) {
      return rows.readAll();
    }
  }

  static List<String> header(String text) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(text)) {
      return Arrays.asList(rows.next());
    }
  }

  static Map<String, String> row(List<Map<String, String>> rows, Asset a) {
    return rows.stream().filter(r -> r.get("asset_id").equals(a.id())).findFirst().orElseThrow();
  }

  @Test
  void oneRegisterReadyRowPerAsset() throws IOException {
    ScanResult r = ReportFixtures.result();
    String text = new String(render(new CsvWriter(), r), StandardCharsets.UTF_8);

    assertThat(header(text)).isEqualTo(CsvWriter.COLUMNS);
    List<Map<String, String>> rows = parse(text);
    assertThat(rows).hasSize(r.assets().size());
    assertThat(rows.stream().map(m -> m.get("asset_id")).toList())
        .isEqualTo(r.assets().stream().map(Asset::id).toList());

    Map<String, String> openai = row(rows, ReportFixtures.asset(r, SHOP, "openai"));
    assertThat(openai.get("name")).isEqualTo("openai in shop");
    assertThat(openai.get("provider")).isEqualTo("openai");
    assertThat(openai.get("kind")).isEqualTo("ai-integration");
    assertThat(openai.get("target")).isEqualTo("shop");
    assertThat(openai.get("target_location")).isEqualTo("/src/shop");
    assertThat(openai.get("status")).isEqualTo("drift");
    assertThat(openai.get("status_reason"))
        .isEqualTo(
            "entry support-reply (ai-register.yaml:3) covers its place but does not list model"
                + " gpt-4o-mini");
    assertThat(openai.get("register_id")).isEqualTo("support-reply");
    assertThat(openai.get("models")).isEqualTo("gpt-4o;gpt-4o-mini");
    assertThat(openai.get("categories")).isEqualTo("sdk;endpoint;model;credential");
    assertThat(openai.get("confidence")).isEqualTo("high");
    assertThat(openai.get("new")).isEqualTo("true");
    assertThat(openai.get("transitive_only")).isEqualTo("false");
    assertThat(openai.get("findings")).isEqualTo("6");
    assertThat(openai.get("first_evidence")).isEqualTo(".env:2");
    assertThat(openai.get("owner")).isEqualTo("Dana Ops");
    assertThat(openai.get("purpose")).isEmpty();
    assertThat(openai.get("risk_level")).isEmpty();

    Map<String, String> bedrock = row(rows, ReportFixtures.asset(r, AWS, "aws-bedrock"));
    assertThat(bedrock.get("target")).isEqualTo("prod-aws");
    assertThat(bedrock.get("kind")).isEqualTo("cloud-resource");
    assertThat(bedrock.get("status")).isEqualTo("registered");
    assertThat(bedrock.get("owner")).isEqualTo("Platform team");
    assertThat(bedrock.get("models")).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
    assertThat(bedrock.get("first_evidence"))
        .isEqualTo("arn:aws:bedrock:eu-west-1:123456789012:agent/SUPPORT1");

    Map<String, String> notebookFree = row(rows, ReportFixtures.asset(r, SHOP, "llama-cpp"));
    assertThat(notebookFree.get("status")).isEqualTo("shadow");
    assertThat(notebookFree.get("status_reason")).isEqualTo("no register entry covers it");
    assertThat(notebookFree.get("register_id")).isEmpty();
    assertThat(notebookFree.get("owner")).isEmpty();
    assertThat(notebookFree.get("first_evidence")).isEqualTo("models/mistral-7b-q4.gguf");
  }

  @Test
  void rfc4180WithCrlfAndNoBomUnlessAsked() throws IOException {
    ScanResult r = ReportFixtures.result();
    byte[] plain = render(new CsvWriter(), r);
    String text = new String(plain, StandardCharsets.UTF_8);
    assertThat(text).startsWith("asset_id,name,provider,kind,");
    assertThat(text.split("\r\n", -1)).hasSize(r.assets().size() + 2);
    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    assertThat(text).endsWith("\r\n");
    byte[] withBom = render(new CsvWriter(true), r);
    assertThat(Arrays.copyOf(withBom, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(Arrays.copyOfRange(withBom, 3, withBom.length)).isEqualTo(plain);
    assertThat(plain[0]).isEqualTo((byte) 'a');
  }

  @Test
  void nastyCellsAreQuotedAndDefusedAgainstFormulas() throws IOException {
    ScanResult r = ReportFixtures.result();
    List<Asset> assets = new ArrayList<>(r.assets());
    Asset nasty =
        new Asset(
            "a-0123456789ab",
            "@evil",
            "ai-integration",
            "=HYPERLINK(\"http://evil.example\",\"click\"), then \"more\"\r\nline two",
            SHOP.id(),
            List.of("-2+3", "gpt,4"),
            List.of(Category.SDK),
            Confidence.LOW,
            false,
            List.of(),
            AssetStatus.SHADOW,
            null,
            "\tstarts with a tab");
    Asset plus = nasty.withStatus(AssetStatus.SHADOW, null, "+1 more, \"quoted\"");
    assets.add(nasty);
    assets.add(
        new Asset(
            "a-ba9876543210",
            "ok",
            "ai-integration",
            "\rcarriage",
            SHOP.id(),
            List.of(),
            List.of(),
            Confidence.LOW,
            false,
            List.of(),
            AssetStatus.SHADOW,
            null,
            plus.statusReason()));
    ScanResult nastyResult = r.reconciled(assets, r.reconciliation());
    String text = new String(render(new CsvWriter(), nastyResult), StandardCharsets.UTF_8);

    assertThat(text)
        .contains(
            "a-0123456789ab,"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\"), then \"\"more\"\"\r\n"
                + "line two\","
                + "'@evil,"
                + "ai-integration,");
    assertThat(text).contains(",'\tstarts with a tab,");
    assertThat(text).contains(",\"'-2+3;gpt,4\",");
    assertThat(text).contains(",\"'\rcarriage\",");
    assertThat(text).contains(",\"'+1 more, \"\"quoted\"\"\",");

    List<Map<String, String>> rows = parse(text);
    assertThat(rows).hasSize(assets.size());
    Map<String, String> row = rows.get(rows.size() - 2);
    assertThat(row.keySet()).containsExactlyElementsOf(CsvWriter.COLUMNS);
    assertThat(row.get("provider")).isEqualTo("'@evil");
    assertThat(row.get("name"))
        .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\"), then \"more\"\r\nline two");
    assertThat(row.get("models")).isEqualTo("'-2+3;gpt,4");
    assertThat(row.get("status_reason")).isEqualTo("'\tstarts with a tab");
    assertThat(rows.get(rows.size() - 1).get("status_reason")).isEqualTo("'+1 more, \"quoted\"");
    for (Map<String, String> each : rows) {
      for (String cell : each.values()) {
        assertThat(cell)
            .doesNotStartWith("=")
            .doesNotStartWith("+")
            .doesNotStartWith("-")
            .doesNotStartWith("@");
      }
    }
  }

  @Test
  void theSameResultWritesTheSameBytesAndNoSecret(@TempDir Path dir) throws IOException {
    CsvWriter writer = new CsvWriter();
    writer.write(ReportFixtures.result(), dir);
    byte[] first = Files.readAllBytes(dir.resolve("inventory.csv"));
    writer.write(ReportFixtures.result(), dir);
    assertThat(Files.readAllBytes(dir.resolve("inventory.csv"))).isEqualTo(first);
    assertThat(ReportFixtures.allText(dir)).doesNotContain("CANARY");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("inventory.csv");
    }
  }
}
