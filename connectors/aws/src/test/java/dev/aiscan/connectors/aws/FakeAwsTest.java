package dev.aiscan.connectors.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.aiscan.connectors.aws.AwsFake.in;
import static dev.aiscan.connectors.aws.AwsFake.json;
import static dev.aiscan.connectors.aws.AwsFake.target;
import static dev.aiscan.connectors.aws.AwsFake.vendor;
import static dev.aiscan.connectors.aws.AwsFake.wire;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fake AWS for connector tests: the stubs, credentials and settings. Comprehend, Rekognition,
 * Transcribe, CloudTrail (a {@code ConsoleLogin} event) and STS answer with the bodies AWS
 * published ({@code ../shared/fixtures/vendor/aws/}, read in place); AWS publishes none for
 * Bedrock, SageMaker, Lambda, ECS and the Bedrock events of CloudTrail, so those answers are
 * hand-written in the exact wire shape of the API reference ({@code src/test/resources/wire/}, see
 * its README).
 */
abstract class FakeAwsTest {
  static final String SECRET = "sk-proj-Lambda0Secret0Value0That0Must0Never0Leave0The0Scanner0x9Qz";
  static final Target ACCOUNT =
      new Target("aws:123456789012", "aws", "123456789012", "123456789012");

  AwsFake aws;

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  @AfterAll
  static void forget() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @BeforeEach
  void start() {
    aws = new AwsFake();
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  Settings settings(String regions) {
    Map<String, String> s = new HashMap<>();
    s.put("connectors.aws.endpoint-url", aws.url());
    s.put("connectors.aws.regions", regions);
    s.put("connectors.aws.timeout-seconds", "2");
    s.put("connectors.aws.max-attempts", "3");
    // CloudTrail's 2 calls a second would make every test wait; one test keeps the real pace
    s.put("connectors.aws.cloudtrail-calls-per-second", "1000");
    return Settings.of(s);
  }

  RecordingContext scan(String regions) {
    RecordingContext ctx = new RecordingContext(settings(regions));
    new AwsConnector().collect(ACCOUNT, ctx);
    return ctx;
  }

  static Fact resource(RecordingContext ctx, String arn) {
    return ctx.facts(FactType.CLOUD_RESOURCE).stream()
        .filter(f -> f.location().resource().equals(arn))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + arn + " in " + ctx.facts()));
  }

  /** Bedrock in us-east-1 as the hand-written wire bodies describe it. */
  void stubBedrock() {
    var s = aws.server;
    s.stubFor(
        in(get(urlPathEqualTo("/custom-models")).withQueryParam("nextToken", absent()), "us-east-1")
            .willReturn(json(wire("bedrock-ListCustomModels-1.json"))));
    s.stubFor(
        in(
                get(urlPathEqualTo("/custom-models"))
                    .withQueryParam("nextToken", equalTo("page-2")),
                "us-east-1")
            .willReturn(json(wire("bedrock-ListCustomModels-2.json"))));
    s.stubFor(
        in(
                get(urlPathEqualTo("/custom-models"))
                    .withQueryParam("nextToken", equalTo("page-3")),
                "us-east-1")
            .willReturn(json(wire("bedrock-ListCustomModels-3.json"))));
    s.stubFor(
        in(get(urlPathEqualTo("/provisioned-model-throughputs")), "us-east-1")
            .willReturn(json(wire("bedrock-ListProvisionedModelThroughputs.json"))));
    s.stubFor(
        in(
                get(urlPathEqualTo("/inference-profiles"))
                    .withQueryParam("type", equalTo("APPLICATION")),
                "us-east-1")
            .willReturn(json(wire("bedrock-ListInferenceProfiles.json"))));
    s.stubFor(
        in(get(urlPathEqualTo("/guardrails")), "us-east-1")
            .willReturn(json(wire("bedrock-ListGuardrails.json"))));
    s.stubFor(
        in(post(urlEqualTo("/listTagsForResource")), "us-east-1")
            .willReturn(json(wire("bedrock-ListTagsForResource.json"))));
    s.stubFor(
        in(post(urlEqualTo("/agents/")), "us-east-1")
            .willReturn(json(wire("bedrock-agent-ListAgents.json"))));
    s.stubFor(
        in(get(urlEqualTo("/agents/AGENT0EXMP/")), "us-east-1")
            .willReturn(json(wire("bedrock-agent-GetAgent.json"))));
    s.stubFor(
        in(get(urlPathMatching("/tags/.*")), "us-east-1")
            .willReturn(json(wire("bedrock-agent-ListTagsForResource.json"))));
    s.stubFor(
        in(post(urlEqualTo("/knowledgebases/")), "us-east-1")
            .willReturn(json(wire("bedrock-agent-ListKnowledgeBases.json"))));
    s.stubFor(
        in(get(urlEqualTo("/knowledgebases/KB0EXAMPLE")), "us-east-1")
            .willReturn(json(wire("bedrock-agent-GetKnowledgeBase.json"))));
    s.stubFor(
        in(post(urlEqualTo("/knowledgebases/KB0EXAMPLE/datasources/")), "us-east-1")
            .willReturn(json(wire("bedrock-agent-ListDataSources.json"))));
    s.stubFor(
        in(post(urlEqualTo("/runtimes/")), "us-east-1")
            .willReturn(json(wire("bedrock-agentcore-ListAgentRuntimes.json"))));
  }

  void stubServices() {
    var s = aws.server;
    s.stubFor(
        in(target("Comprehend_20171127.ListEndpoints"), "us-east-1")
            .willReturn(json(vendor("comprehend/ListEndpoints.json"))));
    s.stubFor(
        in(target("Comprehend_20171127.ListDocumentClassifiers"), "us-east-1")
            .willReturn(json(vendor("comprehend/ListDocumentClassifiers.json"))));
    s.stubFor(
        in(target("RekognitionService.ListCollections"), "us-east-1")
            .willReturn(json(vendor("rekognition/ListCollections.json"))));
    s.stubFor(
        in(target("Transcribe.ListLanguageModels"), "us-east-1")
            .willReturn(json(vendor("transcribe/ListLanguageModels.json"))));
    s.stubFor(
        in(target("SageMaker.ListEndpoints"), "us-east-1")
            .willReturn(json(wire("sagemaker-ListEndpoints.json"))));
    s.stubFor(
        in(target("SageMaker.DescribeEndpoint"), "us-east-1")
            .willReturn(json(wire("sagemaker-DescribeEndpoint.json"))));
    s.stubFor(
        in(target("SageMaker.DescribeEndpointConfig"), "us-east-1")
            .willReturn(json(wire("sagemaker-DescribeEndpointConfig.json"))));
    s.stubFor(
        in(target("SageMaker.ListNotebookInstances"), "us-east-1")
            .willReturn(json(wire("sagemaker-ListNotebookInstances.json"))));
    s.stubFor(
        in(target("SageMaker.ListTags"), "us-east-1")
            .willReturn(json(wire("sagemaker-ListTags.json"))));
  }

  void stubCompute() throws IOException {
    var s = aws.server;
    s.stubFor(
        in(get(urlPathEqualTo("/2015-03-31/functions")), "us-east-1")
            .willReturn(json(wire("lambda-ListFunctions.json"))));
    s.stubFor(
        in(get(urlPathEqualTo("/2018-10-31/layers")), "us-east-1")
            .willReturn(
                json(
                    "{\"Content\":{\"Location\":\""
                        + aws.url()
                        + "/layer-content/ai-sdks-4.zip\","
                        + "\"CodeSha256\":\"example\",\"CodeSize\":4096},"
                        + "\"LayerArn\":\"arn:aws:lambda:us-east-1:123456789012:layer:ai-sdks\","
                        + "\"LayerVersionArn\":\"arn:aws:lambda:us-east-1:123456789012:layer:ai-sdks:4\",\"Version\":4}")));
    s.stubFor(
        get(urlEqualTo("/layer-content/ai-sdks-4.zip"))
            .willReturn(aResponse().withStatus(200).withBody(layerZip())));
    s.stubFor(
        in(target("AmazonEC2ContainerServiceV20141113.ListTaskDefinitionFamilies"), "us-east-1")
            .willReturn(json(wire("ecs-ListTaskDefinitionFamilies.json"))));
    s.stubFor(
        in(target("AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition"), "us-east-1")
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("local-llm"))
            .willReturn(json(wire("ecs-DescribeTaskDefinition-local-llm.json"))));
    s.stubFor(
        in(target("AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition"), "us-east-1")
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("web-frontend"))
            .willReturn(json(wire("ecs-DescribeTaskDefinition-web-frontend.json"))));
  }

  void stubCloudTrail() {
    var s = aws.server;
    String prefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    s.stubFor(
        in(target(prefix), "us-east-1")
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("bedrock.amazonaws.com"))
            .willReturn(json(wire("cloudtrail-LookupEvents-bedrock.json"))));
    // the only published LookupEvents body: a console sign-in, no AI at all
    s.stubFor(
        in(target(prefix), "us-east-1")
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                    "sagemaker.amazonaws.com"))
            .willReturn(json(vendor("cloudtrail/LookupEvents.json"))));
  }

  static byte[] layerZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name :
          List.of(
              "python/lib/python3.12/site-packages/openai/__init__.py",
              "python/lib/python3.12/site-packages/openai-1.54.0.dist-info/METADATA",
              "python/lib/python3.12/site-packages/langchain_core-0.3.15.dist-info/RECORD",
              "python/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA",
              "nodejs/node_modules/@anthropic-ai/sdk/package.json")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("x".getBytes());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
