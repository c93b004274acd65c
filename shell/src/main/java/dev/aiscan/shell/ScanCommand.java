package dev.aiscan.shell;

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
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.model.AssetStatus;
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
import dev.aiscan.shell.internal.ConsoleSummary;
import dev.aiscan.shell.internal.GithubSources;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.ScanService;
import dev.aiscan.shell.internal.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code aiscan scan}: a one-shot scan of source trees into an inventory and reports. */
@Command
public class ScanCommand {
  private final List<Connector> connectors;
  private final GraphAccess graphAccess;

  public ScanCommand(List<Connector> connectors, GraphAccess graphAccess) {
    this.connectors = connectors;
    this.graphAccess = graphAccess;
  }

  @Command(
      command = "scan",
      group = "Scanning",
      description = "Scan targets for AI use and write the inventory and reports.")
  public String scan(
      @Option(
              longNames = "source",
              label = "DIR",
              description = "source tree to scan; repeat, or separate with commas, for several")
          String sources,
      @Option(
              longNames = "out",
              defaultValue = "aiscan-report",
              label = "DIR",
              description = "directory that receives inventory.json and the other reports")
          String out,
      @Option(
              longNames = "format",
              defaultValue = "json,html",
              label = "LIST",
              description =
                  "report formats, comma separated: json, html, cyclonedx, sarif, csv, md (json is"
                      + " always written)")
          String format,
      @Option(
              longNames = "graph",
              defaultValue = "embedded",
              label = "MODE",
              description =
                  "embedded: write to the embedded Neo4j store (or to --neo4j-uri); none: skip the"
                      + " graph")
          String graph,
      @Option(longNames = "graph-dir", label = "DIR", description = GraphCommand.GraphFlags.DIR)
          String graphDir,
      @Option(
              longNames = "bolt-port",
              label = "PORT",
              description = GraphCommand.GraphFlags.BOLT_PORT)
          Integer boltPort,
      @Option(longNames = "neo4j-uri", label = "URI", description = GraphCommand.GraphFlags.URI)
          String neo4jUri,
      @Option(
              longNames = "neo4j-password-file",
              label = "FILE",
              description = GraphCommand.GraphFlags.PASSWORD_FILE)
          String passwordFile,
      @Option(
              longNames = "fail-on",
              defaultValue = "none",
              label = "WHEN",
              description =
                  "exit with code 3 when: shadow (any shadow AI asset), new-shadow (shadow AI the"
                      + " previous scan did not see), drift, any (any finding), none")
          String failOn,
      @Option(
              longNames = "register",
              label = "FILE",
              description =
                  "the AI register (YAML, JSON or CSV) to reconcile with: what it does not cover is"
                      + " shadow AI")
          String registerFile,
      @Option(
              longNames = "stale-after",
              defaultValue = "3",
              label = "N",
              description =
                  "a register entry that covers nothing in N scans of its targets in a row is stale")
          int staleAfter,
      @Option(
              longNames = "include",
              label = "GLOBS",
              description =
                  "only scan files matching these globs (comma separated), even if ignored by default")
          String include,
      @Option(
              longNames = "exclude",
              label = "GLOBS",
              description = "never scan paths matching these globs (comma separated)")
          String exclude,
      @Option(
              longNames = "max-file-size",
              defaultValue = "5m",
              label = "SIZE",
              description = "skip source and config files larger than this (e.g. 512k, 5m)")
          String maxFileSize,
      @Option(longNames = "no-gitignore", description = "scan files that .gitignore ignores")
          boolean noGitignore,
      @Option(
              longNames = "rules",
              label = "PATHS",
              description = "custom rule packs (YAML files or directories), comma separated")
          String rules,
      @Option(
              longNames = "offline",
              description =
                  "never touch the network (Maven resolves from the local repository only)")
          boolean offline,
      @Option(
              longNames = "maven-settings",
              label = "FILE",
              description =
                  "Maven settings.xml (mirrors, local repository); default ~/.m2/settings.xml")
          String mavenSettings,
      @Option(
              longNames = "aws",
              description =
                  "scan the AWS account of the credentials (default chain, or --aws-profile)")
          boolean aws,
      @Option(
              longNames = "aws-profile",
              label = "NAME",
              description =
                  "AWS named profile (shared config/credentials files, SSO); implies --aws")
          String awsProfile,
      @Option(
              longNames = "aws-role-arn",
              label = "ARN",
              description = "assume this IAM role and scan its account; implies --aws")
          String awsRoleArn,
      @Option(
              longNames = "aws-org-role",
              label = "NAME",
              description =
                  "scan every active account of the AWS Organization, assuming the role of this"
                      + " name in each; implies --aws")
          String awsOrgRole,
      @Option(
              longNames = "aws-regions",
              label = "LIST",
              description = "AWS regions, comma separated (default: every region enabled)")
          String awsRegions,
      @Option(
              longNames = "aws-endpoint-url",
              label = "URL",
              description = "send every AWS API call to this endpoint (tests, private endpoints)")
          String awsEndpointUrl,
      @Option(
              longNames = "aws-cloudtrail-days",
              defaultValue = "7",
              label = "DAYS",
              description = "how many days of CloudTrail event history to read for AI calls")
          String awsCloudTrailDays,
      @Option(
              longNames = "azure",
              description =
                  "scan the Azure subscriptions the credentials can read (az login, managed"
                      + " identity, environment, or AZURE_ACCESS_TOKEN)")
          boolean azure,
      @Option(
              longNames = "azure-tenant",
              label = "TENANT",
              description = "Entra ID tenant to sign in to (id or domain); implies --azure")
          String azureTenant,
      @Option(
              longNames = "azure-subscriptions",
              label = "LIST",
              description = "only these subscription ids, comma separated; implies --azure")
          String azureSubscriptions,
      @Option(
              longNames = "azure-endpoint",
              label = "URL",
              description =
                  "the Azure Resource Manager endpoint (sovereign clouds, tests; https only)")
          String azureEndpoint,
      @Option(
              longNames = "azure-resource-graph",
              description =
                  "find Azure AI resources with one Resource Graph query per subscription (fewer"
                      + " calls for large estates)")
          boolean azureResourceGraph,
      @Option(
              longNames = "slack",
              description =
                  "scan the Slack organisation of SLACK_TOKEN (or --slack-token-file): approved and"
                      + " requested apps")
          boolean slack,
      @Option(
              longNames = "slack-token-file",
              label = "FILE",
              description = "read the Slack admin token from this file; implies --slack")
          String slackTokenFile,
      @Option(
              longNames = "slack-base-url",
              label = "URL",
              description = "the Slack Web API's base URL (tests; default https://slack.com/api)")
          String slackBaseUrl,
      @Option(
              longNames = "github-org",
              label = "ORG",
              description =
                  "scan this GitHub organisation (GITHUB_TOKEN or --github-token-file): Copilot"
                      + " seats and installed AI apps")
          String githubOrg,
      @Option(
              longNames = "github-repos",
              description =
                  "also clone the organisation's repositories (shallow) and scan their code and"
                      + " dependencies")
          boolean githubRepos,
      @Option(
              longNames = "github-token-file",
              label = "FILE",
              description = "read the GitHub token from this file")
          String githubTokenFile,
      @Option(
              longNames = "github-base-url",
              label = "URL",
              description = "the GitHub API (GitHub Enterprise Server: https://HOST/api/v3; tests)")
          String githubBaseUrl,
      @Option(
              longNames = "google-workspace",
              description =
                  "scan the Google Workspace of GOOGLE_WORKSPACE_TOKEN (or"
                      + " --google-workspace-token-file): apps users granted OAuth access")
          boolean googleWorkspace,
      @Option(
              longNames = "google-workspace-token-file",
              label = "FILE",
              description =
                  "read the Google Workspace token from this file; implies --google-workspace")
          String googleTokenFile,
      @Option(
              longNames = "google-workspace-base-url",
              label = "URL",
              description = "the Admin SDK (tests; default https://admin.googleapis.com)")
          String googleBaseUrl,
      @Option(
              longNames = "m365",
              description =
                  "scan the Microsoft 365 tenant of M365_TOKEN (or --m365-token-file): AI apps"
                      + " consented, Copilot licences and use")
          boolean m365,
      @Option(
              longNames = "m365-token-file",
              label = "FILE",
              description = "read the Microsoft Graph token from this file; implies --m365")
          String m365TokenFile,
      @Option(
              longNames = "m365-base-url",
              label = "URL",
              description =
                  "Microsoft Graph (national clouds, tests; default https://graph.microsoft.com)")
          String m365BaseUrl,
      @Option(
              longNames = "openai",
              description =
                  "scan the OpenAI organisation of OPENAI_ADMIN_KEY (or --openai-token-file):"
                      + " projects, API keys by hint, usage by model")
          boolean openai,
      @Option(
              longNames = "openai-token-file",
              label = "FILE",
              description = "read the OpenAI Admin API key from this file; implies --openai")
          String openaiTokenFile,
      @Option(
              longNames = "anthropic",
              description =
                  "scan the Anthropic organisation of ANTHROPIC_ADMIN_KEY (or"
                      + " --anthropic-token-file): workspaces, API keys by hint, usage by model")
          boolean anthropic,
      @Option(
              longNames = "anthropic-token-file",
              label = "FILE",
              description = "read the Anthropic Admin API key from this file; implies --anthropic")
          String anthropicTokenFile,
      @Option(
              longNames = "openai-base-url",
              label = "URL",
              description = "the OpenAI API (tests; default https://api.openai.com/v1)")
          String openaiBaseUrl,
      @Option(
              longNames = "anthropic-base-url",
              label = "URL",
              description = "the Anthropic API (tests; default https://api.anthropic.com/v1)")
          String anthropicBaseUrl,
      @Option(longNames = "quiet", description = "print nothing on success") boolean quiet) {
    boolean openaiWanted = openai || openaiTokenFile != null;
    boolean anthropicWanted = anthropic || anthropicTokenFile != null;
    boolean m365Wanted = m365 || m365TokenFile != null;
    boolean googleWanted = googleWorkspace || googleTokenFile != null;
    boolean slackWanted = slack || slackTokenFile != null;
    boolean azureWanted = azure || azureTenant != null || azureSubscriptions != null;
    boolean awsWanted = aws || awsProfile != null || awsRoleArn != null || awsOrgRole != null;
    FailOn failOnMode = FailOn.parse(failOn);
    GraphOptions graphOptions =
        graphAccess.options(
            new GraphAccess.Flags(graph, graphDir, boltPort, neo4jUri, passwordFile));
    Map<String, String> settings = new TreeMap<>();
    settings.put("connectors.source.max-file-size", maxFileSize);
    put(settings, "connectors.source.include", include);
    put(settings, "connectors.source.exclude", exclude);
    settings.put("connectors.source.gitignore", Boolean.toString(!noGitignore));
    settings.put("connectors.dependencies.offline", Boolean.toString(offline));
    settings.put("connectors.dependencies.user-home", System.getProperty("user.home"));
    put(settings, "connectors.dependencies.maven-settings", mavenSettings);
    put(settings, "connectors.aws.profile", awsProfile);
    put(settings, "connectors.aws.role-arn", awsRoleArn);
    put(settings, "connectors.aws.org-role", awsOrgRole);
    put(settings, "connectors.aws.regions", awsRegions);
    put(settings, "connectors.aws.endpoint-url", awsEndpointUrl);
    put(settings, "connectors.aws.cloudtrail-days", awsCloudTrailDays);
    put(settings, "connectors.azure.tenant", azureTenant);
    put(settings, "connectors.azure.subscriptions", azureSubscriptions);
    put(settings, "connectors.azure.endpoint", azureEndpoint);
    if (azureResourceGraph) {
      settings.put("connectors.azure.resource-graph", "true");
    }
    // a bearer token is a secret: from the environment only, never a flag
    put(settings, "connectors.azure.access-token", System.getenv("AZURE_ACCESS_TOKEN"));
    put(
        settings,
        "connectors.slack.token",
        secret("SLACK_TOKEN", "--slack-token-file", slackTokenFile));
    put(settings, "connectors.slack.base-url", slackBaseUrl);
    put(
        settings,
        "connectors.google-workspace.token",
        secret("GOOGLE_WORKSPACE_TOKEN", "--google-workspace-token-file", googleTokenFile));
    put(settings, "connectors.google-workspace.base-url", googleBaseUrl);
    put(
        settings,
        "connectors.m365.token",
        secret("M365_TOKEN", "--m365-token-file", m365TokenFile));
    put(settings, "connectors.m365.base-url", m365BaseUrl);
    put(
        settings,
        "connectors.openai.token",
        secret(OpenAiTargets.VARIABLE, "--openai-token-file", openaiTokenFile));
    put(settings, "connectors.openai.base-url", openaiBaseUrl);
    put(
        settings,
        "connectors.anthropic.token",
        secret(AnthropicTargets.VARIABLE, "--anthropic-token-file", anthropicTokenFile));
    put(settings, "connectors.anthropic.base-url", anthropicBaseUrl);
    if (githubOrg != null) {
      settings.put("connectors.github.org", githubOrg);
      put(
          settings,
          "connectors.github.token",
          secret("GITHUB_TOKEN", "--github-token-file", githubTokenFile));
      put(settings, "connectors.github.base-url", githubBaseUrl);
    } else if (githubRepos || githubTokenFile != null || githubBaseUrl != null) {
      throw new UsageException(
          "--github-repos, --github-token-file and --github-base-url need --github-org ORG");
    }
    Settings parsed = Settings.of(settings);
    List<Target> targets = new ArrayList<>(sourceTargets(sources));
    if (awsWanted) {
      // checks the credentials now: a bad profile or role is one line, before anything runs
      targets.addAll(AwsTargets.resolve(parsed));
    }
    if (azureWanted) {
      targets.addAll(AzureTargets.resolve(parsed));
    }
    if (slackWanted) {
      targets.addAll(SlackTargets.resolve(parsed));
    }
    if (githubOrg != null) {
      targets.addAll(GithubTargets.resolve(parsed));
    }
    if (googleWanted) {
      targets.addAll(GoogleWorkspaceTargets.resolve(parsed));
    }
    if (m365Wanted) {
      targets.addAll(M365Targets.resolve(parsed));
    }
    if (openaiWanted) {
      targets.addAll(OpenAiTargets.resolve(parsed));
    }
    if (anthropicWanted) {
      targets.addAll(AnthropicTargets.resolve(parsed));
    }
    if (targets.isEmpty()) {
      throw new UsageException(
          "nothing to scan: give at least one --source DIR, or --aws, --azure, --slack,"
              + " --github-org, --google-workspace, --m365, --openai or --anthropic");
    }
    try {
      parsed.bytes("connectors.source.max-file-size", 0);
    } catch (dev.aiscan.core.ScanException e) {
      throw new UsageException(
          "--max-file-size " + maxFileSize + ": not a size (use e.g. 512k, 5m, 1g)");
    }

    RuleEngine detector = RulesCommand.engine(rules);
    Register register = RegisterCommand.read(registerFile, detector);
    if (staleAfter < 1) {
      throw new UsageException("--stale-after " + staleAfter + ": expected 1 or more");
    }
    ScanService service = new ScanService(new ScanEngine(connectors, detector, Version.current()));
    GithubSources clones =
        githubRepos
            ? GithubSources.cloneAll(
                parsed, githubOrg, Path.of(System.getProperty("user.home")), System.err)
            : null;
    if (clones != null) {
      targets.addAll(clones.targets());
    }
    // the embedded store starts while the scan runs
    CompletableFuture<Graph> pendingGraph =
        graphOptions == null ? null : graphAccess.openAsync(graphOptions);
    Path outDir = Path.of(out);
    HistoryStep history = new HistoryStep(pendingGraph, outDir);
    ScanService.Outcome outcome;
    try {
      outcome =
          service.run(
              ScanRequest.of(targets, parsed),
              outDir,
              split(format),
              ScanListener.NONE,
              result -> Reconciler.reconcile(result, register, history.history(), staleAfter));
    } catch (RuntimeException e) {
      if (pendingGraph != null) {
        pendingGraph.thenAccept(graphAccess::release);
      }
      throw e;
    } finally {
      if (clones != null) {
        clones.close();
      }
    }
    String graphLine;
    if (pendingGraph == null) {
      Path recorded = new FileHistory(outDir).record(outcome.result());
      graphLine = "History: " + recorded + "\n";
    } else {
      graphLine = writeGraph(pendingGraph, outcome.result(), register);
    }

    String summary =
        quiet ? "" : ConsoleSummary.render(outcome.result(), outcome.reports()) + graphLine;
    String failure = failOnMode.failure(outcome.result());
    if (failure != null) {
      // The summary still belongs on stdout; the exit code and its one-line reason follow.
      System.out.print(summary);
      System.out.flush();
      throw new FailOnException(failure);
    }
    return quiet ? null : summary.stripTrailing();
  }

