package dev.aiscan.connectors.saas.github;

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
import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GitHub connector against WireMock serving GitHub's published examples of the Copilot seats
 * list and the organisation's app installations from {@code ../shared/fixtures/vendor/github/} in
 * place, as the second page of each list. The first pages (a seat never used, an AI app) and the
 * organisation are hand-written in the documented shape ({@code src/test/resources/wire/}, see its
 * README), since the published examples hold neither.
 */
class GithubConnectorTest {
  static final String TOKEN = "ghp_EXAMPLEaiscanTEST0000000000000000000000";
  static final String ORG = "acme-example";
  static final Target TARGET = new Target("github:" + ORG, "github", ORG, ORG);

  /** A week after the published seats' last activity, so both count as active. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2021-10-20T00:00:00Z"), ZoneOffset.UTC);

  static final String SEATS = "/orgs/" + ORG + "/copilot/billing/seats";
  static final String INSTALLATIONS = "/orgs/" + ORG + "/installations";

  WireMockServer github;

  @BeforeEach
  void start() {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  Settings settings() {
    return Settings.of(
        Map.of(
            "connectors.github.token", TOKEN,
            "connectors.github.org", ORG,
            "connectors.github.base-url", github.baseUrl()));
  }

  static String vendor(String path) {
    return VendorFixtures.read("github/" + path);
  }

  static String wire(String name) {
    try (InputStream in = GithubConnectorTest.class.getResourceAsStream("/wire/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GitHub's {@code Link} header pointing at page 2 of {@code path}. */
  String linkToPage2(String path) {
    String page2 = github.baseUrl() + path + "?per_page=100&page=2";
    return "<" + page2 + ">; rel=\"next\", <" + page2 + ">; rel=\"last\"";
  }

  void stubOrg() {
    stubTwoPages(
        SEATS, "github-copilot-seats-page1.json", vendor("copilot/list_copilot_seats.json"));
    stubTwoPages(
        INSTALLATIONS,
        "github-installations-page1.json",
        vendor("orgs/list_org_installations.json"));
  }

  void stubTwoPages(String path, String page1, String page2) {
    github.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("page", absent())
            .willReturn(okJson(wire(page1)).withHeader("Link", linkToPage2(path))));
    github.stubFor(
        get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2")).willReturn(okJson(page2)));
  }

  static void assertNoToken(RecordingContext ctx) {
    for (Fact f : ctx.facts()) {
      assertThat(f.value()).doesNotContain(TOKEN);
      assertThat(f.location().resource()).doesNotContain(TOKEN);
      assertThat(f.attributes().values()).noneMatch(v -> v.contains(TOKEN));
    }
    ctx.warnings()
        .forEach(
            w -> {
              assertThat(w.source()).doesNotContain(TOKEN);
              assertThat(w.message()).doesNotContain(TOKEN).doesNotContain("ghp_");
            });
  }

