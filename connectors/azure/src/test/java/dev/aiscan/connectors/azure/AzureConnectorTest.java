package dev.aiscan.connectors.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.aiscan.connectors.azure.AzureFake.error;
import static dev.aiscan.connectors.azure.AzureFake.json;
import static dev.aiscan.connectors.azure.AzureFake.vendor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Warning;
import dev.aiscan.testkit.RecordingContext;
import org.junit.jupiter.api.Test;

/**
 * The connector through the real Azure SDK clients (Cognitive Services, Search, Bot Service and
 * Resource Manager management libraries, and the SDK's HTTP pipeline for Machine Learning and
 * Foundry projects) against WireMock serving the examples of the Azure REST API specifications from
 * {@code ../shared/fixtures/vendor/azure/}, read in place; the accounts those examples lack
 * (OpenAI, AIServices) are hand-written in the same shape ({@code src/test/resources/wire/}).
 */
class AzureConnectorTest extends FakeAzureTest {
  static final String OPENAI =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-openai";
  static final String FOUNDRY =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-foundry";

  @Test
  void findsAccountsDeploymentsProjectsWorkspacesEndpointsSearchAndBots() {
    stubCognitive();
    stubTheRest();

    RecordingContext ctx = scan();

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
    // both pages of accounts: the four published ones and the two hand-written AI accounts
    azure.server.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .filteredOn(f -> f.value().equals("Microsoft.CognitiveServices/accounts"))
        .extracting(f -> f.attribute("kind"))
        .containsExactlyInAnyOrder(
            "Bing.Search", "CRIS", "Face", "Emotion", "OpenAI", "AIServices");

    Fact openai = resource(ctx, OPENAI);
    assertThat(openai.attributes())
        .containsEntry("kind", "OpenAI")
        .containsEntry("region", "swedencentral")
        .containsEntry("account", SUB)
        .containsEntry("resource-group", "ai-prod")
        .containsEntry("endpoint", "https://contoso-openai.openai.azure.com/")
        .containsEntry("custom-subdomain", "contoso-openai")
        .containsEntry("public-network-access", "enabled")
        .containsEntry("local-auth", "enabled")
        .containsEntry("private-endpoints", "0")
        .containsEntry("tag:owner", "support-platform@contoso.com");
    assertThat(resource(ctx, FOUNDRY).attributes())
        .containsEntry("public-network-access", "disabled")
        .containsEntry("local-auth", "disabled")
        .containsEntry("private-endpoints", "1");

    // the exposure of each account, for the governance rules
    assertThat(ctx.facts(FactType.SETTING))
        .filteredOn(f -> f.location().resource().equals(OPENAI))
        .extracting(f -> f.value() + "=" + f.attribute("state"))
        .containsExactlyInAnyOrder(
            "azure:cognitive-services-local-auth=on",
            "azure:cognitive-services-public-network-access=on");
    assertThat(ctx.facts(FactType.SETTING))
        .filteredOn(f -> f.location().resource().equals(FOUNDRY))
        .extracting(f -> f.value() + "=" + f.attribute("state"))
        .containsExactlyInAnyOrder(
            "azure:cognitive-services-local-auth=off",
            "azure:cognitive-services-public-network-access=off");

    // model deployments: the published one (ada) and gpt-4o with its content filter
    Fact ada =
        resource(
            ctx,
            "/subscriptions/subscriptionId/resourceGroups/resourceGroupName/providers/Microsoft.CognitiveServices/accounts/accountName/deployments/deploymentName");
    assertThat(ada.value()).isEqualTo("Microsoft.CognitiveServices/accounts/deployments");
    assertThat(ada.attributes())
        .containsEntry("model", "ada")
        .containsEntry("model-version", "1")
        .containsEntry("sku", "Standard")
        .containsEntry("capacity", "1");
    assertThat(resource(ctx, FOUNDRY + "/deployments/gpt-4o-claims").attributes())
        .containsEntry("model", "gpt-4o")
        .containsEntry("model-version", "2024-11-20")
        .containsEntry("content-filter", "Microsoft.DefaultV2")
        .containsEntry("sku", "GlobalStandard")
        .containsEntry("capacity", "50");
    // only OpenAI and AIServices accounts hold deployments; only AIServices ones projects
    azure.server.verify(2, getRequestedFor(urlPathMatching(".*/accounts/[^/]+/deployments")));
    assertThat(
            resource(
                    ctx,
                    "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/myResourceGroup/providers/Microsoft.CognitiveServices/accounts/myAccount/projects/myProject")
                .attributes())
        .containsEntry("display-name", "myProject1")
        .containsEntry("tag:Owner", "felixwa");

    // Azure Machine Learning: workspaces, the online endpoint and its deployment
    assertThat(
            resource(
                    ctx,
                    "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-1234/providers/Microsoft.MachineLearningServices/workspaces/testworkspace")
                .value())
        .isEqualTo("Microsoft.MachineLearningServices/workspaces");
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .extracting(Fact::value)
        .contains(
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments",
            "Microsoft.Search/searchServices",
            "Microsoft.BotService/botServices");
    assertThat(
            resource(
                    ctx,
                    "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Search/searchServices/mysearchservice")
                .attributes())
        .containsEntry("sku", "standard")
        .containsEntry("tag:app-name", "My e-commerce app");

    // the bearer token is in no fact
    assertThat(ctx.facts())
        .allSatisfy(
            f -> assertThat(f.attributes().values()).noneMatch(v -> v.contains("fake-test-token")));
  }

