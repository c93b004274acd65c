package dev.aiscan.shell.config;

import dev.aiscan.shell.config.ConfigReader.Expect;
import dev.aiscan.shell.config.YamlDocument.Entry;
import dev.aiscan.shell.config.YamlDocument.Kind;
import dev.aiscan.shell.config.YamlDocument.Node;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code aiscan.yaml}: targets, scan options, schedules and notifications, validated as a
 * whole. Every problem is collected and reported together, each as {@code FILE:LINE: message}, in a
 * {@link ConfigException} (exit code 2).
 *
 * <pre>{@code
 * Optional<Path> file = ConfigLoader.locate(configFlag, Path.of(""));
 * AiscanConfig config =
 *     file.map(f -> ConfigLoader.load(f, System.getenv(), System.getProperty("user.home")))
 *         .orElse(AiscanConfig.NONE);
 * }</pre>
 *
 * <p>The format is described in {@code docs/configuration.md}; {@code aiscan config example} prints
 * a commented example.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** The file looked for in the working directory when {@code --config} is not given. */
  public static final String DEFAULT_NAME = "aiscan.yaml";

  /** The commented example, a class-path resource of the shell. */
  public static final String EXAMPLE_RESOURCE = "/aiscan.example.yaml";

  static final List<String> ROOT =
      List.of(
          "version",
          "targets",
          "source",
          "rules",
          "register",
          "stale-after",
          "outputs",
          "graph",
          "fail-on",
          "schedules",
          "history",
          "notifications");

  static final List<String> FAIL_ON = List.of("shadow", "new-shadow", "drift", "any", "none");
  static final List<String> FORMATS = List.of("json", "html", "cyclonedx", "sarif", "csv", "md");
  private static final Set<String> NEO4J_SCHEMES =
      Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");
  private static final long MAX_BYTES = 1 << 20;

  /**
   * The configuration file to use: the one {@code configFlag} names (it must exist), else {@code
   * aiscan.yaml} in {@code workingDir} when there is one, else none. A relative flag is relative to
   * {@code workingDir}; pass {@code Path.of("")} for the current directory, so that messages name
   * the file as the user wrote it.
   *
   * @throws ConfigException when the flag names a file that does not exist
   */
  public static Optional<Path> locate(String configFlag, Path workingDir) {
    if (configFlag != null && !configFlag.isBlank()) {
      Path file;
      try {
        file = workingDir.resolve(configFlag.strip());
      } catch (InvalidPathException e) {
        throw new ConfigException(List.of(configFlag + ": not a valid path"));
      }
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(
            List.of(
                file
                    + ": cannot read it ("
                    + (Files.exists(file) ? "not a file" : "NoSuchFileException")
                    + ")"));
      }
      return Optional.of(file);
    }
    Path file = workingDir.resolve(DEFAULT_NAME);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Loads and validates a configuration file.
   *
   * @param file the file, named as the user named it (messages repeat it)
   * @param env the environment {@code ${NAME}} references read ({@code System.getenv()})
   * @param userHome what {@code ~} means in paths ({@code System.getProperty("user.home")})
   * @throws ConfigException with every problem found
   */
  public static AiscanConfig load(Path file, Map<String, String> env, String userHome) {
    String name = file.toString();
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(List.of(name + ": larger than 1 MiB; not a configuration file"));
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigException c) {
        throw c;
      }
      throw new ConfigException(
          List.of(name + ": cannot read it (" + e.getClass().getSimpleName() + ")"));
    }
    Node root;
    try {
      root = YamlDocument.parse(text);
    } catch (YamlDocument.SyntaxError e) {
      throw new ConfigException(List.of(name + ":" + e.line + ": " + e.getMessage()));
    }
    Path dir = file.toAbsolutePath().getParent();
    ConfigReader in = new ConfigReader(name, Map.copyOf(env), dir, userHome);
    AiscanConfig config = read(in, root, file);
    if (!in.problems().isEmpty()) {
      throw new ConfigException(in.problems());
    }
    return config;
  }

  private static AiscanConfig read(ConfigReader in, Node root, Path file) {
    if (root == null) {
      in.problem(
          1,
          "the file is empty; it needs at least 'version: 1' (aiscan config example prints a"
              + " commented one)");
      return AiscanConfig.NONE;
    }
    Map<String, Entry> f = in.fields(root, root.line(), "", ROOT);
    if (root.kind() != Kind.MAP) {
      return AiscanConfig.NONE;
    }
    version(in, f.get("version"));
    TargetsReader targets = new TargetsReader(in);
    targets.readTargets(f.get("targets"));
    targets.readSource(f.get("source"));
    Entry outputs = f.get("outputs");
    Map<String, Entry> out =
        outputs == null
            ? Map.of()
            : in.fields(outputs.value(), outputs.line(), "outputs", List.of("dir", "formats"));
    ScanSpec spec =
        new ScanSpec(
            targets.sources,
            targets.git,
            targets.services.isEmpty() ? null : targets.services,
            targets.settings,
            in.path(out.get("dir"), "outputs.dir", Expect.ANYTHING),
            formats(in, out.get("formats")),
            GraphReader.read(in, f.get("graph")),
            in.oneOf(f.get("fail-on"), "fail-on", FAIL_ON),
            in.path(f.get("register"), "register", Expect.FILE),
            in.integer(f.get("stale-after"), "stale-after", 1, 1000),
            in.paths(f.get("rules"), "rules", "rule packs", Expect.EXISTING));
    List<Schedule> schedules = new ScheduleReader(in).read(f.get("schedules"), spec);
    NotificationSpec notifications = notifications(in, f.get("notifications"));
    String history = in.path(f.get("history"), "history", Expect.ANYTHING);
    return new AiscanConfig(
        file, spec, schedules, notifications, history == null ? null : Path.of(history));
  }

  private static void version(ConfigReader in, Entry version) {
    if (version == null) {
      in.problem(1, "version: missing; the file starts with 'version: 1'");
      return;
    }
    String v = in.text(version, "version", "1");
    if (v != null && !v.equals("1")) {
      in.problem(
          version.line(),
          "version: '"
              + ConfigReader.shown(version)
              + "' is not known; this aiscan reads version 1");
    } else if (v == null && version.value().kind() == Kind.SCALAR) {
      in.problem(version.line(), "version: missing; the file starts with 'version: 1'");
    }
  }

  private static List<String> formats(ConfigReader in, Entry e) {
    List<String> formats = in.list(e, "outputs.formats", "report formats", true);
    if (formats == null) {
      return null;
    }
    List<String> known = formats.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    for (String format : known) {
      if (!FORMATS.contains(format)) {
        String suggestion = Suggestions.closest(format, FORMATS);
        in.problem(
            e.line(),
            "outputs.formats: unknown format '"
                + Suggestions.shorten(format)
                + "'"
                + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "")
                + " (one of "
                + String.join(", ", FORMATS)
                + ")");
        return null;
      }
    }
    return known.isEmpty() ? null : known.stream().distinct().toList();
  }

  private static NotificationSpec notifications(ConfigReader in, Entry e) {
    if (e == null) {
      return NotificationSpec.NONE;
    }
    Map<String, Entry> f =
        in.fields(e.value(), e.line(), "notifications", List.of("webhook", "file"));
    String url = null;
    String format = null;
    Entry webhook = f.get("webhook");
    if (webhook != null) {
      String path = "notifications.webhook";
      Map<String, Entry> w =
          in.fields(webhook.value(), webhook.line(), path, List.of("url", "format"));
      url = in.secret(w, "url", path, webhook.line(), false);
      format = in.oneOf(w.get("format"), path + ".format", List.of("slack", "teams"));
      if (url != null && !httpUrl(url)) {
        // never echo it: the URL is the secret
        in.problem(w.get("url").line(), path + ".url: the variable does not hold an http(s) URL");
        url = null;
      }
      if (!w.containsKey("url") && !webhook.value().isNull()) {
        in.problem(webhook.line(), path + ": url is required");
      }
      format = url == null ? null : format == null ? "slack" : format;
    }
    String file = in.path(f.get("file"), "notifications.file", Expect.ANYTHING);
    return new NotificationSpec(url, format, file == null ? null : Path.of(file));
  }

  private static boolean httpUrl(String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The {@code graph:} section. */
  private static final class GraphReader {
    private GraphReader() {}

    static ScanSpec.GraphSpec read(ConfigReader in, Entry e) {
      if (e == null) {
        return ScanSpec.GraphSpec.EMPTY;
      }
      Map<String, Entry> f =
          in.fields(
              e.value(),
              e.line(),
              "graph",
              List.of("mode", "dir", "bolt-port", "uri", "username", "password", "password-file"));
      String mode = in.oneOf(f.get("mode"), "graph.mode", List.of("embedded", "none"));
      String dir = in.path(f.get("dir"), "graph.dir", Expect.ANYTHING);
      Integer port = in.integer(f.get("bolt-port"), "graph.bolt-port", 1, 65535);
      String uri = uri(in, f.get("uri"));
      String username = in.text(f.get("username"), "graph.username", "a user name");
      String password = null;
      String passwordFile = null;
      Entry file = f.get("password-file");
      if (file != null && !file.value().isNull()) {
        if (f.containsKey("password") && !f.get("password").value().isNull()) {
          in.problem(file.line(), "graph: give password or password-file, not both");
        }
        // kept as a file, so that --neo4j-password-file can replace it; read now to fail early
        passwordFile = in.path(file, "graph.password-file", Expect.ANYTHING);
        if (passwordFile != null) {
          in.readSecret(passwordFile, file.line(), "graph.password-file");
        }
      } else {
        password = in.secret(f, "password", "graph", e.line(), false);
      }
      if ("none".equals(mode) && (uri != null || dir != null || port != null)) {
        in.problem(e.line(), "graph: mode none writes no graph; leave out uri, dir and bolt-port");
      } else if (uri != null && (dir != null || port != null)) {
        in.problem(
            e.line(),
            "graph: uri writes to a server; dir and bolt-port are for the embedded store");
      }
      return new ScanSpec.GraphSpec(mode, dir, port, uri, username, password, passwordFile);
    }

    private static String uri(ConfigReader in, Entry e) {
      String v = in.text(e, "graph.uri", "a Neo4j URI");
      if (v == null) {
        return null;
      }
      try {
        URI uri = new URI(v);
        if (uri.getRawUserInfo() != null) {
          in.problem(
              e.line(),
              "graph.uri: credentials in the URI are a secret written in the file; use username"
                  + " and password: ${NEO4J_PASSWORD}");
          return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (NEO4J_SCHEMES.contains(scheme) && uri.getHost() != null) {
          return v;
        }
      } catch (URISyntaxException ex) {
        // reported below
      }
      in.problem(
          e.line(),
          "graph.uri: expected bolt://, neo4j:// or neo4j+s://HOST, not '"
              + ConfigReader.shown(e)
              + "'");
      return null;
    }
  }
}
