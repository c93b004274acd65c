package dev.aiscan.shell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the flags' spec is laid over the file's, and how a schedule takes a part of it. */
class ScanSpecTest {
  static final ScanSpec FILE =
      new ScanSpec(
          List.of("/src/shop"),
          List.of("https://github.com/acme/chatbot.git"),
          Set.of("aws", "slack"),
          Map.of(
              "connectors.aws.regions", "us-east-1",
              "connectors.slack.token", "xoxp-file",
              "connectors.source.max-file-size", "1m"),
          "/reports",
          List.of("json", "sarif"),
          new ScanSpec.GraphSpec("embedded", "/graph", 7687, null, null, null, null),
          "new-shadow",
          "/register.yaml",
          5,
          List.of("/rules"));

  @Test
  void whatTheFlagsSayWinsAndTheRestComesFromTheFile() {
    ScanSpec flags =
        new ScanSpec(
            null,
            null,
            null,
            Map.of("connectors.source.max-file-size", "9m", "connectors.source.gitignore", "false"),
            "/elsewhere",
            null,
            new ScanSpec.GraphSpec(null, "/other-graph", null, null, null, null, null),
            "shadow",
            null,
            null,
            null);

    ScanSpec merged = flags.over(FILE);

    assertThat(merged.sources()).isEqualTo(FILE.sources());
    assertThat(merged.gitRepositories()).isEqualTo(FILE.gitRepositories());
    assertThat(merged.services()).isEqualTo(FILE.services());
    assertThat(merged.settings())
        .containsOnly(
            entry("connectors.aws.regions", "us-east-1"),
            entry("connectors.slack.token", "xoxp-file"),
            entry("connectors.source.max-file-size", "9m"),
            entry("connectors.source.gitignore", "false"));
    assertThat(merged.out()).isEqualTo("/elsewhere");
    assertThat(merged.formats()).containsExactly("json", "sarif");
    assertThat(merged.graph())
        .isEqualTo(
            new ScanSpec.GraphSpec("embedded", "/other-graph", 7687, null, null, null, null));
    assertThat(merged.failOn()).isEqualTo("shadow");
    assertThat(merged.register()).isEqualTo("/register.yaml");
    assertThat(merged.staleAfter()).isEqualTo(5);
    assertThat(merged.rules()).containsExactly("/rules");
  }

  @Test
  void aTargetOnTheCommandLineReplacesAllTheFilesTargets() {
    ScanSpec flags =
        new ScanSpec(
            List.of("/just/this"), null, null, Map.of(), null, null, null, null, null, null, null);

    ScanSpec merged = flags.over(FILE);

    assertThat(merged.sources()).containsExactly("/just/this");
    assertThat(merged.gitRepositories()).isNull();
    assertThat(merged.services()).isNull();
    assertThat(merged.hasTargets()).isTrue();
    // the file's settings stay: they only matter to the targets that read them
    assertThat(merged.settings()).containsKey("connectors.aws.regions");
  }

  @Test
  void aServiceFlagAlsoReplacesTheFilesTargets() {
    ScanSpec flags =
        new ScanSpec(
            null, null, Set.of("azure"), Map.of(), null, null, null, null, null, null, null);

    ScanSpec merged = flags.over(FILE);

    assertThat(merged.sources()).isNull();
    assertThat(merged.services()).containsExactly("azure");
    assertThat(merged.runs("aws")).isFalse();
  }

  @Test
  void nothingOverTheFileIsTheFile() {
    assertThat(ScanSpec.EMPTY.over(FILE)).isEqualTo(FILE);
    assertThat(FILE.over(ScanSpec.EMPTY)).isEqualTo(FILE);
  }

  @Test
  void onlyKeepsTheNamedTargetGroups() {
    ScanSpec code = FILE.only(List.of("sources", "git"));
    ScanSpec cloud = FILE.only(List.of("aws"));

    assertThat(code.sources()).isEqualTo(FILE.sources());
    assertThat(code.gitRepositories()).isEqualTo(FILE.gitRepositories());
    assertThat(code.services()).isEmpty();
    assertThat(cloud.sources()).isNull();
    assertThat(cloud.gitRepositories()).isNull();
    assertThat(cloud.services()).containsExactly("aws");
    assertThat(cloud.settings()).isEqualTo(FILE.settings());
    assertThat(cloud.out()).isEqualTo(FILE.out());
  }

  @Test
  void aPasswordFileFlagReplacesTheFilesPassword() {
    ScanSpec file =
        new ScanSpec(
            null,
            null,
            null,
            null,
            null,
            null,
            new ScanSpec.GraphSpec(null, null, null, "neo4j://db:7687", "svc", "from-env", null),
            null,
            null,
            null,
            null);
    ScanSpec flags =
        new ScanSpec(
            null,
            null,
            null,
            null,
            null,
            null,
            new ScanSpec.GraphSpec(null, null, null, null, null, null, "/run/secrets/neo4j"),
            null,
            null,
            null,
            null);
    ScanSpec.GraphSpec merged = flags.over(file).graph();
    assertThat(merged.password()).isNull();
    assertThat(merged.passwordFile()).isEqualTo("/run/secrets/neo4j");
    assertThat(merged.uri()).isEqualTo("neo4j://db:7687");
    assertThat(merged.username()).isEqualTo("svc");
  }
}
