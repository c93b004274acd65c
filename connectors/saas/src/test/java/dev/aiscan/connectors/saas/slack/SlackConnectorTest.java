package dev.aiscan.connectors.saas.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.testkit.RecordingContext;
import dev.aiscan.testkit.VendorFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack connector against WireMock serving Slack's published examples of {@code
 * admin.apps.approved.list} and {@code admin.apps.requests.list} from {@code
 * ../shared/fixtures/vendor/slack/} in place, and a hand-written first page holding an AI app (the
 * published examples hold none), with the cursor to the published page.
 */
class SlackConnectorTest {
  static final String TOKEN =
      "xoxp-1111111111-2222222222-3333333333-abcdefabcdefabcdefabcdefabcdef12";
  static final Target ORG = new Target("slack:E0ACMEEXMPL", "slack", "Acme Corp", "E0ACMEEXMPL");

  WireMockServer slack;

  @BeforeEach
  void start() {
    slack = new WireMockServer(wireMockConfig().dynamicPort());
    slack.start();
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
            slack.baseUrl() + "/api"));
  }

  static String vendor(String path) {
    return VendorFixtures.read("slack/" + path);
  }

  static String wire(String name) {
    try (InputStream in = SlackConnectorTest.class.getResourceAsStream("/wire/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void stubApps() {
    slack.stubFor(
        get(urlPathEqualTo("/api/admin.apps.approved.list"))
            .withQueryParam("cursor", absent())
            .willReturn(okJson(wire("slack-admin.apps.approved.list-page1.json"))));
    slack.stubFor(
        get(urlPathEqualTo("/api/admin.apps.approved.list"))
            .withQueryParam("cursor", equalTo("dGVhbTpDMDYxRkE1UEI="))
            .willReturn(okJson(vendor("web-api/admin.apps.approved.list.json"))));
    slack.stubFor(
        get(urlPathEqualTo("/api/admin.apps.requests.list"))
            .willReturn(okJson(vendor("web-api/admin.apps.requests.list.json"))));
  }

  @Test
  void approvedAndRequestedAppsBecomeSaasAppFactsAcrossPages() {
    stubApps();
    RecordingContext ctx = new RecordingContext(settings());

    new SlackConnector().collect(ORG, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.values(FactType.SAAS_APP))
        .containsExactly("Otter.ai", "My Test App", "Test App");
    Fact otter = ctx.facts(FactType.SAAS_APP).get(0);
    assertThat(otter.location().resource()).isEqualTo("slack:E0ACMEEXMPL/app/A05OTTEREXM");
    assertThat(otter.attributes())
        .containsEntry("domain", "otter.ai")
        .containsEntry("client-id", "A05OTTEREXM")
        .containsEntry("state", "approved")
        .containsEntry("scopes", "channels:history,calls:read");
    Fact requested = ctx.facts(FactType.SAAS_APP).get(2);
    assertThat(requested.attributes())
        .containsEntry("state", "requested")
        .containsEntry("domain", "testapp.com")
        .containsEntry("scopes", "incoming-webhook");
    // the cursor was followed, the token sent as a bearer token
    slack.verify(
        2,
        getRequestedFor(urlPathEqualTo("/api/admin.apps.approved.list"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    slack.verify(
        getRequestedFor(urlPathEqualTo("/api/admin.apps.approved.list"))
            .withQueryParam("cursor", equalTo("dGVhbTpDMDYxRkE1UEI=")));
  }

  @Test
  void theCatalogueNamesTheAiApp() {
    stubApps();
    ScanResult r =
        new ScanEngine(List.of(new SlackConnector()), RuleEngine.loadDefault(), "test")
            .scan(ScanRequest.of(List.of(ORG), settings()), ScanListener.NONE);

    assertThat(r.findings()).extracting(Finding::provider).containsExactly("otter-ai");
    assertThat(r.findings().get(0).location().resource())
        .isEqualTo("slack:E0ACMEEXMPL/app/A05OTTEREXM");
  }

  @Test
  void aMissingScopeIsOneWarningAndTheOtherListIsRead() {
    stubApps();
    slack.stubFor(
        get(urlPathEqualTo("/api/admin.apps.approved.list"))
            .atPriority(1)
            .willReturn(
                okJson(
                    "{\"ok\": false, \"error\": \"missing_scope\", \"needed\": \"admin.apps:read\", \"provided\": \"admin\"}")));
    RecordingContext ctx = new RecordingContext(settings());

    new SlackConnector().collect(ORG, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("slack Acme Corp");
              assertThat(w.message())
                  .isEqualTo(
                      "admin.apps.approved.list refused: admin.apps.approved.list: missing_scope (needs admin.apps:read); the token needs admin.apps:read (an org admin's user token)");
            });
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("Test App");
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void rateLimitingWaitsForRetryAfterAndAMalformedAnswerIsAWarning() {
    stubApps();
    slack.stubFor(
        get(urlPathEqualTo("/api/admin.apps.requests.list"))
            .atPriority(1)
            .inScenario("r")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("broken"));
    slack.stubFor(
        get(urlPathEqualTo("/api/admin.apps.requests.list"))
            .atPriority(1)
            .inScenario("r")
            .whenScenarioStateIs("broken")
            .willReturn(okJson("{\"ok\": true, \"app_requests\": [{\"app\": ")));
    RecordingContext ctx = new RecordingContext(settings());

    new SlackConnector().collect(ORG, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith("admin.apps.requests.list answered a malformed response"));
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("Otter.ai", "My Test App");
    slack.verify(2, getRequestedFor(urlPathEqualTo("/api/admin.apps.requests.list")));
  }

  @Test
  void theTokensOrganisationIsTheTargetAndARevokedTokenIsOneLine() {
    slack.stubFor(
        get(urlPathEqualTo("/api/auth.test")).willReturn(okJson(wire("slack-auth.test.json"))));
    assertThat(SlackTargets.resolve(settings())).containsExactly(ORG);

    slack.stubFor(
        get(urlPathEqualTo("/api/auth.test"))
            .atPriority(1)
            .willReturn(okJson("{\"ok\": false, \"error\": \"token_revoked\"}")));
    assertThatThrownBy(() -> SlackTargets.resolve(settings()))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage("Slack token: auth.test: token_revoked")
        .hasMessageNotContaining("xoxp");
  }
}
