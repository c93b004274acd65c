package dev.aiscan.connectors.saas.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.connectors.saas.ai.AdminApi.Param;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Anthropic organisation through its Admin API: workspaces ({@code Anthropic::Workspace}
 * resources), API keys by their partial hint ({@code api-key} facts, creators named by the users
 * list) and the last week's Messages usage by model and key ({@code usage-event} {@code
 * anthropic:messages}, tokens only: the report counts no requests). Keys outside any workspace
 * belong to the organisation's default workspace, located at {@code .../workspace/default}.
 */
public final class AnthropicConnector implements Connector {
  public static final String KIND = "anthropic";

  static final Duration WINDOW = Duration.ofDays(7);
  static final String NEEDS = "an organisation Admin API key (sk-ant-admin01-...)";

  /** Where keys of the default workspace (workspace_id null) are located. */
  static final String DEFAULT_WORKSPACE = "default";

  private final Clock clock;

  public AnthropicConnector() {
    this(Clock.systemUTC());
  }

  AnthropicConnector(Clock clock) {
    this.clock = clock;
  }

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
    AdminApi api = AnthropicTargets.api(AnthropicTargets.settings(context.settings()));
    TenantScan scan = new TenantScan(target, context, KIND);
    OrgFacts facts = new OrgFacts(target, context, KIND);

    Map<String, String> emails = new HashMap<>();
    List<JsonNode> users =
        scan.call(
            "GET /organizations/users", NEEDS, () -> api.list("organizations/users", List.of()));
    if (users != null) {
      for (JsonNode u : users) {
        String id = OrgFacts.text(u, "id");
        String email = OrgFacts.text(u, "email");
        if (id != null && email != null) {
          emails.put(id, email);
        }
      }
    }

    Map<String, String> workspaceNames = new HashMap<>();
    List<JsonNode> workspaces =
        scan.call(
            "GET /organizations/workspaces",
            NEEDS,
            () ->
                api.list(
                    "organizations/workspaces", List.of(new Param("include_archived", "true"))));
    if (workspaces != null) {
      for (JsonNode w : workspaces) {
        String id = OrgFacts.text(w, "id");
        if (id == null) {
          continue;
        }
        String name = OrgFacts.text(w, "name");
        workspaceNames.put(id, name == null ? id : name);
        facts.resource(
            "Anthropic::Workspace",
            workspace(facts, id),
            name,
            OrgFacts.text(w, "archived_at") == null ? "active" : "archived",
            OrgFacts.text(w, "created_at"));
      }
    }

    Map<String, String> keyLocations = new HashMap<>();
    List<JsonNode> keys =
        scan.call(
            "GET /organizations/api_keys",
            NEEDS,
            () -> api.list("organizations/api_keys", List.of()));
    if (keys != null) {
      for (JsonNode k : keys) {
        String id = OrgFacts.text(k, "id");
        if (id == null) {
          continue;
        }
        String ws = OrgFacts.text(k, "workspace_id");
        String at = workspace(facts, ws) + "/api_key/" + id;
        keyLocations.put(id, at);
        Map<String, String> attrs = new LinkedHashMap<>();
        OrgFacts.put(attrs, Fact.Attr.NAME, OrgFacts.text(k, "name"));
        String creator = OrgFacts.text(k.path("created_by"), "id");
        OrgFacts.put(
            attrs, OrgFacts.OWNER, creator == null ? null : emails.getOrDefault(creator, creator));
        OrgFacts.put(attrs, OrgFacts.CREATED, OrgFacts.text(k, "created_at"));
        OrgFacts.put(
            attrs, Fact.Attr.PROJECT, ws == null ? "Default" : workspaceNames.getOrDefault(ws, ws));
        OrgFacts.put(attrs, Fact.Attr.STATE, OrgFacts.text(k, "status"));
        facts.key(OrgFacts.text(k, "partial_key_hint"), at, attrs);
      }
    }

    usage(api, scan, facts, keyLocations);
    if (scan.failed()) {
      context.incomplete();
    }
  }

  private static String workspace(OrgFacts facts, String id) {
    return facts.org() + "/workspace/" + (id == null ? DEFAULT_WORKSPACE : id);
  }

  /** Messages usage of the window, by model and key; input tokens count cache reads and writes. */
  private void usage(
      AdminApi api, TenantScan scan, OrgFacts facts, Map<String, String> keyLocations) {
    String start = clock.instant().minus(WINDOW).truncatedTo(ChronoUnit.DAYS).toString();
    List<JsonNode> buckets =
        scan.call(
            "GET /organizations/usage_report/messages",
            NEEDS,
            () ->
                api.report(
                    "organizations/usage_report/messages",
                    List.of(
                        new Param("starting_at", start),
                        new Param("bucket_width", "1d"),
                        new Param("group_by[]", "model"),
                        new Param("group_by[]", "api_key_id"),
                        new Param("limit", "31"))));
    if (buckets == null) {
      return;
    }
    UsageTally tally = new UsageTally();
    for (JsonNode b : buckets) {
      Instant from = OrgFacts.instant(OrgFacts.text(b, "starting_at"));
      Instant to = OrgFacts.instant(OrgFacts.text(b, "ending_at"));
      for (JsonNode r : b.path("results")) {
        String key = OrgFacts.text(r, "api_key_id");
        String ws = OrgFacts.text(r, "workspace_id");
        String principal;
        if (key != null) {
          principal = keyLocations.getOrDefault(key, workspace(facts, ws) + "/api_key/" + key);
        } else {
          principal = ws == null ? facts.org() : workspace(facts, ws);
        }
        JsonNode cache = r.path("cache_creation");
        long input =
            r.path("uncached_input_tokens").asLong(0)
                + r.path("cache_read_input_tokens").asLong(0)
                + cache.path("ephemeral_1h_input_tokens").asLong(0)
                + cache.path("ephemeral_5m_input_tokens").asLong(0);
        tally.add(
            "anthropic:messages",
            OrgFacts.text(r, "model"),
            principal,
            null,
            input,
            r.path("output_tokens").asLong(0),
            from,
            to);
      }
    }
    facts.usage(tally);
  }
}
