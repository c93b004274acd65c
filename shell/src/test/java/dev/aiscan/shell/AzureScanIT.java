package dev.aiscan.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.aiscan.testkit.VendorFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiscan scan --azure} against a fake Resource Manager: WireMock over HTTPS with a
 * certificate keytool makes for the run (the Azure SDK sends tokens over TLS only), trusted by the
 * CLI's JVM through {@code JAVA_TOOL_OPTIONS}; the token comes from {@code AZURE_ACCESS_TOKEN}. The
 * subscription list is the Azure REST API specification's published example; the AI accounts are
 * the Azure connector's hand-written bodies of the same shape.
 */
class AzureScanIT {
  static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.cli-test-token.signature";
  static final String PASSWORD = "aiscan-test";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static WireMockServer azure;
  static Path out;
  static Path store;
  static Map<String, String> env;
  static CliRunner.Run run;

  static String wire(String name) throws IOException {
    return Files.readString(Path.of("../connectors/azure/src/test/resources/wire", name));
  }

  static String vendorBody(String path) throws IOException {
    JsonNode body =
        JSON.readTree(VendorFixtures.read("azure/" + path))
            .path("responses")
            .path("200")
            .path("body");
    ((ObjectNode) body).remove("nextLink"); // published as "..."
    return JSON.writeValueAsString(body);
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static Path keystore() throws Exception {
    Path ks = work.resolve("localhost.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                ks.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool: " + output);
    }
    return ks;
  }

  @BeforeAll
  static void scanTheFakeSubscriptions() throws Exception {
    Path ks = keystore();
    azure =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(ks.toString())
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
    azure.start();
    azure.stubFor(any(anyUrl()).atPriority(10).willReturn(json("{\"value\": []}")));
    azure.stubFor(
        get(urlPathEqualTo("/subscriptions"))
            .willReturn(json(vendorBody("resources/Subscriptions_List.json"))));
    azure.stubFor(
        get(urlPathMatching(
                "/subscriptions/291bba3f-[^/]+/providers/Microsoft.CognitiveServices/accounts"))
            .willReturn(json(wire("cognitiveservices-ListAccountsBySubscription-page2.json"))));
    azure.stubFor(
        get(urlPathEqualTo("/subscriptions"))
            .atPriority(1)
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer expired"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"ExpiredAuthenticationToken\",\"message\":\"The"
                            + " access token expiry UTC time is earlier than current UTC time.\"}}")));
    azure.stubFor(
        get(urlPathMatching(".*/accounts/contoso-foundry/deployments"))
            .willReturn(json(wire("cognitiveservices-ListDeployments-foundry.json"))));

    env =
        Map.of(
            "AZURE_ACCESS_TOKEN",
            TOKEN,
            "JAVA_TOOL_OPTIONS",
            "-Djavax.net.ssl.trustStore="
                + ks
                + " -Djavax.net.ssl.trustStorePassword="
                + PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12");
    out = work.resolve("report");
    store = work.resolve("graph");
    run =
        CliRunner.run(
            work,
            env,
            "scan",
            "--azure",
            "--azure-endpoint",
            "https://localhost:" + azure.httpsPort(),
            "--out",
            out.toString(),
            "--graph-dir",
            store.toString(),
            "--format",
            "json,html,csv,sarif");
  }

  @AfterAll
  static void stop() {
    azure.stop();
  }

  @Test
  void everySubscriptionIsScannedAndTheDeploymentsAreInTheInventory() throws IOException {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode inventory = JSON.readTree(out.resolve("inventory.json").toFile());
    assertThat(inventory.get("scan").get("targets").findValuesAsText("id"))
        .containsExactly(
            "azure:291bba3f-e0a5-47bc-a099-3bdcb2a50a05",
            "azure:72ac930a-f34e-42d8-b06d-dc2a9e12ed71");
    assertThat(inventory.get("findings").findValuesAsText("model")).contains("gpt-4o");
    assertThat(inventory.get("findings").findValuesAsText("ruleId"))
        .contains("azure-openai-account-kind", "azure-ai-key-auth-enabled");
    assertThat(inventory.get("resources").findValuesAsText("type"))
        .contains(
            "Microsoft.CognitiveServices/accounts",
            "Microsoft.CognitiveServices/accounts/deployments");
  }

  @Test
  void theTokenIsWrittenNowhere() throws IOException {
    assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain("cli-test-token");
      }
    }
  }

  @Test
  void theAccountAndItsOwnerAreInTheGraph() throws Exception {
    CliRunner.Run ask =
        CliRunner.run(
            work,
            "graph",
            "ask",
            "--question",
            "cloud-resources",
            "--argument",
            "Example Subscription",
            "--graph-dir",
            store.toString(),
            "--json");
    assertThat(ask.exitCode()).as(ask.stderr()).isZero();
    assertThat(ask.stdout())
        .contains("contoso-openai")
        .contains("support-platform@contoso.com")
        .contains("gpt-4o");
  }

  @Test
  void aRefusedTokenIsOneLineAndExitCode2() throws Exception {
    CliRunner.Run r =
        CliRunner.run(
            work,
            Map.of(
                "JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS"), "AZURE_ACCESS_TOKEN", "expired"),
            "scan",
            "--azure",
            "--azure-endpoint",
            "https://localhost:" + azure.httpsPort(),
            "--graph",
            "none",
            "--out",
            work.resolve("nothing").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    List<String> lines =
        (r.stdout() + r.stderr()).lines().filter(l -> l.startsWith("aiscan:")).toList();
    assertThat(lines)
        .singleElement()
        .satisfies(
            l ->
                assertThat(l).contains("Azure credentials").contains("ExpiredAuthenticationToken"));
  }
}
