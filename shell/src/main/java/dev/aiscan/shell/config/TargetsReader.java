package dev.aiscan.shell.config;

import dev.aiscan.shell.config.ConfigReader.Expect;
import dev.aiscan.shell.config.ConnectorKeys.Key;
import dev.aiscan.shell.config.YamlDocument.Entry;
import dev.aiscan.shell.config.YamlDocument.Kind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads {@code targets:} and {@code source:} into what a {@link ScanSpec} holds: source
 * directories, git repositories, the services to run and their connector settings.
 */
final class TargetsReader {
  private static final Pattern SCP_LIKE = Pattern.compile("[\\w.-]+@[\\w.-]+:.+");
  private static final String USER_INFO =
      "credentials in a URL are a secret written in the file, readable by anyone who can read"
          + " the file; use a credential helper, an SSH key or a token variable";
  private static final Set<String> GIT_SCHEMES = Set.of("https", "http", "ssh", "git", "file");

  private final ConfigReader in;
  List<String> sources;
  List<String> git;
  final Set<String> services = new LinkedHashSet<>();
  final Map<String, String> settings = new TreeMap<>();

  TargetsReader(ConfigReader in) {
    this.in = in;
  }

  void readTargets(Entry targets) {
    if (targets == null) {
      return;
    }
    Map<String, Entry> fields =
        in.fields(targets.value(), targets.line(), "targets", ScanSpec.TARGET_GROUPS);
    sources = in.paths(fields.get("sources"), "targets.sources", "directories", Expect.DIRECTORY);
    Entry gitEntry = fields.get("git");
    List<String> urls = in.list(gitEntry, "targets.git", "repository URLs", false);
    if (urls != null) {
      git = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        String url = repository(urls.get(i), ConfigReader.itemLine(gitEntry, i));
        if (url != null) {
          git.add(url);
        }
      }
    }
    for (String service : ScanSpec.SERVICES) {
      Entry e = fields.get(service);
      if (e != null) {
        service(service, e);
      }
    }
  }

  void readSource(Entry source) {
    if (source == null) {
      return;
    }
    List<Key> keys = ConnectorKeys.SOURCE;
    Map<String, Entry> fields =
        in.fields(source.value(), source.line(), "source", ConnectorKeys.names(keys));
    for (Key key : keys) {
      apply(key, fields, "source", source.line());
    }
  }

  /** {@code aws: true}, {@code aws: false}, {@code aws:} or {@code aws: {profile: ...}}. */
  private void service(String service, Entry e) {
    String path = "targets." + service;
    List<Key> keys = ConnectorKeys.SERVICES.get(service);
    if (e.value().kind() == Kind.SCALAR && e.value().text() != null) {
      String v = in.text(e, path, "true or false");
      if (!"true".equalsIgnoreCase(v)) {
        if (v != null && !"false".equalsIgnoreCase(v)) {
          // not repeated: `slack: xoxp-…` is a token written where the switch goes
          in.problem(e.line(), path + ": " + expected(keys));
        }
        return;
      }
    } else if (e.value().kind() == Kind.SEQ) {
      in.problem(e.line(), path + ": " + expected(keys));
      return;
    }
    services.add(service);
    Map<String, Entry> fields =
        e.value().kind() == Kind.MAP
            ? in.fields(e.value(), e.line(), path, ConnectorKeys.names(keys))
            : Map.of();
    for (Key key : keys) {
      apply(key, fields, path, e.line());
    }
    for (String required : ConnectorKeys.REQUIRED.getOrDefault(service, List.of())) {
      if (!settings.containsKey("connectors." + service + "." + required)
          && !fields.containsKey(required)) {
        in.problem(e.line(), path + ": " + required + " is required");
      }
    }
    String variable = ConnectorKeys.DEFAULT_SECRET_VARIABLES.get(service);
    String setting = ScanSpec.secretSetting(service);
    String secretKey = setting.substring(setting.lastIndexOf('.') + 1);
    if (variable != null && !settings.containsKey(setting) && !fields.containsKey(secretKey)) {
      // not named in the file: the variable the flags read too, when it is set
      String value = in.env().get(variable);
      if (value != null && !value.isBlank()) {
        settings.put(setting, value.strip());
      }
    }
  }

  private static String expected(List<Key> keys) {
    return "expected true, false or a mapping of " + String.join(", ", ConnectorKeys.names(keys));
  }

  private void apply(Key key, Map<String, Entry> fields, String section, int sectionLine) {
    String path = ConfigReader.child(section, key.name());
    Entry e = fields.get(key.name());
    String value =
        switch (key.type()) {
          case SECRET -> in.secret(fields, key.name(), section, sectionLine, true);
          case SECRET_ENV -> in.secret(fields, key.name(), section, sectionLine, false);
          case TEXT -> matching(e, path, in.text(e, path, key.noun()), key);
          case NAMES -> names(e, path, key);
          case GLOBS -> globs(e, path);
          case BOOL -> string(in.bool(e, path));
          case INT -> string(in.integer(e, path, key.min(), key.max()));
          case SIZE -> in.size(e, path);
          case SECONDS -> seconds(e, path);
          case DURATION -> duration(e, path);
          case URL -> url(e, path, false);
          case HTTPS_HOST -> url(e, path, true);
          case PATH -> in.path(e, path, Expect.ANYTHING);
          case FILE -> in.path(e, path, Expect.FILE);
        };
    if (value != null) {
      settings.put(key.setting(), value);
    }
  }

  private String matching(Entry e, String path, String value, Key key) {
    if (value != null && key.pattern() != null && !key.pattern().matcher(value).matches()) {
      in.problem(
          e.line(), path + ": expected " + key.noun() + ", not '" + ConfigReader.shown(e) + "'");
      return null;
    }
    return value;
  }

  private String names(Entry e, String path, Key key) {
    List<String> names = in.list(e, path, key.noun(), true);
    if (names == null) {
      return null;
    }
    for (String name : names) {
      if (!key.pattern().matcher(name).matches()) {
        in.problem(
            e.line(),
            path + ": expected " + key.noun() + ", not '" + Suggestions.shorten(name) + "'");
        return null;
      }
    }
    return names.isEmpty() ? null : String.join(",", names);
  }

  private String globs(Entry e, String path) {
    List<String> globs = in.list(e, path, "globs", false);
    if (globs == null) {
      return null;
    }
    for (int i = 0; i < globs.size(); i++) {
      if (globs.get(i).contains(",")) {
        // the connectors read the globs as one comma-separated setting
        in.problem(
            ConfigReader.itemLine(e, i),
            path
                + ": '"
                + Suggestions.shorten(globs.get(i))
                + "' holds a comma; write one glob per alternative instead of {a,b}");
        return null;
      }
    }
    return globs.isEmpty() ? null : String.join(",", globs);
  }

  private String seconds(Entry e, String path) {
    String v = in.text(e, path, "a number of seconds");
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (d > 0 && d <= 86_400) {
        return v;
      }
    } catch (NumberFormatException ex) {
      // reported below
    }
    in.problem(
        e.line(), path + ": expected a number of seconds, not '" + ConfigReader.shown(e) + "'");
    return null;
  }

  private String duration(Entry e, String path) {
    String v = in.text(e, path, "a duration");
    if (v == null) {
      return null;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    try {
      long n =
          Long.parseLong(
              lower.endsWith("ms")
                  ? lower.substring(0, lower.length() - 2).strip()
                  : lower.replaceAll("s$", "").strip());
      if (n > 0) {
        return v;
      }
    } catch (NumberFormatException ex) {
      // reported below
    }
    in.problem(
        e.line(),
        path + ": expected a duration such as 30s or 500ms, not '" + ConfigReader.shown(e) + "'");
    return null;
  }

  private String url(Entry e, String path, boolean httpsHostOnly) {
    String v = in.text(e, path, "a URL");
    if (v == null) {
      return null;
    }
    String trimmed = v.replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean ok =
          httpsHostOnly
              ? scheme.equals("https")
                  && uri.getHost() != null
                  && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              : (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
      if (uri.getRawUserInfo() != null) {
        in.problem(e.line(), path + ": " + USER_INFO);
        return null;
      }
      if (ok) {
        return trimmed;
      }
    } catch (URISyntaxException ex) {
      // reported below
    }
    in.problem(
        e.line(),
        path
            + (httpsHostOnly
                ? ": expected an https URL with a host only, e.g. https://management.usgovcloudapi.net"
                : ": expected an http or https URL")
            + ", not '"
            + ConfigReader.shown(e)
            + "'");
    return null;
  }

  /** A URL to clone, or a local repository (resolved like any path). */
  private String repository(String value, int line) {
    String path = "targets.git";
    if (SCP_LIKE.matcher(value).matches() && !value.contains("://")) {
      return value;
    }
    if (!value.contains("://")) {
      return in.resolve(value, line, path, Expect.DIRECTORY);
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String user = uri.getRawUserInfo();
      // ssh://git@host is a user name; anything else before the @ may be a password or a token
      if (user != null && (user.contains(":") || scheme.startsWith("http"))) {
        in.problem(line, path + ": " + USER_INFO);
        return null;
      }
      if (GIT_SCHEMES.contains(scheme)) {
        return value;
      }
    } catch (URISyntaxException ex) {
      // reported below
    }
    in.problem(
        line,
        path
            + ": expected an https, ssh or git URL, user@host:path, or a local path, not '"
            + Suggestions.shorten(value)
            + "'");
    return null;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
