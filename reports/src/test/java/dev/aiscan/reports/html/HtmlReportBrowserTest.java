package dev.aiscan.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.ScanResult;
import dev.aiscan.reports.HtmlWriter;
import dev.aiscan.reports.InventoryJsonWriter;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the written report.html in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}, no mocks) and checks what a reader sees: no console errors, the headline
 * numbers of inventory.json, working search and filters, drawn charts and graph, an inert hostile
 * file name. Saves a full-page screenshot to the build directory. Without the browser the tests
 * fail, naming what to install: CI installs it.
 */
class HtmlReportBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String INSTALL =
      "apt-get update && apt-get install -y chromium chromium-driver (Debian/Ubuntu, as root)";

  @TempDir static Path tmp;

  static ChromeDriverService service;
  static ChromeDriver driver;
  static String url;
  static JsonNode inventory;
  static JsonNode data;

  @BeforeAll
  static void startBrowser() throws IOException {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        fail(
            binary
                + " is missing: the HTML report browser test needs a real headless Chromium and its"
                + " driver. Install them with: "
                + INSTALL);
      }
    }
    ScanResult result = HtmlFixtures.result();
    Path out = Files.createDirectories(tmp.resolve("out"));
    new InventoryJsonWriter().write(result, out);
    new HtmlWriter(Clock.fixed(Instant.parse("2026-11-26T17:05:00Z"), ZoneOffset.UTC))
        .write(result, out);
    inventory = new ObjectMapper().readTree(out.resolve("inventory.json").toFile());
    data = HtmlWriterTest.data(Files.readString(out.resolve("report.html")));
    url = out.resolve("report.html").toUri().toString();

    // never let Selenium Manager look anything up or download a driver: both paths are explicit
    System.setProperty("SE_AVOID_STATS", "true");
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1440,1000",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("chrome-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  /** Loads the report fresh and waits until its script has rendered everything. */
  static void load() {
    driver.manage().logs().get(LogType.BROWSER); // drop what earlier tests left
    driver.get(url);
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(
              d ->
                  "true".equals(js("return document.documentElement.getAttribute('data-ready');")));
    } catch (TimeoutException e) {
      fail("report.js never finished rendering; browser console: " + severe());
    }
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  static List<String> severe() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  static long visibleRows() {
    return driver.findElements(By.cssSelector("tr.asset-row")).stream()
        .filter(WebElement::isDisplayed)
        .count();
  }

  static int counter() {
    return Integer.parseInt(driver.findElement(By.id("visible-count")).getText().trim());
  }

  @Test
  void loadsWithoutConsoleErrors() {
    load();
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    entries.forEach(e -> System.out.println("browser console: " + e));
    assertThat(entries)
        .as("SEVERE browser console entries")
        .noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
    assertThat(driver.getTitle()).startsWith("AI inventory");
  }

  @Test
  void headlineNumbersAreTheInventorySummary() {
    load();
    Map<String, Integer> shown =
        driver.findElements(By.cssSelector("[data-metric]")).stream()
            .collect(
                Collectors.toMap(
                    e -> e.getAttribute("data-metric"), e -> Integer.parseInt(e.getText().trim())));
    JsonNode summary = inventory.get("summary");
    assertThat(shown)
        .containsOnlyKeys("assets", "shadow", "new", "providers", "targets", "warnings")
        .containsEntry("assets", summary.get("assets").asInt())
        .containsEntry("shadow", summary.get("shadow").asInt())
        .containsEntry("new", summary.get("newAssets").asInt())
        .containsEntry("providers", summary.get("assetsByProvider").size())
        .containsEntry("targets", inventory.at("/scan/targets").size())
        .containsEntry("warnings", summary.get("warnings").asInt());
    assertThat(driver.findElements(By.cssSelector("#shadow-list .shadow-card")))
        .hasSize(summary.get("shadow").asInt());
  }

  @Test
  void searchAndFiltersChangeTheVisibleRowsAndTheCounter() {
    load();
    int all = inventory.at("/summary/assets").asInt();
    assertThat(visibleRows()).isEqualTo(all);
    assertThat(counter()).isEqualTo(all);

    WebElement search = driver.findElement(By.id("search"));
    search.sendKeys("claims");
    assertThat(visibleRows()).isEqualTo(2);
    assertThat(counter()).isEqualTo(2);

    Select status = new Select(driver.findElement(By.id("status-filter")));
    status.selectByValue("drift");
    assertThat(visibleRows()).isEqualTo(1);
    assertThat(counter()).isEqualTo(1);
    assertThat(
            driver.findElements(By.cssSelector("tr.asset-row")).stream()
                .filter(WebElement::isDisplayed)
                .map(e -> e.getAttribute("data-status"))
                .toList())
        .containsOnly("drift");

    search.clear();
    search.sendKeys("x"); // clear() fires no input event: type and delete to re-filter
    search.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    status.selectByValue("shadow");
    assertThat(visibleRows()).isEqualTo(inventory.at("/summary/shadow").asInt());
    assertThat(counter()).isEqualTo(inventory.at("/summary/shadow").asInt());

    new Select(driver.findElement(By.id("provider-filter"))).selectByValue("openai");
    assertThat(visibleRows()).isEqualTo(1);
    assertThat(counter()).isEqualTo(1);

    status.selectByValue("all");
    assertThat(counter()).isEqualTo(2);
    search.sendKeys("ClaimsAssistant.java");
    assertThat(visibleRows()).isEqualTo(1);
    assertThat(counter()).isEqualTo(1);

    search.sendKeys("-nothing-matches");
    assertThat(visibleRows()).isZero();
    assertThat(counter()).isZero();
    assertThat(driver.findElement(By.id("no-match")).isDisplayed()).isTrue();
  }

  @Test
  void chartsAndTheGraphAreDrawn() {
    load();
    for (String id : List.of("chart-provider", "chart-owner", "chart-target")) {
      @SuppressWarnings("unchecked")
      List<Number> drawn =
          (List<Number>)
              js(
                  "var c = document.getElementById(arguments[0]); var ch = Chart.getChart(c);"
                      + " var total = 0; ch.data.datasets.forEach(function (d) {"
                      + " d.data.forEach(function (v) { total += v; }); });"
                      + " return [c.width, c.height, ch.data.labels.length, total];",
                  id);
      assertThat(drawn.get(0).intValue()).as(id + " width").isPositive();
      assertThat(drawn.get(1).intValue()).as(id + " height").isPositive();
      assertThat(drawn.get(2).intValue()).as(id + " labels").isPositive();
      assertThat(drawn.get(3).intValue()).as(id + " assets").isEqualTo(5);
    }
    @SuppressWarnings("unchecked")
    List<Number> graph =
        (List<Number>)
            js(
                "var cy = window.aiscanGraph; var box = document.getElementById('graph');"
                    + " var bb = cy.elements().boundingBox();"
                    + " return [cy.nodes().length, cy.edges().length, box.clientWidth,"
                    + " box.clientHeight, box.querySelectorAll('canvas').length, bb.w, bb.h];");
    assertThat(graph.get(0).intValue()).isEqualTo(data.at("/graph/nodes").size()).isPositive();
    assertThat(graph.get(1).intValue()).isEqualTo(data.at("/graph/edges").size()).isPositive();
    assertThat(graph.get(2).intValue()).isPositive();
    assertThat(graph.get(3).intValue()).isPositive();
    assertThat(graph.get(4).intValue()).isPositive();
    assertThat(graph.get(5).doubleValue()).isPositive();
    assertThat(graph.get(6).doubleValue()).isPositive();
    assertThat(js("return window.aiscanGraph.getElementById('p:npm:openai@4.52.0').length;"))
        .isEqualTo(1L);
  }

  @Test
  void evidenceExpandsAndAHostileFileNameIsShownAsText() {
    load();
    assertThatNoAlert();
    WebElement row =
        driver.findElements(By.cssSelector("tr.asset-row")).stream()
            .filter(r -> r.getText().contains("anthropic in shop-web"))
            .findFirst()
            .orElseThrow();
    click(row);
    WebElement detail = row.findElement(By.xpath("following-sibling::tr[1]"));
    assertThat(detail.isDisplayed()).isTrue();
    assertThat(detail.getText())
        .contains(HtmlFixtures.XSS_FILE + ":1")
        .contains("anthropic-sdk-import")
        .contains("<img src=x onerror=alert(2)>")
        .contains("no register entry covers it");
    assertThat(js("return document.querySelectorAll('img').length;")).isEqualTo(0L);
    assertThat(js("return document.querySelectorAll('script').length;")).isEqualTo(4L);
    assertThatNoAlert();

    WebElement key =
        driver.findElements(By.cssSelector("tr.asset-row")).stream()
            .filter(r -> r.getText().contains("openai in shop-web"))
            .findFirst()
            .orElseThrow();
    click(key);
    assertThat(key.findElement(By.xpath("following-sibling::tr[1]")).getText())
        .contains(".env:3")
        .containsPattern("key fingerprint: sk-p….{4} sha256:[0-9a-f]{8}");
    assertThat(severe()).isEmpty();
  }

  @Test
  void anEmptyScanWithoutRegisterRendersWithoutErrors() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("empty"));
    new HtmlWriter().write(HtmlFixtures.empty(), out);
    driver.manage().logs().get(LogType.BROWSER);
    driver.get(out.resolve("report.html").toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> "true".equals(js("return document.documentElement.dataset.ready;")));
    assertThat(severe()).isEmpty();
    assertThat(counter()).isZero();
    assertThat(driver.findElement(By.id("shadow-list")).getText()).contains("No AI assets found");
    assertThat(driver.findElement(By.id("register-hint")).getText())
        .contains("No AI register was given");
    assertThat(driver.findElement(By.cssSelector("[data-metric=targets]")).getText())
        .isEqualTo("1");
  }

  @Test
  void savesAFullPageScreenshot() throws IOException {
    load();
    Map<String, Object> size = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) size.get("cssContentSize");
    double width = ((Number) content.get("width")).doubleValue();
    double height = ((Number) content.get("height")).doubleValue();
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    Path file = buildDirectory().resolve("report-screenshot.png");
    Files.createDirectories(file.getParent());
    Files.write(file, png);
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(height).isGreaterThan(1000);
  }

  /** Clicks like a reader: scrolled to the middle of the page, clear of the sticky navigation. */
  private static void click(WebElement e) {
    js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
    e.click();
  }

  private static void assertThatNoAlert() {
    try {
      String text = driver.switchTo().alert().getText();
      fail("the report opened an alert: " + text);
    } catch (NoAlertPresentException expected) {
      // inert, as it should be
    }
  }

  /** The module's build directory: {@code -Daiscan.build.dir}, else where the tests compiled to. */
  static Path buildDirectory() {
    String configured = System.getProperty("aiscan.build.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      Path testClasses =
          Path.of(
              HtmlReportBrowserTest.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      return testClasses.getParent();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("target");
    }
  }
}
