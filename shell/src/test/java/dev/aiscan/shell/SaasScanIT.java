package dev.aiscan.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.testkit.VendorFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code aiscan scan} over Microsoft 365, Google Workspace, OpenAI and Anthropic at once, each
 * reached through its {@code --<source>-base-url} on one WireMock, each token from its environment
 * variable: the flags, the settings and the connectors are wired together. The bodies are the
 * vendors' published examples where they exist (OpenAI projects and keys, Anthropic keys) and the
 * connectors' hand-written ones otherwise; lists nobody stubs answer empty.
 */
class SaasScanIT {
  static final Map<String, String> TOKENS =
      Map.of(
          "M365_TOKEN", "eyJ0eXAiOiJKV1QiLm365.fake.graph.token",
          "GOOGLE_WORKSPACE_TOKEN", "ya29.fake-google-workspace-token",
          "OPENAI_ADMIN_KEY", "sk-admin-fakeOpenAiAdminKeyForTheTest000000000000",
          "ANTHROPIC_ADMIN_KEY", "sk-ant-admin01-fakeAnthropicAdminKeyForTheTest0000000000");

  @TempDir static Path work;
  static WireMockServer saas;
  static CliRunner.Run run;

  static String wire(String module, String name) throws Exception {
    return Files.readString(Path.of("../connectors/" + module + "/src/test/resources/wire", name));
  }

  static String vendor(String path) throws Exception {
    return VendorFixtures.read(path);
  }

  @BeforeAll
  static void scan() throws Exception {
    saas = new WireMockServer(wireMockConfig().dynamicPort());
    saas.start();
    // an empty page in every vendor's shape
    saas.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                okJson(
                    "{\"value\": [], \"users\": [], \"items\": [], \"data\": [], \"has_more\": false}")));
    saas.stubFor(
        get(urlPathEqualTo("/graph/v1.0/organization"))
            .willReturn(okJson(wire("saas-m365", "m365-organization.json"))));
    saas.stubFor(
        get(urlPathEqualTo("/google/admin/directory/v1/customers/my_customer"))
            .willReturn(okJson(wire("saas-google", "google-customers-my_customer.json"))));
    saas.stubFor(
        get(urlPathEqualTo("/openai/v1/organization/projects"))
            .willReturn(
                okJson(
                    vendor("openai/projects/list_projects.json")
                        .replace("\"has_more\": true", "\"has_more\": false"))));
    saas.stubFor(
        get(urlPathMatching("/openai/v1/organization/projects/[^/]+/api_keys"))
            .willReturn(okJson(vendor("openai/projects/list_project_api_keys.json"))));
    saas.stubFor(
        get(urlPathEqualTo("/anthropic/v1/organizations/me"))
            .willReturn(okJson(wire("saas-ai", "anthropic-organizations-me.json"))));
    saas.stubFor(
        get(urlPathEqualTo("/anthropic/v1/organizations/api_keys"))
            .willReturn(
                okJson(
                    vendor("anthropic/api_keys/list_api_keys.json")
                        .replace("\"has_more\": true", "\"has_more\": false"))));
    run =
        CliRunner.run(
            work,
            TOKENS,
            "scan",
            "--m365",
            "--google-workspace",
            "--openai",
            "--anthropic",
            "--m365-base-url",
            saas.baseUrl() + "/graph",
            "--google-workspace-base-url",
            saas.baseUrl() + "/google",
            "--openai-base-url",
            saas.baseUrl() + "/openai/v1",
            "--anthropic-base-url",
            saas.baseUrl() + "/anthropic/v1",
            "--graph",
            "none",
            "--out",
            work.resolve("report").toString());
  }

  @AfterAll
  static void stop() {
    saas.stop();
  }

  @Test
  void everySourceIsATargetAndTheKeysAreInTheInventoryByHint() throws Exception {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode inventory =
        new ObjectMapper().readTree(work.resolve("report/inventory.json").toFile());
    assertThat(inventory.get("scan").get("targets").findValuesAsText("kind"))
        .containsExactlyInAnyOrder("m365", "google-workspace", "openai", "anthropic");
    // the keys of both organisations, by the redacted hints their admin APIs show
    assertThat(inventory.get("findings").findValuesAsText("fingerprint"))
        .contains("sk-abc...def", "sk-ant-api03-R2D...igAA");
    // each source was called with its own token
    saas.verify(
        getRequestedFor(urlPathEqualTo("/graph/v1.0/organization"))
            .withHeader("Authorization", equalTo("Bearer " + TOKENS.get("M365_TOKEN"))));
    saas.verify(
        getRequestedFor(urlPathEqualTo("/anthropic/v1/organizations/me"))
            .withHeader("x-api-key", equalTo(TOKENS.get("ANTHROPIC_ADMIN_KEY"))));
  }

  @Test
  void noTokenIsWrittenOrPrinted() throws Exception {
    String report = Files.readString(work.resolve("report/inventory.json"));
    for (String token : TOKENS.values()) {
      assertThat(run.stdout() + run.stderr()).doesNotContain(token);
      assertThat(report).doesNotContain(token);
    }
  }
}