  @Test
  void throttlingIsRetriedAfterRetryAfterAndThenSucceeds() {
    String search = "/subscriptions/" + SUB + "/providers/Microsoft.Search/searchServices";
    azure.server.stubFor(
        get(urlPathEqualTo(search))
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                error(429, "TooManyRequests", "Rate limit exceeded").withHeader("Retry-After", "1"))
            .willSetStateTo("served"));
    azure.server.stubFor(
        get(urlPathEqualTo(search))
            .inScenario("throttle")
            .whenScenarioStateIs("served")
            .willReturn(json(vendor("search/Services_ListBySubscription.json", null))));

    RecordingContext ctx = scan();

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .filteredOn(f -> f.value().equals("Microsoft.Search/searchServices"))
        .hasSize(2);
    azure.server.verify(2, getRequestedFor(urlPathEqualTo(search)));
    var times =
        azure.server.findAll(getRequestedFor(urlPathEqualTo(search))).stream()
            .map(r -> r.getLoggedDate().getTime())
            .toList();
    assertThat(times.get(1) - times.get(0))
        .as("Retry-After: 1 honoured")
        .isGreaterThanOrEqualTo(900);
  }

  @Test
  void aDeniedProviderIsOneWarningNamingThePermissionAndTheRestIsRead() {
    stubCognitive();
    stubTheRest();
    azure.server.stubFor(
        get(urlPathEqualTo(
                "/subscriptions/"
                    + SUB
                    + "/providers/Microsoft.MachineLearningServices/workspaces"))
            .atPriority(1)
            .willReturn(
                error(
                    403,
                    "AuthorizationFailed",
                    "The client 'scanner@contoso.com' with object id '11111111-2222-3333-4444-555555555555' does not have authorization to perform action 'Microsoft.MachineLearningServices/workspaces/read' over scope '/subscriptions/"
                        + SUB
                        + "'.")));

    RecordingContext ctx = scan();

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source())
                  .isEqualTo("azure Contoso Production Microsoft.MachineLearningServices");
              assertThat(w.message())
                  .startsWith(
                      "Microsoft.MachineLearningServices/workspaces/read denied (AuthorizationFailed)")
                  .contains("Reader role")
                  .doesNotContain("\n");
            });
    assertThat(resource(ctx, OPENAI)).isNotNull();
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void aProviderNeverRegisteredHoldsNothingAndIsNoFailure() {
    azure.server.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.BotService/botServices"))
            .willReturn(
                error(
                    409,
                    "MissingSubscriptionRegistration",
                    "The subscription is not registered to use namespace 'Microsoft.BotService'.")));

    RecordingContext ctx = scan();

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
  }

  @Test
  void aMalformedBodyIsAWarningAndTheScanGoesOn() {
    stubCognitive();
    azure.server.stubFor(
        get(urlPathEqualTo(
                "/subscriptions/"
                    + SUB
                    + "/providers/Microsoft.MachineLearningServices/workspaces"))
            .willReturn(json("{\"value\": [{\"id\": \"/subscriptions/")));

    RecordingContext ctx = scan();

    assertThat(ctx.warnings())
        .extracting(Warning::message)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith(
                        "Microsoft.MachineLearningServices/workspaces/read: malformed answer"));
    assertThat(resource(ctx, OPENAI)).isNotNull();
  }

  @Test
  void aNextLinkLeavingResourceManagerIsNotFollowed() {
    azure.server.stubFor(
        get(urlPathEqualTo(
                "/subscriptions/"
                    + SUB
                    + "/providers/Microsoft.MachineLearningServices/workspaces"))
            .willReturn(
                json(
                    vendor(
                        "machinelearningservices/Workspaces_ListBySubscription.json",
                        "https://collector.example.net/steal?page=2"))));

    RecordingContext ctx = scan();

    assertThat(ctx.warnings())
        .extracting(Warning::message)
        .singleElement()
        .satisfies(m -> assertThat(m).contains("nextLink leaves Resource Manager"));
  }
}
