package dev.aiscan.connectors.saas.google;

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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanException;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Google Workspace connector against WireMock. Google publishes no example response body for
 * {@code customers.get}, {@code users.list} or {@code tokens.list} (the vendor fixtures' README
 * lists them under "Operations with no real published example found", and {@code
 * ../shared/fixtures/vendor/} holds nothing for Google), so every body served here is written by
 * hand from the documented fields of the Directory API's Customers, Users and Tokens resources:
 * {@code src/test/resources/wire/google-*.json}, see the README there.
 */
class GoogleWorkspaceConnectorTest {
  static final String TOKEN = "ya29.a0AfB_byEXAMPLEexampleEXAMPLEexample0123456789-secret";
  static final Target ACME =
      new Target("google-workspace:C0acmeexm", "google-workspace", "acme.example", "C0acmeexm");
  static final String API = "/admin/directory/v1";
  static final String CHATGPT = "000000000001-chatgptexample.apps.googleusercontent.com";
  static final String OTTER = "000000000002-otterexample.apps.googleusercontent.com";
  static final String SCOPE_REFUSED =
      "{\"error\": {\"code\": 403, \"message\": \"Request had insufficient authentication scopes.\","
          + " \"errors\": [{\"message\": \"Insufficient Permission\", \"domain\": \"global\","
          + " \"reason\": \"insufficientPermissions\"}], \"status\": \"PERMISSION_DENIED\"}}";

  WireMockServer google;

  @BeforeEach
  void start() {
    google = new WireMockServer(wireMockConfig().dynamicPort());
    google.start();
  }

  @AfterEach
  void stop() {
    google.stop();
  }

  Settings settings(String... more) {
    Map<String, String> s = new HashMap<>();
    s.put("connectors.google-workspace.token", TOKEN);
    s.put("connectors.google-workspace.base-url", google.baseUrl());
    for (int i = 0; i < more.length; i += 2) {
      s.put("connectors.google-workspace." + more[i], more[i + 1]);
    }
    return Settings.of(s);
  }

