package dev.aiscan.connectors.saas.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.List;
import java.util.Map;

/**
 * The tenant a Graph token belongs to, as a target ({@code GET /v1.0/organization}): its id and
 * display name. This also checks the token before the scan, so an expired or unconsented one is one
 * clear line.
 */
public final class M365Targets {
  private M365Targets() {}

  public static List<Target> resolve(Settings settings) {
    GraphApi graph = new GraphApi(M365Settings.from(settings));
    JsonNode org;
    try {
      org =
          graph
              .get(graph.url(List.of("v1.0", "organization"), Map.of("$select", "id,displayName")))
              .path("value")
              .path(0);
    } catch (SaasException e) {
      throw new InvalidTargetException(
          "Microsoft 365 token: "
              + e.getMessage()
              + (e.kind() == SaasException.Kind.DENIED
                  ? " (the token needs Directory.Read.All to read the organization)"
                  : ""));
    }
    String id = org.path("id").asText("");
    if (id.isBlank()) {
      throw new InvalidTargetException("Microsoft 365 token: /v1.0/organization named no tenant");
    }
    String name = org.path("displayName").asText("");
    return List.of(new Target("m365:" + id, M365Connector.KIND, name.isBlank() ? id : name, id));
  }
}
