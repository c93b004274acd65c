package dev.aiscan.shell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.aiscan.connectors.aws.AwsSettings;
import dev.aiscan.connectors.azure.AzureSettings;
import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.saas.ai.AdminSettings;
import dev.aiscan.connectors.saas.ai.AnthropicTargets;
import dev.aiscan.connectors.saas.ai.OpenAiTargets;
import dev.aiscan.connectors.saas.github.GithubSettings;
import dev.aiscan.connectors.saas.google.GoogleWorkspaceSettings;
import dev.aiscan.connectors.saas.m365.M365Settings;
import dev.aiscan.connectors.saas.slack.SlackSettings;
import dev.aiscan.connectors.source.SourceSettings;
import dev.aiscan.core.spi.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final Map<String, String> EXAMPLE_ENV =
      Map.of(
          "GITHUB_TOKEN", "ghp_exampleTokenValue000000000000000000",
          "SLACK_TOKEN", "xoxp-1111-2222-3333-example",
          "GOOGLE_WORKSPACE_TOKEN", "ya29.example-google-token",
          "M365_TOKEN", "eyJ0eXAiOiJKV1QiLCJhbGciOi.example",
          "OPENAI_ADMIN_KEY", "sk-admin-example-openai-key",
          "ANTHROPIC_ADMIN_KEY", "sk-ant-admin01-example-key",
          "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXXXXXX");

  @TempDir Path dir;

  Path home() throws IOException {
    return Files.createDirectories(dir.resolve("home"));
  }

  Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  AiscanConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(write("aiscan.yaml", yaml), env, home().toString());
  }

  static String example() throws IOException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.EXAMPLE_RESOURCE)) {
      assertThat(in).as("the shipped example").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theShippedExampleValidatesAndMapsToTheConnectorsSettings() throws IOException {
    Files.createDirectories(dir.resolve("services"));
    Files.createDirectories(dir.resolve("apps"));
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("ai-register.yaml"), "version: 1\nentries: []\n");

    AiscanConfig config = load(example(), EXAMPLE_ENV);

    ScanSpec scan = config.scan();
    assertThat(scan.sources())
        .containsExactly(dir.resolve("services").toString(), dir.resolve("apps").toString());
    assertThat(scan.gitRepositories()).containsExactly("https://github.com/acme/chatbot.git");
    assertThat(scan.services()).containsExactlyInAnyOrderElementsOf(ScanSpec.SERVICES);
    assertThat(config.targetGroups()).containsExactlyElementsOf(ScanSpec.TARGET_GROUPS);
    assertThat(scan.settings())
        .containsOnly(
            entry("connectors.aws.profile", "security-audit"),
            entry("connectors.aws.regions", "us-east-1,eu-west-1"),
            entry("connectors.aws.cloudtrail-days", "7"),
            entry("connectors.azure.subscriptions", "00000000-0000-0000-0000-000000000000"),
            entry("connectors.azure.resource-graph", "true"),
            entry("connectors.github.org", "acme"),
            entry("connectors.github.token", EXAMPLE_ENV.get("GITHUB_TOKEN")),
            entry("connectors.github.clone-repos", "true"),
            entry("connectors.slack.token", EXAMPLE_ENV.get("SLACK_TOKEN")),
            entry("connectors.google-workspace.token", EXAMPLE_ENV.get("GOOGLE_WORKSPACE_TOKEN")),
            entry("connectors.m365.token", EXAMPLE_ENV.get("M365_TOKEN")),
            entry("connectors.openai.token", EXAMPLE_ENV.get("OPENAI_ADMIN_KEY")),
            entry("connectors.anthropic.token", EXAMPLE_ENV.get("ANTHROPIC_ADMIN_KEY")),
            entry("connectors.source.exclude", "**/test/**,docs/**"),
            entry("connectors.source.max-file-size", "5m"),
            entry("connectors.source.file-timeout", "60s"),
            entry("connectors.source.gitignore", "true"),
            entry("connectors.dependencies.offline", "false"));
    assertThat(scan.out()).isEqualTo(dir.resolve("aiscan-report").toString());
    assertThat(scan.formats()).containsExactly("json", "html", "sarif");
    assertThat(scan.graph())
        .isEqualTo(
            new ScanSpec.GraphSpec(
                "embedded",
                home().resolve(".aiscan/graph").toString(),
                null,
                null,
                null,
                null,
                null));
    assertThat(scan.failOn()).isEqualTo("new-shadow");
    assertThat(scan.register()).isEqualTo(dir.resolve("ai-register.yaml").toString());
    assertThat(scan.staleAfter()).isEqualTo(3);
    assertThat(scan.rules()).containsExactly(dir.resolve("rules").toString());

    assertThat(config.schedules())
        .extracting(Schedule::name, Schedule::targets)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "code-nightly", List.of("sources", "git", "github")),
            org.assertj.core.groups.Tuple.tuple("cloud-hourly", List.of("aws", "azure")),
            org.assertj.core.groups.Tuple.tuple(
                "saas-weekdays",
                List.of("slack", "google-workspace", "m365", "openai", "anthropic")));
    assertThat(config.schedules().get(0).zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(config.schedules().get(1).zone()).isEqualTo(ZoneId.systemDefault());
    assertThat(config.history()).isEqualTo(home().resolve(".aiscan/runs.jsonl"));
    assertThat(config.notifications())
        .isEqualTo(
            new NotificationSpec(
                EXAMPLE_ENV.get("SLACK_WEBHOOK_URL"),
                "slack",
                dir.resolve("aiscan-report/new-shadow.jsonl")));
    assertThat(config.toString()).doesNotContain("XXXXXXXX", "ghp_", "xoxp-");
    assertThat(scan.toString()).doesNotContain("ghp_", "xoxp-", "sk-").contains("security-audit");
  }

  @Test
  void theDocsEmbedTheExampleAsShipped() throws IOException {
    // surefire runs in the module's directory
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"));

    assertThat(doc).contains("```yaml\n" + example() + "```");
  }

  @Test
  void theConnectorsReadTheSettingsTheExampleProduces() throws IOException {
    Files.createDirectories(dir.resolve("services"));
    Files.createDirectories(dir.resolve("apps"));
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("ai-register.yaml"), "version: 1\nentries: []\n");

    Settings settings = Settings.of(load(example(), EXAMPLE_ENV).scan().settings());

    assertThat(AwsSettings.from(settings).regions()).containsExactly("us-east-1", "eu-west-1");
    assertThat(AwsSettings.from(settings).profile()).isEqualTo("security-audit");
    assertThat(AzureSettings.from(settings).resourceGraph()).isTrue();
    assertThat(GithubSettings.from(settings).org()).isEqualTo("acme");
    assertThat(SlackSettings.from(settings).token()).isEqualTo(EXAMPLE_ENV.get("SLACK_TOKEN"));
    assertThat(GoogleWorkspaceSettings.from(settings).customer()).isEqualTo("my_customer");
    assertThat(M365Settings.from(settings).token()).isEqualTo(EXAMPLE_ENV.get("M365_TOKEN"));
    assertThat(SourceSettings.from(settings).excludes()).containsExactly("**/test/**", "docs/**");
    assertThat(SourceSettings.from(settings).maxFileSize()).isEqualTo(5L << 20);
    assertThat(SourceSettings.from(settings).fileTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(DependencySettings.from(settings).offline()).isFalse();
  }

  @Test
  void everyKeyOfEveryServiceReachesItsConnector() throws IOException {
    Path token = write("secrets/github-token", "ghp_fromFile\n");
    AiscanConfig config =
        load(
            """
            version: 1
            targets:
              aws:
                role-arn: arn:aws:iam::123456789012:role/AiscanReader
                org-role: AiscanReader
                regions: us-east-1, eu-west-3
                endpoint-url: http://localhost:4566
                cloudtrail-days: 30
                cloudtrail-max-events: 100
                cloudtrail-calls-per-second: 1
                concurrency: 4
                timeout-seconds: 10
                max-attempts: 2
                layer-max-size: 512k
              azure:
                tenant: contoso.onmicrosoft.com
                subscriptions: [11111111-2222-3333-4444-555555555555]
                endpoint: https://management.usgovcloudapi.net/
                access-token: ${AZ}
                concurrency: 2
                timeout-seconds: 5
                max-retries: 0
              github:
                org: acme
                token-file: secrets/github-token
                base-url: https://ghe.example.com/api/v3
                timeout: 2.5
                max-retries: 1
              slack: {token: "${S}", base-url: "https://slack.example.com/api", timeout: 4, max-retries: 0}
              m365: {token: "${M365}", base-url: "https://graph.microsoft.us", timeout: 500ms, retries: 1}
              google-workspace: {customer: C03az79cb, timeout-seconds: 9, max-retries: 0, token: "${G}"}
              openai: {organization: org-1, timeout: 5, base-url: "http://127.0.0.1:9/v1", token: "${O}", max-retries: 2}
              anthropic: {organization: org-2, timeout: 6, base-url: "http://127.0.0.1:9/v1", token: "${A}", max-retries: 10}
            source:
              include: ["**/*.py"]
              gitignore: false
              offline: true
              maven-local-repository: ~/m2repo
            """,
            Map.of(
                "AZ",
                "az-token",
                "M365",
                "m365-token",
                "G",
                "g-token",
                "O",
                "o-token",
                "S",
                "s-token",
                "A",
                "a-token"));

    Settings s = Settings.of(config.scan().settings());
    AwsSettings aws = AwsSettings.from(s);
    assertThat(aws.regions()).containsExactly("us-east-1", "eu-west-3");
    assertThat(aws.roleArns()).containsExactly("arn:aws:iam::123456789012:role/AiscanReader");
    assertThat(aws.orgRole()).isEqualTo("AiscanReader");
    assertThat(aws.endpointUrl()).hasToString("http://localhost:4566");
    assertThat(aws.cloudTrailWindow().toDays()).isEqualTo(30);
    assertThat(aws.cloudTrailMaxEvents()).isEqualTo(100);
    assertThat(aws.concurrency()).isEqualTo(4);
    assertThat(aws.maxAttempts()).isEqualTo(2);
    assertThat(aws.layerMaxBytes()).isEqualTo(512L << 10);
    AzureSettings azure = AzureSettings.from(s);
    assertThat(azure.tenant()).isEqualTo("contoso.onmicrosoft.com");
    assertThat(azure.endpoint()).hasToString("https://management.usgovcloudapi.net");
    assertThat(azure.accessToken()).isEqualTo("az-token");
    assertThat(azure.maxRetries()).isZero();
    GithubSettings github = GithubSettings.from(s);
    assertThat(github.token()).isEqualTo("ghp_fromFile");
    assertThat(github.baseUrl()).hasToString("https://ghe.example.com/api/v3");
    assertThat(github.timeout().toMillis()).isEqualTo(2500);
    assertThat(github.maxRetries()).isEqualTo(1);
    SlackSettings slack = SlackSettings.from(s);
    assertThat(slack.token()).isEqualTo("s-token");
    assertThat(slack.baseUrl()).hasToString("https://slack.example.com/api");
    assertThat(slack.timeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(slack.maxRetries()).isZero();
    M365Settings m365 = M365Settings.from(s);
    assertThat(m365.timeout().toMillis()).isEqualTo(500);
    assertThat(m365.retries()).isEqualTo(1);
    assertThat(GoogleWorkspaceSettings.from(s).customer()).isEqualTo("C03az79cb");
    assertThat(s.get("connectors.openai.organization")).contains("org-1");
    AdminSettings openai = OpenAiTargets.settings(s);
    assertThat(openai.organization()).isEqualTo("org-1");
    assertThat(openai.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(openai.maxRetries()).isEqualTo(2);
    AdminSettings anthropic = AnthropicTargets.settings(s);
    assertThat(anthropic.token()).isEqualTo("a-token");
    assertThat(anthropic.organization()).isEqualTo("org-2");
    assertThat(anthropic.maxRetries()).isEqualTo(10);
    SourceSettings source = SourceSettings.from(s);
    assertThat(source.includes()).containsExactly("**/*.py");
    assertThat(source.useGitignore()).isFalse();
    DependencySettings deps = DependencySettings.from(s);
    assertThat(deps.offline()).isTrue();
    assertThat(deps.mavenLocalRepository()).isEqualTo(home().resolve("m2repo"));
    assertThat(token).exists();
  }

  @Test
  void aServiceWrittenTrueTakesItsTokenFromTheUsualVariable() throws IOException {
    AiscanConfig config =
        load(
            """
            version: 1
            targets:
              slack: true
              aws: true
              azure: false
              openai:
            """,
            Map.of("SLACK_TOKEN", "xoxp-env", "AZURE_ACCESS_TOKEN", "unused"));

    assertThat(config.scan().services()).containsExactlyInAnyOrder("slack", "aws", "openai");
    assertThat(config.scan().settings()).containsOnly(entry("connectors.slack.token", "xoxp-env"));
    assertThat(config.targetGroups()).containsExactly("aws", "slack", "openai");
  }

  @Test
  void aTokenFileIsReadAndStripped() throws IOException {
    write("tokens/slack", "  xoxp-from-file \n");

    AiscanConfig config =
        load(
            """
            version: 1
            targets:
              slack: {token-file: tokens/slack}
            """,
            Map.of("SLACK_TOKEN", "xoxp-env-loses"));

    assertThat(config.scan().settings()).containsEntry("connectors.slack.token", "xoxp-from-file");
  }

  @Test
  void defaultsAndEscapesInReferences() throws IOException {
    AiscanConfig config =
        load(
            """
            version: 1
            targets:
              aws: {profile: "${AWS_PROFILE:-audit}", regions: "${REGIONS}"}
              slack: {token: "${SLACK_TOKEN:-}"}
            outputs: {dir: "./out-$${BUILD}", formats: "${FORMATS:-json,csv}"}
            fail-on: ${FAIL_ON:-none}
            """,
            Map.of("REGIONS", "us-east-1,eu-central-1", "FAIL_ON", ""));

    assertThat(config.scan().settings())
        .containsEntry("connectors.aws.profile", "audit")
        .containsEntry("connectors.aws.regions", "us-east-1,eu-central-1")
        .doesNotContainKey("connectors.slack.token");
    assertThat(config.scan().out()).isEqualTo(dir.resolve("out-${BUILD}").toString());
    assertThat(config.scan().formats()).containsExactly("json", "csv");
    assertThat(config.scan().failOn()).isEqualTo("none");
  }

  @Test
  void relativePathsAreRelativeToTheFileAndTildeIsHome() throws IOException {
    Files.createDirectories(dir.resolve("code/shop"));
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/register.csv"), "id,name\n");
    Path file =
        write(
            "conf/aiscan.yaml",
            """
            version: 1
            targets:
              sources: ../code/shop
              git: [../code/shop, "git@github.com:acme/x.git", ssh://git@host/acme/y.git]
            register: register.csv
            outputs: {dir: reports}
            graph: {dir: ~/graphs/aiscan, bolt-port: 7688}
            history: ~
            notifications: {file: /var/tmp/alerts.jsonl}
            """);

    AiscanConfig config = ConfigLoader.load(file, Map.of(), home().toString());

    assertThat(config.scan().sources()).containsExactly(dir.resolve("code/shop").toString());
    assertThat(config.scan().gitRepositories())
        .containsExactly(
            dir.resolve("code/shop").toString(),
            "git@github.com:acme/x.git",
            "ssh://git@host/acme/y.git");
    assertThat(config.scan().register()).isEqualTo(dir.resolve("conf/register.csv").toString());
    assertThat(config.scan().out()).isEqualTo(dir.resolve("conf/reports").toString());
    assertThat(config.scan().graph().dir()).isEqualTo(home().resolve("graphs/aiscan").toString());
    assertThat(config.scan().graph().boltPort()).isEqualTo(7688);
    // `history: ~` is YAML's null, not the home directory: nothing said
    assertThat(config.history()).isNull();
    assertThat(config.notifications().file()).isEqualTo(Path.of("/var/tmp/alerts.jsonl"));
    assertThat(config.notifications().webhookUrl()).isNull();
    assertThat(config.file()).isEqualTo(file);
  }

  @Test
  void aGraphServerTakesItsPasswordFromAVariableOrAFile() throws IOException {
    write("neo4j-password", "s3cret\n");
    AiscanConfig fromFile =
        load(
            """
            version: 1
            graph: {uri: "neo4j+s://x.databases.neo4j.io", username: reader, password-file: neo4j-password}
            """,
            Map.of());
    AiscanConfig fromEnv =
        load(
            """
            version: 1
            graph: {uri: "bolt://localhost:7687", password: "${NEO4J_PASSWORD}"}
            """,
            Map.of("NEO4J_PASSWORD", "from-env"));

    assertThat(fromFile.scan().graph())
        .isEqualTo(
            new ScanSpec.GraphSpec(
                null,
                null,
                null,
                "neo4j+s://x.databases.neo4j.io",
                "reader",
                null,
                dir.resolve("neo4j-password").toString()));
    assertThat(fromEnv.scan().graph().password()).isEqualTo("from-env");
    assertThat(fromEnv.scan().toString()).doesNotContain("from-env");
  }

  @Test
  void schedulesDefaultToEveryConfiguredGroup() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    AiscanConfig config =
        load(
            """
            version: 1
            targets: {sources: src, aws: true}
            schedules:
              - {name: all, cron: "@daily", timezone: UTC}
            """,
            Map.of());

    Schedule all = config.schedules().get(0);
    assertThat(all.targets()).containsExactly("sources", "aws");
    assertThat(config.scanFor(all).sources()).containsExactly(dir.resolve("src").toString());
  }

  @Test
  void locateFindsTheFlagsFileThenTheWorkingDirectorysFile() throws IOException {
    assertThat(ConfigLoader.locate(null, dir)).isEmpty();
    Path local = write("aiscan.yaml", "version: 1\n");
    Path other = write("other/conf.yaml", "version: 1\n");

    assertThat(ConfigLoader.locate(null, dir)).contains(local);
    assertThat(ConfigLoader.locate("  ", dir)).contains(local);
    assertThat(ConfigLoader.locate("other/conf.yaml", dir)).contains(other);
    assertThat(ConfigLoader.locate(other.toString(), Path.of(""))).contains(other);
    assertThatThrownBy(() -> ConfigLoader.locate("missing.yaml", Path.of("")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("missing.yaml: cannot read it (NoSuchFileException)");
  }

  @Test
  void aMinimalFileSaysNothingBeyondItself() throws IOException {
    AiscanConfig config = load("version: 1\n", Map.of());

    assertThat(config.scan()).isEqualTo(ScanSpec.EMPTY);
    assertThat(config.schedules()).isEmpty();
    assertThat(config.notifications()).isEqualTo(NotificationSpec.NONE);
    assertThat(config.history()).isNull();
  }
}
