package dev.aiscan.connectors.saas.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SaaS connectors' HTTP client against WireMock: retries, waits, failures. */
class SaasHttpTest {
  WireMockServer server;
  SaasHttp http;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    http = new SaasHttp(Duration.ofSeconds(1), 2, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  HttpUrl url(String path) {
    return HttpUrl.get(server.baseUrl() + path);
  }

  @Test
  void a429WaitsWhatRetryAfterSaysThenSucceeds() {
    server.stubFor(
        get(urlEqualTo("/list"))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo("/list"))
            .inScenario("s")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"data\": [1, 2]}")));

    long start = System.nanoTime();
    SaasHttp.Answer a = http.get(url("/list"), Map.of("Authorization", "Bearer t0ken"));
    long waited = (System.nanoTime() - start) / 1_000_000;

    assertThat(a.body().path("data")).hasSize(2);
    assertThat(waited).isGreaterThanOrEqualTo(900);
    server.verify(
        2,
        getRequestedFor(urlEqualTo("/list"))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer t0ken")));
  }

  @Test
  void theVendorsRateLimitHeadersSetTheWaitCapped() {
    Instant now = Instant.parse("2026-11-26T12:00:00Z");
    SaasHttp fixed =
        new SaasHttp(
            Duration.ofSeconds(1), 2, Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC));

    assertThat(fixed.retryAfter(Headers.of("Retry-After", "7"), 0))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(fixed.retryAfter(Headers.of("retry-after-ms", "1500"), 0))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(fixed.retryAfter(Headers.of("Retry-After", "Thu, 26 Nov 2026 12:00:04 GMT"), 0))
        .isEqualTo(Duration.ofSeconds(4));
    // GitHub: the reset time, when nothing remains
    assertThat(
            fixed.retryAfter(
                Headers.of(
                    "x-ratelimit-remaining",
                    "0",
                    "x-ratelimit-reset",
                    Long.toString(now.getEpochSecond() + 12)),
                0))
        .isEqualTo(Duration.ofSeconds(12));
    // Anthropic: an RFC 3339 reset time
    assertThat(
            fixed.retryAfter(
                Headers.of("anthropic-ratelimit-requests-reset", "2026-11-26T12:00:03Z"), 0))
        .isEqualTo(Duration.ofSeconds(3));
    // a wait longer than allowed is capped; nothing usable falls back to backoff
    assertThat(fixed.retryAfter(Headers.of("Retry-After", "3600"), 0))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(fixed.retryAfter(Headers.of("Retry-After", "soon"), 1))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void gitHubsRateLimit403IsAWaitNotARefusal() {
    server.stubFor(
        get(urlEqualTo("/orgs/acme/repos"))
            .inScenario("gh")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", "0")
                    .withBody("{\"message\": \"API rate limit exceeded\"}"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo("/orgs/acme/repos"))
            .inScenario("gh")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("[]")));

    assertThat(http.get(url("/orgs/acme/repos"), Map.of()).body().isArray()).isTrue();
    server.verify(2, getRequestedFor(urlEqualTo("/orgs/acme/repos")));
  }

  @Test
  void stillThrottledAfterTheRetriesIsThrottled() {
    server.stubFor(
        get(urlEqualTo("/busy"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

    assertThatThrownBy(() -> http.get(url("/busy"), Map.of()))
        .isInstanceOfSatisfying(
            SaasException.class, e -> assertThat(e.kind()).isEqualTo(SaasException.Kind.THROTTLED))
        .hasMessage("/busy: HTTP 429 after 3 attempts");
  }

  @Test
  void aSlowEndpointTimesOutAfterTheRetries() {
    server.stubFor(get(urlEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(3000)));

    assertThatThrownBy(() -> http.get(url("/slow"), Map.of()))
        .isInstanceOfSatisfying(
            SaasException.class, e -> assertThat(e.kind()).isEqualTo(SaasException.Kind.TIMEOUT));
    server.verify(3, getRequestedFor(urlEqualTo("/slow")));
  }

  @Test
  void refusedMalformedAndRedirectedAnswersFailClearly() {
    server.stubFor(
        get(urlEqualTo("/denied"))
            .willReturn(
                aResponse().withStatus(403).withBody("{\"message\": \"Must have admin rights\"}")));
    server.stubFor(get(urlEqualTo("/broken")).willReturn(okJson("{\"data\": [")));
    server.stubFor(
        get(urlEqualTo("/moved"))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")));

    assertThatThrownBy(() -> http.get(url("/denied"), Map.of("Authorization", "Bearer s3cret")))
        .isInstanceOfSatisfying(
            SaasException.class, e -> assertThat(e.kind()).isEqualTo(SaasException.Kind.DENIED))
        .hasMessage("/denied: HTTP 403: {\"message\": \"Must have admin rights\"}")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> http.get(url("/broken"), Map.of()))
        .isInstanceOfSatisfying(
            SaasException.class, e -> assertThat(e.kind()).isEqualTo(SaasException.Kind.MALFORMED));
    // never followed: the token must not travel to another host
    assertThatThrownBy(() -> http.get(url("/moved"), Map.of()))
        .isInstanceOfSatisfying(SaasException.class, e -> assertThat(e.status()).isEqualTo(302));
  }
}
