package dev.aiscan.connectors.saas.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.aiscan.connectors.saas.http.SaasHttp;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import dev.aiscan.testkit.ThreadLeaks;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
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

  /** One fault: what the broken call answers, whether it is retried, what the warning says. */
  enum Broken {
    CONNECTION_RESET(b -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), true, "failed"),
    EMPTY_RESPONSE(b -> aResponse().withFault(Fault.EMPTY_RESPONSE), true, "failed"),
    RANDOM_DATA(b -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), true, "failed"),
    MALFORMED_JSON(b -> okJson(b.substring(0, b.length() / 2)), false, "malformed"),
    HTTP_500(b -> aResponse().withStatus(500).withBody("Internal Server Error"), true, "500"),
    HTTP_503(b -> aResponse().withStatus(503).withBody("Service Unavailable"), true, "503"),
    TIMEOUT(b -> okJson(b).withFixedDelay(3_000), true, "timeout"),
    TRICKLE(b -> okJson(b).withChunkedDribbleDelay(40, 4_000), true, "timeout");

    final Function<String, ResponseDefinitionBuilder> answer;
    final boolean retried;
    final String kind;

    Broken(Function<String, ResponseDefinitionBuilder> answer, boolean retried, String kind) {
      this.answer = answer;
      this.retried = retried;
      this.kind = kind;
    }

    /** How often the broken call is asked, with {@code retries} retries of network faults, 5xx. */
    int attempts(int retries) {
      return retried ? retries + 1 : 1;
    }

    /** The least the retries wait: SaasHttp's backoff, 0.5 s doubled at each retry. */
    Duration backoff(int retries) {
      return retried ? Duration.ofMillis(500L * ((1L << retries) - 1)) : Duration.ZERO;
    }

    /** The one-line warning for the call {@code api} of {@code path}. */
    Pattern warning(String api, String path, int retries) {
      String call = Pattern.quote(api);
      String at = Pattern.quote(path);
      return Pattern.compile(
          switch (kind) {
            case "failed" -> call + " failed: " + at + ": \\w+Exception";
            case "malformed" ->
                call + " answered a malformed response: " + at + ": not JSON \\(.*\\)";
            case "timeout" -> call + " timed out: " + at + ": no answer within the timeout";
            default ->
                call
                    + " failed: "
                    + at
                    + ": HTTP "
                    + kind
                    + " after "
                    + attempts(retries)
                    + " attempts";
          });
    }
  }

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
  @EnumSource(Broken.class)
  void aFaultCostsOnlyTheBrokenCall(Broken fault) {
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
