package dev.aiscan.connectors.saas.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The third-party apps of a tenant: its service principals owned by neither the tenant nor
 * Microsoft, with the delegated permissions users or admins consented to ({@code
 * oauth2PermissionGrants}, where most shadow AI shows: a user signing in to an AI tool with a work
 * account leaves a grant) and the application permissions granted to them (app role assignments).
 * One {@code saas-app} fact per app, with its consents folded in, so an app a thousand users
 * consented to is one finding, not a thousand.
 */
final class M365Apps {
  /** Microsoft's first-party apps' owner tenants: Microsoft Services, and Microsoft's own. */
  static final Set<String> MICROSOFT_TENANTS =
      Set.of("f8cdef31-a31e-4b4a-93e4-5f571e91255a", "72f988bf-86f1-41af-91ab-2d7cd011db47");

  /** Hosts of Microsoft's own sign-in and portal pages, which name no app. */
  private static final List<String> MICROSOFT_HOSTS =
      List.of(
          "microsoft.com",
          "microsoftonline.com",
          "windowsazure.com",
          "office.com",
          "live.com",
          "cloud.microsoft");

  private static final Pattern IP = Pattern.compile("[0-9.]+|.*:.*");

  /** The app role id Entra uses for "default access", which names no permission. */
  private static final String DEFAULT_ROLE = "00000000-0000-0000-0000-000000000000";

  /** At most this many consenting user ids are listed in {@code consented-by}. */
  static final int MAX_CONSENTERS = 50;

  static final String SCOPES = "scopes";
  static final String CONSENT = "consent";
  static final String CONSENTED_BY = "consented-by";
  static final String USERS = "users";
  static final String APP_ROLES = "app-roles";
  static final String PUBLISHER = "publisher";
  static final String PUBLISHER_VERIFIED = "publisher-verified";
  static final String OWNER_TENANT = "owner-tenant";
  static final String TEMPLATE = "template";

  /** The properties read of each service principal. */
  static final String SELECT =
      "id,appId,displayName,appDisplayName,appOwnerOrganizationId,applicationTemplateId,"
          + "servicePrincipalType,accountEnabled,homepage,info,replyUrls,publisherName,"
          + "verifiedPublisher";

  /** What an app was granted, gathered from every grant and assignment that names it. */
  private static final class Grants {
    final Set<String> scopes = new LinkedHashSet<>();
    final Set<String> consent = new LinkedHashSet<>();
    final Set<String> users = new LinkedHashSet<>();
    final Set<String> roles = new LinkedHashSet<>();

    boolean any() {
      return !consent.isEmpty() || !roles.isEmpty();
    }
  }

  private final GraphApi graph;
  private final TenantScan scan;
  private final String tenant;
  private final Consumer<String> refused;

  M365Apps(GraphApi graph, TenantScan scan, Consumer<String> refused) {
    this.graph = graph;
    this.scan = scan;
    this.tenant = scan.target().location();
    this.refused = refused;
  }

  void collect() {
    List<JsonNode> principals =
        scan.call(
            "servicePrincipals",
            "Application.Read.All",
            () ->
                graph.list(
                    graph.url(
                        List.of("v1.0", "servicePrincipals"),
                        Map.of("$select", SELECT, "$top", "999")),
                    refused));
    if (principals == null) {
      return; // grants name apps by their service principal: nothing to join them to
    }
    Map<String, JsonNode> apps = new LinkedHashMap<>();
    for (JsonNode sp : principals) {
      if (thirdParty(sp, tenant)) {
        apps.put(sp.path("id").asText(), sp);
      }
    }
    Map<String, Grants> grants = new LinkedHashMap<>();
    apps.keySet().forEach(id -> grants.put(id, new Grants()));
    delegated(grants);
    applicationRoles(grants);
    apps.forEach((id, sp) -> emit(sp, grants.get(id)));
  }

  /** Delegated permission grants: {@code AllPrincipals} is an admin's consent, else a user's. */
  private void delegated(Map<String, Grants> grants) {
    List<JsonNode> all =
        scan.call(
            "oauth2PermissionGrants",
            "Directory.Read.All",
            () ->
                graph.list(
                    graph.url(List.of("v1.0", "oauth2PermissionGrants"), Map.of()), refused));
    if (all == null) {
      return;
    }
    for (JsonNode g : all) {
      Grants app = grants.get(g.path("clientId").asText(""));
      if (app == null) {
        continue; // Microsoft's or the tenant's own app
      }
      for (String scope : g.path("scope").asText("").strip().split("\\s+")) {
        if (!scope.isEmpty()) {
          app.scopes.add(scope);
        }
      }
      if ("AllPrincipals".equals(g.path("consentType").asText())) {
        app.consent.add("admin");
      } else {
        app.consent.add("user");
        String user = g.path("principalId").asText("");
        if (!user.isEmpty()) {
          app.users.add(user);
        }
      }
    }
  }

