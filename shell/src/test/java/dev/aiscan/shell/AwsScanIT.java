package dev.aiscan.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.aiscan.testkit.VendorFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiscan scan --aws} as a security team runs it, against a fake AWS (WireMock) reached
 * through {@code --aws-endpoint-url}: credentials from the environment, reports written, the
 * account's AI in the embedded graph. The answers are the AWS connector's hand-written wire bodies
 * (AWS publishes none for Bedrock, Lambda and Bedrock CloudTrail events) and STS's published one.
 */
class AwsScanIT {
  static final String SECRET = "sk-proj-Lambda0Secret0Value0That0Must0Never0Leave0The0Scanner0x9Qz";
  static final Map<String, String> CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
          "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "AWS_EC2_METADATA_DISABLED", "true");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static WireMockServer aws;
  static CliRunner.Run run;
  static Path out;
  static Path store;

  static String wire(String name) throws IOException {
    return Files.readString(Path.of("../connectors/aws/src/test/resources/wire", name));
  }

  static String vendor(String path) throws IOException {
    return VendorFixtures.read("aws/" + path);
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }

  @BeforeAll
  static void scanTheFakeAccount() throws Exception {
    aws = new WireMockServer(wireMockConfig().dynamicPort());
    aws.start();
    aws.stubFor(any(anyUrl()).atPriority(10).willReturn(json("{}")));
    aws.stubFor(
        any(anyUrl())
            .atPriority(9)
            .withHeader("smithy-protocol", equalTo("rpc-v2-cbor"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/cbor")
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withBody(new byte[] {(byte) 0xA0})));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(vendor("sts/GetCallerIdentity.xml"))));
    aws.stubFor(
        post(urlEqualTo("/agents/")).willReturn(json(wire("bedrock-agent-ListAgents.json"))));
    aws.stubFor(
        get(urlEqualTo("/agents/AGENT0EXMP/"))
            .willReturn(json(wire("bedrock-agent-GetAgent.json"))));
    aws.stubFor(
        get(urlPathMatching("/tags/.*"))
            .willReturn(json(wire("bedrock-agent-ListTagsForResource.json"))));
    aws.stubFor(
        get(urlPathEqualTo("/2015-03-31/functions"))
            .willReturn(json(wire("lambda-ListFunctions.json"))));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader(
                "X-Amz-Target",
                equalTo("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"))
            .withRequestBody(containing("bedrock.amazonaws.com"))
            .willReturn(json(wire("cloudtrail-LookupEvents-bedrock.json"))));

    out = work.resolve("report");
    store = work.resolve("graph");
    run =
        CliRunner.run(
            work,
            CREDENTIALS,
            "scan",
            "--aws",
            "--aws-endpoint-url",
            aws.baseUrl(),
            "--aws-regions",
            "us-east-1",
            "--out",
            out.toString(),
            "--graph-dir",
            store.toString(),
            "--format",
            "json,html,sarif,csv,md,cyclonedx");
  }

  @AfterAll
  static void stop() {
    aws.stop();
  }

  @Test
  void theAccountsAiIsInTheInventory() throws IOException {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode inventory = JSON.readTree(out.resolve("inventory.json").toFile());
    assertThat(inventory.get("scan").get("targets").findValuesAsText("id"))
        .containsExactly("aws:123456789012");
    assertThat(inventory.get("findings").findValuesAsText("resource"))
        .contains(
            "arn:aws:bedrock:us-east-1:123456789012:agent/AGENT0EXMP",
            "arn:aws:iam::123456789012:role/chatbot-prod",
            "arn:aws:lambda:us-east-1:123456789012:function:summarise-tickets",
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-logging");
    assertThat(inventory.get("assets").findValuesAsText("provider"))
        .contains("aws-bedrock", "openai");
    assertThat(run.stdout()).contains("aws-bedrock");
  }

  @Test
  void theLambdaKeyIsWrittenNowhere() throws Exception {
    assertThat(run.stdout() + run.stderr()).doesNotContain(SECRET);
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.startsWith(store)) {
          continue; // the graph store's binary files; the graph's text is checked below
        }
        assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(SECRET);
      }
    }
    CliRunner.Run dump =
        CliRunner.run(
            work,
            "graph",
            "query",
            "--graph-dir",
            store.toString(),
            "--json",
            "--cypher",
            "MATCH (n) RETURN properties(n) AS p");
    assertThat(dump.exitCode()).as(dump.stderr()).isZero();
    assertThat(dump.stdout()).contains("AGENT0EXMP").doesNotContain(SECRET);
  }

  @Test
  void theAccountIsACloudAccountInTheGraphWithItsResources() throws Exception {
    CliRunner.Run stats =
        CliRunner.run(work, "graph", "stats", "--graph-dir", store.toString(), "--json");
    assertThat(stats.exitCode()).as(stats.stderr()).isZero();
    JsonNode counts = JSON.readTree(stats.stdout());
    assertThat(counts.toString()).contains("CloudAccount").contains("CloudResource");

    CliRunner.Run ask =
        CliRunner.run(
            work,
            "graph",
            "ask",
            "--question",
            "cloud-resources",
            "--argument",
            "123456789012",
            "--graph-dir",
            store.toString(),
            "--json");
    assertThat(ask.exitCode()).as(ask.stderr()).isZero();
    JsonNode rows = JSON.readTree(ask.stdout());
    JsonNode agent = null;
    for (JsonNode row : rows) {
      if (row.toString().contains("agent/AGENT0EXMP")) {
        agent = row;
      }
    }
    assertThat(agent).as(ask.stdout()).isNotNull();
    assertThat(agent.toString())
        .contains("AWS::Bedrock::Agent")
        .contains("us-east-1")
        .contains("anthropic.claude-3-5-sonnet-20240620-v1:0")
        .contains("payments-team@example.com");
  }

  @Test
  void missingCredentialsAreOneLineAndExitCode2() throws Exception {
    CliRunner.Run r =
        CliRunner.run(
            work,
            Map.of("AWS_EC2_METADATA_DISABLED", "true"),
            "scan",
            "--aws",
            "--aws-endpoint-url",
            aws.baseUrl(),
            "--graph",
            "none",
            "--out",
            work.resolve("nothing").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    String output = (r.stdout() + r.stderr()).strip();
    assertThat(output)
        .contains("AWS credentials: no AWS credentials found")
        .doesNotContain("\n\tat ");
    assertThat(output.lines().filter(l -> l.contains("AWS credentials"))).hasSize(1);
  }
}
