package dev.aiscan.connectors.saas.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.spi.CollectContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Microsoft 365 Copilot in a tenant: the Copilot licences bought and assigned ({@code
 * subscribedSkus}), and who used Copilot lately (the Copilot usage report, a beta API).
 */
final class M365Copilot {
  static final String NAME = "Microsoft 365 Copilot";
  static final String STUDIO = "Microsoft Copilot Studio";

  /** The usage event of a user's Copilot activity. */
  static final String ACTION = "m365:copilot";

  static final String SKU = "sku";
  static final String SEATS = "seats";
  static final String ASSIGNED = "assigned";
  static final String APPS = "apps";

  /**
   * The report's function call, as one path segment. D7: users with activity in the last week are
   * named with their last activity date (which may be older).
   */
  static final String REPORT = "getMicrosoft365CopilotUsageUserDetail(period='D7')";

  /** What the report shows in place of user names when the tenant conceals them (the default). */
  private static final Pattern CONCEALED = Pattern.compile("[0-9A-F]{32}");

  private final GraphApi graph;
  private final TenantScan scan;
  private final CollectContext context;
  private final String tenant;
  private final Consumer<String> refused;

  M365Copilot(GraphApi graph, TenantScan scan, CollectContext context, Consumer<String> refused) {
    this.graph = graph;
    this.scan = scan;
    this.context = context;
    this.tenant = scan.target().location();
    this.refused = refused;
  }

  void collect() {
    licences();
    usage();
  }

  /** One {@code saas-app} fact per subscription whose SKU names Copilot. */
  private void licences() {
    List<JsonNode> skus =
        scan.call(
            "subscribedSkus",
            "LicenseAssignment.Read.All (or Directory.Read.All)",
            () -> graph.list(graph.url(List.of("v1.0", "subscribedSkus"), Map.of()), refused));
    if (skus == null) {
      return;
    }
    for (JsonNode sku : skus) {
      String part = sku.path("skuPartNumber").asText("");
      String upper = part.toUpperCase(Locale.ROOT);
      if (!upper.contains("COPILOT")) {
        continue;
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put(Fact.Attr.ORIGIN, "m365");
      attrs.put(SKU, part);
      attrs.put(SEATS, Long.toString(sku.path("prepaidUnits").path("enabled").asLong(0)));
      attrs.put(ASSIGNED, Long.toString(sku.path("consumedUnits").asLong(0)));
      String status = sku.path("capabilityStatus").asText("");
      if (!status.isEmpty()) {
        attrs.put(Fact.Attr.STATE, status.toLowerCase(Locale.ROOT));
      }
      String id = sku.path("skuId").asText(part);
      scan.app(upper.contains("STUDIO") ? STUDIO : NAME, "m365:" + tenant + "/sku/" + id, attrs);
    }
  }

  /** One {@code usage-event} per user the report shows with a last activity date. */
  private void usage() {
    List<JsonNode> users =
        scan.call(
            "reports/" + REPORT,
            "Reports.Read.All",
            () ->
                graph.list(
                    graph.url(
                        List.of("beta", "reports", REPORT), Map.of("$format", "application/json")),
                    refused));
    if (users == null) {
      return;
    }
    boolean concealed = false;
    for (JsonNode user : users) {
      String principal = user.path("userPrincipalName").asText("");
      String last = user.path("lastActivityDate").asText("");
      if (principal.isEmpty() || last.isEmpty()) {
        continue; // licensed, but no Copilot activity
      }
      concealed |= CONCEALED.matcher(principal).matches();
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put(Fact.Attr.ORIGIN, "m365-copilot-usage");
      attrs.put(Fact.Attr.PRINCIPAL, principal);
      attrs.put(Fact.Attr.LAST_SEEN, instant(last));
      List<String> apps = apps(user);
      if (!apps.isEmpty()) {
        attrs.put(APPS, String.join(",", apps));
      }
      context.emit(
          new Fact(
              FactType.USAGE_EVENT,
              ACTION,
              scan.target(),
              Location.resource("m365:" + tenant + "/copilot/user/" + principal),
              attrs));
      context.progress(1);
    }
    if (concealed) {
      scan.warn(
          "the Copilot usage report conceals user names (Microsoft 365 admin center, Org"
              + " settings, Reports), so principals are hashes, not user principal names");
    }
  }

  /**
   * The Copilot surfaces a user was active in: {@code microsoftTeams} of {@code
   * microsoftTeamsCopilotLastActivityDate}, {@code copilotChat} of {@code
   * copilotChatLastActivityDate}.
   */
  static List<String> apps(JsonNode user) {
    List<String> apps = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String key = f.getKey();
      if (key.equals("lastActivityDate")
          || !key.endsWith("LastActivityDate")
          || !f.getValue().isTextual()
          || f.getValue().asText().isEmpty()) {
        continue;
      }
      String app = key.substring(0, key.length() - "LastActivityDate".length());
      apps.add(
          app.endsWith("Copilot") && app.length() > 7 ? app.substring(0, app.length() - 7) : app);
    }
    return apps;
  }

  /** {@code 2024-06-12T00:00:00Z} of the report's {@code 2024-06-12}; other text as it is. */
  static String instant(String date) {
    try {
      return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    } catch (DateTimeParseException e) {
      return date;
    }
  }
}
