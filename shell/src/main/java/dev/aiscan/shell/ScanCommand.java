package dev.aiscan.shell;

import dev.aiscan.core.spi.Connector;
import dev.aiscan.shell.config.AiscanConfig;
import dev.aiscan.shell.config.ConfigLoader;
import dev.aiscan.shell.config.ScanSpec;
import dev.aiscan.shell.internal.ConsoleSummary;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.Notifications;
import dev.aiscan.shell.internal.ScanJson;
import dev.aiscan.shell.internal.ScanRunner;
import dev.aiscan.shell.progress.ProgressReporter;
import dev.aiscan.shell.progress.Terminals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
              longNames = "config",
              label = "FILE",
              description =
                  "read targets and settings from this aiscan.yaml (default: ./aiscan.yaml when"
                      + " present); flags override it")
          String config,
      @Option(
              longNames = "source",
              label = "DIR",
              description = "source tree to scan; repeat, or separate with commas, for several")
          String sources,
      @Option(
              longNames = "git",
              label = "URL",
              description =
                  "git repository to clone (shallow) and scan; repeat, or separate with commas")
          String git,
      @Option(
              longNames = "out",
              label = "DIR",
              description =
                  "directory that receives inventory.json and the other reports (default"
                      + " aiscan-report)")
          String out,
      @Option(
              longNames = "format",
              label = "LIST",
              description =
                  "report formats, comma separated: json, html, cyclonedx, sarif, csv, md (default"
                      + " json,html; json is always written)")
          String format,
      @Option(
              longNames = "graph",
              label = "MODE",
              description =
                  "embedded (default): write to the embedded Neo4j store (or to --neo4j-uri); none:"
                      + " skip the graph")
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
              label = "WHEN",
              description =
                  "exit with code 3 when: shadow (any shadow AI asset), new-shadow (shadow AI the"
                      + " previous scan did not see), drift, any (any finding), none (default)")
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
              label = "N",
              description =
                  "a register entry that covers nothing in N scans of its targets in a row is stale"
                      + " (default 3)")
          Integer staleAfter,
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
              label = "SIZE",
              description =
                  "skip source and config files larger than this (e.g. 512k, 5m; default 5m)")
          String maxFileSize,
      @Option(
              longNames = "file-timeout",
              label = "DURATION",
              description =
                  "give up on a file whose reading takes longer than this, with a warning (e.g."
                      + " 30s, 500ms; default 60s)")
          String fileTimeout,
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
              label = "ARNS",
              description =
                  "assume these IAM roles (comma separated) and scan their accounts; implies --aws")
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
              label = "DAYS",
              description =
                  "how many days of CloudTrail event history to read for AI calls (default 7)")
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
      @Option(
              longNames = "quiet",
              description = "print nothing on success (errors still go to stderr)")
          boolean quiet,
      @Option(
              longNames = "json",
              description = "print the scan's summary as JSON on stdout, and no progress")
          boolean json) {
    ScanSpec flags =
        new ScanSpec(
            split(sources),
            split(git),
            services(
                aws || awsProfile != null || awsRoleArn != null || awsOrgRole != null,
                azure || azureTenant != null || azureSubscriptions != null,
                githubOrg != null,
                slack || slackTokenFile != null,
                googleWorkspace || googleTokenFile != null,
                m365 || m365TokenFile != null,
                openai || openaiTokenFile != null,
                anthropic || anthropicTokenFile != null),
            null,
            out,
            split(format),
            new ScanSpec.GraphSpec(graph, graphDir, boltPort, neo4jUri, null, null, passwordFile),
            failOn,
            registerFile,
            staleAfter,
            split(rules));
    Map<String, String> settings = new TreeMap<>();
    put(settings, "connectors.source.max-file-size", maxFileSize);
    put(settings, "connectors.source.file-timeout", fileTimeout);
    put(settings, "connectors.source.include", include);
    put(settings, "connectors.source.exclude", exclude);
    if (noGitignore) {
      settings.put("connectors.source.gitignore", "false");
    }
    if (offline) {
      settings.put("connectors.dependencies.offline", "true");
    }
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
    put(settings, "connectors.slack.token", secretFile("--slack-token-file", slackTokenFile));
    put(settings, "connectors.slack.base-url", slackBaseUrl);
    put(
        settings,
        "connectors.google-workspace.token",
        secretFile("--google-workspace-token-file", googleTokenFile));
    put(settings, "connectors.google-workspace.base-url", googleBaseUrl);
    put(settings, "connectors.m365.token", secretFile("--m365-token-file", m365TokenFile));
    put(settings, "connectors.m365.base-url", m365BaseUrl);
    put(settings, "connectors.openai.token", secretFile("--openai-token-file", openaiTokenFile));
    put(settings, "connectors.openai.base-url", openaiBaseUrl);
    put(
        settings,
        "connectors.anthropic.token",
        secretFile("--anthropic-token-file", anthropicTokenFile));
    put(settings, "connectors.anthropic.base-url", anthropicBaseUrl);
    if (githubOrg != null) {
      if (!githubOrg.matches("[A-Za-z0-9][A-Za-z0-9-]{0,38}")) {
        throw new UsageException(
            "--github-org: not a GitHub organisation login (letters, digits and -)");
      }
      settings.put("connectors.github.org", githubOrg);
      put(settings, "connectors.github.token", secretFile("--github-token-file", githubTokenFile));
      put(settings, "connectors.github.base-url", githubBaseUrl);
      if (githubRepos) {
        settings.put("connectors.github.clone-repos", "true");
      }
    } else if (githubRepos || githubTokenFile != null || githubBaseUrl != null) {
      throw new UsageException(
          "--github-repos, --github-token-file and --github-base-url need --github-org ORG");
    }
    flags = withSettings(flags, settings);

    Optional<Path> configFile = ConfigLoader.locate(config, Path.of(""));
    AiscanConfig loaded =
        configFile
            .map(f -> ConfigLoader.load(f, System.getenv(), System.getProperty("user.home")))
            .orElse(null);
    ScanSpec spec = loaded == null ? flags : flags.over(loaded.scan());
    boolean silent = quiet || json;
    ScanRunner.Run run;
    try (ProgressReporter progress =
        ProgressReporter.create(
            silent ? ProgressReporter.Mode.OFF : Terminals.detect(System.getenv()),
            System.err,
            Clock.systemUTC())) {
      run = runner().run(spec, progress);
    }
    if (loaded != null) {
      Notifications.send(loaded, run.result())
          .forEach(w -> System.err.println("aiscan: warning: " + w));
    }
    String output;
    if (json) {
      output = ScanJson.render(run);
    } else if (quiet) {
      output = "";
    } else {
      output = ConsoleSummary.render(run.result(), run.reports()) + run.graphLine();
    }
    if (run.failure() != null) {
      // The summary still belongs on stdout; the exit code and its one-line reason follow.
      if (!output.isEmpty()) {
        System.out.println(output.stripTrailing());
        System.out.flush();
      }
      throw new FailOnException(run.failure());
    }
    return output.isEmpty() ? null : output.stripTrailing();
  }

  private ScanRunner runner() {
    return new ScanRunner(
        connectors,
        graphAccess,
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        System.err);
  }

  /** The services the flags ask for, in {@link ScanSpec#SERVICES} order. */
  private static Set<String> services(boolean... wanted) {
    Set<String> services = new LinkedHashSet<>();
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i]) {
        services.add(ScanSpec.SERVICES.get(i));
      }
    }
    return services;
  }

  private static ScanSpec withSettings(ScanSpec s, Map<String, String> settings) {
    return new ScanSpec(
        s.sources(),
        s.gitRepositories(),
        s.services(),
        settings,
        s.out(),
        s.formats(),
        s.graph(),
        s.failOn(),
        s.register(),
        s.staleAfter(),
        s.rules());
  }

  /**
   * A token from the file a flag names, or null (then the runner takes the service's environment
   * variable). Never a flag value, which would show in the process list and the shell history.
   */
  private static String secretFile(String flag, String file) {
    if (file == null || file.isBlank()) {
      return null;
    }
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      throw new UsageException(
          flag + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void put(Map<String, String> settings, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.put(key, value);
    }
  }

  /** A comma-separated flag as a list; null when the flag is not given. */
  private static List<String> split(String list) {
    if (list == null) {
      return null;
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