  /**
   * Application permissions: the app roles each third-party app holds, named by the role's value on
   * its resource ({@code Mail.Read}), looked up once per resource. A failure stops the walk with
   * one warning; what was read is kept.
   */
  private void applicationRoles(Map<String, Grants> grants) {
    Map<String, Map<String, String>> roleNames = new HashMap<>();
    scan.call(
        "servicePrincipals/{id}/appRoleAssignments",
        "Application.Read.All",
        () -> {
          for (Map.Entry<String, Grants> app : grants.entrySet()) {
            HttpUrl url =
                graph.url(
                    List.of("v1.0", "servicePrincipals", app.getKey(), "appRoleAssignments"),
                    Map.of());
            for (JsonNode a : graph.list(url, refused)) {
              String role = a.path("appRoleId").asText("");
              String resource = a.path("resourceId").asText("");
              if (role.isEmpty() || role.equals(DEFAULT_ROLE)) {
                continue;
              }
              String name =
                  resource.isEmpty()
                      ? null
                      : roleNames.computeIfAbsent(resource, this::roles).get(role);
              app.getValue().roles.add(name == null ? role : name);
            }
          }
          return grants;
        });
  }

  /** The app roles a resource (an API such as Microsoft Graph) defines: id to value. */
  private Map<String, String> roles(String resource) {
    JsonNode sp =
        graph.get(
            graph.url(
                List.of("v1.0", "servicePrincipals", resource), Map.of("$select", "id,appRoles")));
    Map<String, String> names = new HashMap<>();
    for (JsonNode r : sp.path("appRoles")) {
      String value = r.path("value").asText("");
      if (!value.isEmpty()) {
        names.put(r.path("id").asText(), value);
      }
    }
    return names;
  }

  private void emit(JsonNode sp, Grants grants) {
    String appId = sp.path("appId").asText("");
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(Fact.Attr.ORIGIN, "m365");
    if (!appId.isEmpty()) {
      attrs.put(Fact.Attr.CLIENT_ID, appId);
    }
    String domain = domain(sp);
    if (domain != null) {
      attrs.put(Fact.Attr.DOMAIN, domain);
    }
    attrs.put(
        Fact.Attr.STATE,
        !sp.path("accountEnabled").asBoolean(true)
            ? "disabled"
            : grants.any() ? "consented" : "present");
    String verified = sp.path("verifiedPublisher").path("displayName").asText("");
    String publisher = verified.isEmpty() ? sp.path("publisherName").asText("") : verified;
    if (!publisher.isEmpty()) {
      attrs.put(PUBLISHER, publisher);
    }
    if (!sp.path("verifiedPublisher").path("verifiedPublisherId").asText("").isEmpty()) {
      attrs.put(PUBLISHER_VERIFIED, "true");
    }
    attrs.put(OWNER_TENANT, sp.path("appOwnerOrganizationId").asText());
    String template = sp.path("applicationTemplateId").asText("");
    if (!template.isEmpty()) {
      attrs.put(TEMPLATE, template);
    }
    if (!grants.scopes.isEmpty()) {
      attrs.put(SCOPES, String.join(",", grants.scopes));
    }
    if (!grants.consent.isEmpty()) {
      attrs.put(CONSENT, String.join(",", grants.consent));
    }
    if (!grants.users.isEmpty()) {
      attrs.put(CONSENTED_BY, String.join(",", first(grants.users, MAX_CONSENTERS)));
      attrs.put(USERS, Integer.toString(grants.users.size()));
    }
    if (!grants.roles.isEmpty()) {
      attrs.put(APP_ROLES, String.join(",", grants.roles));
    }
    String name = sp.path("displayName").asText("");
    if (name.isBlank()) {
      name = sp.path("appDisplayName").asText("");
    }
    scan.app(
        name,
        "m365:" + tenant + "/app/" + (appId.isEmpty() ? sp.path("id").asText() : appId),
        attrs);
  }

  /**
   * An app neither Microsoft nor the tenant wrote: owned by another tenant; or the tenant's own
   * copy of an Entra gallery app (created from an application template, as SAML single sign-on apps
   * are, so owned by the tenant yet a vendor's product). Managed identities and legacy principals
   * are not apps.
   */
  static boolean thirdParty(JsonNode sp, String tenant) {
    String type = sp.path("servicePrincipalType").asText("Application");
    String owner = sp.path("appOwnerOrganizationId").asText("").toLowerCase(Locale.ROOT);
    if (!type.equals("Application") || owner.isEmpty() || MICROSOFT_TENANTS.contains(owner)) {
      return false;
    }
    if (owner.equalsIgnoreCase(tenant)) {
      return !sp.path("applicationTemplateId").asText("").isEmpty();
    }
    return true;
  }

  /** The app's web domain: from its homepage, else its marketing page, else a reply URL. */
  static String domain(JsonNode sp) {
    List<String> urls = new ArrayList<>();
    urls.add(sp.path("homepage").asText(""));
    urls.add(sp.path("info").path("marketingUrl").asText(""));
    sp.path("replyUrls").forEach(u -> urls.add(u.asText("")));
    for (String url : urls) {
      String host = host(url);
      if (host != null) {
        return host;
      }
    }
    return null;
  }

  /**
   * {@code otter.ai} of {@code https://www.otter.ai/x}; null for Microsoft's pages, local hosts.
   */
  static String host(String url) {
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
    if (host.equals("localhost") || !host.contains(".") || IP.matcher(host).matches()) {
      return null;
    }
    for (String ms : MICROSOFT_HOSTS) {
      if (host.equals(ms) || host.endsWith("." + ms)) {
        return null;
      }
    }
    return host;
  }

  private static List<String> first(Set<String> values, int max) {
    return values.stream().limit(max).toList();
  }
}
