package dev.aiscan.register;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.internal.InventoryBuilder;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.EntryStatus;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registers that select by resource tags, read from YAML and CSV as a compliance lead writes them,
 * reconciled with a scan of an AWS account whose resources carry tags.
 */
class RegisterTagsTest {
  private static final Target PROD = new Target("aws:123456789012", "aws", "prod", "123456789012");
  private static final String FRAUD_ENDPOINT =
      "arn:aws:sagemaker:eu-west-1:123456789012:endpoint/fraud-score-v7";
  private static final String CLAIMS_AGENT =
      "arn:aws:bedrock:eu-central-1:123456789012:agent/CLAIMS1";
  private static final String SCRATCH_AGENT =
      "arn:aws:bedrock:eu-central-1:123456789012:agent/SCRATCH";

  @TempDir Path dir;

  /**
   * The account: the fraud scoring endpoint tagged by the risk team, the claims team's Bedrock
   * agent (AWS tag keys keep their case: {@code Team}) and an untagged scratch agent.
   */
  private static ScanResult scan() {
    List<Finding> findings = new ArrayList<>();
    List<CloudResource> resources = new ArrayList<>();
    add(
        findings,
        resources,
        "aws-sagemaker",
        FRAUD_ENDPOINT,
        "AWS::SageMaker::Endpoint",
        "eu-west-1",
        Map.of("app", "fraud-scoring", "env", "prod", "owner", "risk-analytics@example.com"));
    add(
        findings,
        resources,
        "aws-bedrock",
        CLAIMS_AGENT,
        "AWS::Bedrock::Agent",
        "eu-central-1",
        Map.of("Team", "claims", "env", "prod"));
    add(
        findings,
        resources,
        "aws-bedrock",
        SCRATCH_AGENT,
        "AWS::Bedrock::Agent",
        "eu-central-1",
        Map.of());
    Scan scan =
        new Scan(
            "s-tags",
            Instant.parse("2026-05-04T08:00:00Z"),
            Instant.parse("2026-05-04T08:01:00Z"),
            List.of(PROD),
            "test");
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

  private static void add(
      List<Finding> findings,
      List<CloudResource> resources,
      String provider,
      String arn,
      String type,
      String region,
      Map<String, String> tags) {
    Location at = Location.resource(arn);
    String rule = provider + "-cloud-resource";
    findings.add(
        new Finding(
            Finding.idOf(rule, PROD.id(), at, null, null),
            rule,
            provider,
            Category.CLOUD_SERVICE,
            Confidence.HIGH,
            PROD.id(),
            at,
            type,
            null,
            null,
            null));
    resources.add(
        new CloudResource(
            PROD.id(), arn, type, arn.substring(arn.lastIndexOf('/') + 1), region, tags));
  }

  private static Asset asset(ScanResult r, String provider) {
    return r.assets().stream().filter(a -> a.provider().equals(provider)).findFirst().orElseThrow();
  }

  private ScanResult reconcile(String file, String text) throws Exception {
    Path path = Files.writeString(dir.resolve(file), text);
    Register register = RegisterFiles.read(path, RegisterFilesTest.KNOWN);
    return Reconciler.reconcile(scan(), register, ScanHistory.NONE, 3);
  }

  @Test
  void aYamlRegisterSelectsResourcesByTheirTags() throws Exception {
    ScanResult r =
        reconcile(
            "register.yaml",
            """
            version: 1
            entries:
              - id: fraud-scoring
                name: Card fraud scoring model
                owner: risk-analytics@example.com
                selectors:
                  cloudAccounts: ["123456789012"]
                  tags: {app: fraud-scoring, env: prod}
                  providers: [aws-sagemaker]
              - id: claims-agents
                name: Claims handling agents
                selectors:
                  tags: {team: claims}
                  providers: [aws-bedrock]
              - id: staging-only
                name: Anything tagged for staging
                selectors:
                  tags: {env: staging}
            """);

    Asset sagemaker = asset(r, "aws-sagemaker");
    assertThat(sagemaker.status()).isEqualTo(AssetStatus.REGISTERED);
    assertThat(sagemaker.statusReason())
        .isEqualTo(
            "entry fraud-scoring ("
                + dir.resolve("register.yaml")
                + ":3) covers it by cloud account 123456789012, tags {app: fraud-scoring, env:"
                + " prod} on "
                + FRAUD_ENDPOINT);
    // one agent of the asset is the claims team's: the entry covers the asset, naming that agent
    Asset bedrock = asset(r, "aws-bedrock");
    assertThat(bedrock.registerId()).isEqualTo("claims-agents");
    assertThat(bedrock.statusReason())
        .endsWith("covers it by tags {team: claims} on " + CLAIMS_AGENT);
    assertThat(r.reconciliation().entries())
        .extracting(EntryStatus::id, EntryStatus::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fraud-scoring", EntryStatus.State.MATCHED),
            org.assertj.core.groups.Tuple.tuple("claims-agents", EntryStatus.State.MATCHED),
            org.assertj.core.groups.Tuple.tuple("staging-only", EntryStatus.State.UNMATCHED));
  }

  @Test
  void aCsvRegisterWritesTagsAsKeyValuePairs() throws Exception {
    ScanResult r =
        reconcile(
            "register.csv",
            """
            id,name,cloud_accounts,tags,providers
            fraud-scoring,Card fraud scoring model,123456789012,app=fraud-scoring;env=prod,aws-sagemaker
            fraud-staging,Fraud scoring (staging),123456789012,app=fraud-scoring;env=staging,aws-sagemaker
            """);

    assertThat(asset(r, "aws-sagemaker").registerId()).isEqualTo("fraud-scoring");
    assertThat(asset(r, "aws-bedrock").status()).isEqualTo(AssetStatus.SHADOW);
    assertThat(r.reconciliation().entries().get(1).state()).isEqualTo(EntryStatus.State.UNMATCHED);
  }
}
