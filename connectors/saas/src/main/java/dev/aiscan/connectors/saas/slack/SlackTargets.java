package dev.aiscan.connectors.saas.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.List;
import java.util.Map;

/**
 * The Slack organisation a token belongs to, as a target ({@code auth.test}); this also checks the
 * token before the scan, so a revoked one is one clear line.
 */
public final class SlackTargets {
  private SlackTargets() {}

  public static List<Target> resolve(Settings settings) {
    SlackApi api = new SlackApi(SlackSettings.from(settings));
    JsonNode me;
    try {
      me = api.call("auth.test", Map.of());
    } catch (SaasException e) {
      throw new InvalidTargetException("Slack token: " + e.getMessage());
    }
    String id = me.path("enterprise_id").asText("");
    if (id.isBlank()) {
      id = me.path("team_id").asText("");
    }
    if (id.isBlank()) {
      throw new InvalidTargetException("Slack token: auth.test named no team or organisation");
    }
    String name = me.path("team").asText(id);
    return List.of(new Target("slack:" + id, SlackConnector.KIND, name, id));
  }
}
