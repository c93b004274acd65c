package dev.aiscan.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.reports.HtmlWriter;
import dev.aiscan.reports.InventoryJsonWriter;
import dev.aiscan.reports.Reports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlWriterTest {
  private static final Instant T1 = Instant.parse("2026-11-26T17:05:00Z");
  private static final Instant T2 = Instant.parse("2026-12-01T08:30:45Z");
  private static final Pattern SCRIPT =
      Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  static String render(ScanResult r, Instant at) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlWriter(Clock.fixed(at, ZoneOffset.UTC)).write(r, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static JsonNode data(String html) throws IOException {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"aiscan-data\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("data block").isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }

  @Test
  void isRegisteredAsTheHtmlFormatAfterJson() {
    assertThat(Reports.formats()).containsSubsequence("json", "html");
    assertThat(Reports.select(List.of("html")))
        .extracting(w -> w.fileName())
        .containsExactly("inventory.json", "report.html");
  }

  @Test
  void theFixtureHasMixedStatuses() {
    assertThat(HtmlFixtures.statuses(HtmlFixtures.result()))
        .containsEntry("openai in shop-web", AssetStatus.SHADOW)
        .containsEntry("anthropic in shop-web", AssetStatus.SHADOW)
        .containsEntry("openai in claims-service", AssetStatus.REGISTERED)
        .containsEntry("ollama in claims-service", AssetStatus.DRIFT)
        .containsEntry("aws-bedrock in prod-aws", AssetStatus.REGISTERED);
  }

  @Test
  void worksOfflineNothingIsFetched() throws IOException {
    String html = render(HtmlFixtures.result(), T1);

    Matcher attrs =
        Pattern.compile("(?i)\\b(?:src|href|action|poster|data)\\s*=\\s*[\"']?([^\"'\\s>]*)")
            .matcher(html);
    List<String> urls = new ArrayList<>();
    while (attrs.find()) {
      urls.add(attrs.group(1));
    }
    assertThat(urls).noneMatch(u -> u.matches("(?i)\\s*(https?:)?//.*"));
    assertThat(html).doesNotContainPattern("(?i)<link[^>]+rel=[\"']?stylesheet");
    assertThat(html).doesNotContainPattern("(?i)@import|url\\(\\s*[\"']?(https?:)?//");
    Matcher scripts = SCRIPT.matcher(html);
    int count = 0;
    while (scripts.find()) {
      count++;
      assertThat(scripts.group(1)).doesNotContainIgnoringCase("src");
    }
    assertThat(count).as("data, chart.js, cytoscape, report.js").isEqualTo(4);
    assertThat(html)
        .contains("Chart.js v4.5.1")
        .contains("The Cytoscape Consortium")
        .contains("connect-src 'none'");
  }

  @Test
  void theCspAllowsExactlyTheInlineScripts() throws IOException {
    String html = render(HtmlFixtures.result(), T1);
    Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
    assertThat(csp.find()).isTrue();
    Matcher scripts = SCRIPT.matcher(html);
    int executable = 0;
    while (scripts.find()) {
      if (!scripts.group(1).contains("application/json")) {
        executable++;
        assertThat(csp.group(1)).contains(Inline.cspHash(scripts.group(2)));
      }
    }
    assertThat(executable).isEqualTo(3);
    assertThat(csp.group(1)).doesNotContain("unsafe-eval").contains("default-src 'none'");
  }

  @Test
  void aHostileFileNameStaysInert() throws IOException {
    String html = render(HtmlFixtures.result(), T1);

    assertThat(html).doesNotContain(HtmlFixtures.XSS_FILE).doesNotContain("alert(1)</script>");
    assertThat(html).doesNotContain("<img src=x");
    assertThat(Pattern.compile("(?i)<script").matcher(html).results().count()).isEqualTo(4);
    assertThat(Pattern.compile("(?i)</script").matcher(html).results().count()).isEqualTo(4);

    String block = html.substring(html.indexOf("id=\"aiscan-data\">"), html.indexOf("</script>"));
    assertThat(block.substring(block.indexOf('>') + 1))
        .doesNotContain("<")
        .doesNotContain(">")
        .doesNotContain("&")
        .doesNotContain("\u2028")
        .containsIgnoringCase("\\u003c/script\\u003e")
        .contains("\\u2028");

    JsonNode data = data(html);
    List<String> locations =
        StreamSupport.stream(data.get("assets").spliterator(), false)
            .flatMap(a -> StreamSupport.stream(a.get("findings").spliterator(), false))
            .map(f -> f.get("location").asText())
            .toList();
    assertThat(locations).contains(HtmlFixtures.XSS_FILE + ":1");
    assertThat(Inline.resource(HtmlReport.BASE + "report.js"))
        .contains("textContent")
        .doesNotContain("innerHTML");
  }

  @Test
  void inlinedScriptsCannotCloseTheirElement() {
    assertThat(Inline.script("a='</script>';b='</SCRIPT >';c='<!--'"))
        .isEqualTo("a='<\\/script>';b='<\\/SCRIPT >';c='<\\!--'");
  }

  @Test
  void theSameResultRendersTheSameBytesButForTheTimestampLine(@TempDir Path dir)
      throws IOException {
    String first = render(HtmlFixtures.result(), T1);
    assertThat(render(HtmlFixtures.result(), T1)).isEqualTo(first);

    String later = render(HtmlFixtures.result(), T2);
    List<String> a = first.lines().toList();
    List<String> b = later.lines().toList();
    assertThat(b).hasSameSizeAs(a);
    List<Integer> differing = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        differing.add(i);
      }
    }
    assertThat(differing).hasSize(1);
    assertThat(a.get(differing.get(0))).contains("2026-11-26T17:05:00Z");
    assertThat(b.get(differing.get(0))).contains("2026-12-01T08:30:45Z");

    HtmlWriter writer = new HtmlWriter(Clock.fixed(T1, ZoneOffset.UTC));
    Files.writeString(dir.resolve("report.html"), "stale");
    writer.write(HtmlFixtures.result(), dir);
    assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo(first);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
  }

  @Test
  void headlineNumbersAreTheInventorySummaryAndShadowComesFirst(@TempDir Path dir)
      throws IOException {
    ScanResult result = HtmlFixtures.result();
    new InventoryJsonWriter().write(result, dir);
    JsonNode inventory = new ObjectMapper().readTree(dir.resolve("inventory.json").toFile());
    String html = render(result, T1);

    Map<String, Integer> metrics = metrics(html);
    JsonNode summary = inventory.get("summary");
    assertThat(metrics)
        .containsEntry("assets", summary.get("assets").asInt())
        .containsEntry("shadow", summary.get("shadow").asInt())
        .containsEntry("new", summary.get("newAssets").asInt())
        .containsEntry("providers", summary.get("assetsByProvider").size())
        .containsEntry("targets", inventory.at("/scan/targets").size())
        .containsEntry("warnings", summary.get("warnings").asInt());
    assertThat(metrics).containsEntry("assets", 5).containsEntry("shadow", 2);

    JsonNode data = data(html);
    for (String field :
        List.of(
            "assets",
            "shadow",
            "registered",
            "drift",
            "newAssets",
            "newShadow",
            "findings",
            "warnings")) {
      assertThat(data.at("/summary/" + field)).as(field).isEqualTo(summary.get(field));
    }
    assertThat(html.indexOf("id=\"shadow\""))
        .isPositive()
        .isLessThan(html.indexOf("id=\"inventory\""));
    assertThat(html).contains("id=\"search\"", "id=\"status-filter\"", "id=\"provider-filter\"");
    assertThat(html).contains("id=\"visible-count\"");
  }

  @Test
  void chartsCountAssetsByProviderOwnerAndTarget() throws IOException {
    JsonNode charts = data(render(HtmlFixtures.result(), T1)).get("charts");

    assertThat(charts.get("statuses").toString())
        .isEqualTo("[\"shadow\",\"drift\",\"registered\"]");
    assertThat(charts.at("/byProvider/labels").toString())
        .isEqualTo("[\"openai\",\"anthropic\",\"aws-bedrock\",\"ollama\"]");
    assertThat(charts.at("/byProvider/series/shadow").toString()).isEqualTo("[1,1,0,0]");
    assertThat(charts.at("/byOwner/labels").toString())
        .isEqualTo("[\"(no owner)\",\"Claims IT (jane.doe@example.com)\",\"(owner not set)\"]");
    assertThat(charts.at("/byOwner/series/drift").toString()).isEqualTo("[0,1,0]");
    assertThat(charts.at("/byTarget/labels").toString())
        .isEqualTo("[\"claims-service\",\"shop-web\",\"prod-aws\"]");
  }

  @Test
  void theGraphKeepsOnlyTheAiRelevantDependencies() throws IOException {
    JsonNode graph = data(render(HtmlFixtures.result(), T1)).get("graph");
    Map<String, String> types = new java.util.TreeMap<>();
    graph.get("nodes").forEach(n -> types.put(n.get("id").asText(), n.get("type").asText()));
    List<String> edges =
        StreamSupport.stream(graph.get("edges").spliterator(), false)
            .map(e -> e.get("source").asText() + " > " + e.get("target").asText())
            .toList();

    assertThat(types)
        .containsEntry("t:source:/src/shop-web", "repository")
        .containsEntry("t:aws:123456789012", "account")
        .containsEntry("p:npm:openai@4.52.0", "package")
        .containsEntry("p:maven:dev.ai4j:openai4j:0.27.0", "package")
        .containsEntry("v:openai", "provider")
        .containsEntry("m:gpt-4o-mini", "model")
        .containsEntry("r:" + HtmlFixtures.BEDROCK_ARN, "resource");
    assertThat(types.keySet())
        .noneMatch(id -> id.contains("node-fetch"))
        .noneMatch(id -> id.contains("express"))
        .noneMatch(id -> id.contains("okhttp"))
        .noneMatch(id -> id.contains("jackson"));
    assertThat(edges)
        .contains(
            "t:source:/src/shop-web > p:npm:openai@4.52.0",
            "p:npm:openai@4.52.0 > v:openai",
            "t:source:/src/claims-service > p:maven:dev.langchain4j:langchain4j-open-ai:1.0.0",
            "p:maven:dev.langchain4j:langchain4j-open-ai:1.0.0 > p:maven:dev.ai4j:openai4j:0.27.0",
            "p:maven:dev.ai4j:openai4j:0.27.0 > v:openai",
            "v:openai > m:gpt-4o",
            "t:source:/src/claims-service > v:ollama",
            "t:aws:123456789012 > r:" + HtmlFixtures.BEDROCK_ARN,
            "r:" + HtmlFixtures.BEDROCK_ARN + " > m:anthropic.claude-3-5-sonnet-20240620-v1:0");
    assertThat(graph.get("omittedNodes").asInt()).isZero();
  }

  @Test
  void aHugeGraphIsCutToStayReadable() {
    List<String> models =
        java.util.stream.IntStream.range(0, DependencyGraph.MAX_NODES + 20)
            .mapToObj(i -> String.format("model-%03d", i))
            .toList();
    ScanResult r = HtmlFixtures.result();
    int at =
        java.util.stream.IntStream.range(0, r.assets().size())
            .filter(i -> r.assets().get(i).name().equals("openai in shop-web"))
            .findFirst()
            .orElseThrow();
    dev.aiscan.core.model.Asset first = r.assets().get(at);
    dev.aiscan.core.model.Asset many =
        new dev.aiscan.core.model.Asset(
            first.id(),
            first.provider(),
            first.kind(),
            first.name(),
            first.targetId(),
            models,
            first.categories(),
            first.confidence(),
            false,
            first.findingIds(),
            first.status(),
            first.registerId(),
            first.statusReason());
    List<dev.aiscan.core.model.Asset> assets = new ArrayList<>(r.assets());
    assets.set(at, many);
    DependencyGraph g = DependencyGraph.of(r.reconciled(assets, r.reconciliation()));

    assertThat(g.nodes()).hasSize(DependencyGraph.MAX_NODES);
    assertThat(g.omittedNodes()).isPositive();
    java.util.Set<String> ids =
        g.nodes().stream()
            .map(DependencyGraph.Node::id)
            .collect(java.util.stream.Collectors.toSet());
    assertThat(g.edges()).allMatch(e -> ids.contains(e.source()) && ids.contains(e.target()));
  }

  @Test
  void anEmptyScanStillRenders() throws IOException {
    String html = render(HtmlFixtures.empty(), T1);
    assertThat(metrics(html)).containsEntry("assets", 0).containsEntry("targets", 1);
    JsonNode data = data(html);
    assertThat(data.at("/graph/nodes").size()).isZero();
    assertThat(data.at("/scan/registerGiven").asBoolean()).isFalse();
  }

  @Test
  void evidenceCarriesLocationRuleRedactedTextAndReason() throws IOException {
    JsonNode assets = data(render(HtmlFixtures.result(), T1)).get("assets");
    JsonNode shopOpenai =
        StreamSupport.stream(assets.spliterator(), false)
            .filter(a -> a.get("name").asText().equals("openai in shop-web"))
            .findFirst()
            .orElseThrow();
    assertThat(shopOpenai.get("statusReason").asText()).isEqualTo("no register entry covers it");
    assertThat(shopOpenai.get("owner").asText()).isEqualTo(ReportData.NO_OWNER);
    JsonNode key =
        StreamSupport.stream(shopOpenai.get("findings").spliterator(), false)
            .filter(f -> f.get("category").asText().equals("credential"))
            .findFirst()
            .orElseThrow();
    assertThat(key.get("location").asText()).isEqualTo(".env:3");
    assertThat(key.get("rule").asText()).isEqualTo("openai-api-key");
    assertThat(key.get("fingerprint").asText()).matches("sk-p….{4} sha256:[0-9a-f]{8}");
    assertThat(key.toString()).doesNotContain("Zt3mQ9vX1bL7nR4kP2wY8cH6");
  }

  static Map<String, Integer> metrics(String html) {
    Matcher m = Pattern.compile("data-metric=\"([a-z]+)\">(\\d+)<").matcher(html);
    Map<String, Integer> out = new java.util.TreeMap<>();
    while (m.find()) {
      out.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    assertThat(out).containsOnlyKeys("assets", "shadow", "new", "providers", "targets", "warnings");
    return out;
  }
}
