package dev.aiscan.connectors.saas.ai;

import dev.aiscan.connectors.saas.ai.AdminApi.Param;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.connectors.saas.http.SaasHttp;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI organisation an Admin API key belongs to, as a target. One call ({@code GET
 * /organization/projects?limit=1}) checks the key before the scan, so a revoked one is one clear
 * line. The organisation is named by {@code connectors.openai.organization} when set, else by the
 * {@code openai-organization} header OpenAI answers with, else by the id of the first project
 * listed (stable as long as that project exists; set the setting to pin it).
 */
public final class OpenAiTargets {
  public static final String DEFAULT_BASE = "https://api.openai.com/v1";

  /** The environment variable the shell reads the key from. */
  public static final String VARIABLE = "OPENAI_ADMIN_KEY";

  private OpenAiTargets() {}

  public static List<Target> resolve(Settings settings) {
    AdminSettings s = settings(settings);
    SaasHttp.Answer answer;
    try {
      answer = api(s).get("organization/projects", List.of(new Param("limit", "1")));
    } catch (SaasException e) {
      throw new InvalidTargetException("OpenAI Admin API key: " + e.getMessage());
    }
    String id = s.organization();
    if (id == null) {
      id = blankToNull(answer.header("openai-organization"));
    }
    if (id == null) {
      id = blankToNull(OrgFacts.text(answer.body().path("data").path(0), "id"));
    }
    if (id == null) {
      throw new InvalidTargetException(
          "OpenAI Admin API key: the API named no organisation and no project; set"
              + " connectors.openai.organization");
    }
    return List.of(new Target(KIND_PREFIX + id, OpenAiConnector.KIND, "OpenAI " + id, id));
  }

  private static final String KIND_PREFIX = OpenAiConnector.KIND + ":";

  /** The connector's settings, from {@code connectors.openai.*}. */
  public static AdminSettings settings(Settings settings) {
    return AdminSettings.from(settings, OpenAiConnector.KIND, VARIABLE, DEFAULT_BASE);
  }

  static AdminApi api(AdminSettings s) {
    return new AdminApi(s, Map.of("Authorization", "Bearer " + s.token()), "after");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
