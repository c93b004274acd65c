package dev.aiscan.connectors.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.aiscan.connectors.aws.AwsFake.error;
import static dev.aiscan.connectors.aws.AwsFake.in;
import static dev.aiscan.connectors.aws.AwsFake.json;
import static dev.aiscan.connectors.aws.AwsFake.target;
import static dev.aiscan.connectors.aws.AwsFake.wire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The connector through the real AWS SDK clients against WireMock. Comprehend, Rekognition,
 * Transcribe, CloudTrail (a {@code ConsoleLogin} event) and STS answer with the bodies AWS
 * published ({@code ../shared/fixtures/vendor/aws/}, read in place); AWS publishes none for
 * Bedrock, SageMaker, Lambda, ECS and the Bedrock events of CloudTrail, so those answers are
 * hand-written in the exact wire shape of the API reference ({@code src/test/resources/wire/}, see
 * its README).
 */
class AwsConnectorTest extends FakeAwsTest {
  @Test
  void findsTheAccountsAiResourcesWithModelsTagsAndLocation() throws IOException {
    stubBedrock();
    stubServices();
    stubCompute();
    stubCloudTrail();

    RecordingContext ctx = scan("us-east-1");

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
    // three pages of custom models, each with its base model
    Fact custom =
        resource(
            ctx,
            "arn:aws:bedrock:us-east-1:123456789012:custom-model/meta.llama3-1-8b-instruct-v1:0:128k/f6e5d4c3b2a1");
    assertThat(custom.value()).isEqualTo("AWS::Bedrock::CustomModel");
    assertThat(custom.attributes())
        .containsEntry("name", "claims-triage-llama")
        .containsEntry("model", "meta.llama3-1-8b-instruct-v1:0:128k")
        .containsEntry("region", "us-east-1")
        .containsEntry("account", "123456789012")
        .containsEntry("tag:owner", "ml-platform@example.com");
    assertThat(
            ctx.facts(FactType.CLOUD_RESOURCE).stream()
                .filter(f -> f.value().equals("AWS::Bedrock::CustomModel")))
        .hasSize(3);
    aws.server.verify(3, getRequestedFor(urlPathEqualTo("/custom-models")));

    Fact agent = resource(ctx, "arn:aws:bedrock:us-east-1:123456789012:agent/AGENT0EXMP");
    assertThat(agent.value()).isEqualTo("AWS::Bedrock::Agent");
    assertThat(agent.attributes())
        .containsEntry("model", "anthropic.claude-3-5-sonnet-20240620-v1:0")
        .containsEntry("tag:owner", "payments-team@example.com");
    assertThat(
            resource(ctx, "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB0EXAMPLE")
                .attributes())
        .containsEntry("model", "amazon.titan-embed-text-v2:0");
    assertThat(
            resource(
                    ctx,
                    "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB0EXAMPLE/data-source/DS0EXAMPLE")
                .value())
        .isEqualTo("AWS::Bedrock::DataSource");
    assertThat(
            resource(ctx, "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/x1y2z3example")
                .attributes())
        .containsEntry("model", "anthropic.claude-3-haiku-20240307-v1:0");
    assertThat(
            resource(
                    ctx,
                    "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123example")
                .value())
        .isEqualTo("AWS::Bedrock::ApplicationInferenceProfile");
    assertThat(
            resource(ctx, "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr0example1").value())
        .isEqualTo("AWS::Bedrock::Guardrail");
    assertThat(
            resource(
                    ctx,
                    "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/triage_runtime-EXAMPLE1")
                .value())
        .isEqualTo("AWS::BedrockAgentCore::Runtime");

    // SageMaker: the endpoint with its model and instance type
    Fact endpoint =
        resource(ctx, "arn:aws:sagemaker:us-east-1:123456789012:endpoint/fraud-scoring-prod");
    assertThat(endpoint.attributes())
        .containsEntry("model", "fraud-xgboost-v7")
        .containsEntry("instance-type", "ml.m5.xlarge")
        .containsEntry("tag:Owner", "risk-analytics@example.com");
    assertThat(
            resource(
                    ctx,
                    "arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/data-science-sandbox")
                .value())
        .isEqualTo("AWS::SageMaker::NotebookInstance");

    // the vendors' own bodies
    assertThat(
            resource(
                    ctx,
                    "arn:aws:comprehend:us-west-2:111122223333:document-classifier-endpoint/ExampleClassifierEndpoint")
                .value())
        .isEqualTo("AWS::Comprehend::Endpoint");
    assertThat(
            resource(
                    ctx,
                    "arn:aws:comprehend:us-west-2:111122223333:document-classifier/exampleclassifier2")
                .value())
        .isEqualTo("AWS::Comprehend::DocumentClassifier");
    assertThat(
            ctx.facts(FactType.CLOUD_RESOURCE).stream()
                .filter(f -> f.value().equals("AWS::Rekognition::Collection")))
        .hasSize(10);
    assertThat(
            resource(ctx, "arn:aws:rekognition:us-east-1:123456789012:collection/MyCollection5")
                .attributes())
        .containsEntry("model", "rekognition-face-model-4.0");
    assertThat(
            resource(ctx, "arn:aws:transcribe:us-east-1:123456789012:language-model/clm-console-1")
                .attributes())
        .containsEntry("model", "NarrowBand");

    // Lambda: environment names, never values; the layer's packages
    assertThat(ctx.facts(FactType.ENV_VAR))
        .extracting(Fact::value)
        .containsExactlyInAnyOrder("LOG_LEVEL", "OPENAI_API_KEY", "BUCKET");
    Fact key =
        ctx.facts(FactType.ENV_VAR).stream()
            .filter(f -> f.value().equals("OPENAI_API_KEY"))
            .findFirst()
            .orElseThrow();
    assertThat(key.location().resource())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:summarise-tickets");
    assertThat(key.attributes()).containsEntry("resource-type", "AWS::Lambda::Function");
    assertThat(ctx.facts())
        .allSatisfy(
            f -> {
              assertThat(f.value()).doesNotContain(SECRET);
              assertThat(f.attributes().values()).noneMatch(v -> v.contains("sk-proj-"));
            });
    assertThat(ctx.facts(FactType.PACKAGE))
        .extracting(f -> f.attribute("ecosystem") + ":" + f.value())
        .containsExactlyInAnyOrder(
            "pypi:openai", "pypi:langchain-core", "pypi:requests", "npm:@anthropic-ai/sdk");
    assertThat(ctx.facts(FactType.PACKAGE).get(0).location().resource())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:layer:ai-sdks:4");
    // another account's layer (here AWS's Powertools) is not this account's to read
    aws.server.verify(1, getRequestedFor(urlPathEqualTo("/2018-10-31/layers")));

    // ECS: the images of the latest revision of each family, with the task definition's tags
    Fact ollama =
        ctx.facts(FactType.CONTAINER_IMAGE).stream()
            .filter(f -> f.value().startsWith("ollama/"))
            .findFirst()
            .orElseThrow();
    assertThat(ollama.location().resource())
        .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/local-llm:5");
    assertThat(ollama.attributes())
        .containsEntry("name", "local-llm:5")
        .containsEntry("tag:team", "internal-tools");
    assertThat(ctx.values(FactType.CONTAINER_IMAGE)).hasSize(3);

    // CloudTrail: who called which model, how often, from where
    Fact invoke =
        ctx.facts(FactType.USAGE_EVENT).stream()
            .filter(f -> f.value().equals("bedrock:InvokeModel"))
            .findFirst()
            .orElseThrow();
    assertThat(invoke.location().resource())
        .isEqualTo("arn:aws:iam::123456789012:role/chatbot-prod");
    assertThat(invoke.attributes())
        .containsEntry("count", "3")
        .containsEntry("model", "anthropic.claude-3-5-sonnet-20240620-v1:0")
        .containsEntry("from", "10.0.1.15")
        .containsEntry("region", "us-east-1")
        .containsEntry("first-seen", "2025-11-24T09:00:00Z");
    Fact converse =
        ctx.facts(FactType.USAGE_EVENT).stream()
            .filter(f -> f.value().equals("bedrock:Converse"))
            .findFirst()
            .orElseThrow();
    assertThat(converse.attributes())
        .containsEntry("principal", "arn:aws:iam::123456789012:user/dana")
        .containsEntry("model", "us.meta.llama3-2-90b-instruct-v1:0");
    assertThat(ctx.values(FactType.USAGE_EVENT))
        .contains("bedrock:ListCustomModels", "signin:ConsoleLogin");

    // Bedrock is used and invocation logging answers nothing: a governance gap
    assertThat(ctx.facts(FactType.SETTING))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.value()).isEqualTo("bedrock:model-invocation-logging");
              assertThat(f.attributes())
                  .containsEntry("state", "off")
                  .containsEntry("region", "us-east-1");
            });

    // the foundation-model catalogue is AWS's, not the account's: never read
    aws.server.verify(0, getRequestedFor(urlPathEqualTo("/foundation-models")));
  }

  @Test
  void invocationLoggingOnOrBedrockUnusedIsNoGap() {
    stubBedrock();
    aws.server.stubFor(
        in(get(urlPathEqualTo("/logging/modelinvocations")), "us-east-1")
            .willReturn(json(wire("bedrock-GetModelInvocationLoggingConfiguration-on.json"))));

    RecordingContext ctx = scan("us-east-1,eu-west-1");

    // us-east-1 logs; eu-west-1 logs nothing but has no Bedrock at all
    assertThat(ctx.facts(FactType.SETTING)).isEmpty();
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .allSatisfy(f -> assertThat(f.attribute("region")).isEqualTo("us-east-1"));
  }

  @Test
  void throttlingIsRetriedByTheSdkAndThenSucceeds() {
    var s = aws.server;
    s.stubFor(
        in(get(urlPathEqualTo("/guardrails")), "us-east-1")
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(429, "ThrottlingException", "Rate exceeded"))
            .willSetStateTo("second"));
    s.stubFor(
        in(get(urlPathEqualTo("/guardrails")), "us-east-1")
            .inScenario("throttle")
            .whenScenarioStateIs("second")
            .willReturn(error(429, "ThrottlingException", "Rate exceeded"))
            .willSetStateTo("third"));
    s.stubFor(
        in(get(urlPathEqualTo("/guardrails")), "us-east-1")
            .inScenario("throttle")
            .whenScenarioStateIs("third")
            .willReturn(json(wire("bedrock-ListGuardrails.json"))));

    // the SDK backs off a second or more after throttling: give the call room for two retries
    Map<String, String> relaxed = new HashMap<>(settings("us-east-1").asMap());
    relaxed.put("connectors.aws.timeout-seconds", "30");
    RecordingContext ctx = new RecordingContext(Settings.of(relaxed));
    new AwsConnector().collect(ACCOUNT, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(resource(ctx, "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr0example1"))
        .isNotNull();
    s.verify(3, getRequestedFor(urlPathEqualTo("/guardrails")));
  }

  @Test
  void accessDeniedOnOneServiceIsAWarningNamingServiceRegionAndPermission() {
    stubServices();
    aws.server.stubFor(
        in(target("SageMaker.ListEndpoints"), "us-east-1")
            .atPriority(1)
            .willReturn(
                error(
                    400,
                    "AccessDeniedException",
                    "User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: sagemaker:ListEndpoints")));

    RecordingContext ctx = scan("us-east-1");

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("aws 123456789012 us-east-1 sagemaker");
              assertThat(w.message())
                  .contains("sagemaker:ListEndpoints denied (AccessDeniedException)")
                  .contains("needs permission sagemaker:ListEndpoints")
                  .contains("docs/aws-iam-policy.json")
                  .doesNotContain("\n");
            });
    // everything else still read
    assertThat(
            resource(
                ctx,
                "arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/data-science-sandbox"))
        .isNotNull();
    assertThat(
            resource(
                ctx,
                "arn:aws:comprehend:us-west-2:111122223333:document-classifier/exampleclassifier1"))
        .isNotNull();
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void aRegionThatTimesOutIsOneWarningAndTheOtherRegionsAreRead() {
    stubBedrock();
    aws.server.stubFor(
        in(
                com.github.tomakehurst.wiremock.client.WireMock.any(
                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl()),
                "eu-west-1")
            .atPriority(1)
            .willReturn(json("{}").withFixedDelay(6_000)));

    long start = System.nanoTime();
    RecordingContext ctx = scan("us-east-1,eu-west-1");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).startsWith("aws 123456789012 eu-west-1");
              assertThat(w.message())
                  .contains("timed out after 2 s in eu-west-1")
                  .contains("rest of the region is skipped");
            });
    assertThat(ctx.facts(FactType.CLOUD_RESOURCE))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.attribute("region")).isEqualTo("us-east-1"));
    assertThat(seconds)
        .as("probes of the stuck region wait in parallel, not one after another")
        .isLessThan(20);
    assertThat(ctx.isIncomplete()).isTrue();
  }

  @Test
  void aMalformedBodyIsAWarningAndTheScanGoesOn() {
    stubServices();
    aws.server.stubFor(
        in(target("Comprehend_20171127.ListEndpoints"), "us-east-1")
            .atPriority(1)
            .willReturn(json("{\"EndpointPropertiesList\": [{\"EndpointArn\": ")));

    RecordingContext ctx = scan("us-east-1");

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("aws 123456789012 us-east-1 comprehend");
              assertThat(w.message())
                  .startsWith("comprehend:ListEndpoints answered a malformed response");
            });
    assertThat(
            resource(
                ctx,
                "arn:aws:comprehend:us-west-2:111122223333:document-classifier/exampleclassifier1"))
        .isNotNull();
  }

  @Test
  void readsTheRegionsEnabledInTheAccountWhenNoneAreGiven() {
    aws.server.stubFor(
        post(urlEqualTo("/listRegions")).willReturn(json(wire("account-ListRegions.json"))));
    Map<String, String> s = new HashMap<>(settings("").asMap());
    s.remove("connectors.aws.regions");
    RecordingContext ctx = new RecordingContext(Settings.of(s));

    new AwsConnector().collect(ACCOUNT, ctx);

    assertThat(ctx.warnings()).isEmpty();
    List<String> regions =
        aws.server.findAll(postRequestedFor(urlEqualTo("/"))).stream()
            .map(r -> r.getHeader("Authorization").split("/")[2])
            .distinct()
            .sorted()
            .toList();
    assertThat(regions).containsExactly("eu-west-1", "me-south-1", "us-east-1");
  }

  @Test
  void cloudTrailIsReadNoFasterThanItAllows() {
    Map<String, String> s = new HashMap<>(settings("us-east-1").asMap());
    s.remove("connectors.aws.cloudtrail-calls-per-second");

    new AwsConnector().collect(ACCOUNT, new RecordingContext(Settings.of(s)));

    List<Long> times =
        aws
            .server
            .findAll(
                postRequestedFor(urlEqualTo("/"))
                    .withHeader(
                        "X-Amz-Target",
                        equalTo(
                            "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents")))
            .stream()
            .map(r -> r.getLoggedDate().getTime())
            .sorted()
            .toList();
    assertThat(times).hasSize(CloudTrailUsage.SOURCES.size());
    // 2 calls a second: half a second apart, give or take the fake's own jitter in logging them
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).as("call %d", i).isGreaterThanOrEqualTo(350);
    }
    assertThat(times.get(times.size() - 1) - times.get(0))
        .isGreaterThanOrEqualTo((times.size() - 1) * 480L);
  }

  @Test
  void warningsNeverCarryTheKeysOfTheAccount() throws IOException {
    stubCompute();
    RecordingContext ctx = scan("us-east-1");
    assertThat(ctx.warnings()).extracting(Warning::message).noneMatch(m -> m.contains("sk-proj-"));
  }
}
