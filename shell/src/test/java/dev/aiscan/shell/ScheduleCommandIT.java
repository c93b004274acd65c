package dev.aiscan.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiscan.yaml} as a security engineer uses it: one-shot scans driven by the file (flags over
 * it, errors with their line), and {@code aiscan schedule} as a long-running process that scans on
 * its cron expression, notifies a webhook of new shadow AI, keeps a run history and stops cleanly
 * on SIGTERM. The webhook is WireMock answering as Slack's incoming webhooks document: {@code 200
 * ok}, or an error status with a plain-text reason.
 */
class ScheduleCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK = "/services/T0AISCAN/B0AISCAN/s3cr3tW3bh00kPathDoNotPrint";

  @TempDir Path work;
  private WireMockServer hook;

  @BeforeEach
  void setUp() throws Exception {
    ScanCommandIT.copyTree(ScanCommandIT.fixture("support-desk"), work.resolve("support-desk"));
    hook = new WireMockServer(wireMockConfig().dynamicPort());
    hook.start();
  }

  @AfterEach
  void tearDown() {
    hook.stop();
  }

  private Map<String, String> env() {
    return Map.of("HOOK_URL", "http://localhost:" + hook.port() + HOOK);
  }

  @Test
  void scheduleScansOnItsCronNotifiesOnceKeepsHistoryAndStopsOnSigterm() throws Exception {
    hook.stubFor(
        post(urlPathEqualTo(HOOK))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("ok")
                    .withHeader("Content-Type", "text/plain")));
    Files.writeString(
        work.resolve("aiscan.yaml"),
        """
        version: 1
        targets:
          sources: [./support-desk]
        outputs:
          dir: ./report
        graph:
          dir: ./graph
        schedules:
          - name: every-two-seconds
            cron: "*/2 * * * * *"
        history: ./runs.jsonl
        notifications:
          webhook:
            url: ${HOOK_URL}
            format: slack
          file: ./alerts.jsonl
        """);
    Path stdout = work.resolve("schedule.out");
    Path stderr = work.resolve("schedule.err");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + CliRunner.home(work),
                "-jar",
                CliRunner.jar().toString(),
                "schedule")
            .directory(work.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(env());
    Process scheduler = builder.start();
    try {
      Path history = work.resolve("runs.jsonl");
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (runs(history).size() < 2) {
        assertThat(scheduler.isAlive())
            .as("the scheduler ended early:\n%s", Files.readString(stderr))
            .isTrue();
        assertThat(Instant.now()).as("two runs within 3 minutes").isBefore(deadline);
        Thread.sleep(250);
      }
      // SIGTERM, as systemd and Kubernetes send it
      scheduler.destroy();
      assertThat(scheduler.waitFor(2, TimeUnit.MINUTES)).as("stopped on SIGTERM").isTrue();
    } finally {
      scheduler.destroyForcibly();
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(scheduler.exitValue()).as(err).isZero();
    assertThat(err)
        .contains("aiscan: schedule: 1 schedule(s); run history in ")
        .containsPattern("aiscan: schedule: stopped after \\d+ run\\(s\\)")
        .doesNotContain("s3cr3tW3bh00k")
        .doesNotContain("Exception");

    List<JsonNode> runs = runs(work.resolve("runs.jsonl"));
    JsonNode first = runs.get(0);
    assertThat(first.get("schedule").asText()).isEqualTo("every-two-seconds");
    assertThat(first.get("status").asText()).isEqualTo("ok");
    assertThat(first.get("shadow").asLong()).isPositive();
    // everything is new in the first scan of a target; nothing is in the next
    assertThat(first.get("newShadow").asLong()).isEqualTo(first.get("shadow").asLong());
    assertThat(runs.get(1).get("newShadow").asLong()).isZero();
    assertThat(runs.get(1).get("scanId").asText()).isNotEqualTo(first.get("scanId").asText());

    // one alert: the first run's new shadow AI; the later runs found nothing new
    hook.verify(
        1,
        postRequestedFor(urlPathEqualTo(HOOK))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(matchingJsonPath("$.text", containing("new shadow AI")))
            .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("header"))));
    List<String> alerts = Files.readAllLines(work.resolve("alerts.jsonl"));
    assertThat(alerts).hasSize(1);
    JsonNode alert = JSON.readTree(alerts.get(0));
    assertThat(alert.get("scanId").asText()).isEqualTo(first.get("scanId").asText());
    assertThat(alert.get("newShadow").size()).isEqualTo(first.get("newShadow").asInt());

    // the graph was closed on the way out, with every run in it
    CliRunner.Run stats = CliRunner.run(work, "graph", "stats", "--graph-dir", "graph", "--json");
    assertThat(stats.exitCode()).as(stats.stderr()).isZero();
    JsonNode counts = JSON.readTree(stats.stdout());
    long scans = 0;
    for (JsonNode row : counts) {
      if (row.get("label or type").asText().equals("Scan")) {
        scans = row.get("count").asLong();
      }
    }
    // every run recorded in the history wrote its scan, and no other scan was written
    assertThat(scans).isEqualTo(runs.size());
    CliRunner.Run history = CliRunner.run(work, "runs", "--history", "runs.jsonl");
    assertThat(history.exitCode()).as(history.stderr()).isZero();
    assertThat(history.stdout())
        .contains("every-two-seconds")
        .contains(first.get("scanId").asText());
  }

  @Test
  void aFailingWebhookIsAWarningAndTheScanIsKept() throws Exception {
    hook.stubFor(
        post(urlPathEqualTo(HOOK))
            .willReturn(aResponse().withStatus(500).withBody("internal_error")));
    Files.writeString(
        work.resolve("aiscan.yaml"),
        """
        version: 1
        targets:
          sources: [./support-desk]
        outputs: {dir: ./from-file, formats: [json, sarif]}
        graph: {mode: none}
        fail-on: shadow
        notifications:
          webhook: {url: "${HOOK_URL}", format: teams}
        """);
    // --out and --fail-on override the file; the file's targets and formats stay
    CliRunner.Run run =
        CliRunner.run(work, env(), "scan", "--out", "from-flag", "--fail-on", "none", "--quiet");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .contains("aiscan: warning: notification webhook http://localhost:" + hook.port() + "/…")
        .contains("HTTP 500")
        .doesNotContain("s3cr3tW3bh00k");
    assertThat(work.resolve("from-flag/inventory.json")).isRegularFile();
    assertThat(work.resolve("from-flag/aiscan.sarif")).isRegularFile();
    assertThat(work.resolve("from-file")).doesNotExist();
    // retried once, as a Teams adaptive card
    hook.verify(
        2,
        postRequestedFor(urlPathEqualTo(HOOK))
            .withRequestBody(matchingJsonPath("$.type", equalTo("message")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].contentType",
                    equalTo("application/vnd.microsoft.card.adaptive"))));
  }

  @Test
  void aBrokenFileIsOneLinePerProblemAndExitTwo() throws Exception {
    Files.writeString(
        work.resolve("aiscan.yaml"),
        """
        version: 1
        targets:
          sorces: [./support-desk]
          slack:
            token: xoxb-1234567890-literal-secret
        fail-on: sometimes
        """);
    CliRunner.Run scan = CliRunner.run(work, "scan", "--json");
    assertThat(scan.exitCode()).isEqualTo(2);
    assertThat(scan.stdout()).isEmpty();
    assertThat(scan.stderr())
        .contains("aiscan.yaml:3: ")
        .contains("did you mean 'sources'?")
        .contains("aiscan.yaml:5: ")
        .contains("aiscan.yaml:6: ")
        .doesNotContain("literal-secret")
        .doesNotContain("Exception");
    CliRunner.Run validate = CliRunner.run(work, "config", "validate");
    assertThat(validate.exitCode()).isEqualTo(2);
    assertThat(validate.stderr()).isEqualTo(scan.stderr());

    CliRunner.Run missing = CliRunner.run(work, "scan", "--config", "nowhere.yaml");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr().strip()).startsWith("aiscan: nowhere.yaml").doesNotContain("\n");
  }

  private static List<JsonNode> runs(Path history) throws Exception {
    List<JsonNode> runs = new ArrayList<>();
    if (!Files.exists(history)) {
      return runs;
    }
    for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        runs.add(JSON.readTree(line));
      }
    }
    return runs;
  }
}
