package dev.aiscan.connectors.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.aiscan.connectors.aws.AwsFake.error;
import static dev.aiscan.connectors.aws.AwsFake.in;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.rules.RuleEngine;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole path from the fake account to the inventory: the real connector, the real rule
 * catalogue and the scan engine. What the connector reports as facts becomes findings, assets and
 * the resources the graph hangs them on.
 */
class AwsScanTest extends FakeAwsTest {
  static final RuleEngine RULES = RuleEngine.loadDefault();

  ScanResult engineScan(String regions) {
    return new ScanEngine(List.of(new AwsConnector()), RULES, "test")
        .scan(ScanRequest.of(List.of(ACCOUNT), settings(regions)), ScanListener.NONE);
  }

  static Finding finding(ScanResult r, String ruleId, String resource) {
    return r.findings().stream()
        .filter(f -> f.ruleId().equals(ruleId) && resource.equals(f.location().resource()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + ruleId + " at " + resource + " in " + r.findings()));
  }

  @Test
  void theAccountsAiBecomesFindingsAssetsAndResources() throws IOException {
    stubBedrock();
    stubServices();
    stubCompute();
    stubCloudTrail();

    ScanResult r = engineScan("us-east-1");

    assertThat(r.warnings()).isEmpty();
    assertThat(r.complete("aws:123456789012")).isTrue();

    Finding agent =
        finding(
            r,
            "aws-bedrock-cloud-resource",
            "arn:aws:bedrock:us-east-1:123456789012:agent/AGENT0EXMP");
    assertThat(agent.provider()).isEqualTo("aws-bedrock");
    assertThat(agent.model()).isEqualTo("anthropic.claude-3-5-sonnet-20240620-v1:0");
    assertThat(agent.evidence()).isEqualTo("resource AWS::Bedrock::Agent refund-agent");

    // CloudTrail: the role that invokes Claude, how often
    Finding invoke =
        finding(r, "aws-bedrock-model-invocation", "arn:aws:iam::123456789012:role/chatbot-prod");
    assertThat(invoke.model()).isEqualTo("anthropic.claude-3-5-sonnet-20240620-v1:0");
    assertThat(invoke.evidence())
        .isEqualTo(
            "bedrock:InvokeModel ×3 by arn:aws:iam::123456789012:role/chatbot-prod in us-east-1");
    // control-plane calls and a console sign-in are not AI use
    assertThat(r.findings()).noneMatch(f -> f.evidence().contains("ListCustomModels"));
    assertThat(r.findings()).noneMatch(f -> f.evidence().contains("ConsoleLogin"));

    // the governance gap: Bedrock in use, invocation logging off
    Finding logging =
        finding(
            r,
            "aws-bedrock-invocation-logging-off",
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-logging");
    assertThat(logging.category()).isEqualTo(Category.GOVERNANCE);

    // AI inside compute: a key name in a function's environment, SDKs in its layer, a model server
    Finding key =
        finding(
            r,
            "openai-api-key-env",
            "arn:aws:lambda:us-east-1:123456789012:function:summarise-tickets");
    assertThat(key.evidence()).isEqualTo("env OPENAI_API_KEY").doesNotContain("sk-proj");
    assertThat(r.findings())
        .filteredOn(
            f ->
                "arn:aws:lambda:us-east-1:123456789012:layer:ai-sdks:4"
                    .equals(f.location().resource()))
        .extracting(Finding::provider)
        .contains("openai", "anthropic", "langchain");
    assertThat(r.findings())
        .filteredOn(
            f ->
                "arn:aws:ecs:us-east-1:123456789012:task-definition/local-llm:5"
                    .equals(f.location().resource()))
        .extracting(Finding::provider)
        .containsExactly("ollama");

    // assets per provider in the account, with the models the account uses
    Asset bedrock =
        r.assets().stream()
            .filter(a -> a.provider().equals("aws-bedrock"))
            .findFirst()
            .orElseThrow();
    assertThat(bedrock.kind()).isEqualTo("cloud-resource");
    assertThat(bedrock.models())
        .contains(
            "anthropic.claude-3-5-sonnet-20240620-v1:0",
            "amazon.titan-embed-text-v2:0",
            "meta.llama3-1-8b-instruct-v1:0:128k",
            "us.meta.llama3-2-90b-instruct-v1:0");
    assertThat(r.assets())
        .extracting(Asset::provider)
        .contains("aws-sagemaker", "aws-ai-services", "openai", "ollama");

    // the resources behind the findings, with their tags: what ownership and the graph read
    CloudResource agentResource =
        r.resources().stream()
            .filter(c -> c.id().equals("arn:aws:bedrock:us-east-1:123456789012:agent/AGENT0EXMP"))
            .findFirst()
            .orElseThrow();
    assertThat(agentResource.type()).isEqualTo("AWS::Bedrock::Agent");
    assertThat(agentResource.region()).isEqualTo("us-east-1");
    assertThat(agentResource.tag("OWNER")).isEqualTo("payments-team@example.com");
    assertThat(r.resources())
        .extracting(CloudResource::type)
        .contains("AWS::Lambda::Function", "AWS::Lambda::LayerVersion", "AWS::ECS::TaskDefinition")
        // the function without AI (resize-images) is no AI resource
        .hasSizeLessThan(r.findings().size());
    assertThat(r.resources()).noneMatch(c -> c.id().endsWith("function:resize-images"));
    // principals of usage events are no resources
    assertThat(r.resources()).noneMatch(c -> c.id().contains(":role/"));
  }

  @Test
  void anOptInRegionNotEnabledIsOneWarningAndLeavesTheAccountIncomplete() {
    stubBedrock();
    aws.server.stubFor(
        in(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl()), "me-south-1")
            .atPriority(1)
            .willReturn(
                error(
                    403,
                    "UnrecognizedClientException",
                    "The security token included in the request is invalid")));

    ScanResult r = engineScan("us-east-1,me-south-1");

    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("aws 123456789012 me-south-1");
              assertThat(w.message())
                  .contains(
                      "region me-south-1 refused the credentials (UnrecognizedClientException)")
                  .contains("opt-in region");
            });
    assertThat(r.findings()).isNotEmpty();
    // what me-south-1 no longer shows cannot be told from what was not read: nothing goes stale
    assertThat(r.complete("aws:123456789012")).isFalse();
  }
}
