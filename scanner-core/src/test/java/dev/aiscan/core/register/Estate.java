package dev.aiscan.core.register;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.internal.InventoryBuilder;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Findings as the connectors report them for a small estate, turned into a scan result. */
final class Estate {
  static final Target SHOP =
      new Target("source:/srv/repos/shop", "source", "shop", "/srv/repos/shop");
  static final Target BILLING =
      new Target("source:/srv/repos/billing", "source", "billing", "/srv/repos/billing");
  static final Target AWS_PROD = new Target("aws:123456789012", "aws", "prod", "123456789012");

  private final List<Finding> findings = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();
  private final List<CloudResource> resources = new ArrayList<>();

  Estate targets(Target... ts) {
    targets.addAll(List.of(ts));
    return this;
  }

  Estate finding(
      Target t,
      String rule,
      String provider,
      Category category,
      Location where,
      String evidence,
      String model,
      String fingerprint,
      DependencyPath dependency) {
    findings.add(
        new Finding(
            Finding.idOf(rule, t.id(), where, model, fingerprint),
            rule,
            provider,
            category,
            Confidence.HIGH,
            t.id(),
            where,
            evidence,
            model,
            fingerprint,
            dependency));
    return this;
  }

  Estate code(Target t, String provider, String file, int line, String model) {
    return finding(
        t,
        provider + (model == null ? "-sdk" : "-model"),
        provider,
        model == null ? Category.SDK : Category.MODEL,
        Location.file(file, line),
        model == null ? "import " + provider : "model=\"" + model + "\"",
        model,
        null,
        null);
  }

  /**
   * A cloud resource as the cloud connector reports it (its type, region and tags) and the finding
   * a rule makes of it, located at the resource.
   */
  Estate resource(
      Target t,
      String provider,
      String arn,
      String type,
      String region,
      String model,
      Map<String, String> tags) {
    String name = arn.substring(arn.lastIndexOf('/') + 1);
    resources.add(new CloudResource(t.id(), arn, type, name, region, tags));
    return finding(
        t,
        provider + "-cloud-resource",
        provider,
        Category.CLOUD_SERVICE,
        Location.resource(arn),
        type,
        model,
        null,
        null);
  }

  /**
   * The standard estate and the production AWS account: a Bedrock agent of the support team and a
   * SageMaker endpoint scoring fraud, tagged as AWS users tag (keys in any case).
   */
  static Estate withCloud() {
    return standard()
        .targets(AWS_PROD)
        .resource(
            AWS_PROD,
            "aws-bedrock",
            "arn:aws:bedrock:us-east-1:123456789012:agent/AGENT1",
            "AWS::Bedrock::Agent",
            "us-east-1",
            "anthropic.claude-3-5-sonnet-20240620-v1:0",
            Map.of("owner", "support-platform@acme.test", "team", "support", "env", "prod"))
        .resource(
            AWS_PROD,
            "aws-sagemaker",
            "arn:aws:sagemaker:eu-west-1:123456789012:endpoint/fraud-scoring",
            "AWS::SageMaker::Endpoint",
            "eu-west-1",
            null,
            Map.of("App", "fraud-scoring", "env", "prod", "CostCenter", "0042"));
  }

  /** The standard estate: shop uses OpenAI (gpt-4o) and Anthropic; billing gets LangChain. */
  static Estate standard() {
    return new Estate()
        .targets(SHOP, BILLING)
        .code(SHOP, "openai", "src/chat.py", 3, null)
        .code(SHOP, "openai", "src/chat.py", 12, "gpt-4o")
        .code(SHOP, "anthropic", "jobs/triage.py", 1, null)
        .finding(
            BILLING,
            "langchain-npm",
            "langchain",
            Category.FRAMEWORK,
            Location.file("package.json", 14),
            "package langchain",
            null,
            null,
            new DependencyPath(true, List.of("billing@1.0.0", "langchain@0.2.1"), null));
  }

  ScanResult scan(String id, Instant at) {
    List<Finding> sorted = new ArrayList<>(findings);
    Scan scan = new Scan(id, at, at.plusSeconds(5), targets, "test");
    return new ScanResult(
        scan,
        sorted,
        InventoryBuilder.build(sorted, targets),
        List.of(),
        0,
        List.of(),
        java.util.Set.of(),
        null,
        resources);
  }
}
