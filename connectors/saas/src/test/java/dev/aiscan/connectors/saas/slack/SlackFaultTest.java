package dev.aiscan.connectors.saas.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.connectors.saas.http.SaasFault;
import dev.aiscan.connectors.saas.http.SaasHttp;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import dev.aiscan.testkit.ThreadLeaks;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults on one Slack call cost only that call: {@code admin.apps.requests.list} (Slack's published
 * example, served in place) breaks in each way below while {@code admin.apps.approved.list} answers
 * its two pages; the scan completes, the approved apps are emitted, the broken call is one warning
 * naming it (without the token), and no thread is left behind.
 *
 * <p>The retry policy asserted is {@code SaasHttp}'s with {@code connectors.slack.max-retries} 1 (2
 * attempts of network failures and 5xx, backoff 0.5 s; none of a malformed answer). The timeout is
 * {@code connectors.slack.timeout} (0.5 s here); a trickle is cut by the call timeout (twice that)
 * though every chunk comes within the read timeout.
 */
class SlackFaultTest {
  static final String TOKEN = SlackConnectorTest.TOKEN;
  static final String CALL = "admin.apps.requests.list";
  static final String PATH = "/api/" + CALL;
  static final String TIMEOUT = "0.5";

  /** {@code connectors.slack.max-retries}: one retry is enough to show the loop follows it. */
  static final int RETRIES = 1;

  WireMockServer slack;
  SlackConnectorTest flow;

  @BeforeEach
  void start() {
    // no gzip: it would buffer the trickle into one late write
    slack = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
    slack.start();
    flow = new SlackConnectorTest();
    flow.slack = slack;
    ThreadLeaks.warmUp(slack.baseUrl());
  }

  @AfterEach
  void stop() {
    slack.stop();
  }

  Settings settings() {
    return Settings.of(
        Map.of(
            "connectors.slack.token",
            TOKEN,
            "connectors.slack.base-url",
            slack.baseUrl() + "/api",
            "connectors.slack.timeout",
            TIMEOUT,
            "connectors.slack.max-retries",
            Integer.toString(RETRIES)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SaasFault.class)
  void aFaultCostsOnlyTheBrokenCall(SaasFault fault) {
    flow.stubApps();
    slack.stubFor(
        get(urlPathEqualTo(PATH))
            .atPriority(1)
            .willReturn(
                fault.answer.apply(SlackConnectorTest.vendor("web-api/" + CALL + ".json"))));
    RecordingContext ctx = new RecordingContext(settings());
    Set<Thread> before = ThreadLeaks.now();

    long start = System.nanoTime();
    new SlackConnector().collect(SlackConnectorTest.ORG, ctx);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("slack Acme Corp");
              assertThat(w.message()).matches(fault.warning(CALL, PATH, RETRIES));
              assertThat(w.message()).doesNotContain(TOKEN).doesNotContain("xoxp");
            });
    // the healthy call's apps, both pages, and nothing of the broken one
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("Otter.ai", "My Test App");
    assertThat(ctx.isIncomplete()).isTrue();
    slack.verify(fault.attempts(RETRIES), getRequestedFor(urlPathEqualTo(PATH)));
    slack.verify(2, getRequestedFor(urlPathEqualTo("/api/admin.apps.approved.list")));
    assertThat(took).as("the backoff waited").isGreaterThanOrEqualTo(fault.backoff(RETRIES));
    assertThat(took).as("no hang").isLessThan(Duration.ofSeconds(20));
    ThreadLeaks.assertNoneLeftSince(before, ThreadLeaks.OKHTTP_SHARED);
    assertThat(SaasHttp.connectionsInUse())
        .as("connections still held after collect (an answer never closed)")
        .isZero();
  }
}
