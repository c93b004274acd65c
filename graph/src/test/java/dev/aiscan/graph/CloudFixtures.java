package dev.aiscan.graph;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.internal.InventoryBuilder;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AWS account as the AWS connector and the rules report it: a Bedrock agent of the support team,
 * a Bedrock knowledge base, a SageMaker endpoint tagged by the data-science team, and Bedrock calls
 * made by an IAM role (a finding at a resource that is not an AI resource of its own).
 */
final class CloudFixtures {
  static final Target PROD = new Target("aws:123456789012", "aws", "prod", "123456789012");
  static final String AGENT = "arn:aws:bedrock:us-east-1:123456789012:agent/AGENT1";
  static final String KNOWLEDGE_BASE = "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB1";
  static final String ENDPOINT =
      "arn:aws:sagemaker:eu-west-1:123456789012:endpoint/churn-predictor";
  static final String ROLE = "arn:aws:iam::123456789012:role/support-bot";
  static final String SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
  static final String TITAN = "amazon.titan-embed-text-v2:0";

  private CloudFixtures() {}

  /**
   * The account scanned at {@code at}.
   *
   * @param knowledgeBase whether the knowledge base still exists
   * @param agentOwner the agent's {@code owner} tag
   */
  static ScanResult scan(Instant at, boolean knowledgeBase, String agentOwner) {
    List<Finding> findings = new ArrayList<>();
    List<CloudResource> resources = new ArrayList<>();
    resources.add(
        new CloudResource(
            PROD.id(),
            AGENT,
            "AWS::Bedrock::Agent",
            "support-triage",
            "us-east-1",
            Map.of("owner", agentOwner, "team", "support", "env", "prod")));
    findings.add(
        finding(
            "aws-bedrock-cloud-resource",
            "aws-bedrock",
            Category.CLOUD_SERVICE,
            AGENT,
            "AWS::Bedrock::Agent",
            SONNET));
    findings.add(
        finding(
            "aws-bedrock-invocations",
            "aws-bedrock",
            Category.CLOUD_SERVICE,
            AGENT,
            "InvokeModel x1520",
            HAIKU));
    if (knowledgeBase) {
      resources.add(
          new CloudResource(
              PROD.id(),
              KNOWLEDGE_BASE,
              "AWS::Bedrock::KnowledgeBase",
              "support-articles",
              "us-east-1",
              Map.of()));
      findings.add(
          finding(
              "aws-bedrock-cloud-resource",
              "aws-bedrock",
              Category.CLOUD_SERVICE,
              KNOWLEDGE_BASE,
              "AWS::Bedrock::KnowledgeBase",
              TITAN));
    }
    resources.add(
        new CloudResource(
            PROD.id(),
            ENDPOINT,
            "AWS::SageMaker::Endpoint",
            "churn-predictor",
            "eu-west-1",
            Map.of("Team", "data-science", "CostCenter", "0042")));
    findings.add(
        finding(
            "aws-sagemaker-cloud-resource",
            "aws-sagemaker",
            Category.CLOUD_SERVICE,
            ENDPOINT,
            "AWS::SageMaker::Endpoint",
            null));
    // CloudTrail: the role called Bedrock; the role is where the calls come from, not a resource
    findings.add(
        finding(
            "aws-bedrock-invocations",
            "aws-bedrock",
            Category.CLOUD_SERVICE,
            ROLE,
            "InvokeModel x87",
            HAIKU));
    findings.sort(
        Comparator.comparing((Finding f) -> f.location().resource()).thenComparing(Finding::id));
    resources.sort(Comparator.comparing(CloudResource::id));
    Scan scan =
        new Scan("scan-" + at.getEpochSecond(), at, at.plusSeconds(30), List.of(PROD), "test");
    return new ScanResult(
        scan,
        findings,
        InventoryBuilder.build(findings, List.of(PROD)),
        List.of(),
        0,
        List.of(),
        Set.of(),
        null,
        resources);
  }

  private static Finding finding(
      String rule, String provider, Category category, String arn, String evidence, String model) {
    Location location = Location.resource(arn);
    return new Finding(
        Finding.idOf(rule, PROD.id(), location, model, null),
        rule,
        provider,
        category,
        Confidence.HIGH,
        PROD.id(),
        location,
        evidence,
        model,
        null,
        null);
  }
}
