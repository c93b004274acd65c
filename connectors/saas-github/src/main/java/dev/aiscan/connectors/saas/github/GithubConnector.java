package dev.aiscan.connectors.saas.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one GitHub organisation: its Copilot seats (a {@code saas-app} fact {@code GitHub Copilot}
 * with the seat counts, and a {@code usage-event} {@code github:copilot} per seat that was used),
 * and the GitHub Apps installed on it (a {@code saas-app} fact each, for the catalogue's AI apps to
 * match by name).
 *
 * <p>An organisation without Copilot Business or Enterprise answers the seats call with 404, and
 * one whose Copilot policies keep the API off with 422: neither is a failure, the organisation just
 * has no seats to report, so nothing is emitted and nothing is warned.
 */
public final class GithubConnector implements Connector {
  public static final String KIND = "github";

  /** The {@code usage-event} value of a Copilot seat that was used. */
  public static final String COPILOT_USE = "github:copilot";

  /** Attribute of the Copilot app: the seats assigned. */
  public static final String SEATS = "seats";

  /** Attribute of the Copilot app: the seats used in the last {@link #ACTIVE_WINDOW}. */
  public static final String ACTIVE = "active";

  /** Attribute of the Copilot app and its usage events: the plan ({@code business}, ...). */
  public static final String PLAN = "plan";

  /** Attribute of a Copilot usage event: the editor and plugin last used. */
  public static final String EDITOR = "editor";

  /** Attribute of an installed app: its permissions, {@code name:level} comma separated. */
  public static final String PERMISSIONS = "permissions";

  /** Attribute of an installed app: {@code all} or {@code selected} repositories. */
  public static final String REPOSITORY_SELECTION = "repository-selection";

  /** Attribute of an installed app: its slug, as GitHub names it in URLs. */
  public static final String SLUG = "slug";

  /** A seat counts as active when it was used this recently. */
  static final Duration ACTIVE_WINDOW = Duration.ofDays(30);

  private static final String SEATS_NEEDS =
      "an organisation owner's token with read:org or manage_billing:copilot (classic), or the"
          + " GitHub Copilot Business organisation permission (read, fine-grained)";
  private static final String APPS_NEEDS =
      "an organisation owner's token with read:org (classic), or the Administration organisation"
          + " permission (read, fine-grained)";

  private final Clock clock;

  public GithubConnector() {
    this(Clock.systemUTC());
  }

  /** With the clock that decides which seats were used in the last 30 days (tests). */
  GithubConnector(Clock clock) {
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
    GithubApi api = new GithubApi(GithubSettings.from(context.settings()));
    TenantScan scan = new TenantScan(target, context, "github");
    String org = target.location();
    Optional<GithubApi.Pages> seats =
        scan.call("copilot/billing/seats", SEATS_NEEDS, () -> copilotSeats(api, org));
    if (seats != null && seats.isPresent()) {
      copilot(scan, context, target, seats.get());
    }
    GithubApi.Pages installations =
        scan.call(
            "installations",
            APPS_NEEDS,
            () -> api.list(List.of("orgs", org, "installations"), Map.of(), "installations"));
    if (installations != null) {
      for (JsonNode i : installations.items()) {
        app(scan, target, i);
      }
    }
    if (scan.failed()) {
      context.incomplete();
    }
  }

  /** The seats, or empty when the organisation has no Copilot API to ask (404, 422). */
  private static Optional<GithubApi.Pages> copilotSeats(GithubApi api, String org) {
    try {
      return Optional.of(
          api.list(List.of("orgs", org, "copilot", "billing", "seats"), Map.of(), "seats"));
    } catch (SaasException e) {
      if (e.kind() == SaasException.Kind.OTHER && (e.status() == 404 || e.status() == 422)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void copilot(
      TenantScan scan, CollectContext context, Target target, GithubApi.Pages seats) {
    int total = seats.first().path("total_seats").asInt(seats.items().size());
    if (total == 0 && seats.items().isEmpty()) {
      return;
    }
    Instant since = clock.instant().minus(ACTIVE_WINDOW);
    String where = KIND + ":" + target.location() + "/copilot";
    int active = 0;
    Set<String> plans = new LinkedHashSet<>();
    List<Fact> uses = new ArrayList<>();
    for (JsonNode seat : seats.items()) {
      String plan = seat.path("plan_type").asText("");
      if (!plan.isBlank()) {
        plans.add(plan);
      }
      Instant last = instant(seat.path("last_activity_at").asText(null));
      String login = seat.path("assignee").path("login").asText("");
      if (last == null || login.isBlank()) {
        continue; // never used (or assigned to no user): no evidence of use
      }
      if (!last.isBefore(since)) {
        active++;
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put(Fact.Attr.ORIGIN, KIND);
      attrs.put(Fact.Attr.PRINCIPAL, login);
      attrs.put(Fact.Attr.LAST_SEEN, last.toString());
      String editor = seat.path("last_activity_editor").asText("");
      if (!editor.isBlank()) {
        attrs.put(EDITOR, editor);
      }
      if (!plan.isBlank()) {
        attrs.put(PLAN, plan);
      }
      uses.add(
          new Fact(
              FactType.USAGE_EVENT,
              COPILOT_USE,
              target,
              Location.resource(where + "/seat/" + login),
              attrs));
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(Fact.Attr.ORIGIN, KIND);
    attrs.put(Fact.Attr.STATE, "enabled");
    attrs.put(SEATS, Integer.toString(total));
    attrs.put(ACTIVE, Integer.toString(active));
    if (!plans.isEmpty()) {
      attrs.put(PLAN, String.join(",", plans));
    }
    scan.app("GitHub Copilot", where, attrs);
    for (Fact use : uses) {
      context.emit(use);
      context.progress(1);
    }
  }

  private static void app(TenantScan scan, Target target, JsonNode installation) {
    String slug = installation.path("app_slug").asText("");
    if (slug.isBlank()) {
      return;
    }
    String name = installation.path("name").asText("");
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(Fact.Attr.ORIGIN, KIND);
    attrs.put(SLUG, slug);
    attrs.put(
        Fact.Attr.STATE, installation.path("suspended_at").isTextual() ? "suspended" : "installed");
    if (installation.path("app_id").canConvertToLong()) {
      attrs.put(Fact.Attr.CLIENT_ID, installation.path("app_id").asText());
    }
    String permissions = permissions(installation.path("permissions"));
    if (!permissions.isEmpty()) {
      attrs.put(PERMISSIONS, permissions);
    }
    String selection = installation.path("repository_selection").asText("");
    if (!selection.isBlank()) {
      attrs.put(REPOSITORY_SELECTION, selection);
    }
    scan.app(
        name.isBlank() ? human(slug) : name,
        KIND + ":" + target.location() + "/app/" + slug,
        attrs);
  }

  /** {@code contents:read,metadata:read} of {@code {"contents": "read", "metadata": "read"}}. */
  static String permissions(JsonNode permissions) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = permissions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      parts.add(p.getKey() + ":" + p.getValue().asText());
    }
    return String.join(",", parts);
  }

  /** {@code Github Actions} of the slug {@code github-actions}: what a reader would call it. */
  static String human(String slug) {
    StringBuilder s = new StringBuilder();
    for (String word : slug.split("[-_\\s]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!s.isEmpty()) {
        s.append(' ');
      }
      s.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return s.isEmpty() ? slug : s.toString();
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
