package dev.aiscan.shell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake, reported as {@code FILE:LINE: message}, all of them at once. */
class ConfigProblemsTest {
  @TempDir Path dir;

  List<String> problems(String yaml) throws IOException {
    return problems(yaml, Map.of());
  }

  /** Loads from the file's directory by a relative name, as a user would name it. */
  List<String> problems(String yaml, Map<String, String> env) throws IOException {
    Path file = dir.resolve("aiscan.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    try {
      ConfigLoader.load(Path.of("").toAbsolutePath().relativize(file), env, dir.toString());
    } catch (ConfigException e) {
      assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
      return e.problems().stream().map(p -> p.substring(p.indexOf("aiscan.yaml:"))).toList();
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }

  @Test
  void anUnknownKeyIsNamedWithTheClosestKnownOne() throws IOException {
    assertThat(
            problems(
                """
                version: 1
                targets:
                  sorces: [.]
                  aws: {regoins: [us-east-1], rolearn: x}
                source: {max_file_size: 5m}
                outptus: {dir: out}
                colour: blue
                """))
        .containsExactly(
            "aiscan.yaml:3: unknown key 'sorces' in targets; did you mean 'sources'?",
            "aiscan.yaml:4: unknown key 'regoins' in targets.aws; did you mean 'regions'?",
            "aiscan.yaml:4: unknown key 'rolearn' in targets.aws; did you mean 'role-arn'?",
            "aiscan.yaml:5: unknown key 'max_file_size' in source; did you mean 'max-file-size'?",
            "aiscan.yaml:6: unknown key 'outptus'; did you mean 'outputs'?",
            "aiscan.yaml:7: unknown key 'colour'; expected one of: version, targets, source,"
                + " rules, register, stale-after, outputs, graph, fail-on, schedules, history,"
                + " notifications");
  }

  @Test
  void valuesOfTheWrongTypeAreNamedByTheirPath() throws IOException {
    assertThat(
            problems(
                """
                version: 1
                targets:
                  aws:
                    regions: {us: east}
                    cloudtrail-days: 120
                    layer-max-size: 5 megs
                  azure:
                    subscriptions: not-a-guid
                    resource-graph: yes
                  slack: maybe
                source:
                  gitignore: "no"
                  file-timeout: forever
                stale-after: three
                fail-on: always
                outputs: {formats: [json, htm]}
                graph: {mode: remote, bolt-port: 70000}
                """))
        .containsExactly(
            "aiscan.yaml:4: targets.aws.regions: expected a list of AWS region names",
            "aiscan.yaml:5: targets.aws.cloudtrail-days: expected a whole number from 1 to 90,"
                + " not '120'",
            "aiscan.yaml:6: targets.aws.layer-max-size: expected a size such as 512k, 5m or 1g,"
                + " not '5 megs'",
            "aiscan.yaml:8: targets.azure.subscriptions: expected subscription ids (GUIDs), not"
                + " 'not-a-guid'",
            "aiscan.yaml:9: targets.azure.resource-graph: expected true or false, not 'yes'",
            "aiscan.yaml:10: targets.slack: expected true, false or a mapping of token,"
                + " token-file, base-url, timeout, max-retries",
            "aiscan.yaml:12: source.gitignore: expected true or false, not 'no'",
            "aiscan.yaml:13: source.file-timeout: expected a duration such as 30s or 500ms, not"
                + " 'forever'",
            "aiscan.yaml:14: stale-after: expected a whole number from 1 to 1000, not 'three'",
            "aiscan.yaml:15: fail-on: expected one of shadow, new-shadow, drift, any, none, not"
                + " 'always'",
            "aiscan.yaml:16: outputs.formats: unknown format 'htm'; did you mean 'html'? (one of"
                + " json, html, cyclonedx, sarif, csv, md)",
            "aiscan.yaml:17: graph.mode: expected one of embedded, none, not 'remote'",
            "aiscan.yaml:17: graph.bolt-port: expected a whole number from 1 to 65535, not"
                + " '70000'");
  }

  @Test
  void schedulesAreChecked() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    assertThat(
            problems(
                """
                version: 1
                targets:
                  sources: src
                  aws: true
                schedules:
                  - name: nightly
                    cron: "0 2 * * *"
                  - name: nightly
                    cron: "61 * * * *"
                  - name: weekly
                    cron: "0 0 * *"
                    targets: [sources, azure, clouds]
                  - name: cloud
                    cron: "@fortnightly"
                    timezone: Europe/Pariss
                  - cron: "0 0 30 2 *"
                    targets: [aws]
                """))
        .containsExactly(
            "aiscan.yaml:8: schedules[1].name: 'nightly' is taken by the schedule at line 6",
            "aiscan.yaml:9: schedules[1].cron: '61 * * * *' is not a cron expression (Invalid"
                + " value for MinuteOfHour (valid values 0 - 59): 61 '61')",
            "aiscan.yaml:11: schedules[2].cron: '0 0 * *' is not a cron expression (4 fields;"
                + " expected 5 (minute hour day-of-month month day-of-week) or 6 with seconds"
                + " first)",
            "aiscan.yaml:12: schedules[2].targets: 'azure' is not configured under targets:",
            "aiscan.yaml:12: schedules[2].targets: unknown target group 'clouds' (one of sources,"
                + " git, aws, azure, github, slack, google-workspace, m365, openai, anthropic)",
            "aiscan.yaml:14: schedules[3].cron: '@fortnightly' is not a cron expression (the"
                + " macros are @yearly, @annually, @monthly, @weekly, @daily, @midnight and"
                + " @hourly)",
            "aiscan.yaml:15: schedules[3].timezone: 'Europe/Pariss' is not a time zone (e.g."
                + " Europe/Paris, America/New_York, UTC)",
            "aiscan.yaml:16: schedules[4]: name is required");
  }

