package dev.aiscan.connectors.saas.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
 * Faults on one GitHub call cost only that call: the installations list's second page (GitHub's
 * published example, served in place) breaks in each way below while the Copilot seats answer both
 * their pages; the scan completes, Copilot and its seats are emitted, the broken call is one
 * warning naming it (without the token), and no thread is left behind.
 *
 * <p>The retry policy asserted is {@code SaasHttp}'s with {@code connectors.github.max-retries} 1
 * (2 attempts of network failures and 5xx, backoff 0.5 s; none of a malformed answer). The timeout
 * is {@code connectors.github.timeout} (0.5 s here); a trickle is cut by the call timeout (twice
 * that) though every chunk comes within the read timeout.
 */
class GithubFaultTest {
  static final String TOKEN = GithubConnectorTest.TOKEN;
  static final String CALL = "installations";
  static final String PATH = GithubConnectorTest.INSTALLATIONS;
  static final String TIMEOUT = "0.5";

  /** {@code connectors.github.max-retries}: one retry is enough to show the loop follows it. */
  static final int RETRIES = 1;

  WireMockServer github;
  GithubConnectorTest flow;

  @BeforeEach
  void start() {
    // no gzip: it would buffer the trickle into one late write
    github = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
    github.start();
    flow = new GithubConnectorTest();
    flow.github = github;
    ThreadLeaks.warmUp(github.baseUrl());
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  Settings settings() {
    return Settings.of(
        Map.of(
            "connectors.github.token",
            TOKEN,
            "connectors.github.org",
            GithubConnectorTest.ORG,
            "connectors.github.base-url",
            github.baseUrl(),
            "connectors.github.timeout",
            TIMEOUT,
            "connectors.github.max-retries",
            Integer.toString(RETRIES)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SaasFault.class)
  void aFaultCostsOnlyTheBrokenCall(SaasFault fault) {
    flow.stubOrg();
    github.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("page", equalTo("2"))
            .atPriority(1)
            .willReturn(
                fault.answer.apply(
                    GithubConnectorTest.vendor("orgs/list_org_installations.json"))));
    RecordingContext ctx = new RecordingContext(settings());
    Set<Thread> before = ThreadLeaks.now();

    long start = System.nanoTime();
    new GithubConnector(GithubConnectorTest.CLOCK).collect(GithubConnectorTest.TARGET, ctx);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("github acme-example");
              assertThat(w.message()).matches(fault.warning(CALL, PATH, RETRIES));
              assertThat(w.message()).doesNotContain(TOKEN).doesNotContain("ghp_");
            });
    // the healthy call's Copilot app and seats, and no app of the broken list
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("GitHub Copilot");
    assertThat(ctx.facts(FactType.SAAS_APP).get(0).attributes())
        .containsEntry("seats", "4")
        .containsEntry("active", "2");
    assertThat(ctx.facts(FactType.USAGE_EVENT))
        .extracting(f -> f.attribute("principal"))
        .containsExactly("acme-dev", "octocat", "octokitten");
    assertThat(ctx.isIncomplete()).isTrue();
    GithubConnectorTest.assertNoToken(ctx);
    github.verify(
        fault.attempts(RETRIES),
        getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("page", equalTo("2")));
    github.verify(2, getRequestedFor(urlPathEqualTo(GithubConnectorTest.SEATS)));
    assertThat(took).as("the backoff waited").isGreaterThanOrEqualTo(fault.backoff(RETRIES));
    assertThat(took).as("no hang").isLessThan(Duration.ofSeconds(20));
    ThreadLeaks.assertNoneLeftSince(before, ThreadLeaks.OKHTTP_SHARED);
    assertThat(SaasHttp.connectionsInUse())
        .as("connections still held after collect (an answer never closed)")
        .isZero();
  }
}
