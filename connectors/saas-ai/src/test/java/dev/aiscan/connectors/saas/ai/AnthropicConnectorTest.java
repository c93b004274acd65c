package dev.aiscan.connectors.saas.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.aiscan.connectors.saas.ai.Bodies.assertNoToken;
import static dev.aiscan.connectors.saas.ai.Bodies.vendor;
import static dev.aiscan.connectors.saas.ai.Bodies.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.AssetLink;
import dev.aiscan.core.register.Correlator;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.testkit.RecordingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic connector against WireMock serving Anthropic's published examples (workspaces, API
 * keys, the Messages usage report) from {@code ../shared/fixtures/vendor/anthropic/} in place. The
 * published lists and report say {@code has_more: true}; their second pages, the users list and
 * {@code /organizations/me} have no published example and are written by hand ({@code
 * src/test/resources/wire/}, see its README).
 */
class AnthropicConnectorTest {
  static final String TOKEN =
      "sk-ant-admin01-EXAMPLEKEYnotREALEXAMPLEKEYnotREALEXAMPLEKEYnotREALEXAMPLEKEYnotREALEXAMPLEKEYnotREALEXAMPLEKAA";
  static final String ORG_ID = "12345678-1234-5678-1234-567812345678";
  static final Target ORG = new Target("anthropic:" + ORG_ID, "anthropic", "Acme Example", ORG_ID);

