package dev.aiscan.shell.internal;

import dev.aiscan.connectors.aws.AwsTargets;
import dev.aiscan.connectors.azure.AzureTargets;
import dev.aiscan.connectors.saas.ai.AnthropicTargets;
import dev.aiscan.connectors.saas.ai.OpenAiTargets;
import dev.aiscan.connectors.saas.github.GithubTargets;
import dev.aiscan.connectors.saas.google.GoogleWorkspaceTargets;
import dev.aiscan.connectors.saas.m365.M365Targets;
import dev.aiscan.connectors.saas.slack.SlackTargets;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.spi.Connector;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.graph.Graph;
import dev.aiscan.graph.GraphHistory;
import dev.aiscan.graph.GraphOptions;
import dev.aiscan.graph.GraphWriter;
import dev.aiscan.reports.history.FileHistory;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.shell.RegisterCommand;
import dev.aiscan.shell.RulesCommand;
import dev.aiscan.shell.UsageException;
import dev.aiscan.shell.config.ScanSpec;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs one scan as a {@link ScanSpec} describes it: resolves the targets (checking cloud and SaaS
 * credentials first), clones repositories, scans, reconciles with the register and the history,
 * writes the reports and the graph. The part of {@code aiscan scan} and {@code aiscan schedule}
 * that is not argument parsing.
 */
public final class ScanRunner {
  /** The output directory when none is given. */
  public static final String DEFAULT_OUT = "aiscan-report";

  /** The report formats when none are given. */
  public static final List<String> DEFAULT_FORMATS = List.of("json", "html");

  /** How each service turns its settings into targets, checking its credentials on the way. */
  private static final Map<String, Function<Settings, List<Target>>> RESOLVERS =
      Map.of(
          "aws", AwsTargets::resolve,
          "azure", AzureTargets::resolve,
          "github", GithubTargets::resolve,
          "slack", SlackTargets::resolve,
          "google-workspace", GoogleWorkspaceTargets::resolve,
          "m365", M365Targets::resolve,
          "openai", OpenAiTargets::resolve,
          "anthropic", AnthropicTargets::resolve);

  private final List<Connector> connectors;
  private final GraphAccess graphAccess;
  private final Map<String, String> env;
  private final Path home;
  private final PrintStream err;

  public ScanRunner(
      List<Connector> connectors,
      GraphAccess graphAccess,
      Map<String, String> env,
      Path home,
      PrintStream err) {
    this.connectors = connectors;
    this.graphAccess = graphAccess;
    this.env = env;
    this.home = home;
    this.err = err;
  }

  /**
   * One finished scan.
   *
   * @param result the reconciled result
   * @param reports the report files written
   * @param graphLine where the scan was recorded (graph or history file), one line
   * @param failOn the mode the scan was judged by
   * @param failure why {@code failOn} fails the scan, or null
   */
  public record Run(
      ScanResult result, List<Path> reports, String graphLine, FailOn failOn, String failure) {}

