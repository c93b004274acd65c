package dev.aiscan.connectors.saas.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.core.model.Fact;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The third-party apps a domain's users granted OAuth tokens to, one entry per app (client id) over
 * all users: {@code tokens.list} answers per user, but what matters is that an AI app reads the
 * domain's mail or files, how widely, and whom to ask. Thread-safe: users are read in parallel.
 * Memory is bounded by the number of apps, not of users (only a count and the first few emails are
 * kept).
 */
final class GrantedApps {
  /** How many users a fact names ({@code granted-by}); the count says how many there are. */
  static final int MAX_GRANTERS = 5;

  private final Map<String, App> apps = new TreeMap<>();

  private static final class App {
    String clientId;
    String name;
    final Set<String> scopes = new TreeSet<>();
    final TreeSet<String> grantedBy = new TreeSet<>();
    int users;
    boolean anonymous;
    boolean nativeApp;
  }

  /** Adds the tokens one user granted ({@code tokens.list} items). */
  synchronized void add(String user, List<JsonNode> tokens) {
    Set<String> counted = new HashSet<>();
    for (JsonNode t : tokens) {
      String clientId = text(t, "clientId");
      String name = text(t, "displayText");
      String key = clientId != null ? clientId : name;
      if (key == null) {
        continue;
      }
      App app = apps.computeIfAbsent(key, k -> new App());
      app.clientId = clientId;
      if (app.name == null) {
        app.name = name;
      }
      t.path("scopes").forEach(s -> app.scopes.add(s.asText()));
      app.anonymous |= t.path("anonymous").asBoolean(false);
      app.nativeApp |= t.path("nativeApp").asBoolean(false);
      if (counted.add(key)) {
        app.users++;
        app.grantedBy.add(user);
        if (app.grantedBy.size() > MAX_GRANTERS) {
          app.grantedBy.pollLast();
        }
      }
    }
  }

  /** One {@code saas-app} fact per app, located at {@code <tenant>/app/<client id>}. */
  synchronized void emit(TenantScan scan, String tenant) {
    apps.forEach(
        (key, app) -> {
          Map<String, String> attrs = new LinkedHashMap<>();
          attrs.put(Fact.Attr.ORIGIN, GoogleWorkspaceConnector.KIND);
          attrs.put(Fact.Attr.STATE, "granted");
          if (app.clientId != null) {
            attrs.put(Fact.Attr.CLIENT_ID, app.clientId);
          }
          if (!app.scopes.isEmpty()) {
            attrs.put(GoogleWorkspaceConnector.SCOPES, String.join(",", app.scopes));
          }
          attrs.put(GoogleWorkspaceConnector.USERS, String.valueOf(app.users));
          attrs.put(GoogleWorkspaceConnector.GRANTED_BY, String.join(",", app.grantedBy));
          if (app.anonymous) {
            attrs.put(GoogleWorkspaceConnector.ANONYMOUS, "true");
          }
          if (app.nativeApp) {
            attrs.put(GoogleWorkspaceConnector.NATIVE_APP, "true");
          }
          scan.app(app.name != null ? app.name : key, tenant + "/app/" + key, attrs);
        });
  }

  private static String text(JsonNode node, String field) {
    String v = node.path(field).asText("").strip();
    return v.isEmpty() ? null : v;
  }
}
