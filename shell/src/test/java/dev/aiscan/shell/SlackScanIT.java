package dev.aiscan.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.testkit.VendorFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiscan scan --slack} against a fake Slack Web API: the token from a file, the apps of the
 * organisation in the inventory, the token nowhere. Slack's published {@code
 * admin.apps.requests.list} example is served in place; the AI app and {@code auth.test} are the
 * SaaS connector's hand-written bodies.
 */
class SlackScanIT {
  static final String TOKEN =
      "xoxp-9999999999-8888888888-7777777777-0123456789abcdef0123456789abcdef";

  @TempDir static Path work;
  static WireMockServer slack;
  static CliRunner.Run run;

  static String wire(String name) throws IOException {
    return Files.readString(Path.of("../connectors/saas/src/test/resources/wire", name));
  }

  static String vendor(String path) throws IOException {
    return VendorFixtures.read("slack/" + path);
  }

  @BeforeAll
  static void scan() throws Exception {
    slack = new WireMockServer(wireMockConfig().dynamicPort());
    slack.start();
    slack.stubFor(
        get(urlPathEqualTo("/api/auth.test")).willReturn(okJson(wire("slack-auth.test.json"))));
    String page1 =
        wire("slack-admin.apps.approved.list-page1.json").replace("dGVhbTpDMDYxRkE1UEI=", "");
    slack.stubFor(get(urlPathEqualTo("/api/admin.apps.approved.list")).willReturn(okJson(page1)));
    slack.stubFor(
        get(urlPathEqualTo("/api/admin.apps.requests.list"))
            .willReturn(okJson(vendor("web-api/admin.apps.requests.list.json"))));
    Path tokenFile = work.resolve("slack-token");
    Files.writeString(tokenFile, TOKEN + "\n");
    run =
        CliRunner.run(
            work,
            "scan",
            "--slack-token-file",
            tokenFile.toString(),
            "--slack-base-url",
            slack.baseUrl() + "/api",
            "--graph",
            "none",
            "--out",
            work.resolve("report").toString());
  }

  @AfterAll
  static void stop() {
    slack.stop();
  }

  @Test
  void theOrganisationsAiAppIsInTheInventoryAndTheTokenNowhere() throws IOException {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode inventory =
        new ObjectMapper().readTree(work.resolve("report/inventory.json").toFile());
    assertThat(inventory.get("scan").get("targets").findValuesAsText("id"))
        .containsExactly("slack:E0ACMEEXMPL");
    assertThat(inventory.get("findings").findValuesAsText("provider")).containsExactly("otter-ai");
    assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
    try (Stream<Path> files = Files.walk(work.resolve("report"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain("xoxp-");
      }
    }
  }

  @Test
  void noTokenIsOneLineAndExitCode2() throws Exception {
    CliRunner.Run r =
        CliRunner.run(
            work,
            Map.of(),
            "scan",
            "--slack",
            "--graph",
            "none",
            "--out",
            work.resolve("none").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat((r.stdout() + r.stderr()).lines().filter(l -> l.startsWith("aiscan:")))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("--slack: no token: set SLACK_TOKEN or give --slack-token-file"));
  }
}
