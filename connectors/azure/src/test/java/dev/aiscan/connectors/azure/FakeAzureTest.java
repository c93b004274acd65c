package dev.aiscan.connectors.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.aiscan.connectors.azure.AzureFake.json;
import static dev.aiscan.connectors.azure.AzureFake.vendor;
import static dev.aiscan.connectors.azure.AzureFake.wire;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fake Resource Manager for connector tests: the stubs, settings and the subscription. */
abstract class FakeAzureTest {
  static final String SUB = "00000000-1111-2222-3333-444444444444";
  static final Target SUBSCRIPTION = new Target("azure:" + SUB, "azure", "Contoso Production", SUB);
  static final String ACCOUNTS =
      "/subscriptions/" + SUB + "/providers/Microsoft.CognitiveServices/accounts";

  @TempDir static Path keys;
  AzureFake azure;

  @BeforeEach
  void start() {
    azure = new AzureFake(keys);
  }

  @AfterEach
  void stop() {
    azure.close();
  }

  Settings settings() {
    Map<String, String> s = new HashMap<>();
    s.put("connectors.azure.endpoint", azure.url());
    s.put("connectors.azure.access-token", AzureFake.TOKEN);
    s.put("connectors.azure.timeout-seconds", "5");
    s.put("connectors.azure.max-retries", "2");
    return Settings.of(s);
  }

  RecordingContext scan() {
    RecordingContext ctx = new RecordingContext(settings());
    new AzureConnector(azure.ssl).collect(SUBSCRIPTION, ctx);
    return ctx;
  }

  static Fact resource(RecordingContext ctx, String id) {
    return ctx.facts(FactType.CLOUD_RESOURCE).stream()
        .filter(f -> f.location().resource().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + id + " in " + ctx.facts()));
  }

  /**
   * Cognitive Services: the published account list as page 1, with a hand-written page 2 holding an
   * OpenAI and an AIServices account; their deployments (the published example, and a hand-written
   * gpt-4o one) and the published Foundry projects.
   */
  void stubCognitive() {
    var s = azure.server;
    s.stubFor(
        get(urlPathEqualTo(ACCOUNTS))
            .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
            .willReturn(
                json(
                    vendor(
                        "cognitiveservices/ListAccountsBySubscription.json",
                        azure.url() + ACCOUNTS + "?api-version=2023-05-01&page=2"))));
    s.stubFor(
        get(urlPathEqualTo(ACCOUNTS))
            .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
            .willReturn(json(wire("cognitiveservices-ListAccountsBySubscription-page2.json"))));
    s.stubFor(
        get(urlPathMatching(".*/accounts/contoso-openai/deployments"))
            .willReturn(json(vendor("cognitiveservices/ListDeployments.json", null))));
    s.stubFor(
        get(urlPathMatching(".*/accounts/contoso-foundry/deployments"))
            .willReturn(json(wire("cognitiveservices-ListDeployments-foundry.json"))));
    s.stubFor(
        get(urlPathMatching(".*/accounts/contoso-foundry/projects"))
            .willReturn(json(vendor("cognitiveservices/ListProjects.json", null))));
  }

  /** Azure Machine Learning, Search and bots: the published examples. */
  void stubTheRest() {
    var s = azure.server;
    s.stubFor(
        get(urlPathEqualTo(
                "/subscriptions/"
                    + SUB
                    + "/providers/Microsoft.MachineLearningServices/workspaces"))
            .willReturn(
                json(vendor("machinelearningservices/Workspaces_ListBySubscription.json", null))));
    s.stubFor(
        get(urlPathMatching(".*/workspaces/testworkspace/onlineEndpoints"))
            .willReturn(json(vendor("machinelearningservices/OnlineEndpoints_List.json", null))));
    s.stubFor(
        get(urlPathMatching(".*/onlineEndpoints/string/deployments"))
            .willReturn(json(vendor("machinelearningservices/OnlineDeployments_List.json", null))));
    s.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Search/searchServices"))
            .willReturn(json(vendor("search/Services_ListBySubscription.json", null))));
    s.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.BotService/botServices"))
            .willReturn(json(vendor("botservice/Bots_List.json", null))));
  }
}
