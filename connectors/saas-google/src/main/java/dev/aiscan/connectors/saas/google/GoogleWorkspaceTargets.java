package dev.aiscan.connectors.saas.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.List;

/**
 * The Google Workspace customer a token reads, as a target ({@code customers.get}, named by its
 * primary domain); this also checks the token before the scan, so an expired one is one clear line.
 *
 * <p>{@code customers.get} needs {@code admin.directory.customer.readonly}, which the scan itself
 * does not: a token it refuses (403) is asked for the customer's first user instead, whose {@code
 * customerId} and email domain give the same target.
 */
public final class GoogleWorkspaceTargets {
  private GoogleWorkspaceTargets() {}

  public static List<Target> resolve(Settings settings) {
    GoogleWorkspaceSettings s = GoogleWorkspaceSettings.from(settings);
    GoogleWorkspaceApi api = new GoogleWorkspaceApi(s);
    String id;
    String name;
    try {
      JsonNode customer = api.customer(s.customer());
      id = customer.path("id").asText("").strip();
      name = customer.path("customerDomain").asText("").strip();
    } catch (SaasException e) {
      // 401: a token Google does not accept at all; a quota answer is THROTTLED
      if (e.kind() != SaasException.Kind.DENIED || e.status() != 403) {
        throw new InvalidTargetException("Google Workspace token: " + e.getMessage());
      }
      JsonNode user;
      try {
        user = api.firstUser(s.customer());
      } catch (SaasException refused) {
        throw new InvalidTargetException(
            "Google Workspace token: "
                + refused.getMessage()
                + (refused.kind() == SaasException.Kind.DENIED && refused.status() == 403
                    ? " (it needs " + GoogleWorkspaceApi.USERS_SCOPE + ", as an admin)"
                    : ""));
      }
      id = user == null ? "" : user.path("customerId").asText("").strip();
      String email = user == null ? "" : user.path("primaryEmail").asText("");
      name = email.substring(email.indexOf('@') + 1).strip();
    }
    if (id.isEmpty()) {
      throw new InvalidTargetException("Google Workspace token: the API named no customer id");
    }
    return List.of(
        new Target(
            GoogleWorkspaceConnector.KIND + ":" + id,
            GoogleWorkspaceConnector.KIND,
            name.isEmpty() ? id : name,
            id));
  }
}
