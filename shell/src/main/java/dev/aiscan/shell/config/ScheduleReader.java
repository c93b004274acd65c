package dev.aiscan.shell.config;

import dev.aiscan.shell.config.YamlDocument.Entry;
import dev.aiscan.shell.config.YamlDocument.Kind;
import dev.aiscan.shell.config.YamlDocument.Node;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/** Reads {@code schedules:}: a list of named cron schedules, each over some target groups. */
final class ScheduleReader {
  private static final List<String> KEYS = List.of("name", "cron", "targets", "timezone");

  /** Names end up in run history and log lines: keep them plain. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final ConfigReader in;

  ScheduleReader(ConfigReader in) {
    this.in = in;
  }

  List<Schedule> read(Entry e, ScanSpec spec) {
    List<Schedule> schedules = new ArrayList<>();
    if (e == null || e.value().isNull()) {
      return schedules;
    }
    if (e.value().kind() != Kind.SEQ) {
      in.problem(
          e.line(),
          "schedules: expected a list of schedules, each {name, cron, targets, timezone}");
      return schedules;
    }
    List<String> configured = AiscanConfig.groups(spec);
    Map<String, Integer> seen = new HashMap<>();
    List<Node> items = e.value().items();
    for (int i = 0; i < items.size(); i++) {
      Schedule s = schedule(items.get(i), "schedules[" + i + "]", configured, seen);
      if (s != null) {
        schedules.add(s);
      }
    }
    return schedules;
  }

  private Schedule schedule(
      Node item, String path, List<String> configured, Map<String, Integer> seen) {
    int line = item.line();
    if (item.kind() != Kind.MAP) {
      in.problem(line, path + ": expected a mapping of " + String.join(", ", KEYS));
      return null;
    }
    Map<String, Entry> f = in.fields(item, line, path, KEYS);
    String name = in.text(f.get("name"), path + ".name", "a name");
    if (name == null) {
      in.problem(line, path + ": name is required");
    } else if (!NAME.matcher(name).matches()) {
      in.problem(
          f.get("name").line(),
          path
              + ".name: '"
              + ConfigReader.shown(f.get("name"))
              + "' is not a name (letters, digits, '.', '_' and '-', at most 64)");
      name = null;
    } else if (seen.containsKey(name)) {
      in.problem(
          f.get("name").line(),
          path + ".name: '" + name + "' is taken by the schedule at line " + seen.get(name));
      name = null;
    } else {
      seen.put(name, f.get("name").line());
    }
    CronExpression expression = null;
    String cron = in.text(f.get("cron"), path + ".cron", "a cron expression");
    if (cron == null) {
      in.problem(line, path + ": cron is required (e.g. cron: \"0 2 * * *\")");
    } else {
      expression = cron(cron, f.get("cron"), path + ".cron");
    }
    ZoneId zone = zone(f.get("timezone"), path + ".timezone");
    List<String> targets = targets(f.get("targets"), path, line, configured);
    if (name == null || expression == null || zone == null || targets == null) {
      return null;
    }
    if (expression.next(ZonedDateTime.now(zone)) == null) {
      in.problem(
          f.get("cron").line(),
          path
              + ".cron: '"
              + ConfigReader.shown(f.get("cron"))
              + "' never fires (a date that does not exist?)");
      return null;
    }
    return new Schedule(name, cron, expression, targets, zone);
  }

  private CronExpression cron(String cron, Entry e, String path) {
    try {
      return Schedule.parse(cron);
    } catch (IllegalArgumentException ex) {
      in.problem(
          e.line(),
          path
              + ": '"
              + ConfigReader.shown(e)
              + "' is not a cron expression ("
              + ex.getMessage()
              + ")");
      return null;
    }
  }

  private ZoneId zone(Entry e, String path) {
    String id = in.text(e, path, "a time zone");
    if (id == null) {
      return e != null && e.value().kind() != Kind.SCALAR ? null : ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException ex) {
      in.problem(
          e.line(),
          path
              + ": '"
              + ConfigReader.shown(e)
              + "' is not a time zone (e.g. Europe/Paris, America/New_York, UTC)");
      return null;
    }
  }

  /** The schedule's target groups: every configured one by default. Null after a problem. */
  private List<String> targets(Entry e, String path, int line, List<String> configured) {
    String tpath = path + ".targets";
    List<String> groups = in.list(e, tpath, "target groups", true);
    if (groups == null) {
      if (e != null && e.value().kind() == Kind.MAP) {
        return null;
      }
      if (configured.isEmpty()) {
        in.problem(
            line, path + ": nothing to scan: targets: names no source, repository or service");
        return null;
      }
      return configured;
    }
    if (groups.isEmpty()) {
      in.problem(e.line(), tpath + ": names no target group");
      return null;
    }
    boolean ok = true;
    for (int i = 0; i < groups.size(); i++) {
      String g = groups.get(i);
      // an item split at commas no longer lines up with the list's items
      int at =
          e.value().kind() == Kind.SEQ && e.value().items().size() == groups.size()
              ? ConfigReader.itemLine(e, i)
              : e.line();
      if (!ScanSpec.TARGET_GROUPS.contains(g)) {
        String suggestion = Suggestions.closest(g, ScanSpec.TARGET_GROUPS);
        in.problem(
            at,
            tpath
                + ": unknown target group '"
                + Suggestions.shorten(g)
                + "'"
                + (suggestion != null
                    ? "; did you mean '" + suggestion + "'?"
                    : " (one of " + String.join(", ", ScanSpec.TARGET_GROUPS) + ")"));
        ok = false;
      } else if (!configured.contains(g)) {
        in.problem(at, tpath + ": '" + g + "' is not configured under targets:");
        ok = false;
      }
    }
    return ok ? groups.stream().distinct().toList() : null;
  }
}
