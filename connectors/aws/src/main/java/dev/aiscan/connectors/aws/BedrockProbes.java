package dev.aiscan.connectors.aws;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GetModelInvocationLoggingConfigurationResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.LoggingConfig;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentClient;
import software.amazon.awssdk.services.bedrockagent.model.Agent;
import software.amazon.awssdk.services.bedrockagent.model.KnowledgeBase;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * Amazon Bedrock: what the account made, never what AWS offers. The foundation-model catalogue
 * ({@code ListFoundationModels}) lists the models of a region for everyone; it says nothing about
 * use and is never read.
 */
final class BedrockProbes {
  /** Invocation logging per region of a scan: null when unknown (the call failed). */
  private final Map<RegionScan, Boolean> logging = new ConcurrentHashMap<>();

  List<Probe> probes() {
    return List.of(
        new Probe("bedrock", this::models),
        new Probe("bedrock", this::throughputsAndProfiles),
        new Probe("bedrock", this::guardrails),
        new Probe("bedrock", this::invocationLogging),
        new Probe("bedrock-agent", BedrockProbes::agents),
        new Probe("bedrock-agent", BedrockProbes::knowledgeBases),
        new Probe("bedrock-agentcore", BedrockProbes::agentCore));
  }

  /** Whether model invocation logging is off in the region: null when unknown. */
  Boolean loggingOff(RegionScan r) {
    Boolean on = logging.get(r);
    return on == null ? null : !on;
  }

  static BedrockClient bedrock(RegionScan r) {
    return r.clients().client("bedrock", r.region(), r.credentials(), BedrockClient.builder());
  }

  static BedrockAgentClient agent(RegionScan r) {
    return r.clients()
        .client("bedrock-agent", r.region(), r.credentials(), BedrockAgentClient.builder());
  }

  private void models(RegionScan r) {
    BedrockClient b = bedrock(r);
    r.run(
        "bedrock:ListCustomModels",
        () ->
            b.listCustomModelsPaginator(q -> {}).modelSummaries().stream()
                .forEach(
                    m -> {
                      r.bedrockInUse();
                      r.resource(
                          "AWS::Bedrock::CustomModel",
                          m.modelArn(),
                          m.modelName(),
                          Models.bedrock(m.baseModelArn()),
                          tags(r, m.modelArn()));
                    }));
    r.run(
        "bedrock:ListModelCustomizationJobs",
        () ->
            b.listModelCustomizationJobsPaginator(q -> {}).modelCustomizationJobSummaries().stream()
                .forEach(
                    j -> {
                      r.bedrockInUse();
                      r.resource(
                          "AWS::Bedrock::ModelCustomizationJob",
                          j.jobArn(),
                          j.jobName(),
                          Models.bedrock(j.baseModelArn()),
                          Map.of());
                    }));
    r.run(
        "bedrock:ListImportedModels",
        () ->
            b.listImportedModelsPaginator(q -> {}).modelSummaries().stream()
                .forEach(
                    m -> {
                      r.bedrockInUse();
                      r.resource(
                          "AWS::Bedrock::ImportedModel",
                          m.modelArn(),
                          m.modelName(),
                          m.modelName(),
                          tags(r, m.modelArn()));
                    }));
  }

  private void throughputsAndProfiles(RegionScan r) {
    BedrockClient b = bedrock(r);
    r.run(
        "bedrock:ListProvisionedModelThroughputs",
        () ->
            b.listProvisionedModelThroughputsPaginator(q -> {}).provisionedModelSummaries().stream()
                .forEach(
                    p -> {
                      r.bedrockInUse();
                      r.resource(
                          "AWS::Bedrock::ProvisionedModelThroughput",
                          p.provisionedModelArn(),
                          p.provisionedModelName(),
                          Models.bedrock(
                              p.foundationModelArn() != null
                                  ? p.foundationModelArn()
                                  : p.modelArn()),
                          tags(r, p.provisionedModelArn()));
                    }));
    // only the profiles the account made; system-defined ones are AWS's catalogue
    r.run(
        "bedrock:ListInferenceProfiles",
        () ->
            b
                .listInferenceProfilesPaginator(q -> q.typeEquals(InferenceProfileType.APPLICATION))
                .inferenceProfileSummaries()
                .stream()
                .forEach(
                    p -> {
                      r.bedrockInUse();
                      String model =
                          p.models().isEmpty()
                              ? null
                              : Models.bedrock(p.models().get(0).modelArn());
                      r.resource(
                          "AWS::Bedrock::ApplicationInferenceProfile",
                          p.inferenceProfileArn(),
                          p.inferenceProfileName(),
                          model,
                          tags(r, p.inferenceProfileArn()));
                    }));
  }

  private void guardrails(RegionScan r) {
    BedrockClient b = bedrock(r);
    r.run(
        "bedrock:ListGuardrails",
        () ->
            b.listGuardrailsPaginator(q -> {}).guardrails().stream()
                .forEach(
                    g -> {
                      r.bedrockInUse();
                      r.resource(
                          "AWS::Bedrock::Guardrail", g.arn(), g.name(), null, tags(r, g.arn()));
                    }));
  }

