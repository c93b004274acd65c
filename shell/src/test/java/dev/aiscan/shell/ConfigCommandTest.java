package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.shell.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aiscan config validate} and {@code aiscan config example}, called as the shell would. */
class ConfigCommandTest {
  static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-26T19:40:00Z");
  static final Map<String, String> ENV = Map.of("SLACK_TOKEN", "xoxp-1", "HOOK", "https://h/x");

  @TempDir Path dir;

  void write(String yaml) throws IOException {
    Files.createDirectories(dir.resolve("services"));
    Files.writeString(dir.resolve("aiscan.yaml"), yaml, StandardCharsets.UTF_8);
  }

  static final String VALID =
      """
      version: 1
      targets:
        sources: services
        aws: {regions: us-east-1}
        slack: true
      schedules:
        - {name: code-nightly, cron: "0 2 * * *", targets: sources, timezone: Europe/Paris}
        - {name: cloud-hourly, cron: "@hourly", targets: [aws, slack], timezone: UTC}
      notifications:
        webhook: {url: "${HOOK}", format: teams}
      """;

  @Test
  void aValidFileIsSummedUpInOneLine() throws IOException {
    write(VALID);

    String out = ConfigCommand.validate(null, false, dir, ENV, dir.toString(), NOW);

    assertThat(out)
        .isEqualTo(
            dir.resolve("aiscan.yaml")
                + ": valid: 3 target groups (sources, aws, slack), 2 schedules (next:"
                + " cloud-hourly at 2026-11-26T20:00Z), notifications to webhook (teams)");
  }

  @Test
  void theSoonestScheduleIsNamed() throws IOException {
    write(VALID.replace("@hourly", "0 0 1 1 *"));

    assertThat(ConfigCommand.validate(null, false, dir, ENV, dir.toString(), NOW))
        .contains("2 schedules (next: code-nightly at 2026-11-27T02:00+01:00)");
  }

  @Test
  void aValidFileAsJson() throws IOException {
    write(VALID);

    JsonNode json =
        new ObjectMapper()
            .readTree(ConfigCommand.validate("aiscan.yaml", true, dir, ENV, dir.toString(), NOW));

    assertThat(json.path("valid").asBoolean()).isTrue();
    assertThat(json.path("file").asText()).isEqualTo(dir.resolve("aiscan.yaml").toString());
    assertThat(json.path("problems")).isEmpty();
    assertThat(json.path("targets").toString()).isEqualTo("[\"sources\",\"aws\",\"slack\"]");
    assertThat(json.path("schedules").get(0).path("name").asText()).isEqualTo("code-nightly");
    assertThat(json.path("schedules").get(0).path("cron").asText()).isEqualTo("0 2 * * *");
    assertThat(json.path("schedules").get(0).path("next").asText())
        .isEqualTo("2026-11-27T02:00+01:00");
    assertThat(json.path("schedules").get(1).path("targets").toString())
        .isEqualTo("[\"aws\",\"slack\"]");
  }

  @Test
  void anInvalidFileThrowsEveryProblem() throws IOException {
    write("version: 1\ntargets: {sorces: .}\nfail-on: often\n");

    assertThatThrownBy(() -> ConfigCommand.validate(null, false, dir, ENV, "/home", NOW))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith(
            "aiscan.yaml:2: unknown key 'sorces' in targets; did you mean 'sources'?\n"
                + dir.resolve("aiscan.yaml")
                + ":3: fail-on: expected one of shadow, new-shadow, drift, any, none, not"
                + " 'often'");
  }

  @Test
  void anInvalidFileAsJsonPrintsTheProblemsAndStillFails() throws IOException {
    write("version: 1\nfail-on: often\n");
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> ConfigCommand.validate(null, true, dir, ENV, "/home", NOW))
          .isInstanceOf(UsageException.class)
          .isNotInstanceOf(ConfigException.class)
          .hasMessage(dir.resolve("aiscan.yaml") + ": invalid: 1 problem");
    } finally {
      System.setOut(stdout);
    }

    JsonNode json = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
    assertThat(json.path("valid").asBoolean()).isFalse();
    assertThat(json.path("problems").get(0).asText())
        .endsWith(
            "aiscan.yaml:2: fail-on: expected"
                + " one of shadow, new-shadow, drift, any, none, not 'often'");
    assertThat(json.path("targets")).isEmpty();
  }

  @Test
  void withoutAFileItSaysHowToGetOne() {
    assertThatThrownBy(() -> ConfigCommand.validate(null, false, dir, ENV, "/home", NOW))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "no aiscan.yaml in "
                + dir
                + "; give --config FILE (aiscan config example prints a commented one)");
    assertThatThrownBy(() -> ConfigCommand.validate("x.yaml", false, dir, ENV, "/home", NOW))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("x.yaml") + ": cannot read it (NoSuchFileException)");
  }

  @Test
  void theExampleIsTheShippedFile() {
    String example = new ConfigCommand().example();

    assertThat(example).startsWith("# aiscan.yaml").contains("version: 1", "schedules:");
    assertThat(example).doesNotEndWith("\n");
  }
}
