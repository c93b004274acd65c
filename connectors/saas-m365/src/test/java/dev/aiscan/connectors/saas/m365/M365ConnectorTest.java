package dev.aiscan.connectors.saas.m365;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.testkit.RecordingContext;
import dev.aiscan.testkit.VendorFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Microsoft 365 connector against WireMock serving Microsoft Graph's published examples from
 * {@code ../shared/fixtures/vendor/microsoft-graph/} in place ({@code servicePrincipals/list.json}
 * as the second page of service principals, {@code oauth2PermissionGrants/list.json} as the second
 * page of grants, {@code subscribedSkus/list.json}, and the Copilot usage report, which is not
 * valid JSON as published). The first pages, {@code organization}, app role assignments, a Copilot
 * subscription and a valid Copilot usage report are written by hand in the documented shapes
 * ({@code src/test/resources/wire/}, see its README): the published examples hold no AI app, no
 * Copilot licence and no second page.
 */
class M365ConnectorTest {
  static final String TOKEN =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2VjcmV0LXNpZ25hdHVyZS1leGFtcGxl";
  static final String TENANT = "9a8b7c6d-1111-4222-8333-444455556666";
  static final Target ORG = new Target("m365:" + TENANT, "m365", "Acme Corp (example)", TENANT);
  static final String CHATGPT_SP = "263a5b01-03e5-408e-8557-bab681df104c";
  static final String GRAPH_SP = "1804a6f8-e623-4520-8f40-ba1b0c11c42d";
  static final String REPORT = "/beta/reports/getMicrosoft365CopilotUsageUserDetail(period='D7')";

  WireMockServer graph;

  @BeforeEach
  void start() {
    graph = new WireMockServer(wireMockConfig().dynamicPort());
    graph.start();
  }

  @AfterEach
  void stop() {
    graph.stop();
  }

  Settings settings(String... more) {
    Map<String, String> s = new HashMap<>();
    s.put("connectors.m365.token", TOKEN);
    s.put("connectors.m365.base-url", graph.baseUrl());
    for (int i = 0; i < more.length; i += 2) {
      s.put(more[i], more[i + 1]);
    }
    return Settings.of(s);
  }

  static String vendor(String path) {
    return VendorFixtures.read("microsoft-graph/" + path);
  }