  private void invocationLogging(RegionScan r) {
    GetModelInvocationLoggingConfigurationResponse answer =
        r.call(
            "bedrock:GetModelInvocationLoggingConfiguration",
            () -> bedrock(r).getModelInvocationLoggingConfiguration(q -> {}));
    if (answer != null) {
      logging.put(r, answer.loggingConfig() != null && enabled(answer.loggingConfig()));
    }
  }

  /** Logging is on when it goes somewhere: CloudWatch Logs or S3. */
  private static boolean enabled(LoggingConfig c) {
    return c.cloudWatchConfig() != null || c.s3Config() != null;
  }

  private static void agents(RegionScan r) {
    BedrockAgentClient a = agent(r);
    r.run(
        "bedrock:ListAgents",
        () ->
            a.listAgentsPaginator(q -> {}).agentSummaries().stream()
                .forEach(
                    s -> {
                      r.bedrockInUse();
                      Agent agent =
                          r.call(
                              "bedrock:GetAgent",
                              () -> a.getAgent(q -> q.agentId(s.agentId())).agent());
                      String arn =
                          agent != null && agent.agentArn() != null
                              ? agent.agentArn()
                              : r.arn("bedrock", "agent/" + s.agentId());
                      r.resource(
                          "AWS::Bedrock::Agent",
                          arn,
                          s.agentName(),
                          agent == null ? null : Models.bedrock(agent.foundationModel()),
                          agentTags(r, arn));
                    }));
  }

  private static void knowledgeBases(RegionScan r) {
    BedrockAgentClient a = agent(r);
    r.run(
        "bedrock:ListKnowledgeBases",
        () ->
            a.listKnowledgeBasesPaginator(q -> {}).knowledgeBaseSummaries().stream()
                .forEach(
                    s -> {
                      r.bedrockInUse();
                      KnowledgeBase kb =
                          r.call(
                              "bedrock:GetKnowledgeBase",
                              () ->
                                  a.getKnowledgeBase(q -> q.knowledgeBaseId(s.knowledgeBaseId()))
                                      .knowledgeBase());
                      String arn =
                          kb != null && kb.knowledgeBaseArn() != null
                              ? kb.knowledgeBaseArn()
                              : r.arn("bedrock", "knowledge-base/" + s.knowledgeBaseId());
                      String embedding =
                          kb == null
                                  || kb.knowledgeBaseConfiguration() == null
                                  || kb.knowledgeBaseConfiguration()
                                          .vectorKnowledgeBaseConfiguration()
                                      == null
                              ? null
                              : Models.bedrock(
                                  kb.knowledgeBaseConfiguration()
                                      .vectorKnowledgeBaseConfiguration()
                                      .embeddingModelArn());
                      r.resource(
                          "AWS::Bedrock::KnowledgeBase",
                          arn,
                          s.name(),
                          embedding,
                          agentTags(r, arn));
                      r.run(
                          "bedrock:ListDataSources",
                          () ->
                              a
                                  .listDataSourcesPaginator(
                                      q -> q.knowledgeBaseId(s.knowledgeBaseId()))
                                  .dataSourceSummaries()
                                  .stream()
                                  .forEach(
                                      d ->
                                          r.resource(
                                              "AWS::Bedrock::DataSource",
                                              arn + "/data-source/" + d.dataSourceId(),
                                              d.name(),
                                              null,
                                              Map.of())));
                    }));
  }

  private static void agentCore(RegionScan r) {
    BedrockAgentCoreControlClient c =
        r.clients()
            .client(
                "bedrock-agentcore",
                r.region(),
                r.credentials(),
                BedrockAgentCoreControlClient.builder());
    r.run(
        "bedrock-agentcore:ListAgentRuntimes",
        () ->
            c.listAgentRuntimesPaginator(q -> {}).agentRuntimes().stream()
                .forEach(
                    rt -> {
                      r.bedrockInUse();
                      r.resource(
                          "AWS::BedrockAgentCore::Runtime",
                          rt.agentRuntimeArn(),
                          rt.agentRuntimeName(),
                          null,
                          Map.of());
                    }));
  }

  private static Map<String, String> tags(RegionScan r, String arn) {
    Map<String, String> tags = new TreeMap<>();
    r.run(
        "bedrock:ListTagsForResource",
        () ->
            bedrock(r)
                .listTagsForResource(q -> q.resourceARN(arn))
                .tags()
                .forEach(t -> tags.put(t.key(), t.value())));
    return tags;
  }

  private static Map<String, String> agentTags(RegionScan r, String arn) {
    Map<String, String> tags = new TreeMap<>();
    r.run(
        "bedrock:ListTagsForResource",
        () -> tags.putAll(agent(r).listTagsForResource(q -> q.resourceArn(arn)).tags()));
    return tags;
  }
}
