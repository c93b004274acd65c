package dev.aiscan.reports;

import static dev.aiscan.reports.ReportFixtures.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Reconciliation;
import dev.aiscan.core.register.Register;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownWriterTest {
  static String render(ScanResult r) {
    return new MarkdownWriter().render(r);
  }

  static Asset shadow(int i, String provider, String name) {
    return new Asset(
        String.format("a-%012d", i),
        provider,
        "ai-integration",
        name,
        SHOP.id(),
        List.of(),
        List.of(Category.SDK),
        Confidence.HIGH,
        false,
        List.of(),
        AssetStatus.SHADOW,
        null,
        "no register entry covers it");
  }

  @Test
  void summarisesShadowFirstThenRegisteredAndProviders() {
    String md = render(ReportFixtures.result());
    List<String> lines = md.lines().toList();

    assertThat(lines.get(0)).isEqualTo("# AI inventory: shop, prod-aws");
    assertThat(lines.get(2))
        .isEqualTo("**6 AI assets**: 4 shadow, first scan of these targets, 1 drift, 1 warning");
    assertThat(md)
        .contains(
            "## Shadow AI (4)\n"
                + "\n"
                + "| Provider | Asset | Target | First evidence |\n"
                + "| --- | --- | --- | --- |\n"
                + "| anthropic | anthropic in shop | shop | shop/package.json:13 |\n"
                + "| cursor | cursor in shop | shop | shop/.cursorrules |\n"
                + "| langchain4j | langchain4j in shop | shop | shop/pom.xml:41 |\n"
                + "| llama-cpp | llama-cpp model files in shop | shop |"
                + " shop/models/mistral-7b-q4.gguf |\n");
    assertThat(md).contains("- Registered: 1\n- Drift: 1 (found, but not as the register says)\n");
    assertThat(md)
        .contains(
            "| Provider | Assets | Shadow |\n"
                + "| --- | ---: | ---: |\n"
                + "| anthropic | 1 | 1 |\n"
                + "| aws-bedrock | 1 | 0 |");
    assertThat(md).doesNotContain("No register given");
    assertThat(md.indexOf("## Shadow AI")).isLessThan(md.indexOf("## Registered"));
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("Scan 20261126T170000Z-abcdef, aiscan 0.1.0, finished 2026-11-26T17:00:42Z.");
    assertThat(lines.size()).isLessThanOrEqualTo(MarkdownWriter.MAX_LINES);
  }

  @Test
  void saysSoWhenNoRegisterWasGiven() {
    ScanResult none =
        Reconciler.reconcile(ReportFixtures.raw(), Register.NONE, ScanHistory.NONE, 3);
    String md = render(none);
    assertThat(md).contains("**6 AI assets**: 6 shadow,");
    assertThat(md).contains("> No register given: every asset counts as shadow.");
  }

  @Test
  void countsNewAssetsAgainstThePreviousScan() {
    ScanResult r = ReportFixtures.result();
    Asset anthropic = ReportFixtures.asset(r, SHOP, "anthropic");
    Reconciliation rec = r.reconciliation();
    ScanResult later =
        r.reconciled(
            r.assets(),
            new Reconciliation(
                rec.registerSource(),
                rec.entries(),
                rec.links(),
                Set.of(anthropic.id()),
                "20261119T170000Z-123456"));
    String md = render(later);
    assertThat(md).contains("4 shadow, 1 new since last scan, 1 drift");
    assertThat(md).contains("| anthropic | anthropic in shop (new) | shop |");
    assertThat(md).contains("| cursor | cursor in shop | shop |");
  }

  @Test
  void longInventoriesAreTruncatedToAboutFiftyLines() {
    List<Asset> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(shadow(i, "provider-" + (char) ('a' + i % 13), "asset " + i));
    }
    ScanResult r = ReportFixtures.result().reconciled(many, Reconciliation.NONE);
    String md = render(r);
    assertThat(md.lines().count()).isLessThanOrEqualTo(MarkdownWriter.MAX_LINES);
    assertThat(md).contains("… and 25 more").contains("… and 5 more");
    assertThat(md).contains("> No register given");
  }

  @Test
  void escapesMarkdownInCells() {
    Asset evil =
        shadow(
            1,
            "open|ai",
            "pipes | and `ticks` <img src=x onerror=alert(1)> [link](http://x) *bold*\r\nnext");
    ScanResult r = ReportFixtures.result().reconciled(List.of(evil), Reconciliation.NONE);
    String md = render(r);
    String row = md.lines().filter(l -> l.startsWith("| open")).findFirst().orElseThrow();
    assertThat(row)
        .isEqualTo(
            "| open\\|ai | pipes \\| and \\`ticks\\` &lt;img src=x onerror=alert(1)&gt;"
                + " \\[link\\](http://x) \\*bold\\* next | shop |  |");
    assertThat(md).doesNotContain("<img");
    assertThat(MarkdownWriter.escape("a\\b_c#d")).isEqualTo("a\\\\b\\_c\\#d");
  }

  @Test
  void theSameResultWritesTheSameBytesAndNoSecret(@TempDir Path dir) throws IOException {
    MarkdownWriter writer = new MarkdownWriter();
    writer.write(ReportFixtures.result(), dir);
    byte[] first = Files.readAllBytes(dir.resolve("summary.md"));
    writer.write(ReportFixtures.result(), dir);
    assertThat(Files.readAllBytes(dir.resolve("summary.md"))).isEqualTo(first);
    assertThat(new String(first, StandardCharsets.UTF_8))
        .isEqualTo(render(ReportFixtures.result()))
        .doesNotContain("CANARY");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("summary.md");
    }
  }

  @Test
  void noWriterLeaksTheCanaryKey(@TempDir Path dir) throws IOException {
    ScanResult r = ReportFixtures.result();
    for (ReportWriter w :
        List.of(new CycloneDxWriter(), new SarifWriter(), new CsvWriter(), new MarkdownWriter())) {
      w.write(r, dir);
    }
    String all = ReportFixtures.allText(dir);
    assertThat(all).isNotEmpty().doesNotContain("CANARY").doesNotContain(ReportFixtures.CANARY_KEY);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "aiscan.cdx.json", "aiscan.sarif", "inventory.csv", "summary.md");
    }
  }
}
