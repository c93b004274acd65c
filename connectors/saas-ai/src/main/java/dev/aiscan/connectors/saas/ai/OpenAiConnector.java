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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one OpenAI organisation through its Admin API: projects ({@code OpenAI::Project}
 * resources), every project's API keys by their redacted value ({@code api-key} facts, owners named
 * by the users and service accounts lists) and the last week's completions usage by model, project
 * and key ({@code usage-event} {@code openai:completions}). What the catalogue makes of them is the
 * rules' business.
 */
public final class OpenAiConnector implements Connector {
  public static final String KIND = "openai";

  /** How far back usage is read. */
  static final Duration WINDOW = Duration.ofDays(7);

  static final String NEEDS = "an organisation Admin API key (read access is enough)";

  private final Clock clock;

  public OpenAiConnector() {
    this(Clock.systemUTC());
  }

  OpenAiConnector(Clock clock) {
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
    AdminApi api = OpenAiTargets.api(OpenAiTargets.settings(context.settings()));
    TenantScan scan = new TenantScan(target, context, KIND);
    OrgFacts facts = new OrgFacts(target, context, KIND);

    Map<String, String> emails = new HashMap<>();
    List<JsonNode> users =
        scan.call(
            "GET /organization/users", NEEDS, () -> api.list("organization/users", List.of()));
    if (users != null) {
      users.forEach(u -> put(emails, OrgFacts.text(u, "id"), OrgFacts.text(u, "email")));
    }

    Map<String, String> keyLocations = new HashMap<>();
    List<JsonNode> projects =
        scan.call(
            "GET /organization/projects",
            NEEDS,
            () ->
                api.list("organization/projects", List.of(new Param("include_archived", "true"))));
    if (projects != null) {
      for (JsonNode p : projects) {
        String id = OrgFacts.text(p, "id");
        if (id == null) {
          continue;
        }
        String name = OrgFacts.text(p, "name");
        String at = facts.org() + "/project/" + id;
        facts.resource(
            "OpenAI::Project",
            at,
            name,
            OrgFacts.text(p, "status"),
            OrgFacts.unix(p, "created_at"));
        keys(api, scan, facts, id, name, at, emails, keyLocations);
      }
    }

    usage(api, scan, facts, keyLocations);
    if (scan.failed()) {
      context.incomplete();
    }
  }

  /** The project's API keys, owners named by email (user) or name (service account). */
  private static void keys(
      AdminApi api,
      TenantScan scan,
      OrgFacts facts,
      String project,
      String projectName,
      String projectAt,
      Map<String, String> emails,
      Map<String, String> keyLocations) {
    String base = "organization/projects/" + project;
    Map<String, String> accounts = new HashMap<>();
    List<JsonNode> serviceAccounts =
        scan.call(
            "GET /organization/projects/" + project + "/service_accounts",
            NEEDS,
            () -> api.list(base + "/service_accounts", List.of()));
    if (serviceAccounts != null) {
      serviceAccounts.forEach(a -> put(accounts, OrgFacts.text(a, "id"), OrgFacts.text(a, "name")));
    }
    List<JsonNode> keys =
        scan.call(
            "GET /organization/projects/" + project + "/api_keys",
            NEEDS,
            () -> api.list(base + "/api_keys", List.of()));
    if (keys == null) {
      return;
    }
    for (JsonNode k : keys) {
      String id = OrgFacts.text(k, "id");
      if (id == null) {
        continue;
      }
      String at = projectAt + "/api_key/" + id;
      keyLocations.put(id, at);
      Map<String, String> attrs = new LinkedHashMap<>();
      OrgFacts.put(attrs, Fact.Attr.NAME, OrgFacts.text(k, "name"));
      OrgFacts.put(attrs, OrgFacts.OWNER, owner(k.path("owner"), emails, accounts));
      OrgFacts.put(attrs, OrgFacts.CREATED, OrgFacts.unix(k, "created_at"));
      OrgFacts.put(attrs, OrgFacts.LAST_USED, OrgFacts.unix(k, "last_used_at"));
      OrgFacts.put(attrs, Fact.Attr.PROJECT, projectName == null ? project : projectName);
      OrgFacts.put(attrs, Fact.Attr.STATE, OrgFacts.text(k, "owner_project_access"));
      facts.key(OrgFacts.text(k, "redacted_value"), at, attrs);
    }
  }

  /** The owner's email, else a service account's name, else the owner's id. */
  static String owner(JsonNode owner, Map<String, String> emails, Map<String, String> accounts) {
    JsonNode user = owner.path("user");
    if (user.isObject()) {
      String email = OrgFacts.text(user, "email");
      String id = OrgFacts.text(user, "id");
      return email != null ? email : emails.getOrDefault(id, id);
    }
    JsonNode account = owner.path("service_account");
    if (account.isObject()) {
      String id = OrgFacts.text(account, "id");
      String name = OrgFacts.text(account, "name");
      String known = name != null ? name : accounts.getOrDefault(id, id);
      return known == null ? null : "service account " + known;
    }
    return null;
  }

  /** Completions usage of the window, by model, project and key. */
  private void usage(
      AdminApi api, TenantScan scan, OrgFacts facts, Map<String, String> keyLocations) {
    long start = clock.instant().minus(WINDOW).getEpochSecond();
    List<JsonNode> buckets =
        scan.call(
            "GET /organization/usage/completions",
            NEEDS,
            () ->
                api.report(
                    "organization/usage/completions",
                    List.of(
                        new Param("start_time", Long.toString(start)),
                        new Param("bucket_width", "1d"),
                        new Param("group_by", "model"),
                        new Param("group_by", "project_id"),
                        new Param("group_by", "api_key_id"),
                        new Param("limit", "31"))));
    if (buckets == null) {
      return;
    }
    UsageTally tally = new UsageTally();
    for (JsonNode b : buckets) {
      Instant from = seconds(b.path("start_time"));
      Instant to = seconds(b.path("end_time"));
      for (JsonNode r : b.path("results")) {
        String project = OrgFacts.text(r, "project_id");
        String key = OrgFacts.text(r, "api_key_id");
        String principal;
        if (key != null && keyLocations.containsKey(key)) {
          principal = keyLocations.get(key);
        } else if (project != null) {
          principal = facts.org() + "/project/" + project + (key == null ? "" : "/api_key/" + key);
        } else {
          principal = facts.org();
        }
        JsonNode requests = r.path("num_model_requests");
        tally.add(
            "openai:completions",
            OrgFacts.text(r, "model"),
            principal,
            requests.canConvertToLong() ? requests.asLong() : null,
            r.path("input_tokens").asLong(0),
            r.path("output_tokens").asLong(0),
            from,
            to);
      }
    }
    facts.usage(tally);
  }

  private static Instant seconds(JsonNode n) {
    return n.canConvertToLong() ? Instant.ofEpochSecond(n.asLong()) : null;
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (key != null && value != null) {
      map.put(key, value);
    }
  }
}
