package dev.aiscan.shell.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one scan reads and where it writes: the part of {@code aiscan.yaml} and of the {@code scan}
 * flags that describes a scan. Both produce one; the flags' is laid {@link #over} the file's. Every
 * field may be null, meaning "not said here"; {@link #settings} is never null.
 *
 * @param sources source directories
 * @param gitRepositories git URLs to clone shallow and scan as source trees
 * @param services the cloud and SaaS connectors to run, by {@link #SERVICES id}
 * @param settings connector settings by key ({@code connectors.aws.regions}, ...), secrets resolved
 * @param out the output directory
 * @param formats report formats
 * @param graph where the graph is written
 * @param failOn the {@code --fail-on} mode
 * @param register the AI register file
 * @param staleAfter scans after which an unmatched register entry is stale
 * @param rules custom rule packs
 */
public record ScanSpec(
    List<String> sources,
    List<String> gitRepositories,
    Set<String> services,
    Map<String, String> settings,
    String out,
    List<String> formats,
    GraphSpec graph,
    String failOn,
    String register,
    Integer staleAfter,
    List<String> rules) {

  /**
   * The cloud and SaaS connectors a scan can run besides source trees, by the name their target
   * group has in {@code aiscan.yaml}. {@code github} is an organisation (Copilot, apps, and with
   * {@code connectors.github.clone-repos} its repositories).
   */
  public static final List<String> SERVICES =
      List.of("aws", "azure", "github", "slack", "google-workspace", "m365", "openai", "anthropic");

  /**
   * The environment variable each service's secret comes from when neither a flag nor the file
   * gives one: the token, or Azure's access token.
   */
  public static final Map<String, String> SECRET_VARIABLES =
      Map.of(
          "azure", "AZURE_ACCESS_TOKEN",
          "github", "GITHUB_TOKEN",
          "slack", "SLACK_TOKEN",
          "google-workspace", "GOOGLE_WORKSPACE_TOKEN",
          "m365", "M365_TOKEN",
          "openai", "OPENAI_ADMIN_KEY",
          "anthropic", "ANTHROPIC_ADMIN_KEY");

  /** The settings key of a service's secret: its token, or Azure's access token. */
  public static String secretSetting(String service) {
    return "connectors." + service + (service.equals("azure") ? ".access-token" : ".token");
  }

  /** The names of every target group: {@code sources}, {@code git} and the services. */
  public static final List<String> TARGET_GROUPS;

  static {
    List<String> groups = new ArrayList<>(List.of("sources", "git"));
    groups.addAll(SERVICES);
    TARGET_GROUPS = List.copyOf(groups);
  }

  /** A spec that says nothing. */
  public static final ScanSpec EMPTY =
      new ScanSpec(null, null, null, Map.of(), null, null, GraphSpec.EMPTY, null, null, null, null);

  public ScanSpec {
    sources = sources == null ? null : List.copyOf(sources);
    gitRepositories = gitRepositories == null ? null : List.copyOf(gitRepositories);
    services = services == null ? null : Set.copyOf(new LinkedHashSet<>(services));
    settings = settings == null ? Map.of() : Map.copyOf(new TreeMap<>(settings));
    formats = formats == null ? null : List.copyOf(formats);
    graph = graph == null ? GraphSpec.EMPTY : graph;
    rules = rules == null ? null : List.copyOf(rules);
  }

  /**
   * Where the graph goes. Null fields are unsaid.
   *
   * @param mode {@code embedded} or {@code none}
   * @param dir the embedded store
   * @param boltPort the embedded store's Bolt port
   * @param uri a Neo4j server, Aura or cluster
   * @param username the server's user
   * @param password the server's password (a secret, from the environment)
   * @param passwordFile a file holding the server's password
   */
  public record GraphSpec(
      String mode,
      String dir,
      Integer boltPort,
      String uri,
      String username,
      String password,
      String passwordFile) {
    public static final GraphSpec EMPTY = new GraphSpec(null, null, null, null, null, null, null);

    GraphSpec over(GraphSpec base) {
      return new GraphSpec(
          or(mode, base.mode),
          or(dir, base.dir),
          or(boltPort, base.boltPort),
          or(uri, base.uri),
          or(username, base.username),
          // a password file given here replaces the base's password, whichever way it was given
          passwordFile != null ? password : or(password, base.password),
          or(passwordFile, base.passwordFile));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
      return "GraphSpec[mode="
          + mode
          + ", dir="
          + dir
          + ", boltPort="
          + boltPort
          + ", uri="
          + uri
          + ", username="
          + username
          + ", password="
          + (password == null ? null : "***")
          + ", passwordFile="
          + passwordFile
          + "]";
    }
  }

  /** Never shows a secret: settings whose key ends in {@code token} or {@code password}. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    settings.forEach(
        (k, v) -> shown.put(k, k.endsWith("token") || k.endsWith("password") ? "***" : v));
    return "ScanSpec[sources="
        + sources
        + ", gitRepositories="
        + gitRepositories
        + ", services="
        + services
        + ", settings="
        + shown
        + ", out="
        + out
        + ", formats="
        + formats
        + ", graph="
        + graph
        + ", failOn="
        + failOn
        + ", register="
        + register
        + ", staleAfter="
        + staleAfter
        + ", rules="
        + rules
        + "]";
  }

  /** Whether this spec names any target: a source, a repository or a service. */
  public boolean hasTargets() {
    return !(isEmpty(sources) && isEmpty(gitRepositories) && isEmpty(services));
  }

  /**
   * This spec laid over {@code base}: what this one says wins. Targets are taken as a whole: when
   * this spec names any, the base's targets are dropped (a {@code --source} on the command line
   * scans that directory, not the file's targets too); settings merge key by key.
   */
  public ScanSpec over(ScanSpec base) {
    boolean ownTargets = hasTargets();
    Map<String, String> merged = new TreeMap<>(base.settings);
    merged.putAll(settings);
    return new ScanSpec(
        ownTargets ? sources : base.sources,
        ownTargets ? gitRepositories : base.gitRepositories,
        ownTargets ? services : base.services,
        merged,
        or(out, base.out),
        or(formats, base.formats),
        graph.over(base.graph),
        or(failOn, base.failOn),
        or(register, base.register),
        or(staleAfter, base.staleAfter),
        or(rules, base.rules));
  }

  /**
   * This spec with only the targets of these groups ({@link #TARGET_GROUPS}); a schedule runs a
   * part of the file's targets.
   */
  public ScanSpec only(Collection<String> groups) {
    Set<String> kept = new LinkedHashSet<>();
    if (services != null) {
      services.stream().filter(groups::contains).forEach(kept::add);
    }
    return new ScanSpec(
        groups.contains("sources") ? sources : null,
        groups.contains("git") ? gitRepositories : null,
        kept,
        settings,
        out,
        formats,
        graph,
        failOn,
        register,
        staleAfter,
        rules);
  }

  /** A list that is never null. */
  public static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Whether the spec runs this service. */
  public boolean runs(String service) {
    return services != null && services.contains(service);
  }

  private static boolean isEmpty(Collection<?> c) {
    return c == null || c.isEmpty();
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
