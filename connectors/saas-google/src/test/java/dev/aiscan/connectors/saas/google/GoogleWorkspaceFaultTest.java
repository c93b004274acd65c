package dev.aiscan.connectors.saas.google;

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
 * Faults on one Google Workspace call cost only that call: bob's {@code tokens.list} breaks in each
 * way below while the users list (two pages) and the other users' tokens answer; the scan
 * completes, the other users' apps are emitted, bob's call is one warning naming it (without the
 * token), and no thread is left behind: neither the sweep's pool nor OkHttp's own.
 *
 * <p>Google publishes no example bodies for these calls (see {@link GoogleWorkspaceConnectorTest}):
 * the bodies are the module's hand-written ones. The retry policy asserted is {@code SaasHttp}'s
 * with {@code connectors.google-workspace.max-retries} 1 (2 attempts of network failures and 5xx,
 * backoff 0.5 s; none of a malformed answer), and the timeout {@code timeout-seconds} 1, its least;
 * a trickle is cut by the call timeout (twice that) though every chunk comes within the read
 * timeout.
 */
class GoogleWorkspaceFaultTest {
  static final String TOKEN = GoogleWorkspaceConnectorTest.TOKEN;
  static final String USER = "bob@acme.example";
  static final String CALL = "tokens.list of " + USER;
  static final String PATH = GoogleWorkspaceConnectorTest.tokensOf(USER);
  static final int RETRIES = 1;

  WireMockServer google;
  GoogleWorkspaceConnectorTest flow;

  @BeforeEach
  void start() {
    // no gzip: it would buffer the trickle into one late write
    google = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
    google.start();
    flow = new GoogleWorkspaceConnectorTest();
    flow.google = google;
    ThreadLeaks.warmUp(google.baseUrl());
  }

  @AfterEach
  void stop() {
    google.stop();
  }

  Settings settings() {
    return flow.settings("timeout-seconds", "1", "max-retries", Integer.toString(RETRIES));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SaasFault.class)
  void aFaultCostsOnlyTheBrokenCall(SaasFault fault) {
    flow.stubDomain();
    google.stubFor(
        get(urlPathEqualTo(PATH))
            .atPriority(1)
            .willReturn(
                fault.answer.apply(GoogleWorkspaceConnectorTest.wire("google-tokens-bob.json"))));
    RecordingContext ctx = new RecordingContext(settings());
    Set<Thread> before = ThreadLeaks.now();

    long start = System.nanoTime();
    new GoogleWorkspaceConnector().collect(GoogleWorkspaceConnectorTest.ACME, ctx);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("google-workspace acme.example");
              assertThat(w.message()).matches(fault.warning(CALL, PATH, RETRIES));
              assertThat(w.message()).doesNotContain(TOKEN).doesNotContain("ya29");
            });
    // alice's and carol's grants, and none of bob's
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("ChatGPT", "Otter.ai");
    assertThat(ctx.facts(FactType.SAAS_APP).get(0).attributes())
        .containsEntry("users", "1")
        .containsEntry("granted-by", "alice@acme.example");
    assertThat(ctx.isIncomplete()).isTrue();
    GoogleWorkspaceConnectorTest.assertNoToken(ctx);
    google.verify(fault.attempts(RETRIES), getRequestedFor(urlPathEqualTo(PATH)));
    google.verify(2, getRequestedFor(urlPathEqualTo(GoogleWorkspaceConnectorTest.API + "/users")));
    google.verify(
        1,
        getRequestedFor(
            urlPathEqualTo(GoogleWorkspaceConnectorTest.tokensOf("alice@acme.example"))));
    assertThat(took).as("the backoff waited").isGreaterThanOrEqualTo(fault.backoff(RETRIES));
    assertThat(took).as("no hang").isLessThan(Duration.ofSeconds(20));
    ThreadLeaks.assertNoneLeftSince(before, ThreadLeaks.OKHTTP_SHARED);
    assertThat(SaasHttp.connectionsInUse())
        .as("connections still held after collect (an answer never closed)")
        .isZero();
  }
}