  /**
   * Scans.
   *
   * @throws UsageException for a bad spec, credentials refused or nothing to scan (exit 2)
   */
  public Run run(ScanSpec spec, ScanListener listener) {
    FailOn failOn = FailOn.parse(spec.failOn());
    ScanSpec.GraphSpec g = spec.graph();
    GraphOptions graphOptions =
        graphAccess.options(
            new GraphAccess.Flags(
                g.mode(),
                g.dir(),
                g.boltPort(),
                g.uri(),
                g.passwordFile(),
                g.username(),
                g.password()));
    int staleAfter = spec.staleAfter() == null ? 3 : spec.staleAfter();
    if (staleAfter < 1) {
      throw new UsageException("--stale-after " + staleAfter + ": expected 1 or more");
    }
    Settings settings = Settings.of(settings(spec));
    try {
      settings.bytes("connectors.source.max-file-size", 0);
    } catch (ScanException e) {
      throw new UsageException(
          "--max-file-size "
              + settings.get("connectors.source.max-file-size").orElse("")
              + ": not a size (use e.g. 512k, 5m, 1g)");
    }
    try {
      settings.duration("connectors.source.file-timeout", java.time.Duration.ZERO);
    } catch (ScanException e) {
      throw new UsageException(
          "--file-timeout "
              + settings.get("connectors.source.file-timeout").orElse("")
              + ": not a duration (use e.g. 30s, 500ms)");
    }
    List<Target> targets = new ArrayList<>(sourceTargets(ScanSpec.list(spec.sources())));
    for (String service : ScanSpec.SERVICES) {
      if (spec.runs(service)) {
        // checks the credentials now: a bad profile or token is one line, before anything runs
        targets.addAll(RESOLVERS.get(service).apply(settings));
      }
    }
    if (targets.isEmpty() && ScanSpec.list(spec.gitRepositories()).isEmpty()) {
      throw new UsageException(
          "nothing to scan: give at least one --source DIR, or --git URL, --aws, --azure,"
              + " --slack, --github-org, --google-workspace, --m365, --openai or --anthropic"
              + " (or targets in aiscan.yaml)");
    }
    RuleEngine detector = RulesCommand.engine(join(spec.rules()));
    Register register = RegisterCommand.read(spec.register(), detector);
    List<String> formats = spec.formats() == null ? DEFAULT_FORMATS : spec.formats();
    Path out = Path.of(spec.out() == null ? DEFAULT_OUT : spec.out());

    try (Clones clones = Clones.of(spec, settings, home, err)) {
      targets.addAll(clones.targets());
      if (targets.isEmpty()) {
        throw new UsageException("nothing to scan: no repository could be cloned");
      }
      ScanService service =
          new ScanService(new ScanEngine(connectors, detector, Version.current()));
      // the embedded store starts while the scan runs
      CompletableFuture<Graph> pendingGraph =
          graphOptions == null ? null : graphAccess.openAsync(graphOptions);
      ScanService.Outcome outcome;
      try {
        outcome =
            service.run(
                ScanRequest.of(targets, settings),
                out,
                formats,
                listener,
                result ->
                    Reconciler.reconcile(result, register, history(pendingGraph, out), staleAfter));
      } catch (RuntimeException e) {
        if (pendingGraph != null) {
          pendingGraph.thenAccept(graphAccess::release);
        }
        throw e;
      }
      String graphLine;
      if (pendingGraph == null) {
        graphLine = "History: " + new FileHistory(out).record(outcome.result());
      } else {
        graphLine = writeGraph(pendingGraph, outcome.result(), register);
      }
      return new Run(
          outcome.result(), outcome.reports(), graphLine, failOn, failOn.failure(outcome.result()));
    }
  }

  /** The connector settings: the spec's, with the defaults and the secrets of the environment. */
  private Map<String, String> settings(ScanSpec spec) {
    Map<String, String> settings = new TreeMap<>();
    settings.put("connectors.source.max-file-size", "5m");
    settings.put("connectors.dependencies.user-home", home.toString());
    settings.putAll(spec.settings());
    ScanSpec.SECRET_VARIABLES.forEach(
        (service, variable) -> {
          String key = ScanSpec.secretSetting(service);
          String value = env.get(variable);
          if (!settings.containsKey(key) && value != null && !value.isBlank()) {
            settings.put(key, value);
          }
        });
    return settings;
  }

  /**
   * The history a scan is reconciled against: the graph's when there is one (waiting for it to
   * open), else the output directory's. A graph that fails to open leaves no history; its failure
   * is reported after the reports are written.
   */
  private static ScanHistory history(CompletableFuture<Graph> pendingGraph, Path out) {
    if (pendingGraph == null) {
      return new FileHistory(out);
    }
    try {
      return new GraphHistory(GraphAccess.await(pendingGraph));
    } catch (RuntimeException e) {
      return ScanHistory.NONE;
    }
  }

  /** Writes the scan to the graph and says so in one line. */
  private String writeGraph(
      CompletableFuture<Graph> pending, ScanResult result, Register register) {
    Graph graph = GraphAccess.await(pending);
    try {
      GraphWriter.Summary written = graph.write(result, register);
      // a port the user asked for is worth naming; the private one is not
      String bolt =
          graph.options().embedded() && graph.options().boltPort() > 0
              ? " (" + graph.uri() + " while aiscan runs)"
              : "";
      return String.format(
          "Graph: scan %s written to %s%s in %.1f s",
          result.scan().id(),
          graph.options().describe(),
          bolt,
          written.elapsed().toMillis() / 1000.0);
    } finally {
      graphAccess.release(graph);
    }
  }

  private static List<Target> sourceTargets(List<String> sources) {
    List<Target> targets = new ArrayList<>();
    for (String dir : sources) {
      try {
        targets.add(SourceConnector.target(Path.of(dir)));
      } catch (InvalidPathException e) {
        throw new UsageException("--source " + dir + ": not a valid path");
      }
    }
    return targets;
  }

  private static String join(List<String> list) {
    return list == null || list.isEmpty() ? null : String.join(",", list);
  }
}