  /** A hand-written body, with {@code {{base}}} in next links pointing at the WireMock server. */
  String wire(String name) {
    try (InputStream in = M365ConnectorTest.class.getResourceAsStream("/wire/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{base}}", graph.baseUrl());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole tenant: two pages of apps and of grants, roles, a Copilot licence, usage. */
  void stubTenant() {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/servicePrincipals"))
            .withQueryParam("$skiptoken", absent())
            .willReturn(okJson(wire("m365-servicePrincipals-page1.json"))));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/servicePrincipals"))
            .withQueryParam(
                "$skiptoken", equalTo("RFNwdAIAAQAAACpTZXJ2aWNlUHJpbmNpcGFsX2V4YW1wbGU"))
            .willReturn(okJson(vendor("servicePrincipals/list.json"))));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/oauth2PermissionGrants"))
            .withQueryParam("$skiptoken", absent())
            .willReturn(okJson(wire("m365-oauth2PermissionGrants-page1.json"))));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/oauth2PermissionGrants"))
            .withQueryParam("$skiptoken", equalTo("X2V4YW1wbGVfcGFnZV8y"))
            .willReturn(okJson(vendor("oauth2PermissionGrants/list.json"))));
    graph.stubFor(
        get(urlPathMatching("/v1.0/servicePrincipals/[^/]+/appRoleAssignments"))
            .atPriority(9)
            .willReturn(okJson("{\"value\": []}")));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/servicePrincipals/" + CHATGPT_SP + "/appRoleAssignments"))
            .willReturn(okJson(wire("m365-appRoleAssignments.json"))));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/servicePrincipals/" + GRAPH_SP))
            .willReturn(okJson(wire("m365-graph-appRoles.json"))));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/subscribedSkus"))
            .willReturn(okJson(wire("m365-subscribedSkus.json"))));
    graph.stubFor(
        get(urlPathEqualTo(REPORT))
            .withQueryParam("$format", equalTo("application/json"))
            .willReturn(okJson(wire("m365-copilot-usage.json"))));
  }

  Fact app(RecordingContext ctx, String name) {
    return ctx.facts(FactType.SAAS_APP).stream()
        .filter(f -> f.value().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The token appears in no fact, warning or message. */
  static void assertNoToken(RecordingContext ctx) {
    for (Fact f : ctx.facts()) {
      assertThat(f.value()).doesNotContain(TOKEN);
      assertThat(f.location().toString()).doesNotContain(TOKEN);
      assertThat(f.attributes().values()).noneMatch(v -> v.contains(TOKEN));
    }
    for (Warning w : ctx.warnings()) {
      assertThat(w.source() + " " + w.message()).doesNotContain(TOKEN).doesNotContain("eyJ0");
    }
  }

  @Test
  void thirdPartyAppsWithTheirConsentsAndRolesBecomeSaasAppFactsAcrossPages() {
    stubTenant();
    RecordingContext ctx = new RecordingContext(settings());

    new M365Connector().collect(ORG, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
    // Microsoft Graph (Microsoft's), Acme Expenses (the tenant's own) and the managed identity
    // are not third-party apps; Otter.ai is a gallery app; "foo" is the published page 2
    assertThat(ctx.values(FactType.SAAS_APP))
        .containsExactly("ChatGPT", "Otter.ai", "foo", "Microsoft 365 Copilot");

    Fact chatgpt = app(ctx, "ChatGPT");
    assertThat(chatgpt.location().resource())
        .isEqualTo("m365:" + TENANT + "/app/0e5a1b2c-0000-4000-8000-00000000c4a7");
    assertThat(chatgpt.attributes())
        .containsEntry("origin", "m365")
        .containsEntry("client-id", "0e5a1b2c-0000-4000-8000-00000000c4a7")
        .containsEntry("domain", "chatgpt.com")
        .containsEntry("state", "consented")
        .containsEntry("publisher", "OpenAI (example)")
        .containsEntry("publisher-verified", "true")
        .containsEntry("owner-tenant", "0a0b0c0d-0000-4000-8000-0000000000a1")
        .containsEntry("consent", "user,admin")
        .containsEntry("consented-by", "d1d1d1d1-0000-4000-8000-0000000000d1")
        .containsEntry("users", "1")
        .containsEntry("app-roles", "Mail.Read,Files.Read.All");
    // the user's scopes first, then the admin's of the published grants, each once
    assertThat(chatgpt.attribute("scopes"))
        .startsWith(
            "openid,profile,offline_access,User.Read,Mail.Read,Files.Read.All,"
                + "Group.ReadWrite.All,Tasks.ReadWrite,Files.ReadWrite.All")
        .contains(",Directory.ReadWrite.All,")
        .endsWith(",DeviceManagementServiceConfiguration.ReadWrite.All");
    assertThat(chatgpt.attribute("scopes").split(",")).doesNotHaveDuplicates();

    Fact otter = app(ctx, "Otter.ai");
    assertThat(otter.attributes())
        .containsEntry("domain", "otter.ai") // the localhost reply URL is skipped
        .containsEntry("template", "7a7a7a7a-0000-4000-8000-000000000007")
        .containsEntry("consent", "user")
        .containsEntry("scopes", "User.Read,Calendars.Read")
        .doesNotContainKey("app-roles");

    Fact foo = app(ctx, "foo");
    assertThat(foo.location().resource())
        .isEqualTo("m365:" + TENANT + "/app/65415bb1-9267-4313-bbf5-ae259732ee12");
    assertThat(foo.attributes())
        .containsEntry("client-id", "65415bb1-9267-4313-bbf5-ae259732ee12")
        .containsEntry("publisher", "Contoso")
        .containsEntry("state", "present")
        .doesNotContainKeys("domain", "scopes", "consent");

    // the bearer token on every call, $select on the list, both next links followed
    graph.verify(
        2,
        getRequestedFor(urlPathEqualTo("/v1.0/servicePrincipals"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    graph.verify(
        getRequestedFor(urlPathEqualTo("/v1.0/servicePrincipals"))
            .withQueryParam("$select", equalTo(M365Apps.SELECT))
            .withQueryParam("$top", equalTo("999")));
    graph.verify(
        getRequestedFor(urlPathEqualTo("/v1.0/oauth2PermissionGrants"))
            .withQueryParam("$skiptoken", equalTo("X2V4YW1wbGVfcGFnZV8y"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    // role assignments only for the three third-party apps; Graph's roles read once
    graph.verify(
        3, getRequestedFor(urlPathMatching("/v1.0/servicePrincipals/.+/appRoleAssignments")));
    graph.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v1.0/servicePrincipals/" + GRAPH_SP))
            .withQueryParam("$select", equalTo("id,appRoles")));
    assertNoToken(ctx);
  }

  @Test
  void copilotSeatsAndEachActiveUserBecomeFacts() {
    stubTenant();
    RecordingContext ctx = new RecordingContext(settings());

    new M365Connector().collect(ORG, ctx);

    Fact copilot = app(ctx, "Microsoft 365 Copilot");
    assertThat(copilot.location().resource())
        .isEqualTo("m365:" + TENANT + "/sku/c2c2c2c2-0000-4000-8000-0000000000c2");
    assertThat(copilot.attributes())
        .containsEntry("sku", "Microsoft_365_Copilot")
        .containsEntry("seats", "300")
        .containsEntry("assigned", "212")
        .containsEntry("state", "enabled");

    // Lee Gu has a licence but no activity: no event
    List<Fact> usage = ctx.facts(FactType.USAGE_EVENT);
    assertThat(usage).extracting(Fact::value).containsExactly("m365:copilot", "m365:copilot");
    assertThat(usage.get(0).location().resource())
        .isEqualTo("m365:" + TENANT + "/copilot/user/adele.vance@acme.example");
    assertThat(usage.get(0).attributes())
        .containsEntry("principal", "adele.vance@acme.example")
        .containsEntry("last-seen", "2024-06-24T00:00:00Z")
        .containsEntry("apps", "copilotChat,microsoftTeams,outlook")
        .containsEntry("origin", "m365-copilot-usage");
    assertThat(usage.get(1).attributes())
        .containsEntry("principal", "megan.bowen@acme.example")
        .containsEntry("last-seen", "2024-06-12T00:00:00Z")
        .containsEntry("apps", "word,powerPoint");
    graph.verify(
        getRequestedFor(urlPathEqualTo(REPORT))
            .withQueryParam("$format", equalTo("application/json"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertNoToken(ctx);
  }

  @Test
  void thePublishedCopilotReportIsNotJsonSoItIsOneWarningAndTheRestIsRead() {
    stubTenant();
    graph.stubFor(
        get(urlPathEqualTo(REPORT))
            .atPriority(1)
            .willReturn(okJson(vendor("reports/getMicrosoft365CopilotUsageUserDetail.json"))));
    RecordingContext ctx = new RecordingContext(settings());

    new M365Connector().collect(ORG, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("m365 Acme Corp (example)");
              assertThat(w.message())
                  .startsWith(
                      "reports/getMicrosoft365CopilotUsageUserDetail(period='D7') answered a"
                          + " malformed response");
            });
    assertThat(ctx.facts(FactType.USAGE_EVENT)).isEmpty();
    assertThat(ctx.values(FactType.SAAS_APP)).contains("ChatGPT", "Microsoft 365 Copilot");
    assertThat(ctx.isIncomplete()).isTrue();
    assertNoToken(ctx);
  }

  @Test
  void concealedUserNamesInTheReportAreKeptAndSaidOnce() {
    stubTenant();
    String concealed =
        "{\"value\": [{\"userPrincipalName\": \"DC8C64D6EC3A3AA17481D7E5EB5B68A6\","
            + " \"lastActivityDate\": \"2024-06-12\", \"wordCopilotLastActivityDate\": \"2024-03-29\"},"
            + " {\"userPrincipalName\": \"0A1B2C3D4E5F60718293A4B5C6D7E8F9\","
            + " \"lastActivityDate\": \"2024-06-11\"}]}";
    graph.stubFor(get(urlPathEqualTo(REPORT)).atPriority(1).willReturn(okJson(concealed)));
    RecordingContext ctx = new RecordingContext(settings());

    new M365Connector().collect(ORG, ctx);

    assertThat(ctx.facts(FactType.USAGE_EVENT))
        .extracting(f -> f.attribute("principal"))
        .containsExactly("DC8C64D6EC3A3AA17481D7E5EB5B68A6", "0A1B2C3D4E5F60718293A4B5C6D7E8F9");
    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("conceals user names"));
    assertThat(ctx.isIncomplete()).isFalse();
  }

  @Test
  void thePublishedSubscriptionsHoldNoCopilot() {
    stubTenant();
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/subscribedSkus"))
            .atPriority(1)
            .willReturn(okJson(vendor("subscribedSkus/list.json"))));
    RecordingContext ctx = new RecordingContext(settings());

    new M365Connector().collect(ORG, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("ChatGPT", "Otter.ai", "foo");
  }

  @Test
  void theCatalogueNamesTheAiApps() {
    stubTenant();
    ScanResult r =
        new ScanEngine(List.of(new M365Connector()), RuleEngine.loadDefault(), "test")
            .scan(ScanRequest.of(List.of(ORG), settings()), ScanListener.NONE);

    assertThat(r.findings())
        .filteredOn(f -> !f.ruleId().equals("microsoft-copilot-usage"))
        .extracting(Finding::provider)
        .containsExactlyInAnyOrder("chatgpt", "otter-ai", "microsoft-copilot");
    // and the use: one finding per user with Copilot activity
    assertThat(r.findings())
        .filteredOn(f -> f.ruleId().equals("microsoft-copilot-usage"))
        .extracting(f -> f.location().resource())
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).startsWith("m365:" + TENANT + "/copilot/user/"));
    assertThat(r.findings())
        .filteredOn(f -> f.provider().equals("chatgpt"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.location().resource())
                    .isEqualTo("m365:" + TENANT + "/app/0e5a1b2c-0000-4000-8000-00000000c4a7"));
    assertThat(r.findings())
        .filteredOn(f -> f.ruleId().equals("microsoft-copilot-saas-app"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.location().resource())
                    .isEqualTo("m365:" + TENANT + "/sku/c2c2c2c2-0000-4000-8000-0000000000c2"));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.complete(ORG.id())).isTrue();
  }

  @Test
  void refusedGrantsAreOneWarningAndTheAppsAreStillReported() {
    stubTenant();
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/oauth2PermissionGrants"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": {\"code\": \"Authorization_RequestDenied\", \"message\":"
                            + " \"Insufficient privileges to complete the operation.\"}}")));
    RecordingContext ctx = new RecordingContext(settings());

    new M365Connector().collect(ORG, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith(
                        "oauth2PermissionGrants refused: /v1.0/oauth2PermissionGrants: HTTP 403:")
                    .contains("Authorization_RequestDenied")
                    .endsWith("; the token needs Directory.Read.All"));
    assertThat(ctx.values(FactType.SAAS_APP))
        .containsExactly("ChatGPT", "Otter.ai", "foo", "Microsoft 365 Copilot");
    assertThat(app(ctx, "ChatGPT").attributes())
        .doesNotContainKeys("scopes", "consent")
        .containsEntry("app-roles", "Mail.Read,Files.Read.All");
    assertThat(ctx.facts(FactType.USAGE_EVENT)).hasSize(2);
    assertThat(ctx.isIncomplete()).isTrue();
    assertNoToken(ctx);
  }

  @Test
  void aRefusedAppListSkipsTheGrantsButNotCopilot() {
    stubTenant();
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/servicePrincipals"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(401)));
    RecordingContext ctx = new RecordingContext(settings());

    new M365Connector().collect(ORG, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .isEqualTo(
                        "servicePrincipals refused: /v1.0/servicePrincipals: HTTP 401; the token"
                            + " needs Application.Read.All"));
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("Microsoft 365 Copilot");
    graph.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/oauth2PermissionGrants")));
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void throttlingWaitsForRetryAfterThenReads() {
    stubTenant();
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/subscribedSkus"))
            .atPriority(1)
            .inScenario("throttled")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("open"));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/subscribedSkus"))
            .atPriority(1)
            .inScenario("throttled")
            .whenScenarioStateIs("open")
            .willReturn(okJson(wire("m365-subscribedSkus.json"))));
    RecordingContext ctx = new RecordingContext(settings());

    long started = System.nanoTime();
    new M365Connector().collect(ORG, ctx);

    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_000_000_000L);
    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.values(FactType.SAAS_APP)).contains("Microsoft 365 Copilot");
    graph.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
  }

  @Test
  void aSlowEndpointTimesOutAsOneWarning() {
    stubTenant();
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/subscribedSkus"))
            .atPriority(1)
            .willReturn(okJson(wire("m365-subscribedSkus.json")).withFixedDelay(2000)));
    RecordingContext ctx =
        new RecordingContext(
            settings("connectors.m365.timeout", "300ms", "connectors.m365.retries", "0"));

    new M365Connector().collect(ORG, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .isEqualTo(
                        "subscribedSkus timed out: /v1.0/subscribedSkus: no answer within the"
                            + " timeout"));
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("ChatGPT", "Otter.ai", "foo");
    assertThat(ctx.facts(FactType.USAGE_EVENT)).hasSize(2);
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowed() {
    stubTenant();
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/servicePrincipals"))
            .withQueryParam("$skiptoken", absent())
            .atPriority(1)
            .willReturn(
                okJson(
                    wire("m365-servicePrincipals-page1.json")
                        .replace(graph.baseUrl(), "https://graph.evil.example"))));
    RecordingContext ctx = new RecordingContext(settings());

    new M365Connector().collect(ORG, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .isEqualTo(
                        "/v1.0/servicePrincipals: @odata.nextLink leads to"
                            + " https://graph.evil.example, not localhost; not followed (the token"
                            + " would go with it), so the list is incomplete"));
    // the first page is kept
    assertThat(ctx.values(FactType.SAAS_APP))
        .containsExactly("ChatGPT", "Otter.ai", "Microsoft 365 Copilot");
    graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/servicePrincipals")));
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void theTokensTenantIsTheTargetAndARefusedTokenIsOneLine() {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/organization"))
            .willReturn(okJson(wire("m365-organization.json"))));
    assertThat(M365Targets.resolve(settings())).containsExactly(ORG);
    graph.verify(
        getRequestedFor(urlPathEqualTo("/v1.0/organization"))
            .withQueryParam("$select", equalTo("id,displayName"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));

    graph.stubFor(
        get(urlPathEqualTo("/v1.0/organization"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": {\"code\": \"InvalidAuthenticationToken\", \"message\":"
                            + " \"Lifetime validation failed, the token is expired.\"}}")));
    assertThatThrownBy(() -> M365Targets.resolve(settings()))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageStartingWith("Microsoft 365 token: /v1.0/organization: HTTP 401:")
        .hasMessageContaining("InvalidAuthenticationToken")
        .hasMessageEndingWith("(the token needs Directory.Read.All to read the organization)")
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining("eyJ0");
  }

  @Test
  void aMissingTokenNamesTheVariableAndTheFileFlag() {
    assertThatThrownBy(() -> M365Targets.resolve(Settings.empty()))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("M365_TOKEN")
        .hasMessageContaining("--m365-token-file");
    assertThat(M365Settings.from(settings()).toString()).doesNotContain(TOKEN);
  }
}
