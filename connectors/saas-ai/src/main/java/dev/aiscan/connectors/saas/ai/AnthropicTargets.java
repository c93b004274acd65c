package dev.aiscan.connectors.saas.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.List;
import java.util.Map;

/**
 * The Anthropic organisation an Admin API key belongs to, as a target: {@code GET
 * /organizations/me} checks the key before the scan (a revoked one is one clear line) and names the
 * organisation by its id (a UUID) and name. {@code connectors.anthropic.organization}, when set,
 * replaces the id.
 */
public final class AnthropicTargets {
  public static final String DEFAULT_BASE = "https://api.anthropic.com/v1";

  /** The environment variable the shell reads the key from. */
  public static final String VARIABLE = "ANTHROPIC_ADMIN_KEY";

  /** The API version every call asks for. */
  static final String VERSION = "2023-06-01";

  private AnthropicTargets() {}

  public static List<Target> resolve(Settings settings) {
    AdminSettings s = settings(settings);
    JsonNode me;
    try {
      me = api(s).get("organizations/me", List.of()).body();
    } catch (SaasException e) {
      throw new InvalidTargetException("Anthropic Admin API key: " + e.getMessage());
    }
    String id = s.organization() != null ? s.organization() : OrgFacts.text(me, "id");
    if (id == null || id.isBlank()) {
      throw new InvalidTargetException(
          "Anthropic Admin API key: GET /organizations/me named no organisation");
    }
    String name = OrgFacts.text(me, "name");
    return List.of(
        new Target(
            AnthropicConnector.KIND + ":" + id,
            AnthropicConnector.KIND,
            name == null || name.isBlank() ? "Anthropic " + id : name,
            id));
  }

  /** The connector's settings, from {@code connectors.anthropic.*}. */
  public static AdminSettings settings(Settings settings) {
    return AdminSettings.from(settings, AnthropicConnector.KIND, VARIABLE, DEFAULT_BASE);
  }

  static AdminApi api(AdminSettings s) {
    return new AdminApi(
        s, Map.of("x-api-key", s.token(), "anthropic-version", VERSION), "after_id");
  }
}