  @Test
  void copilotSeatsAndInstalledAppsAreReadAcrossPages() {
    stubOrg();
    RecordingContext ctx = new RecordingContext(settings());

    new GithubConnector(CLOCK).collect(TARGET, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
    assertThat(ctx.values(FactType.SAAS_APP))
        .containsExactly("GitHub Copilot", "Coderabbitai", "Github Actions");
    Fact copilot = ctx.facts(FactType.SAAS_APP).get(0);
    assertThat(copilot.location().resource()).isEqualTo("github:acme-example/copilot");
    assertThat(copilot.attributes())
        .containsEntry("seats", "4")
        .containsEntry("active", "2") // acme-dev was last active 79 days before; one never was
        .containsEntry("plan", "business")
        .containsEntry("origin", "github");

    // one usage event per seat that was ever used: not acme-new-hire
    List<Fact> uses = ctx.facts(FactType.USAGE_EVENT);
    assertThat(uses).extracting(Fact::value).containsOnly("github:copilot");
    assertThat(uses)
        .extracting(f -> f.attribute("principal"))
        .containsExactly("acme-dev", "octocat", "octokitten");
    assertThat(uses.get(1).attributes())
        .containsEntry("last-seen", "2021-10-14T06:53:32Z")
        .containsEntry("editor", "vscode/1.77.3/copilot/1.86.82")
        .containsEntry("plan", "business");
    assertThat(uses.get(1).location().resource())
        .isEqualTo("github:acme-example/copilot/seat/octocat");
    assertThat(uses.get(0).attributes())
        .containsEntry("editor", "JetBrains-IC/241.14494.240/copilot-intellij/1.5.7.5643");

    Fact rabbit = ctx.facts(FactType.SAAS_APP).get(1);
    assertThat(rabbit.location().resource()).isEqualTo("github:acme-example/app/coderabbitai");
    assertThat(rabbit.attributes())
        .containsEntry("client-id", "9000301")
        .containsEntry("slug", "coderabbitai")
        .containsEntry("state", "installed")
        .containsEntry("repository-selection", "all")
        .containsEntry(
            "permissions", "contents:read,issues:write,metadata:read,pull_requests:write");
    Fact actions = ctx.facts(FactType.SAAS_APP).get(2);
    assertThat(actions.attributes())
        .containsEntry("client-id", "2218")
        .containsEntry("repository-selection", "selected")
        .containsEntry(
            "permissions", "deployments:write,metadata:read,pull_requests:read,statuses:read");

    // the Link header was followed; every call carried the token and GitHub's version headers
    for (String path : List.of(SEATS, INSTALLATIONS)) {
      github.verify(
          2,
          getRequestedFor(urlPathEqualTo(path))
              .withHeader("Authorization", equalTo("Bearer " + TOKEN))
              .withHeader("Accept", equalTo("application/vnd.github+json"))
              .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
              .withQueryParam("per_page", equalTo("100")));
      github.verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("page", equalTo("2")));
    }
    assertNoToken(ctx);
  }