  @Test
  void aScheduleThatNeverFiresAndATargetGroupMisspelt() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    assertThat(
            problems(
                """
                version: 1
                targets: {sources: src}
                schedules:
                  - name: never
                    cron: "0 0 30 2 *"
                  - name: typo
                    cron: "@daily"
                    targets: [source]
                """))
        .containsExactly(
            "aiscan.yaml:5: schedules[0].cron: '0 0 30 2 *' never fires (a date that does not"
                + " exist?)",
            "aiscan.yaml:8: schedules[1].targets: unknown target group 'source'; did you mean"
                + " 'sources'?");
  }

  @Test
  void aSecretWrittenInTheFileIsRefusedWithoutRepeatingIt() throws IOException {
    List<String> problems =
        problems(
            """
            version: 1
            targets:
              slack: {token: xoxp-LITERAL-SECRET-1234}
              github: {org: acme, token: "${GITHUB_TOKEN:-ghp_DEFAULT_SECRET}"}
              azure: {access-token: eyJhbGciOiJSUzI1NiJ9.LITERAL}
              openai: {token: sk-admin-LITERAL, token-file: key.txt}
            graph: {uri: "bolt://neo4j:GRAPH_SECRET@localhost:7687", password: GRAPH_SECRET}
            notifications:
              webhook: {url: "https://hooks.slack.com/services/T0/B0/HOOK_SECRET"}
            """);

    assertThat(problems)
        .containsExactly(
            "aiscan.yaml:3: targets.slack.token: write ${VARIABLE} or token-file: FILE; a secret"
                + " written in the file is readable by anyone who can read the file",
            "aiscan.yaml:4: targets.github.token: write ${VARIABLE} or token-file: FILE; a"
                + " secret written in the file is readable by anyone who can read the file",
            "aiscan.yaml:5: targets.azure.access-token: write ${VARIABLE}; a secret written in"
                + " the file is readable by anyone who can read the file",
            "aiscan.yaml:6: targets.openai: give token or token-file, not both",
            "aiscan.yaml:7: graph.uri: credentials in the URI are a secret written in the file;"
                + " use username and password: ${NEO4J_PASSWORD}",
            "aiscan.yaml:7: graph.password: write ${VARIABLE}; a secret written in the file is"
                + " readable by anyone who can read the file",
            "aiscan.yaml:9: notifications.webhook.url: write ${VARIABLE}; a secret written in the"
                + " file is readable by anyone who can read the file");
  }

  @Test
  void noProblemEverHoldsASecretsValue() throws IOException {
    Files.writeString(dir.resolve("token"), "xoxp-FILE-SECRET-9999\n");
    Map<String, String> env =
        Map.of(
            "SLACK_TOKEN", "xoxp-ENV-SECRET-1111",
            "HOOK", "not a url ENV-HOOK-SECRET",
            "GITHUB_TOKEN", "ghp_ENV_SECRET_2222");
    List<String> problems =
        problems(
            """
            version: 1
            targets:
              slack: {token-file: token, base-url: "${SLACK_TOKEN}x"}
              github: {org: "${GITHUB_TOKEN}", token: "${GITHUB_TOKEN}", timeout: "${GITHUB_TOKEN}"}
              m365: {token: LITERAL-M365-SECRET}
              openai: sk-admin-SWITCH-SECRET
              git: ["https://user:GIT-SECRET@github.com/acme/x.git", "https://GIT-TOKEN@github.com/a/b"]
            notifications: {webhook: {url: "${HOOK}", format: slack}}
            """,
            env);

    assertThat(problems).hasSize(8);
    for (String secret :
        List.of(
            "FILE-SECRET",
            "ENV-SECRET",
            "ENV_SECRET",
            "ENV-HOOK-SECRET",
            "LITERAL-M365",
            "GIT-SECRET",
            "GIT-TOKEN",
            "SWITCH-SECRET")) {
      assertThat(problems).noneMatch(p -> p.contains(secret));
    }
    assertThat(problems)
        .contains(
            "aiscan.yaml:3: targets.slack.base-url: expected an http or https URL, not"
                + " '${SLACK_TOKEN}x'",
            "aiscan.yaml:8: notifications.webhook.url: the variable does not hold an http(s)"
                + " URL");
  }

  @Test
  void anUnsetVariableIsNamedWithItsLine() throws IOException {
    assertThat(
            problems(
                """
                version: 1
                targets:
                  slack:
                    token: ${SLACK_TOKEN}
                  aws: {profile: "${AWS_PROFILE}", regions: ["${REGION_A}", "eu-${BAD NAME}"]}
                """))
        .containsExactly(
            "aiscan.yaml:4: targets.slack.token: ${SLACK_TOKEN} is not set",
            "aiscan.yaml:5: targets.aws.profile: ${AWS_PROFILE} is not set",
            "aiscan.yaml:5: targets.aws.regions[0]: ${REGION_A} is not set",
            "aiscan.yaml:5: targets.aws.regions[1]: '${BAD NAME}' is not a variable reference:"
                + " write ${NAME} or ${NAME:-default}, or $${ for a literal ${");
  }

  @Test
  void aTokenFileThatCannotBeReadIsNamed() throws IOException {
    assertThat(
            problems(
                """
                version: 1
                targets:
                  slack: {token-file: missing-token}
                  github: {org: acme, token-file: .}
                """))
        .containsExactly(
            "aiscan.yaml:3: targets.slack.token-file: "
                + dir.resolve("missing-token")
                + ": cannot read it (NoSuchFileException)",
            "aiscan.yaml:4: targets.github.token-file: "
                + dir
                + " is not a file of at most 64 KiB");
  }

  @Test
  void targetsThatDoNotExistOrCannotBeClonedAreNamed() throws IOException {
    assertThat(
            problems(
                """
                version: 1
                targets:
                  sources: [./missing]
                  git:
                    - ftp://example.com/repo.git
                    - ./not-here
                  github: true
                register: ./register.yaml
                rules: ./rules
                """))
        .containsExactly(
            "aiscan.yaml:3: targets.sources: " + dir.resolve("missing") + ": no such directory",
            "aiscan.yaml:5: targets.git: expected an https, ssh or git URL, user@host:path, or a"
                + " local path, not 'ftp://example.com/repo.git'",
            "aiscan.yaml:6: targets.git: " + dir.resolve("not-here") + ": no such directory",
            "aiscan.yaml:7: targets.github: org is required",
            "aiscan.yaml:8: register: " + dir.resolve("register.yaml") + ": no such file",
            "aiscan.yaml:9: rules: " + dir.resolve("rules") + ": no such file or directory");
  }

  @Test
  void aDuplicateKeyIsRefusedWithBothLines() throws IOException {
    assertThat(
            problems(
                """
                version: 1
                fail-on: shadow
                targets:
                  aws: {regions: [us-east-1], regions: [eu-west-1]}
                fail-on: none
                """))
        .containsExactly(
            "aiscan.yaml:4: duplicate key 'regions' in targets.aws (first at line 4)",
            "aiscan.yaml:5: duplicate key 'fail-on' (first at line 2)");
  }

  @Test
  void badYamlIsReportedAtItsLine() throws IOException {
    assertThat(
            problems(
                """
                version: 1
                targets:
                  sources: [a, b
                fail-on: none
                """))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("aiscan.yaml:4: ");
    assertThat(problems("version: 1\ntargets:\n  aws: true\n   slack: true\n"))
        .containsExactly("aiscan.yaml:4: mapping values are not allowed here");
    assertThat(problems("version: 1\ntargets:\n  slack: {token: ${SLACK_TOKEN}}\n"))
        .containsExactly(
            "aiscan.yaml:3: expected ',' or '}', but got { (inside { } or [ ], quote a reference:"
                + " \"${NAME}\")");
  }

  @Test
  void anAliasBombIsRefusedQuickly() {
    // nine layers of nine aliases: SnakeYAML's alias limit
    StringBuilder wide = new StringBuilder("version: 1\na: &a [x, x, x, x, x, x, x, x, x]\n");
    // sixteen layers of three aliases: under the alias limit, 43 million values expanded
    StringBuilder narrow = new StringBuilder("version: 1\na: &a [x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String p = String.valueOf((char) (c - 1));
      wide.append(c).append(": &").append(c).append(" [");
      wide.append(String.join(", ", java.util.Collections.nCopies(9, "*" + p))).append("]\n");
    }
    for (int i = 1; i <= 16; i++) {
      narrow.append("l").append(i).append(": &l").append(i).append(" [");
      String p = i == 1 ? "a" : "l" + (i - 1);
      narrow.append(String.join(", ", java.util.Collections.nCopies(3, "*" + p))).append("]\n");
    }

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(problems(wide.toString()))
              .containsExactly(
                  "aiscan.yaml:1: Number of aliases for non-scalar nodes exceeds the specified"
                      + " max=50");
          assertThat(problems(narrow.toString()))
              .hasSize(1)
              .first()
              .asString()
              .contains("more than 20000 values once aliases are expanded; refused");
        });
  }

  @Test
  void aliasesWithinReasonAreRead() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Path file = dir.resolve("aiscan.yaml");
    Files.writeString(
        file,
        """
        version: 1
        targets: {sources: src, aws: true, azure: true}
        schedules:
          - {name: a, cron: "@daily", targets: &cloud [aws, azure]}
          - {name: b, cron: "@hourly", targets: *cloud}
        """);

    AiscanConfig config = ConfigLoader.load(file, Map.of(), dir.toString());

    assertThat(config.schedules().get(1).targets()).containsExactly("aws", "azure");
  }

  @Test
  void versionIsRequiredAndOnlyOneIsKnown() throws IOException {
    assertThat(problems("targets: {}\n"))
        .containsExactly("aiscan.yaml:1: version: missing; the file starts with 'version: 1'");
    assertThat(problems("# a comment\nversion: 2\n"))
        .containsExactly("aiscan.yaml:2: version: '2' is not known; this aiscan reads version 1");
  }

  @Test
  void anEmptyFileOrOneThatIsNotAMapping() throws IOException {
    assertThat(problems("# nothing but a comment\n"))
        .containsExactly(
            "aiscan.yaml:1: the file is empty; it needs at least 'version: 1' (aiscan config"
                + " example prints a commented one)");
    assertThat(problems("- version: 1\n"))
        .containsExactly(
            "aiscan.yaml:1: the file: expected a mapping of version, targets, source, rules,"
                + " register, stale-after, outputs, graph, fail-on, schedules, history,"
                + " notifications, not a list");
  }

  @Test
  void manyProblemsAreReportedTogetherInLineOrder() throws IOException {
    List<String> problems =
        problems(
            """
            fail-on: sometimes
            targets:
              sorces: .
              slack: {token: "${UNSET_TOKEN}"}
            graph: {mode: none, uri: "bolt://localhost"}
            """);

    assertThat(problems)
        .containsExactly(
            "aiscan.yaml:1: version: missing; the file starts with 'version: 1'",
            "aiscan.yaml:1: fail-on: expected one of shadow, new-shadow, drift, any, none, not"
                + " 'sometimes'",
            "aiscan.yaml:3: unknown key 'sorces' in targets; did you mean 'sources'?",
            "aiscan.yaml:4: targets.slack.token: ${UNSET_TOKEN} is not set",
            "aiscan.yaml:5: graph: mode none writes no graph; leave out uri, dir and bolt-port");
  }

  @Test
  void aMissingFileIsOneProblem() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of(), dir.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": cannot read it (NoSuchFileException)")
        .isInstanceOf(dev.aiscan.shell.UsageException.class);
  }

  @Test
  void globsWithCommasAndUrlsWithCredentialsAreRefused() throws IOException {
    assertThat(
            problems(
                """
                version: 1
                targets:
                  github: {org: acme, base-url: "https://me:pw@ghe.example.com/api/v3"}
                source:
                  exclude:
                    - "**/*.{js,ts}"
                """))
        .containsExactly(
            "aiscan.yaml:3: targets.github.base-url: credentials in a URL are a secret written in"
                + " the file, readable by anyone who can read the file; use a credential helper,"
                + " an SSH key or a token variable",
            "aiscan.yaml:6: source.exclude: '**/*.{js,ts}' holds a comma; write one glob per"
                + " alternative instead of {a,b}");
  }
}
