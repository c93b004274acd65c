package dev.aiscan.connectors.saas.m365;

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
import java.util.Set;
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
  @EnumSource(SaasFault.class)
  void aFaultCostsOnlyTheBrokenCall(SaasFault fault) {
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
