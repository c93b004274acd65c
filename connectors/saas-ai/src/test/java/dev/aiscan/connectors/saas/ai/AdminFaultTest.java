package dev.aiscan.connectors.saas.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.aiscan.connectors.saas.ai.Bodies.assertNoToken;
import static dev.aiscan.connectors.saas.ai.Bodies.vendor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.connectors.saas.http.SaasFault;
import dev.aiscan.connectors.saas.http.SaasHttp;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import dev.aiscan.testkit.ThreadLeaks;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults on one Admin API call cost only that call, for OpenAI and for Anthropic: the list of API
 * keys (OpenAI's project keys, Anthropic's organisation keys: the vendors' published examples,
 * served in place) breaks in each way below while the other calls answer; the scan completes, the
 * projects or workspaces and the usage are emitted, no key is, the broken call is one warning
 * naming it (without the Admin key), and no thread is left behind.
 *
 * <p>The retry policy asserted is {@code SaasHttp}'s with {@code connectors.<kind>.max-retries} 1
 * (2 attempts of network failures and 5xx, backoff 0.5 s; none of a malformed answer). The timeout
 * is {@code connectors.<kind>.timeout} (0.5 s here); a trickle is cut by the call timeout (twice
 * that) though every chunk comes within the read timeout.
 */
class AdminFaultTest {
  static final String TIMEOUT = "0.5";

  /** {@code connectors.<kind>.max-retries}: one retry is enough to show the loop follows it. */
  static final int RETRIES = 1;

  WireMockServer server;

  @BeforeEach
  void start() {
    // no gzip: it would buffer the trickle into one late write
    server = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
    server.start();
    ThreadLeaks.warmUp(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @ParameterizedTest(name = "OpenAI {0}")
  @EnumSource(SaasFault.class)
  void aFaultCostsOnlyTheBrokenOpenAiCall(SaasFault fault) {
    String call = "GET /organization/projects/proj_abc/api_keys";
    String path = "/v1/organization/projects/proj_abc/api_keys";
    OpenAiConnectorTest flow = new OpenAiConnectorTest();
    flow.openai = server;
    flow.stubOrganisation();
    server.stubFor(
        get(urlPathEqualTo(path))
            .atPriority(1)
            .willReturn(fault.answer.apply(vendor("openai/projects/list_project_api_keys.json"))));
    RecordingContext ctx =
        new RecordingContext(
            flow.settings(
                "connectors.openai.timeout",
                TIMEOUT,
                "connectors.openai.max-retries",
                Integer.toString(RETRIES)));
    Set<Thread> before = ThreadLeaks.now();

    long start = System.nanoTime();
    new OpenAiConnector(OpenAiConnectorTest.CLOCK).collect(OpenAiConnectorTest.ORG, ctx);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("openai OpenAI org-acme");
              assertThat(w.message()).matches(fault.warning(call, path, RETRIES));
              assertThat(w.message()).doesNotContain("sk-admin");
            });
    assertNoToken(ctx, OpenAiConnectorTest.TOKEN);
    // the project and the usage; no key, since its list was lost
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .extracting(f -> f.location().resource())
        .containsExactly("openai:org-acme/project/proj_abc");
    assertThat(ctx.facts(FactType.API_KEY)).isEmpty();
    assertThat(ctx.facts(FactType.USAGE_EVENT))
        .extracting(f -> f.location().resource())
        .containsExactly(
            "openai:org-acme",
            OpenAiConnectorTest.KEY_AT,
            "openai:org-acme/project/proj_abc/api_key/key_gone");
    assertThat(ctx.isIncomplete()).isTrue();
    server.verify(fault.attempts(RETRIES), getRequestedFor(urlPathEqualTo(path)));
    server.verify(2, getRequestedFor(urlPathEqualTo("/v1/organization/users")));
    server.verify(2, getRequestedFor(urlPathEqualTo("/v1/organization/usage/completions")));
    assertThat(took).as("the backoff waited").isGreaterThanOrEqualTo(fault.backoff(RETRIES));
    assertThat(took).as("no hang").isLessThan(Duration.ofSeconds(20));
    ThreadLeaks.assertNoneLeftSince(before, ThreadLeaks.OKHTTP_SHARED);
    assertThat(SaasHttp.connectionsInUse())
        .as("connections still held after collect (an answer never closed)")
        .isZero();
  }

  @ParameterizedTest(name = "Anthropic {0}")
  @EnumSource(SaasFault.class)
  void aFaultCostsOnlyTheBrokenAnthropicCall(SaasFault fault) {
    String call = "GET /organizations/api_keys";
    String path = "/v1/organizations/api_keys";
    AnthropicConnectorTest flow = new AnthropicConnectorTest();
    flow.anthropic = server;
    flow.stubOrganisation();
    server.stubFor(
        get(urlPathEqualTo(path))
            .atPriority(1)
            .willReturn(fault.answer.apply(vendor("anthropic/api_keys/list_api_keys.json"))));
    RecordingContext ctx =
        new RecordingContext(
            flow.settings(
                "connectors.anthropic.timeout",
                TIMEOUT,
                "connectors.anthropic.max-retries",
                Integer.toString(RETRIES)));
    Set<Thread> before = ThreadLeaks.now();

    long start = System.nanoTime();
    new AnthropicConnector(AnthropicConnectorTest.CLOCK).collect(AnthropicConnectorTest.ORG, ctx);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("anthropic Acme Example");
              assertThat(w.message()).matches(fault.warning(call, path, RETRIES));
              assertThat(w.message()).doesNotContain("sk-ant-admin");
            });
    assertNoToken(ctx, AnthropicConnectorTest.TOKEN);
    // both workspaces and the usage; no key, since their list was lost
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .extracting(f -> f.location().resource())
        .containsExactly(
            AnthropicConnectorTest.WS,
            "anthropic:"
                + AnthropicConnectorTest.ORG_ID
                + "/workspace/wrkspc_01ExampleResearchxxxxxx");
    assertThat(ctx.facts(FactType.API_KEY)).isEmpty();
    assertThat(ctx.facts(FactType.USAGE_EVENT))
        .extracting(f -> f.location().resource())
        .containsExactly(
            AnthropicConnectorTest.KEY_AT, "anthropic:" + AnthropicConnectorTest.ORG_ID);
    assertThat(ctx.isIncomplete()).isTrue();
    server.verify(fault.attempts(RETRIES), getRequestedFor(urlPathEqualTo(path)));
    server.verify(2, getRequestedFor(urlPathEqualTo("/v1/organizations/workspaces")));
    server.verify(2, getRequestedFor(urlPathEqualTo("/v1/organizations/usage_report/messages")));
    assertThat(took).as("the backoff waited").isGreaterThanOrEqualTo(fault.backoff(RETRIES));
    assertThat(took).as("no hang").isLessThan(Duration.ofSeconds(20));
    ThreadLeaks.assertNoneLeftSince(before, ThreadLeaks.OKHTTP_SHARED);
    assertThat(SaasHttp.connectionsInUse())
        .as("connections still held after collect (an answer never closed)")
        .isZero();
  }
}
