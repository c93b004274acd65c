package dev.aiscan.shell.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook sink against a real local endpoint (WireMock), as Slack or Teams would answer. */
class NotifierWebhookTest {
  /** The secret part of a webhook URL, as Slack issues them. */
  private static final String PATH = "/services/T0AISCAN/B0AISCAN/s3cr3tW3bh00kT0k3n";

  private static final ObjectMapper JSON = new ObjectMapper();

  static WireMockServer hooks;

  private final Notifier notifier = Notifier.create();

  @BeforeAll
  static void start() {
    hooks = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    hooks.start();
  }

  @AfterAll
  static void stop() {
    hooks.stop();
  }

  @BeforeEach
  void reset() {
    hooks.resetAll();
  }

  private static String url() {
    return "http://127.0.0.1:" + hooks.port() + PATH;
  }

  private static NotificationSettings webhook(WebhookFormat format) {
    return new NotificationSettings(url(), format, null, null);
  }

  @Test
  void postsASlackBlockKitMessage() {
    hooks.stubFor(post(urlEqualTo(PATH)).willReturn(ok("ok")));

    List<String> warnings = notifier.send(Alerts.alert(), webhook(WebhookFormat.SLACK));

    assertThat(warnings).isEmpty();
    hooks.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                matchingJsonPath(
                    "$.text",
                    containing("aiscan: 2 new shadow AI assets in scan 20261126T194031Z-97378c")))
            .withRequestBody(matchingJsonPath("$.text", containing("- openai in shop")))
            .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("header")))
            .withRequestBody(matchingJsonPath("$.blocks[0].text.type", equalTo("plain_text")))
            .withRequestBody(
                matchingJsonPath("$.blocks[0].text.text", equalTo("2 new shadow AI assets")))
            .withRequestBody(matchingJsonPath("$.blocks[1].type", equalTo("section")))
            .withRequestBody(matchingJsonPath("$.blocks[1].text.type", equalTo("mrkdwn")))
            .withRequestBody(
                matchingJsonPath(
                    "$.blocks[1].text.text",
                    containing("• openai in shop (ai-integration, 2 findings, models: gpt-4o)")))
            .withRequestBody(
                matchingJsonPath(
                    "$.blocks[1].text.text",
                    containing("compared with scan 20261125T194000Z-11aa22: 3 shadow AI assets"))));
  }

  @Test
  void postsATeamsAdaptiveCardMessage() throws IOException {
    hooks.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)));

    List<String> warnings = notifier.send(Alerts.alert(), webhook(WebhookFormat.TEAMS));

    assertThat(warnings).isEmpty();
    hooks.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(matchingJsonPath("$.type", equalTo("message")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].contentType",
                    equalTo("application/vnd.microsoft.card.adaptive")))
            .withRequestBody(
                matchingJsonPath("$.attachments[0].content.type", equalTo("AdaptiveCard")))
            .withRequestBody(matchingJsonPath("$.attachments[0].content.version", equalTo("1.4")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].content.$schema",
                    equalTo("http://adaptivecards.io/schemas/adaptive-card.json")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].content.body[0].text", equalTo("2 new shadow AI assets")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].content.body[?(@.type == 'FactSet')].facts[?(@.title == 'Models')].value",
                    equalTo("gpt-4o")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].content.body[?(@.text == 'langchain in billing')]")));
    JsonNode attachment =
        JSON.readTree(hooks.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBodyAsString())
            .at("/attachments/0");
    assertThat(attachment.has("contentUrl")).isTrue();
    assertThat(attachment.get("contentUrl").isNull()).isTrue();
  }

  @Test
  void noSecretReachesEitherPayload() {
    hooks.stubFor(post(urlEqualTo(PATH)).willReturn(ok()));

    notifier.send(Alerts.alert(), webhook(WebhookFormat.SLACK));
    notifier.send(Alerts.alert(), webhook(WebhookFormat.TEAMS));

    List<LoggedRequest> sent = hooks.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent).hasSize(2);
    assertThat(sent)
        .allSatisfy(
            r ->
                assertThat(r.getBodyAsString())
                    .doesNotContain(Alerts.CANARY)
                    .doesNotContain("CANARY")
                    .doesNotContain("c0ffee42")
                    .doesNotContain("app/settings.py"));
  }

  @Test
  void aServerErrorIsRetriedOnceThenAWarningNamingTheHostOnly() {
    hooks.stubFor(
        post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("internal oops")));

    List<String> warnings = notifier.send(Alerts.alert(), webhook(WebhookFormat.SLACK));

    hooks.verify(exactly(2), postRequestedFor(urlEqualTo(PATH)));
    assertThat(warnings)
        .containsExactly(
            "notification webhook http://127.0.0.1:"
                + hooks.port()
                + "/…: HTTP 500 (internal oops) (after a retry)");
    assertThat(warnings.get(0)).doesNotContain("s3cr3t").doesNotContain("services");
  }

  @Test
  void aRateLimitIsWaitedOutAsRetryAfterSays() {
    hooks.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("rate")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("open"));
    hooks.stubFor(
        post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs("open").willReturn(ok()));

    List<String> warnings = notifier.send(Alerts.alert(), webhook(WebhookFormat.SLACK));

    assertThat(warnings).isEmpty();
    List<LoggedRequest> sent = hooks.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(sent).hasSize(2);
    long waited =
        Math.abs(sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime());
    assertThat(waited).isGreaterThanOrEqualTo(900);
  }

  @Test
  void aRetryAfterLongerThanTenSecondsIsAWarningWithoutRetry() {
    hooks.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

    List<String> warnings = notifier.send(Alerts.alert(), webhook(WebhookFormat.SLACK));

    hooks.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
    assertThat(warnings)
        .singleElement()
        .asString()
        .endsWith(": HTTP 429, Retry-After 120 s is too long to wait");
  }

  @Test
  void aClientErrorIsAWarningAtOnce() {
    hooks.stubFor(
        post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404).withBody("no_service")));

    List<String> warnings = notifier.send(Alerts.alert(), webhook(WebhookFormat.SLACK));

    hooks.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
    assertThat(warnings)
        .containsExactly(
            "notification webhook http://127.0.0.1:" + hooks.port() + "/…: HTTP 404 (no_service)");
  }

  @Test
  void aResponseEchoingTheUrlIsScrubbed() {
    hooks.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(aResponse().withStatus(400).withBody("bad payload for " + url())));

    List<String> warnings = notifier.send(Alerts.alert(), webhook(WebhookFormat.SLACK));

    assertThat(warnings).singleElement().asString().doesNotContain("s3cr3t").contains("HTTP 400");
  }

  @Test
  void aClosedPortIsAWarning() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    NotificationSettings settings =
        new NotificationSettings("http://127.0.0.1:" + port + PATH, null, null, null);

    List<String> warnings = notifier.send(Alerts.alert(), settings);

    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("notification webhook http://127.0.0.1:" + port + "/…: ")
        .contains("ConnectException")
        .endsWith("(after a retry)")
        .doesNotContain("s3cr3t");
  }

  @Test
  void aWebhookThatDoesNotAnswerInTimeIsAWarning() {
    hooks.stubFor(post(urlEqualTo(PATH)).willReturn(ok().withFixedDelay(3_000)));
    NotificationSettings settings =
        new NotificationSettings(url(), WebhookFormat.SLACK, null, Duration.ofMillis(300));

    List<String> warnings = notifier.send(Alerts.alert(), settings);

    assertThat(warnings)
        .singleElement()
        .asString()
        .endsWith(": no answer within 300 ms (after a retry)");
  }

  @Test
  void nothingIsPostedWithoutNewShadowAi() {
    hooks.stubFor(post(urlEqualTo(PATH)).willReturn(ok()));
    ShadowAlert nothingNew = Alerts.many(0);

    assertThat(notifier.send(nothingNew, webhook(WebhookFormat.SLACK))).isEmpty();
    assertThat(notifier.send(Alerts.alert(), NotificationSettings.NONE)).isEmpty();

    hooks.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void aFailingWebhookStillLeavesTheFile(@TempDir Path dir) throws IOException {
    hooks.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403)));
    Path file = dir.resolve("alerts.jsonl");

    List<String> warnings =
        notifier.send(
            Alerts.alert(), new NotificationSettings(url(), WebhookFormat.TEAMS, file, null));

    assertThat(warnings).singleElement().asString().contains("HTTP 403");
    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-11-26T19:41:02Z");
    Notifier fixed = new Notifier(null, Clock.fixed(now, ZoneOffset.UTC));

    assertThat(fixed.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(fixed.retryAfter("Thu, 26 Nov 2026 19:41:07 GMT")).isEqualTo(Duration.ofSeconds(5));
    assertThat(fixed.retryAfter("Thu, 26 Nov 2026 19:40:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(fixed.retryAfter("soon")).isNull();
    assertThat(fixed.retryAfter(null)).isNull();
  }
}