  @Test
  void theCatalogueNamesCopilotAndTheAiApp() {
    stubOrg();
    ScanResult r =
        new ScanEngine(List.of(new GithubConnector(CLOCK)), RuleEngine.loadDefault(), "test")
            .scan(ScanRequest.of(List.of(TARGET), settings()), ScanListener.NONE);

    assertThat(r.findings())
        .filteredOn(f -> !f.ruleId().equals("github-copilot-usage"))
        .extracting(f -> f.provider() + " " + f.location().resource())
        .containsExactlyInAnyOrder(
            "github-copilot github:acme-example/copilot",
            "coderabbit github:acme-example/app/coderabbitai");
    // and the use: one finding per seat with activity
    assertThat(r.findings())
        .filteredOn(f -> f.ruleId().equals("github-copilot-usage"))
        .extracting(f -> f.location().resource())
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).startsWith("github:acme-example/copilot/seat/"));
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 422})
  void anOrganisationWithoutTheCopilotApiIsNoFailure(int status) {
    stubOrg();
    github.stubFor(
        get(urlPathEqualTo(SEATS))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"Copilot Business is not enabled\", \"status\": \""
                            + status
                            + "\"}")));
    RecordingContext ctx = new RecordingContext(settings());

    new GithubConnector(CLOCK).collect(TARGET, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
    assertThat(ctx.facts(FactType.USAGE_EVENT)).isEmpty();
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("Coderabbitai", "Github Actions");
  }

  @Test
  void aRefusedListIsOneWarningAndTheRestIsRead() {
    stubOrg();
    github.stubFor(
        get(urlPathEqualTo(INSTALLATIONS))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"Resource not accessible by personal access token\","
                            + " \"status\": \"403\"}")));
    RecordingContext ctx = new RecordingContext(settings());

    new GithubConnector(CLOCK).collect(TARGET, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("github acme-example");
              assertThat(w.message())
                  .startsWith("installations refused: /orgs/acme-example/installations: HTTP 403")
                  .endsWith(
                      "the token needs an organisation owner's token with read:org (classic), or"
                          + " the Administration organisation permission (read, fine-grained)");
            });
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("GitHub Copilot");
    assertThat(ctx.facts(FactType.USAGE_EVENT)).hasSize(3);
    assertThat(ctx.isIncomplete()).isTrue();
    assertNoToken(ctx);
  }

  @Test
  void rateLimitingWaitsForRetryAfterAndAMalformedAnswerIsAWarning() {
    stubOrg();
    github.stubFor(
        get(urlPathEqualTo(SEATS))
            .atPriority(1)
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("broken"));
    github.stubFor(
        get(urlPathEqualTo(SEATS))
            .atPriority(1)
            .inScenario("s")
            .whenScenarioStateIs("broken")
            .willReturn(okJson("{\"total_seats\": 2, \"seats\": [{\"assignee\": ")));
    RecordingContext ctx = new RecordingContext(settings());

    long started = System.nanoTime();
    new GithubConnector(CLOCK).collect(TARGET, ctx);

    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(900_000_000L);
    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith("copilot/billing/seats answered a malformed response"));
    assertThat(ctx.facts(FactType.USAGE_EVENT)).isEmpty();
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("Coderabbitai", "Github Actions");
    github.verify(2, getRequestedFor(urlPathEqualTo(SEATS)));
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void aSlowEndpointTimesOutAsAWarning() {
    stubOrg();
    github.stubFor(
        get(urlPathEqualTo(INSTALLATIONS))
            .atPriority(1)
            .willReturn(okJson(wire("github-installations-page1.json")).withFixedDelay(2_000)));
    RecordingContext ctx =
        new RecordingContext(settings().with("connectors.github.timeout", "0.2"));

    new GithubConnector(CLOCK).collect(TARGET, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .isEqualTo(
                        "installations timed out: /orgs/acme-example/installations: no answer"
                            + " within the timeout"));
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("GitHub Copilot");
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowed() {
    stubOrg();
    github.stubFor(
        get(urlPathEqualTo(INSTALLATIONS))
            .atPriority(1)
            .willReturn(
                okJson(wire("github-installations-page1.json"))
                    .withHeader(
                        "Link",
                        "<https://collector.evil.example/orgs/acme-example/installations?page=2>;"
                            + " rel=\"next\"")));
    RecordingContext ctx = new RecordingContext(settings());

    new GithubConnector(CLOCK).collect(TARGET, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .isEqualTo(
                        "installations answered a malformed response: /orgs/acme-example/installations:"
                            + " the next page's link leaves localhost; not followed"));
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("GitHub Copilot");
    github.verify(1, getRequestedFor(urlPathEqualTo(INSTALLATIONS)));
  }

  @Test
  void theOrganisationIsTheTargetAndRefusalsAreOneLine() {
    github.stubFor(get(urlPathEqualTo("/orgs/" + ORG)).willReturn(okJson(wire("github-org.json"))));
    assertThat(GithubTargets.resolve(settings())).containsExactly(TARGET);
    github.verify(
        getRequestedFor(urlPathEqualTo("/orgs/" + ORG))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));

    github.stubFor(
        get(urlPathEqualTo("/orgs/" + ORG))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"message\": \"Bad credentials\", \"status\": \"401\"}")));
    assertThatThrownBy(() -> GithubTargets.resolve(settings()))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage("GitHub token refused (HTTP 401): it is revoked, expired or mistyped")
        .hasMessageNotContaining(TOKEN);

    github.stubFor(
        get(urlPathEqualTo("/orgs/" + ORG))
            .atPriority(0)
            .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}")));
    assertThatThrownBy(() -> GithubTargets.resolve(settings()))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage("GitHub organisation acme-example: not found, or hidden from the token");
  }

  @Test
  void aMissingTokenOrOrganisationNamesWhatToGive() {
    assertThatThrownBy(
            () -> GithubTargets.resolve(Settings.of(Map.of("connectors.github.org", ORG))))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("GITHUB_TOKEN")
        .hasMessageContaining("--github-token-file");
    assertThatThrownBy(
            () -> GithubTargets.resolve(Settings.of(Map.of("connectors.github.token", TOKEN))))
        .isInstanceOf(ScanException.class)
        .hasMessage("--github: no organisation: give --github-org ORG");
  }
}