  /** starting_at is a week before, at midnight: 2025-08-01T00:00:00Z. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-08T12:00:00Z"), ZoneOffset.UTC);

  static final String WS = "anthropic:" + ORG_ID + "/workspace/wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ";
  static final String KEY_AT = WS + "/api_key/apikey_01Rj2N8SVvo6BePZj99NhmiT";
  static final String NEXT_PAGE = "2019-12-27T18:11:19.117Z";

  WireMockServer anthropic;

  @BeforeEach
  void start() {
    anthropic = new WireMockServer(wireMockConfig().dynamicPort());
    anthropic.start();
  }

  @AfterEach
  void stop() {
    anthropic.stop();
  }

  Settings settings(String... more) {
    Map<String, String> s = new HashMap<>();
    s.put("connectors.anthropic.token", TOKEN);
    s.put("connectors.anthropic.base-url", anthropic.baseUrl() + "/v1");
    for (int i = 0; i + 1 < more.length; i += 2) {
      s.put(more[i], more[i + 1]);
    }
    return Settings.of(s);
  }

  void stubOrganisation() {
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/me"))
            .willReturn(okJson(wire("anthropic-organizations-me.json"))));
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/users"))
            .willReturn(okJson(wire("anthropic-users.json"))));
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/workspaces"))
            .withQueryParam("after_id", absent())
            .willReturn(okJson(vendor("anthropic/workspaces/list_workspaces.json"))));
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/workspaces"))
            .withQueryParam("after_id", equalTo("last_id"))
            .willReturn(okJson(wire("anthropic-workspaces-page2.json"))));
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/api_keys"))
            .withQueryParam("after_id", absent())
            .willReturn(okJson(vendor("anthropic/api_keys/list_api_keys.json"))));
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/api_keys"))
            .withQueryParam("after_id", equalTo("last_id"))
            .willReturn(okJson(wire("anthropic-api-keys-page2.json"))));
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/usage_report/messages"))
            .withQueryParam("page", absent())
            .willReturn(okJson(vendor("anthropic/usage_report/messages_usage_report.json"))));
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/usage_report/messages"))
            .withQueryParam("page", equalTo(NEXT_PAGE))
            .willReturn(okJson(wire("anthropic-usage-page2.json"))));
  }

  RecordingContext collect(Settings settings) {
    RecordingContext ctx = new RecordingContext(settings);
    new AnthropicConnector(CLOCK).collect(ORG, ctx);
    assertNoToken(ctx, TOKEN);
    return ctx;
  }

  @Test
  void workspacesKeysAndUsageBecomeFactsAcrossPages() {
    stubOrganisation();

    RecordingContext ctx = collect(settings());

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .extracting(
            f -> f.location().resource(), f -> f.attribute("name"), f -> f.attribute("state"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WS, "Workspace Name", "archived"),
            org.assertj.core.groups.Tuple.tuple(
                "anthropic:" + ORG_ID + "/workspace/wrkspc_01ExampleResearchxxxxxx",
                "Research",
                "active"));
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .extracting(Fact::value)
        .containsOnly("Anthropic::Workspace");

    assertThat(ctx.values(FactType.API_KEY))
        .containsExactly("sk-ant-api03-R2D...igAA", "sk-ant-api03-Exa...mpAA");
    Fact key = ctx.facts(FactType.API_KEY).get(0);
    assertThat(key.location().resource()).isEqualTo(KEY_AT);
    assertThat(key.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "name", "Developer Key",
                "owner", "alice@example.com",
                "created", "2024-10-30T23:58:27.427722Z",
                "project", "Workspace Name",
                "state", "active",
                "origin", "anthropic"));
    Fact inDefault = ctx.facts(FactType.API_KEY).get(1);
    assertThat(inDefault.location().resource())
        .isEqualTo(
            "anthropic:" + ORG_ID + "/workspace/default/api_key/apikey_01ExampleDefaultxxxxxxx");
    assertThat(inDefault.attributes())
        .containsEntry("project", "Default")
        .containsEntry("owner", "bob@example.com")
        .containsEntry("state", "inactive");

    List<Fact> usage = ctx.facts(FactType.USAGE_EVENT);
    assertThat(usage).extracting(Fact::value).containsOnly("anthropic:messages");
    assertThat(usage)
        .extracting(f -> f.location().resource())
        .containsExactly(KEY_AT, "anthropic:" + ORG_ID);
    assertThat(usage.get(0).attributes())
        .as("two days of one model and key, cache reads and writes counted as input")
        .containsEntry("model", "claude-sonnet-4-20250514")
        .containsEntry("input-tokens", "4000")
        .containsEntry("output-tokens", "750")
        .containsEntry("principal", KEY_AT)
        .containsEntry("first-seen", "2025-08-01T00:00:00Z")
        .containsEntry("last-seen", "2025-08-03T00:00:00Z")
        .doesNotContainKey("count");
    assertThat(usage.get(1).attributes()).containsEntry("model", "claude-3-5-haiku-20241022");

    // the key and version headers, the cursors, the opaque page token, the report's query
    anthropic.verify(
        2,
        getRequestedFor(urlPathEqualTo("/v1/organizations/api_keys"))
            .withHeader("x-api-key", equalTo(TOKEN))
            .withHeader("anthropic-version", equalTo("2023-06-01")));
    anthropic.verify(
        getRequestedFor(urlPathEqualTo("/v1/organizations/workspaces"))
            .withQueryParam("after_id", equalTo("last_id"))
            .withQueryParam("include_archived", equalTo("true"))
            .withQueryParam("limit", equalTo("100")));
    List<LoggedRequest> reports =
        anthropic.findAll(
            getRequestedFor(urlPathEqualTo("/v1/organizations/usage_report/messages")));
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0).queryParameter("starting_at").firstValue())
        .isEqualTo("2025-08-01T00:00:00Z");
    assertThat(reports.get(0).queryParameter("group_by[]").values())
        .containsExactly("model", "api_key_id");
    assertThat(reports.get(0).queryParameter("bucket_width").firstValue()).isEqualTo("1d");
    assertThat(reports.get(1).queryParameter("page").firstValue()).isEqualTo(NEXT_PAGE);
  }

  @Test
  void theCatalogueNamesTheKeysAndLinksAKeyInCodeToItsHint() {
    stubOrganisation();
    // a real-format key whose ends are those of the published hint sk-ant-api03-R2D...igAA
    String key = "sk-ant-api03-R2D" + "x".repeat(88) + "igAA";
    Target shop = new Target("source:/shop", "source", "shop", "/shop");

    ScanResult r =
        new ScanEngine(
                List.of(new AnthropicConnector(CLOCK), new DotEnv(key)),
                RuleEngine.loadDefault(),
                "test")
            .scan(ScanRequest.of(List.of(ORG, shop), settings()), ScanListener.NONE);

    assertThat(r.findings())
        .filteredOn(f -> f.targetId().equals(ORG.id()))
        .extracting(Finding::ruleId)
        .containsExactlyInAnyOrder(
            "anthropic-organization-workspace",
            "anthropic-organization-workspace",
            "anthropic-admin-api-key",
            "anthropic-admin-api-key",
            "anthropic-organization-usage",
            "anthropic-organization-usage");
    Finding inventory =
        r.findings().stream()
            .filter(f -> f.ruleId().equals("anthropic-admin-api-key"))
            .filter(f -> f.location().resource().equals(KEY_AT))
            .findFirst()
            .orElseThrow();
    assertThat(inventory.fingerprint()).isEqualTo("sk-ant-api03-R2D...igAA");
    assertThat(inventory.evidence())
        .isEqualTo(
            "API key Developer Key (sk-ant-api03-R2D...igAA) in workspace Workspace Name, owner"
                + " alice@example.com");
    Finding code =
        r.findings().stream()
            .filter(f -> f.ruleId().equals("anthropic-api-key"))
            .findFirst()
            .orElseThrow();
    assertThat(code.fingerprint()).isEqualTo(Secrets.fingerprint(key));

    List<AssetLink> links = Correlator.links(r);

    assertThat(links)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo("api-key");
              assertThat(l.reason())
                  .as("either side first, as the findings are ordered")
                  .startsWith("the same API key (sk-a")
                  .contains("…igAA) is in ")
                  .contains(".env:2")
                  .contains(KEY_AT)
                  .doesNotContain("xxxxxxxx");
            });
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.evidence()).doesNotContain(TOKEN));
  }

  @Test
  void aRefusedListIsOneWarningAndTheRestIsRead() {
    stubOrganisation();
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/users"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"type\": \"error\", \"error\": {\"type\": \"authentication_error\","
                            + " \"message\": \"invalid x-api-key\"}}")));

    RecordingContext ctx = collect(settings());

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("anthropic Acme Example");
              assertThat(w.message())
                  .startsWith("GET /organizations/users refused: /v1/organizations/users: HTTP 401")
                  .endsWith("the token needs " + AnthropicConnector.NEEDS);
            });
    assertThat(ctx.isIncomplete()).isTrue();
    assertThat(ctx.facts(FactType.API_KEY).get(0).attribute("owner"))
        .as("without the users list, the creator's id")
        .isEqualTo("user_01WCz1FkmYMm4gnmykNKUu3Q");
    assertThat(ctx.facts(FactType.USAGE_EVENT)).hasSize(2);
  }

  @Test
  void rateLimitingWaitsAndAMalformedListIsAWarning() {
    stubOrganisation();
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/api_keys"))
            .atPriority(1)
            .inScenario("limited")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("retry-after", "1"))
            .willSetStateTo("open"));
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/workspaces"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

    RecordingContext ctx = collect(settings());

    anthropic.verify(3, getRequestedFor(urlPathEqualTo("/v1/organizations/api_keys")));
    assertThat(ctx.values(FactType.API_KEY)).hasSize(2);
    assertThat(ctx.facts(FactType.API_KEY).get(0).attribute("project"))
        .as("without the workspaces, the workspace id")
        .isEqualTo("wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ");
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE)).isEmpty();
    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith("GET /organizations/workspaces answered a malformed response"));
  }

  @Test
  void aSlowReportTimesOutAsAWarning() {
    stubOrganisation();
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/usage_report/messages"))
            .atPriority(1)
            .willReturn(okJson(wire("anthropic-usage-page2.json")).withFixedDelay(1500)));

    RecordingContext ctx = collect(settings("connectors.anthropic.timeout", "0.2"));

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith("GET /organizations/usage_report/messages timed out"));
    assertThat(ctx.facts(FactType.USAGE_EVENT)).isEmpty();
    assertThat(ctx.values(FactType.API_KEY)).hasSize(2);
  }

  @Test
  void theOrganisationIsTheTargetAndARefusedKeyIsOneLine() {
    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/me"))
            .willReturn(okJson(wire("anthropic-organizations-me.json"))));
    assertThat(AnthropicTargets.resolve(settings())).containsExactly(ORG);
    anthropic.verify(
        getRequestedFor(urlPathEqualTo("/v1/organizations/me"))
            .withHeader("x-api-key", equalTo(TOKEN))
            .withHeader("anthropic-version", equalTo("2023-06-01")));
    assertThat(AnthropicTargets.resolve(settings("connectors.anthropic.organization", "acme")))
        .extracting(Target::id, Target::location)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("anthropic:acme", "acme"));

    anthropic.stubFor(
        get(urlPathEqualTo("/v1/organizations/me"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(403).withBody("{\"type\": \"error\"}")));
    assertThatThrownBy(() -> AnthropicTargets.resolve(settings()))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage(
            "Anthropic Admin API key: /v1/organizations/me: HTTP 403: {\"type\": \"error\"}")
        .hasMessageNotContaining(TOKEN);
  }

  /** A source tree holding the key in {@code .env} line 2, as the source connector reports it. */
  private record DotEnv(String key) implements Connector {
    @Override
    public String id() {
      return "dotenv";
    }

    @Override
    public boolean accepts(Target target) {
      return target.kind().equals("source");
    }

    @Override
    public void collect(Target target, CollectContext context) {
      context.emit(
          new Fact(
              FactType.STRING_LITERAL,
              key,
              target,
              Location.file(".env", 2),
              Map.of(Fact.Attr.LANGUAGE, "dotenv", Fact.Attr.KEY, "ANTHROPIC_API_KEY")));
    }
  }
}
