package dev.aiscan.connectors.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.aiscan.connectors.azure.AzureFake.json;
import static dev.aiscan.connectors.azure.AzureFake.wire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fast path: one Resource Graph query (two pages, hand-written in the shape of its response, as
 * Resource Graph publishes no example) replaces the per-provider lists; detail calls follow only
 * for the OpenAI and AIServices accounts and the Machine Learning workspace.
 */
class ResourceGraphTest extends FakeAzureTest {
  static final String GRAPH = "/providers/Microsoft.ResourceGraph/resources";

  @Test
  void oneQueryFindsTheAiResourcesAndOnlyThoseWithMoreAreReadFurther() {
    stubCognitive();
    stubTheRest();
    azure.server.stubFor(
        post(urlPathEqualTo(GRAPH))
            .withRequestBody(notContaining("$skipToken"))
            .willReturn(json(wire("resourcegraph-resources-page1.json"))));
    azure.server.stubFor(
        post(urlPathEqualTo(GRAPH))
            .withRequestBody(containing("\"$skipToken\""))
            .willReturn(json(wire("resourcegraph-resources-page2.json"))));
    Map<String, String> s = new HashMap<>(settings().asMap());
    s.put("connectors.azure.resource-graph", "true");
    RecordingContext ctx = new RecordingContext(Settings.of(s));

    new AzureConnector(azure.ssl).collect(SUBSCRIPTION, ctx);

    assertThat(ctx.warnings()).isEmpty();
    azure.server.verify(
        2,
        postRequestedFor(urlPathEqualTo(GRAPH))
            .withRequestBody(containing("\"subscriptions\":[\"" + SUB + "\"]"))
            .withRequestBody(containing("microsoft.cognitiveservices/accounts")));
    // no per-provider list
    azure.server.verify(0, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    azure.server.verify(
        0, getRequestedFor(urlPathMatching(".*/providers/Microsoft.Search/searchServices")));
    // the same account facts as the per-provider path, from the query's rows
    Fact openai = resource(ctx, AzureConnectorTest.OPENAI);
    assertThat(openai.value()).isEqualTo("Microsoft.CognitiveServices/accounts");
    assertThat(openai.attributes())
        .containsEntry("kind", "OpenAI")
        .containsEntry("public-network-access", "enabled")
        .containsEntry("local-auth", "enabled")
        .containsEntry("tag:owner", "support-platform@contoso.com");
    assertThat(resource(ctx, AzureConnectorTest.FOUNDRY).attributes())
        .containsEntry("local-auth", "disabled")
        .containsEntry("private-endpoints", "1");
    // details for the accounts that hold deployments, and the workspace's endpoints
    assertThat(
            resource(ctx, AzureConnectorTest.FOUNDRY + "/deployments/gpt-4o-claims").attributes())
        .containsEntry("model", "gpt-4o");
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .extracting(Fact::value)
        .contains(
            "Microsoft.MachineLearningServices/workspaces",
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments",
            "Microsoft.Search/searchServices",
            "Microsoft.BotService/botServices");
    assertThat(
            resource(
                    ctx,
                    "/subscriptions/"
                        + SUB
                        + "/resourceGroups/bots/providers/Microsoft.BotService/botServices/contoso-helpdesk")
                .attributes())
        .containsEntry("kind", "azurebot")
        .containsEntry("tag:owner", "it-helpdesk@contoso.com");
  }
}
