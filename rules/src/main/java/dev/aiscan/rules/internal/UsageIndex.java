package dev.aiscan.rules.internal;

import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matchers over what cloud connectors observe about use and governance: usage events by action
 * ({@code bedrock:InvokeModel}, {@code rekognition:Detect*}) and settings by name and state. Exact
 * actions and setting names are hash lookups (lowercase); action globs are grouped by service, so a
 * fact only meets the globs of its own service.
 */
final class UsageIndex {
  /** {@code service:Action}, {@code service:Prefix*} or {@code service:*}. */
  private static final Pattern ACTION =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*:(?:[A-Za-z0-9]+\\*?|\\*)");

  /** An action glob's literal prefix (lowercase, with the service and colon) and its binding. */
  private record Glob(String prefix, Binding binding) {}

  /** A setting matcher's binding with its {@code state} filter (lowercase; empty: any). */
  private record SettingMatch(Binding binding, Set<String> states) {
    boolean accepts(Fact fact) {
      if (states.isEmpty()) {
        return true;
      }
      String state = fact.attribute(Fact.Attr.STATE);
      return state != null && states.contains(state.trim().toLowerCase(Locale.ROOT));
    }
  }

  private final Map<String, List<Binding>> exactActions = new HashMap<>();
  private final Map<String, List<Glob>> globsByService = new HashMap<>();
  private final Map<String, List<SettingMatch>> settings = new HashMap<>();

  /** Why {@code action} is not a valid usage-event action, or null. */
  static String checkAction(String action) {
    if (ACTION.matcher(action).matches()) {
      return null;
    }
    return "action '"
        + action
        + "' must be service:Action (letters and digits), optionally ending in '*'";
  }

  void add(MatcherSpec.UsageEvent spec) {
    for (String a : spec.actions()) {
      String action = a.toLowerCase(Locale.ROOT);
      if (action.endsWith("*")) {
        String prefix = action.substring(0, action.length() - 1);
        String service = prefix.substring(0, prefix.indexOf(':'));
        globsByService
            .computeIfAbsent(service, k -> new ArrayList<>())
            .add(new Glob(prefix, spec.binding()));
      } else {
        exactActions.computeIfAbsent(action, k -> new ArrayList<>()).add(spec.binding());
      }
    }
  }

  void add(MatcherSpec.Setting spec) {
    SettingMatch match =
        new SettingMatch(
            spec.binding(),
            Set.copyOf(spec.states().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()));
    for (String n : spec.names()) {
      settings.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(match);
    }
  }

  /** The action exactly, or a glob of its service whose prefix it starts with; case-insensitive. */
  void matchUsageEvent(Hits hits) {
    String action = hits.fact().value().trim().toLowerCase(Locale.ROOT);
    List<Binding> exact = exactActions.get(action);
    if (exact != null) {
      exact.forEach(hits::add);
    }
    int colon = action.indexOf(':');
    if (colon <= 0) {
      return;
    }
    List<Glob> globs = globsByService.get(action.substring(0, colon));
    if (globs != null) {
      for (Glob g : globs) {
        if (action.startsWith(g.prefix)) {
          hits.add(g.binding);
        }
      }
    }
  }

  /** The setting's name (case-insensitive), then the matcher's {@code state} filter, if any. */
  void matchSetting(Hits hits) {
    Fact f = hits.fact();
    List<SettingMatch> matches = settings.get(f.value().trim().toLowerCase(Locale.ROOT));
    if (matches != null) {
      for (SettingMatch m : matches) {
        if (m.accepts(f)) {
          hits.add(m.binding);
        }
      }
    }
  }
}
