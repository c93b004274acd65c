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
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
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
 * The OpenAI connector against WireMock serving OpenAI's published examples (projects, project API
 * keys and service accounts, users, completions usage) from {@code
 * ../shared/fixtures/vendor/openai/} in place, with two hand-written pages ({@code
 * src/test/resources/wire/}): a first users page whose cursor leads to the published one, and the
 * usage page the published one's {@code next_page} leads to.
 */
class OpenAiConnectorTest {
  static final String TOKEN = "sk-admin-EXAMPLEnotREALEXAMPLEnotREALEXAMPLEnotREAL0123";
  static final Target ORG = new Target("openai:org-acme", "openai", "OpenAI org-acme", "org-acme");

  /** A week after the published usage bucket's start: start_time is 1730419200. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-08T00:00:00Z"), ZoneOffset.UTC);

  static final String PAGE_TOKEN = "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=";
  static final String KEY_AT = "openai:org-acme/project/proj_abc/api_key/key_abc";

  WireMockServer openai;

  @BeforeEach
  void start() {
    openai = new WireMockServer(wireMockConfig().dynamicPort());
    openai.start();
  }

  @AfterEach
  void stop() {
    openai.stop();
  }

  Settings settings(String... more) {
    Map<String, String> s = new HashMap<>();
    s.put("connectors.openai.token", TOKEN);
    s.put("connectors.openai.base-url", openai.baseUrl() + "/v1");
    for (int i = 0; i + 1 < more.length; i += 2) {
      s.put(more[i], more[i + 1]);
    }
    return Settings.of(s);
  }

  void stubOrganisation() {
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/users"))
            .withQueryParam("after", absent())
            .willReturn(okJson(wire("openai-users-page1.json"))));
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/users"))
            .withQueryParam("after", equalTo("user_bob"))
            .willReturn(okJson(vendor("openai/users/list_users.json"))));
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/projects"))
            .willReturn(okJson(vendor("openai/projects/list_projects.json"))));
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/projects/proj_abc/api_keys"))
            .willReturn(okJson(vendor("openai/projects/list_project_api_keys.json"))));
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/projects/proj_abc/service_accounts"))
            .willReturn(okJson(vendor("openai/projects/list_project_service_accounts.json"))));
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/usage/completions"))
            .withQueryParam("page", absent())
            .willReturn(okJson(vendor("openai/usage/usage_completions.json"))));
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/usage/completions"))
            .withQueryParam("page", equalTo(PAGE_TOKEN))
            .willReturn(okJson(wire("openai-usage-completions-page2.json"))));
  }

  RecordingContext collect(Settings settings) {
    RecordingContext ctx = new RecordingContext(settings);
    new OpenAiConnector(CLOCK).collect(ORG, ctx);
    assertNoToken(ctx, TOKEN);
    return ctx;
  }

  @Test
  void projectsKeysAndUsageBecomeFacts() {
    stubOrganisation();

    RecordingContext ctx = collect(settings());

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
    Fact project = ctx.facts(FactType.CLOUD_RESOURCE).get(0);
    assertThat(project.value()).isEqualTo("OpenAI::Project");
    assertThat(project.location().resource()).isEqualTo("openai:org-acme/project/proj_abc");
    assertThat(project.attributes())
        .containsEntry("name", "Project example")
        .containsEntry("state", "active")
        .containsEntry("created", "2024-03-26T16:45:33Z")
        .containsEntry("origin", "openai");

    assertThat(ctx.values(FactType.API_KEY)).containsExactly("sk-abc...def");
    Fact key = ctx.facts(FactType.API_KEY).get(0);
    assertThat(key.location().resource()).isEqualTo(KEY_AT);
    assertThat(key.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "name", "My API Key",
                "owner", "user@example.com",
                "created", "2024-03-26T16:45:33Z",
                "last-used", "2024-03-26T16:45:34Z",
                "project", "Project example",
                "state", "active",
                "origin", "openai"));

    List<Fact> usage = ctx.facts(FactType.USAGE_EVENT);
    assertThat(usage).extracting(Fact::value).containsOnly("openai:completions");
    assertThat(usage)
        .extracting(f -> f.location().resource())
        .containsExactly(
            "openai:org-acme", KEY_AT, "openai:org-acme/project/proj_abc/api_key/key_gone");
    assertThat(usage.get(0).attributes())
        .as("the published row is ungrouped: no model, the organisation")
        .doesNotContainKey("model")
        .containsEntry("count", "5")
        .containsEntry("input-tokens", "1000")
        .containsEntry("output-tokens", "500")
        .containsEntry("principal", "openai:org-acme")
        .containsEntry("first-seen", "2024-11-01T00:00:00Z")
        .containsEntry("last-seen", "2024-11-02T00:00:00Z");
    assertThat(usage.get(1).attributes())
        .containsEntry("model", "gpt-4o-mini-2024-07-18")
        .containsEntry("count", "12")
        .containsEntry("principal", KEY_AT);

    // the key as a bearer token; the users cursor, the usage page token, the query sent
    openai.verify(
        2,
        getRequestedFor(urlPathEqualTo("/v1/organization/users"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    openai.verify(
        getRequestedFor(urlPathEqualTo("/v1/organization/users"))
            .withQueryParam("after", equalTo("user_bob"))
            .withQueryParam("limit", equalTo("100")));
    openai.verify(
        getRequestedFor(urlPathEqualTo("/v1/organization/projects"))
            .withQueryParam("include_archived", equalTo("true")));
    List<LoggedRequest> reports =
        openai.findAll(getRequestedFor(urlPathEqualTo("/v1/organization/usage/completions")));
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0).queryParameter("start_time").firstValue()).isEqualTo("1730419200");
    assertThat(reports.get(0).queryParameter("bucket_width").firstValue()).isEqualTo("1d");
    assertThat(reports.get(0).queryParameter("group_by").values())
        .containsExactly("model", "project_id", "api_key_id");
    assertThat(reports.get(1).queryParameter("page").firstValue()).isEqualTo(PAGE_TOKEN);
  }

  @Test
  void theCatalogueNamesTheKeyTheProjectAndTheUsage() {
    stubOrganisation();

    ScanResult r =
        new ScanEngine(List.of(new OpenAiConnector(CLOCK)), RuleEngine.loadDefault(), "test")
            .scan(ScanRequest.of(List.of(ORG), settings()), ScanListener.NONE);

    assertThat(r.findings())
        .extracting(Finding::ruleId)
        .containsExactlyInAnyOrder(
            "openai-admin-api-key",
            "openai-organization-project",
            "openai-organization-usage",
            "openai-organization-usage",
            "openai-organization-usage");
    assertThat(r.findings()).extracting(Finding::provider).containsOnly("openai");
    Finding key =
        r.findings().stream().filter(f -> f.category() == Category.CREDENTIAL).findFirst().get();
    assertThat(key.fingerprint()).isEqualTo("sk-abc...def");
    assertThat(key.evidence())
        .isEqualTo(
            "API key My API Key (sk-abc...def) in project Project example, owner user@example.com,"
                + " last used 2024-03-26");
    assertThat(r.findings())
        .filteredOn(f -> f.ruleId().equals("openai-organization-usage"))
        .extracting(Finding::model)
        .containsExactlyInAnyOrder(null, "gpt-4o-mini-2024-07-18", "o3-mini-2025-01-31");
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.evidence()).doesNotContain(TOKEN));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void aRefusedListIsOneWarningAndTheRestIsRead() {
    stubOrganisation();
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/users"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error\": {\"message\": \"You have insufficient permissions for this"
                            + " operation.\", \"type\": \"invalid_request_error\"}}")));

    RecordingContext ctx = collect(settings());

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("openai OpenAI org-acme");
              assertThat(w.message())
                  .startsWith("GET /organization/users refused: /v1/organization/users: HTTP 403")
                  .endsWith("the token needs " + OpenAiConnector.NEEDS);
            });
    assertThat(ctx.isIncomplete()).isTrue();
    assertThat(ctx.facts(FactType.API_KEY).get(0).attribute("owner"))
        .as("the key names its owner itself")
        .isEqualTo("user@example.com");
    assertThat(ctx.facts(FactType.USAGE_EVENT)).hasSize(3);
  }

  @Test
  void rateLimitingWaitsForRetryAfterAndAMalformedReportIsAWarning() {
    stubOrganisation();
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/projects"))
            .atPriority(1)
            .inScenario("limited")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("open"));
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/usage/completions"))
            .atPriority(1)
            .willReturn(okJson("{\"object\": \"page\", \"data\": [{\"results\": ")));

    long started = System.nanoTime();
    RecordingContext ctx = collect(settings());

    assertThat(System.nanoTime() - started).as("waited Retry-After").isGreaterThan(900_000_000L);
    openai.verify(2, getRequestedFor(urlPathEqualTo("/v1/organization/projects")));
    assertThat(ctx.values(FactType.API_KEY)).containsExactly("sk-abc...def");
    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith(
                        "GET /organization/usage/completions answered a malformed response"));
    assertThat(ctx.facts(FactType.USAGE_EVENT)).isEmpty();
  }

  @Test
  void aSlowEndpointTimesOutAsAWarning() {
    stubOrganisation();
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/projects/proj_abc/service_accounts"))
            .atPriority(1)
            .willReturn(
                okJson(vendor("openai/projects/list_project_service_accounts.json"))
                    .withFixedDelay(1500)));

    RecordingContext ctx = collect(settings("connectors.openai.timeout", "0.2"));

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith("GET /organization/projects/proj_abc/service_accounts timed out"));
    assertThat(ctx.isIncomplete()).isTrue();
    assertThat(ctx.values(FactType.API_KEY)).containsExactly("sk-abc...def");
  }

  @Test
  void theOrganisationIsTheTargetAndARefusedKeyIsOneLine() {
    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/projects"))
            .withQueryParam("limit", equalTo("1"))
            .willReturn(
                okJson(vendor("openai/projects/list_projects.json"))
                    .withHeader("openai-organization", "org-acme")));
    assertThat(OpenAiTargets.resolve(settings())).containsExactly(ORG);
    assertThat(OpenAiTargets.resolve(settings("connectors.openai.organization", "org-pinned")))
        .extracting(Target::id)
        .containsExactly("openai:org-pinned");

    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/projects"))
            .atPriority(2)
            .willReturn(okJson(vendor("openai/projects/list_projects.json"))));
    openai.resetRequests();
    assertThat(
            OpenAiTargets.resolve(
                Settings.of(
                    Map.of(
                        "connectors.openai.token",
                        TOKEN,
                        "connectors.openai.base-url",
                        openai.baseUrl() + "/v1/"))))
        .as("no header: the first project names the organisation")
        .extracting(Target::id)
        .containsExactly("openai:proj_abc");

    openai.stubFor(
        get(urlPathEqualTo("/v1/organization/projects"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\": {\"message\": \"Incorrect API key provided: sk-admin-***0123.\"}}")));
    assertThatThrownBy(() -> OpenAiTargets.resolve(settings()))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageStartingWith("OpenAI Admin API key: /v1/organization/projects: HTTP 401")
        .hasMessageNotContaining(TOKEN)
        .message()
        .doesNotContain("\n");
  }

  @Test
  void aMissingKeyNamesTheVariable() {
    assertThatThrownBy(() -> OpenAiTargets.resolve(Settings.empty()))
        .hasMessage(
            "--openai: no Admin API key: set OPENAI_ADMIN_KEY or give --openai-token-file (an"
                + " organisation Admin API key)");
  }
}