  /**
   * The history a scan is reconciled against: the graph's when there is one (waiting for it to
   * open), else the output directory's. A graph that fails to open leaves no history; its failure
   * is reported after the reports are written.
   */
  private static final class HistoryStep {
    private final CompletableFuture<Graph> pendingGraph;
    private final Path out;

    HistoryStep(CompletableFuture<Graph> pendingGraph, Path out) {
      this.pendingGraph = pendingGraph;
      this.out = out;
    }

    ScanHistory history() {
      if (pendingGraph == null) {
        return new FileHistory(out);
      }
      try {
        return new GraphHistory(GraphAccess.await(pendingGraph));
      } catch (RuntimeException e) {
        return ScanHistory.NONE;
      }
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
          "Graph: scan %s written to %s%s in %.1f s%n",
          result.scan().id(),
          graph.options().describe(),
          bolt,
          written.elapsed().toMillis() / 1000.0);
    } finally {
      graphAccess.release(graph);
    }
  }

  private static List<Target> sourceTargets(String sources) {
    List<Target> targets = new ArrayList<>();
    for (String dir : split(sources)) {
      try {
        targets.add(SourceConnector.target(Path.of(dir)));
      } catch (java.nio.file.InvalidPathException e) {
        throw new UsageException("--source " + dir + ": not a valid path");
      }
    }
    return targets;
  }

  /**
   * A token from its file when one is given, else from the environment variable; never a flag
   * value, which would show in the process list and the shell history.
   */
  private static String secret(String variable, String flag, String file) {
    if (file != null && !file.isBlank()) {
      try {
        return Files.readString(Path.of(file)).strip();
      } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
        throw new UsageException(
            flag + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
      }
    }
    return System.getenv(variable);
  }

  private static void put(Map<String, String> settings, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.put(key, value);
    }
  }

  private static List<String> split(String list) {
    if (list == null) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The {@code --fail-on} modes. */
  enum FailOn {
    NONE,
    SHADOW,
    NEW_SHADOW,
    DRIFT,
    ANY;

    static FailOn parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "--fail-on " + s + ": expected shadow, new-shadow, drift, any or none");
      }
    }

    /** Why the scan fails under this mode, or null when it does not. */
    String failure(ScanResult result) {
      switch (this) {
        case SHADOW -> {
          return result.shadowCount() > 0
              ? result.shadowCount() + " shadow AI asset(s) found (--fail-on shadow)"
              : null;
        }
        case NEW_SHADOW -> {
          long fresh =
              result.assets().stream()
                  .filter(a -> a.status() == AssetStatus.SHADOW)
                  .filter(a -> result.reconciliation().newAssets().contains(a.id()))
                  .count();
          return fresh > 0
              ? fresh
                  + " new shadow AI asset(s) since "
                  + (result.reconciliation().previousScan() == null
                      ? "no earlier scan"
                      : "scan " + result.reconciliation().previousScan())
                  + " (--fail-on new-shadow)"
              : null;
        }
        case DRIFT -> {
          long drift =
              result.assets().stream().filter(a -> a.status() == AssetStatus.DRIFT).count();
          return drift > 0 ? drift + " asset(s) drifted from the register (--fail-on drift)" : null;
        }
        case ANY -> {
          return result.findings().isEmpty()
              ? null
              : result.findings().size() + " AI finding(s) found (--fail-on any)";
        }
        default -> {
          return null;
        }
      }
    }
  }
}
