package dev.aiscan.connectors.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.aiscan.connectors.aws.AwsFake.json;
import static dev.aiscan.connectors.aws.AwsFake.target;
import static dev.aiscan.connectors.aws.AwsFake.wire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The least-privilege policy shipped in {@code docs/aws-iam-policy.json} allows exactly what the
 * connector calls: a full scan and an Organization's account listing run against the fake, every
 * SDK operation is recorded as its IAM action, and the two sets must be equal. The policy is also
 * read-only.
 */
class IamPolicyTest extends FakeAwsTest {
  /** SDK service names to IAM service prefixes, where they differ from the lower-cased name. */
  private static final Map<String, String> PREFIX =
      Map.of(
          "BedrockAgent", "bedrock",
          "BedrockAgentCoreControl", "bedrock-agentcore",
          "LexModelsV2", "lex");

  /** SDK operations authorised by an IAM action of another name. */
  private static final Map<String, String> ACTION =
      Map.of("GetLayerVersionByArn", "GetLayerVersion");

  static final class Recorder implements ExecutionInterceptor {
    final Set<String> actions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      actions.add(
          PREFIX.getOrDefault(service, service.toLowerCase(java.util.Locale.ROOT))
              + ":"
              + ACTION.getOrDefault(operation, operation));
    }
  }

  static Set<String> policyActions(String sid) throws Exception {
    Path policy = Path.of("../../docs/aws-iam-policy.json");
    JsonNode doc = new ObjectMapper().readTree(Files.readString(policy));
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : doc.get("Statement")) {
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      if (sid == null || statement.get("Sid").asText().equals(sid)) {
        statement.get("Action").forEach(a -> actions.add(a.asText()));
      }
    }
    return actions;
  }

  @Test
  void thePolicyAllowsExactlyWhatTheConnectorCalls() throws Exception {
    stubBedrock();
    stubServices();
    stubCompute();
    stubCloudTrail();
    aws.server.stubFor(
        post(urlEqualTo("/listRegions"))
            .willReturn(
                json(
                    "{\"Regions\":[{\"RegionName\":\"us-east-1\",\"RegionOptStatus\":\"ENABLED_BY_DEFAULT\"}]}")));
    aws.server.stubFor(
        target("AWSOrganizationsV20161128.ListAccounts")
            .willReturn(json(wire("organizations-ListAccounts.json"))));
    aws.server.stubFor(
        post(urlEqualTo("/"))
            .atPriority(4)
            .withRequestBody(containing("Action=AssumeRole"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(wire("sts-AssumeRole.xml"))));
    Recorder recorder = new Recorder();
    Map<String, String> s = new HashMap<>(settings("").asMap());
    s.remove("connectors.aws.regions");
    s.put("connectors.aws.org-role", "AiscanReadOnly");

    var targets = AwsTargets.resolve(Settings.of(s), List.of(recorder));
    RecordingContext ctx = new RecordingContext(Settings.of(s));
    // the management account with the credentials, the member through the organization's role
    for (var t : targets) {
      new AwsConnector(List.of(recorder)).collect(t, ctx);
    }

    assertThat(ctx.warnings()).isEmpty();
    Set<String> policy = policyActions(null);
    Set<String> called = new TreeSet<>(recorder.actions);
    assertThat(called)
        .contains("sts:AssumeRole", "organizations:ListAccounts", "account:ListRegions");
    called.add(
        "sts:AssumeRole"); // the credentials provider's call, made outside any client we build
    assertThat(called).isEqualTo(policy);
  }

  @Test
  void thePolicyIsReadOnly() throws Exception {
    assertThat(policyActions(null))
        .allSatisfy(
            a -> assertThat(a.split(":")[1]).matches("(List|Get|Describe|Lookup|AssumeRole).*"));
    assertThat(policyActions("AiscanReadAiResources")).doesNotContain("sts:AssumeRole");
  }
}
