package dev.aiscan.connectors.saas.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Reads one Slack organisation (Enterprise Grid) through the admin API: the apps admins approved
 * and the apps members asked for, each a {@code saas-app} fact with its domain, app id and scopes,
 * for the catalogue's AI SaaS apps to match.
 */
public final class SlackConnector implements Connector {
  public static final String KIND = "slack";

  @Override
  public String id() {
    return KIND;
  }

  @Override
  public boolean accepts(Target target) {
    return target.kind().equals(KIND);
  }

  @Override
  public void collect(Target target, CollectContext context) {
    SlackApi api = new SlackApi(SlackSettings.from(context.settings()));
    TenantScan scan = new TenantScan(target, context, "slack");
    List<JsonNode> approved =
        scan.call(
            "admin.apps.approved.list",
            "admin.apps:read (an org admin's user token)",
            () -> api.list("admin.apps.approved.list", "approved_apps"));
    if (approved != null) {
      for (JsonNode a : approved) {
        app(scan, target, a.path("app"), "approved", a.path("scopes"), null);
      }
    }
    List<JsonNode> requested =
        scan.call(
            "admin.apps.requests.list",
            "admin.apps:read (an org admin's user token)",
            () -> api.list("admin.apps.requests.list", "app_requests"));
    if (requested != null) {
      for (JsonNode r : requested) {
        app(scan, target, r.path("app"), "requested", r.path("scopes"), r.path("user"));
      }
    }
    if (scan.failed()) {
      context.incomplete();
    }
  }

  private static void app(
      TenantScan scan, Target target, JsonNode app, String state, JsonNode scopes, JsonNode user) {
    String id = app.path("id").asText(null);
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(Fact.Attr.ORIGIN, "slack");
    attrs.put(Fact.Attr.STATE, state);
    if (id != null) {
      attrs.put(Fact.Attr.CLIENT_ID, id);
    }
    String domain = domain(app.path("app_homepage_url").asText(null));
    if (domain == null) {
      domain = domain(app.path("privacy_policy_url").asText(null));
    }
    if (domain != null) {
      attrs.put(Fact.Attr.DOMAIN, domain);
    }
    List<String> names = new ArrayList<>();
    scopes.forEach(s -> names.add(s.path("name").asText()));
    if (!names.isEmpty()) {
      attrs.put(SCOPES, String.join(",", names));
    }
    if (user != null && user.path("email").isTextual()) {
      attrs.put(REQUESTED_BY, user.path("email").asText());
    }
    scan.app(
        app.path("name").asText(null),
        "slack:" + target.location() + "/app/" + (id == null ? app.path("name").asText() : id),
        attrs);
  }

  /** Attribute of a SaaS app: the scopes it holds or asks for, comma separated. */
  public static final String SCOPES = "scopes";

  /** Attribute of a requested app: who asked for it. */
  public static final String REQUESTED_BY = "requested-by";

  /** {@code otter.ai} of {@code https://www.otter.ai/slack}; null for Slack's own pages. */
  static String domain(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      return null;
    }
    String host = parsed.host().toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    return host.equals("slack.com") || host.endsWith(".slack.com") ? null : host;
  }
}