  static String wire(String name) {
    try (InputStream in = GoogleWorkspaceConnectorTest.class.getResourceAsStream("/wire/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tokensOf(String email) {
    return API + "/users/" + email + "/tokens";
  }

  void stubTokens(String user, ResponseDefinitionBuilder answer) {
    google.stubFor(get(urlPathEqualTo(tokensOf(user + "@acme.example"))).willReturn(answer));
  }

  /** Two pages of users (the last with a suspended one) and the tokens of the active ones. */
  void stubDomain() {
    google.stubFor(
        get(urlPathEqualTo(API + "/users"))
            .withQueryParam("pageToken", absent())
            .willReturn(okJson(wire("google-users-page1.json"))));
    google.stubFor(
        get(urlPathEqualTo(API + "/users"))
            .withQueryParam("pageToken", equalTo("example-page-token-2"))
            .willReturn(okJson(wire("google-users-page2.json"))));
    for (String user : List.of("alice", "bob", "carol")) {
      stubTokens(user, okJson(wire("google-tokens-" + user + ".json")));
    }
  }

  static void assertNoToken(RecordingContext ctx) {
    for (Fact f : ctx.facts()) {
      assertThat(f.value()).doesNotContain(TOKEN).doesNotContain("ya29");
      assertThat(f.attributes().values()).noneMatch(v -> v.contains("ya29"));
    }
    assertThat(ctx.warnings())
        .noneMatch(w -> w.message().contains("ya29") || w.source().contains("ya29"));
  }

  @Test
  void grantsOfAllUsersAcrossTwoPagesBecomeOneSaasAppFactPerApp() {
    stubDomain();
    RecordingContext ctx = new RecordingContext(settings());

    new GoogleWorkspaceConnector().collect(ACME, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
    // one fact per client id, ordered by it
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("ChatGPT", "Otter.ai", "Acme Sync");
    Fact chatgpt = ctx.facts(FactType.SAAS_APP).get(0);
    assertThat(chatgpt.target()).isEqualTo(ACME);
    assertThat(chatgpt.location().resource())
        .isEqualTo("google-workspace:C0acmeexm/app/" + CHATGPT);
    assertThat(chatgpt.attributes())
        .containsEntry("client-id", CHATGPT)
        .containsEntry("origin", "google-workspace")
        .containsEntry("state", "granted")
        .containsEntry(
            "scopes",
            "https://www.googleapis.com/auth/drive.readonly,"
                + "https://www.googleapis.com/auth/gmail.readonly,"
                + "https://www.googleapis.com/auth/userinfo.email,openid")
        .containsEntry("users", "2")
        .containsEntry("granted-by", "alice@acme.example,bob@acme.example")
        .doesNotContainKeys("anonymous", "native-app");
    Fact otter = ctx.facts(FactType.SAAS_APP).get(1);
    assertThat(otter.attributes())
        .containsEntry("client-id", OTTER)
        .containsEntry("users", "1")
        .containsEntry("granted-by", "alice@acme.example");
    assertThat(ctx.facts(FactType.SAAS_APP).get(2).attributes())
        .containsEntry("native-app", "true")
        .containsEntry("granted-by", "bob@acme.example");
    assertNoToken(ctx);

    // both pages read with the documented parameters and the bearer token
    google.verify(
        2,
        getRequestedFor(urlPathEqualTo(API + "/users"))
            .withQueryParam("customer", equalTo("C0acmeexm"))
            .withQueryParam("maxResults", equalTo("500"))
            .withQueryParam("projection", equalTo("basic"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    google.verify(
        getRequestedFor(urlPathEqualTo(API + "/users"))
            .withQueryParam("pageToken", equalTo("example-page-token-2")));
    google.verify(
        getRequestedFor(urlPathEqualTo(tokensOf("carol@acme.example")))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    // the suspended user's grants are not read
    google.verify(0, getRequestedFor(urlPathEqualTo(tokensOf("dave@acme.example"))));
  }

  @Test
  void theCatalogueNamesTheAiAppsAndNotTheOthers() {
    stubDomain();
    ScanResult r =
        new ScanEngine(List.of(new GoogleWorkspaceConnector()), RuleEngine.loadDefault(), "test")
            .scan(ScanRequest.of(List.of(ACME), settings()), ScanListener.NONE);

    assertThat(r.findings())
        .extracting(Finding::provider)
        .containsExactlyInAnyOrder("chatgpt", "otter-ai");
    assertThat(r.findings())
        .extracting(f -> f.location().resource())
        .containsExactlyInAnyOrder(
            "google-workspace:C0acmeexm/app/" + CHATGPT, "google-workspace:C0acmeexm/app/" + OTTER);
  }

  @Test
  void aUserWhoseTokensAreRefusedIsOneWarningAndTheOthersAreRead() {
    stubDomain();
    stubTokens("bob", aResponse().withStatus(403).withBody(SCOPE_REFUSED));
    RecordingContext ctx = new RecordingContext(settings());

    new GoogleWorkspaceConnector().collect(ACME, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("google-workspace acme.example");
              assertThat(w.message())
                  .startsWith(
                      "tokens.list of bob@acme.example refused: "
                          + API
                          + "/users/bob@acme.example/tokens: HTTP 403: ")
                  .endsWith(
                      "; the token needs"
                          + " https://www.googleapis.com/auth/admin.directory.user.security");
            });
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("ChatGPT", "Otter.ai");
    assertThat(ctx.facts(FactType.SAAS_APP).get(0).attributes())
        .containsEntry("users", "1")
        .containsEntry("granted-by", "alice@acme.example");
    assertThat(ctx.isIncomplete()).isTrue();
    assertNoToken(ctx);
  }

  @Test
  void aTokenWithoutTheSecurityScopeIsOneWarningAndTheSweepGivesUp() {
    List<String> users = IntStream.rangeClosed(1, 40).mapToObj(i -> "u%02d".formatted(i)).toList();
    google.stubFor(get(urlPathEqualTo(API + "/users")).willReturn(okJson(usersPage(users))));
    google.stubFor(
        get(urlPathMatching(API + "/users/[^/]+/tokens"))
            .willReturn(aResponse().withStatus(403).withBody(SCOPE_REFUSED)));
    RecordingContext ctx = new RecordingContext(settings());

    new GoogleWorkspaceConnector().collect(ACME, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith("tokens.list refused: every user asked (")
                    .contains(" of 40) was refused, ")
                    .contains("insufficient authentication scopes")
                    .endsWith("admin.directory.user.security"));
    assertThat(ctx.facts(FactType.SAAS_APP)).isEmpty();
    assertThat(ctx.isIncomplete()).isTrue();
    // it stopped after the first round of refusals instead of asking for all 40 users
    int asked =
        google.findAll(getRequestedFor(urlPathMatching(API + "/users/[^/]+/tokens"))).size();
    assertThat(asked).isGreaterThanOrEqualTo(8).isLessThan(40);
  }

  @Test
  void aRefusedUserListIsOneWarningNamingTheScope() {
    google.stubFor(
        get(urlPathEqualTo(API + "/users"))
            .willReturn(aResponse().withStatus(403).withBody(SCOPE_REFUSED)));
    RecordingContext ctx = new RecordingContext(settings());

    new GoogleWorkspaceConnector().collect(ACME, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith("users.list refused: " + API + "/users: HTTP 403")
                    .endsWith(
                        "the token needs"
                            + " https://www.googleapis.com/auth/admin.directory.user.readonly"));
    assertThat(ctx.facts()).isEmpty();
    assertThat(ctx.isIncomplete()).isTrue();
    google.verify(0, getRequestedFor(urlPathMatching(API + "/users/[^/]+/tokens")));
  }

  @Test
  void a429WaitsForRetryAfterAndGooglesQuota403IsRetriedToo() {
    stubDomain();
    google.stubFor(
        get(urlPathEqualTo(API + "/users"))
            .withQueryParam("pageToken", equalTo("example-page-token-2"))
            .atPriority(1)
            .inScenario("users")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("done"));
    google.stubFor(
        get(urlPathEqualTo(tokensOf("alice@acme.example")))
            .atPriority(1)
            .inScenario("alice")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error\": {\"code\": 403, \"message\": \"User Rate Limit Exceeded\","
                            + " \"errors\": [{\"domain\": \"usageLimits\", \"reason\":"
                            + " \"userRateLimitExceeded\"}]}}"))
            .willSetStateTo("done"));
    RecordingContext ctx = new RecordingContext(settings());

    new GoogleWorkspaceConnector().collect(ACME, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("ChatGPT", "Otter.ai", "Acme Sync");
    google.verify(
        2,
        getRequestedFor(urlPathEqualTo(API + "/users"))
            .withQueryParam("pageToken", equalTo("example-page-token-2")));
    google.verify(2, getRequestedFor(urlPathEqualTo(tokensOf("alice@acme.example"))));
  }

  @Test
  void aQuota403ThatLastsIsThrottledNotAMissingScope() {
    stubDomain();
    stubTokens(
        "carol",
        aResponse()
            .withStatus(403)
            .withBody("{\"error\": {\"code\": 403, \"message\": \"Rate Limit Exceeded\"}}"));
    RecordingContext ctx = new RecordingContext(settings("max-retries", "1"));

    new GoogleWorkspaceConnector().collect(ACME, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith(
                        "tokens.list of carol@acme.example still rate-limited after retries")
                    .doesNotContain("the token needs"));
    google.verify(2, getRequestedFor(urlPathEqualTo(tokensOf("carol@acme.example"))));
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("ChatGPT", "Otter.ai", "Acme Sync");
  }

  @Test
  void aMalformedAnswerIsAWarningAndASlowUserATimeout() {
    stubDomain();
    stubTokens("alice", okJson("{\"kind\": \"admin#directory#tokenList\", \"items\": [{\"clie"));
    stubTokens("carol", okJson(wire("google-tokens-carol.json")).withFixedDelay(2_500));
    RecordingContext ctx =
        new RecordingContext(settings("timeout-seconds", "1", "max-retries", "0"));

    new GoogleWorkspaceConnector().collect(ACME, ctx);

    assertThat(ctx.warnings())
        .extracting(w -> w.message())
        .satisfiesExactly(
            m -> assertThat(m).startsWith("tokens.list of alice@acme.example answered a malformed"),
            m -> assertThat(m).startsWith("tokens.list of carol@acme.example timed out: "));
    assertThat(ctx.values(FactType.SAAS_APP)).containsExactly("ChatGPT", "Acme Sync");
    assertThat(ctx.isIncomplete()).isTrue();
    assertNoToken(ctx);
  }

  @Test
  void manyUsersAreReadInParallelAndAFactNamesTheFirstFive() {
    List<String> users = IntStream.rangeClosed(1, 16).mapToObj(i -> "u%02d".formatted(i)).toList();
    google.stubFor(get(urlPathEqualTo(API + "/users")).willReturn(okJson(usersPage(users))));
    google.stubFor(
        get(urlPathMatching(API + "/users/[^/]+/tokens"))
            .willReturn(okJson(wire("google-tokens-alice.json")).withFixedDelay(300)));
    RecordingContext ctx = new RecordingContext(settings());

    long start = System.nanoTime();
    new GoogleWorkspaceConnector().collect(ACME, ctx);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.facts(FactType.SAAS_APP).get(0).attributes())
        .containsEntry("users", "16")
        .containsEntry(
            "granted-by",
            "u01@acme.example,u02@acme.example,u03@acme.example,u04@acme.example,u05@acme.example");
    google.verify(16, getRequestedFor(urlPathMatching(API + "/users/[^/]+/tokens")));
    // 16 calls of 300 ms: 4.8 s one after the other, two rounds of 8 in parallel
    assertThat(millis).isLessThan(3_000);
  }

  static String usersPage(List<String> users) {
    List<String> items = new ArrayList<>();
    for (String u : users) {
      items.add(
          "{\"kind\": \"admin#directory#user\", \"primaryEmail\": \""
              + u
              + "@acme.example\", \"suspended\": false, \"customerId\": \"C0acmeexm\"}");
    }
    return "{\"kind\": \"admin#directory#users\", \"users\": ["
        + items.stream().collect(Collectors.joining(", "))
        + "]}";
  }

  @Test
  void theTokensCustomerIsTheTarget() {
    google.stubFor(
        get(urlPathEqualTo(API + "/customers/my_customer"))
            .willReturn(okJson(wire("google-customers-my_customer.json"))));

    assertThat(GoogleWorkspaceTargets.resolve(settings())).containsExactly(ACME);
    google.verify(
        getRequestedFor(urlPathEqualTo(API + "/customers/my_customer"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void aNamedCustomerIsAskedForAndWithoutTheCustomerScopeAUserNamesIt() {
    google.stubFor(
        get(urlPathEqualTo(API + "/customers/C0acmeexm"))
            .willReturn(aResponse().withStatus(403).withBody(SCOPE_REFUSED)));
    google.stubFor(
        get(urlPathEqualTo(API + "/users"))
            .withQueryParam("customer", equalTo("C0acmeexm"))
            .withQueryParam("maxResults", equalTo("1"))
            .willReturn(okJson(wire("google-users-page1.json"))));

    assertThat(GoogleWorkspaceTargets.resolve(settings("customer", "C0acmeexm")))
        .containsExactly(ACME);
    google.verify(getRequestedFor(urlPathEqualTo(API + "/customers/C0acmeexm")));
  }

  @Test
  void anExpiredTokenIsOneLineWithoutTheToken() {
    String expired =
        "{\"error\": {\"code\": 401, \"message\": \"Request had invalid authentication"
            + " credentials.\", \"status\": \"UNAUTHENTICATED\"}}";
    google.stubFor(
        get(urlPathMatching(API + "/.*"))
            .willReturn(aResponse().withStatus(401).withBody(expired)));

    assertThatThrownBy(() -> GoogleWorkspaceTargets.resolve(settings()))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageStartingWith(
            "Google Workspace token: " + API + "/customers/my_customer: HTTP 401: ")
        .hasMessageContaining("invalid authentication credentials")
        .hasMessageNotContaining("ya29")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void settingsNeedATokenAndACustomerIdAndNeverPrintTheToken() {
    assertThatThrownBy(() -> GoogleWorkspaceSettings.from(Settings.empty()))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("GOOGLE_WORKSPACE_TOKEN")
        .hasMessageContaining("--google-workspace-token-file");
    assertThatThrownBy(() -> GoogleWorkspaceSettings.from(settings("customer", "../users")))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("not a customer id");
    assertThatThrownBy(() -> GoogleWorkspaceSettings.from(settings("max-retries", "many")))
        .isInstanceOf(ScanException.class)
        .hasMessage("connectors.google-workspace.max-retries: not a number from 0 to 10: many");
    GoogleWorkspaceSettings s = GoogleWorkspaceSettings.from(settings());
    assertThat(s.customer()).isEqualTo("my_customer");
    assertThat(s.parallelism()).isEqualTo(8);
    assertThat(s.toString()).doesNotContain("ya29");
  }
}
