package dev.aiscan.connectors.saas.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
  @EnumSource(Broken.class)
  void aFaultCostsOnlyTheBrokenCall(Broken fault) {
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
