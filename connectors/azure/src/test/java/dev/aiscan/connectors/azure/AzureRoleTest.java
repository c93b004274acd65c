package dev.aiscan.connectors.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The custom role shipped in {@code docs/azure-role.json} allows exactly what the connector reads:
 * every request a full scan sends to the fake Resource Manager is turned into the RBAC action that
 * authorises it ({@code GET .../providers/Microsoft.X/a/NAME/b} needs {@code
 * Microsoft.X/a/b/read}), and the two sets must be equal. The role is read-only.
 */
class AzureRoleTest extends FakeAzureTest {

  /** The RBAC action a GET of this Resource Manager path needs. */
  static String action(String path) {
    int providers = path.lastIndexOf("/providers/");
    if (providers < 0) {
      return path.equals("/subscriptions") || path.matches("/subscriptions/[^/]+")
          ? "Microsoft.Resources/subscriptions/read"
          : "unknown:" + path;
    }
    String[] parts = path.substring(providers + "/providers/".length()).split("/");
    StringBuilder action = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i += 2) {
      action.append('/').append(parts[i]);
    }
    return action.append("/read").toString();
  }

  @Test
  void theRoleAllowsExactlyWhatTheConnectorReads() throws Exception {
    stubCognitive();
    stubTheRest();
    azure.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/subscriptions"))
            .willReturn(
                AzureFake.json(AzureFake.vendor("resources/Subscriptions_List.json", null))));
    azure.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                    "/providers/Microsoft.ResourceGraph/resources"))
            .willReturn(AzureFake.json(AzureFake.wire("resourcegraph-resources-page2.json"))));
    AzureTargets.resolve(settings(), azure.ssl);
    scan();
    // and the fast path
    Map<String, String> fast = new HashMap<>(settings().asMap());
    fast.put("connectors.azure.resource-graph", "true");
    new AzureConnector(azure.ssl).collect(SUBSCRIPTION, new RecordingContext(Settings.of(fast)));

    Set<String> used = new TreeSet<>();
    for (var e : azure.server.getAllServeEvents()) {
      String path = URI.create(e.getRequest().getUrl()).getPath();
      // Resource Graph queries are POSTs that only read; everything else is a GET
      assertThat(e.getRequest().getMethod().getName())
          .isEqualTo(path.endsWith("/Microsoft.ResourceGraph/resources") ? "POST" : "GET");
      used.add(action(path));
    }
    JsonNode role =
        new ObjectMapper().readTree(Files.readString(Path.of("../../docs/azure-role.json")));
    Set<String> allowed = new TreeSet<>();
    role.get("Actions").forEach(a -> allowed.add(a.asText()));

    assertThat(used).isEqualTo(allowed);
    assertThat(allowed).allSatisfy(a -> assertThat(a).endsWith("/read"));
    assertThat(role.get("DataActions")).isEmpty();
  }
}
