package dev.aiscan.connectors.saas.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.List;

/**
 * The organisation named by {@code connectors.github.org}, as a target ({@code GET /orgs/{org}}).
 * This also checks the token before the scan, so a revoked token or a misspelt organisation is one
 * clear line rather than a warning per call.
 */
public final class GithubTargets {
  private GithubTargets() {}

  public static List<Target> resolve(Settings settings) {
    GithubSettings s = GithubSettings.from(settings);
    String org = s.requireOrg();
    JsonNode body;
    try {
      body = new GithubApi(s).get("orgs", org);
    } catch (SaasException e) {
      throw new InvalidTargetException(
          switch (e.status()) {
            case 401 -> "GitHub token refused (HTTP 401): it is revoked, expired or mistyped";
            case 403 -> "GitHub organisation " + org + ": the token may not read it (HTTP 403)";
            case 404 -> "GitHub organisation " + org + ": not found, or hidden from the token";
            default -> "GitHub organisation " + org + ": " + e.getMessage();
          });
    }
    String login = body.path("login").asText("");
    if (login.isBlank()) {
      throw new InvalidTargetException(
          "GitHub organisation " + org + ": the answer named no organisation");
    }
    return List.of(
        new Target(GithubConnector.KIND + ":" + login, GithubConnector.KIND, login, login));
  }
}
