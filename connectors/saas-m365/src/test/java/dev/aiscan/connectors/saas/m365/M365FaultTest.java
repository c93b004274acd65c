package dev.aiscan.connectors.saas.m365;

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
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults on one Microsoft Graph call cost only that call: the second page of {@code
 * oauth2PermissionGrants} (Graph's published example, served in place) breaks in each way below
 * while the service principals, app role assignments, subscribed SKUs and the Copilot usage report
 * answer; the scan completes, the apps (without their delegated consents), the Copilot licence and
 * the usage are emitted, the broken call is one warning naming it (without the token), and no
 * thread is left behind.
 *
 * <p>The retry policy asserted is {@code SaasHttp}'s with {@code connectors.m365.retries} 1 (2
 * attempts of network failures and 5xx, backoff 0.5 s; none of a malformed answer), and the timeout
 * {@code connectors.m365.timeout} 500ms; a trickle is cut by the call timeout (twice that) though
 * every chunk comes within the read timeout.
 */
class M365FaultTest {
  static final String TOKEN = M365ConnectorTest.TOKEN;
  static final String CALL = "oauth2PermissionGrants";
  static final String PATH = "/v1.0/oauth2PermissionGrants";
  static final String PAGE_2 = "X2V4YW1wbGVfcGFnZV8y";
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

  WireMockServer graph;
  M365ConnectorTest flow;

  @BeforeEach
  void start() {
    // no gzip: it would buffer the trickle into one late write
    graph = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
    graph.start();
    flow = new M365ConnectorTest();
    flow.graph = graph;
    ThreadLeaks.warmUp(graph.baseUrl());
  }

  @AfterEach
  void stop() {
    graph.stop();
  }

  Settings settings() {
    return flow.settings(
        "connectors.m365.timeout", "500ms", "connectors.m365.retries", Integer.toString(RETRIES));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Broken.class)
  void aFaultCostsOnlyTheBrokenCall(Broken fault) {
    flow.stubTenant();
    graph.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("$skiptoken", equalTo(PAGE_2))
            .atPriority(1)
            .willReturn(
                fault.answer.apply(M365ConnectorTest.vendor("oauth2PermissionGrants/list.json"))));
    RecordingContext ctx = new RecordingContext(settings());
    Set<Thread> before = ThreadLeaks.now();

    long start = System.nanoTime();
    new M365Connector().collect(M365ConnectorTest.ORG, ctx);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("m365 Acme Corp (example)");
              assertThat(w.message()).matches(fault.warning(CALL, PATH, RETRIES));
              assertThat(w.message()).doesNotContain(TOKEN).doesNotContain("eyJ0");
            });
    // every app, with the application roles but none of the lost delegated consents
    assertThat(ctx.values(FactType.SAAS_APP))
        .containsExactly("ChatGPT", "Otter.ai", "foo", "Microsoft 365 Copilot");
    assertThat(flow.app(ctx, "ChatGPT").attributes())
        .containsEntry("app-roles", "Mail.Read,Files.Read.All")
        .doesNotContainKeys("scopes", "consent");
    assertThat(ctx.facts(FactType.USAGE_EVENT))
        .extracting(f -> f.attribute("principal"))
        .containsExactly("adele.vance@acme.example", "megan.bowen@acme.example");
    assertThat(ctx.isIncomplete()).isTrue();
    M365ConnectorTest.assertNoToken(ctx);
    graph.verify(
        fault.attempts(RETRIES),
        getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("$skiptoken", equalTo(PAGE_2)));
    graph.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/servicePrincipals")));
    graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    assertThat(took).as("the backoff waited").isGreaterThanOrEqualTo(fault.backoff(RETRIES));
    assertThat(took).as("no hang").isLessThan(Duration.ofSeconds(20));
    ThreadLeaks.assertNoneLeftSince(before, ThreadLeaks.OKHTTP_SHARED);
    assertThat(SaasHttp.connectionsInUse())
        .as("connections still held after collect (an answer never closed)")
        .isZero();
  }
}
