package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cloud connectors report: the {@code usage-event} and {@code setting} matchers, the model and
 * evidence of cloud findings, and the AWS connector's facts (resources, CloudTrail usage, Bedrock
 * invocation logging, Lambda variables, ECS images) against the built-in rules.
 */
class CloudUsageTest {
  private static final RuleEngine ENGINE = RuleEngine.loadDefault();
  private static final String ACCOUNT = "123456789012";
  private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/app";
  private static final String CLAUDE = "anthropic.claude-3-5-sonnet-20240620-v1:0";

  @TempDir Path dir;

  // --- the usage-event matcher -------------------------------------------------------------

  @Test
  void usageEventActionsMatchExactlyOrByTrailingGlobIgnoringCase() throws IOException {
    RuleEngine e =
        engine(
            "acme-usage",
            "cloud-service",
            "usage-event: {action: [\"acme:RunModel\", \"acme:Detect*\"]}",
            "{type: usage-event, value: \"acme:RunModel\"}",
            "{type: usage-event, value: \"acme:ListModels\"}");

    assertThat(acme(e, usage("acme:RunModel", Map.of()))).hasSize(1);
    assertThat(acme(e, usage("ACME:runmodel", Map.of()))).as("case-insensitive").hasSize(1);
    assertThat(acme(e, usage("acme:DetectFaces", Map.of()))).hasSize(1);
    assertThat(acme(e, usage("acme:detect", Map.of()))).as("the glob's prefix itself").hasSize(1);
    assertThat(acme(e, usage("acme:RunModelAsync", Map.of())))
        .as("an exact action is no prefix")
        .isEmpty();
    assertThat(acme(e, usage("acme:ListModels", Map.of()))).isEmpty();
    assertThat(acme(e, usage("other:DetectFaces", Map.of())))
        .as("globs stay within their service")
        .isEmpty();
    assertThat(acme(e, usage("acmex:DetectFaces", Map.of()))).isEmpty();
    assertThat(acme(e, usage("DetectFaces", Map.of()))).as("no service").isEmpty();
    assertThat(
            acme(e, new Fact(FactType.STRING_LITERAL, "acme:RunModel", target(), at(), Map.of())))
        .as("only usage-event facts")
        .isEmpty();
  }

  @Test
  void aServiceWideGlobMatchesEveryActionOfThatService() throws IOException {
    RuleEngine e =
        engine(
            "acme-any",
            "cloud-service",
            "usage-event: {action: \"acme:*\", confidence: low}",
            "{type: usage-event, value: \"acme:Anything\"}",
            "{type: usage-event, value: \"other:Anything\"}");

    List<Finding> found = acme(e, usage("acme:ListEverything", Map.of()));

    assertThat(found).hasSize(1);
    assertThat(found.get(0).confidence()).isEqualTo(Confidence.LOW);
  }

  @Test
  void malformedActionsAreRejectedWithFileAndLine() throws IOException {
    for (String bad :
        List.of(
            "usage-event: {action: InvokeModel}",
            "usage-event: {action: \"bedrock:Invoke*Model\"}",
            "usage-event: {action: \"bedrock:\"}",
            "usage-event: {action: \"*\"}",
            "usage-event: {action: \"bedrock:Invoke Model\"}")) {
      Path pack =
          write(
              "bad.yaml",
              pack(
                  "acme-bad",
                  "cloud-service",
                  bad,
                  "{type: usage-event, value: \"bedrock:InvokeModel\"}",
                  "{type: usage-event, value: \"bedrock:ListAgents\"}"));

      assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
          .as(bad)
          .isInstanceOf(RuleFormatException.class)
          .hasMessageStartingWith(pack + ":13: rule acme-bad: action '")
          .hasMessageContaining("must be service:Action")
          .message()
          .doesNotContain("\n");
    }
  }

  // --- the setting matcher -----------------------------------------------------------------

  @Test
  void settingMatchesByNameAndStateIgnoringCase() throws IOException {
    RuleEngine e =
        engine(
            "acme-logging-off",
            "governance",
            "setting: {name: \"acme:audit-log\", state: [\"off\", disabled]}",
            "{type: setting, value: \"acme:audit-log\", attributes: {state: \"off\"}}",
            "{type: setting, value: \"acme:audit-log\", attributes: {state: \"on\"}}");

    assertThat(acme(e, setting("acme:audit-log", "off"))).hasSize(1);
    assertThat(acme(e, setting("ACME:Audit-Log", "OFF"))).hasSize(1);
    assertThat(acme(e, setting("acme:audit-log", "Disabled"))).hasSize(1);
    assertThat(acme(e, setting("acme:audit-log", "on"))).isEmpty();
    assertThat(acme(e, setting("acme:audit-log", null))).as("no state: no match").isEmpty();
    assertThat(acme(e, setting("acme:audit-logs", "off"))).as("names are exact").isEmpty();

    Finding f = acme(e, setting("acme:audit-log", "off")).get(0);
    assertThat(f.category()).isEqualTo(Category.GOVERNANCE);
    assertThat(f.category().wireName()).isEqualTo("governance");
    assertThat(f.evidence()).isEqualTo("setting acme:audit-log = off");
  }

  @Test
  void settingWithoutAStateFilterMatchesAnyState() throws IOException {
    RuleEngine e =
        engine(
            "acme-any-state",
            "governance",
            "setting: {name: \"acme:audit-log\"}",
            "{type: setting, value: \"acme:audit-log\"}",
            "{type: setting, value: \"acme:other\"}");

    assertThat(acme(e, setting("acme:audit-log", "on"))).hasSize(1);
    Finding noState = acme(e, setting("acme:audit-log", null)).get(0);
    assertThat(noState.evidence()).isEqualTo("setting acme:audit-log");
  }

  @Test
  void anUnquotedOffIsABooleanAndFailsTheLoad() throws IOException {
    Path pack =
        write(
            "bool.yaml",
            pack(
                "acme-bool",
                "governance",
                "setting: {name: \"acme:audit-log\", state: off}",
                "{type: setting, value: \"acme:audit-log\", attributes: {state: \"off\"}}",
                "{type: setting, value: \"acme:audit-log\"}"));

    assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
        .isInstanceOf(RuleFormatException.class)
        .hasMessageStartingWith(pack + ":13: rule acme-bool: match[0].setting.state: ");
  }

  // --- models and evidence -----------------------------------------------------------------

  @Test
  void bedrockInvocationFindingNamesTheModelCallerAndCount() {
    Fact fact =
        usage(
            "bedrock:InvokeModel",
            Map.of(
                Fact.Attr.PRINCIPAL, ROLE,
                Fact.Attr.MODEL, CLAUDE,
                Fact.Attr.COUNT, "42",
                Fact.Attr.REGION, "us-east-1,eu-west-1",
                Fact.Attr.ACCOUNT, ACCOUNT,
                Fact.Attr.FROM, "203.0.113.7",
                Fact.Attr.FIRST_SEEN, "2025-01-01T08:00:00Z",
                Fact.Attr.LAST_SEEN, "2025-01-02T17:30:00Z",
                Fact.Attr.ORIGIN, "cloudtrail"));

    Finding f = only(detect(fact), "aws-bedrock-model-invocation");

    assertThat(f.provider()).isEqualTo("aws-bedrock");
    assertThat(f.category()).isEqualTo(Category.CLOUD_SERVICE);
    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.model()).isEqualTo(CLAUDE);
    assertThat(f.location()).isEqualTo(Location.resource(ROLE));
    assertThat(f.evidence())
        .isEqualTo("bedrock:InvokeModel ×42 by " + ROLE + " in us-east-1, eu-west-1");
    assertThat(f.id())
        .isEqualTo(
            Finding.idOf("aws-bedrock-model-invocation", f.targetId(), f.location(), CLAUDE, null));
  }

  @Test
  void usageEvidenceUsesCountAndPrincipalOnlyWhenPresent() {
    assertThat(only(detect(usage("bedrock:Converse", Map.of())), "aws-bedrock-model-invocation"))
        .satisfies(
            f -> {
              assertThat(f.evidence()).isEqualTo("bedrock:Converse");
              assertThat(f.model()).isNull();
            });
    assertThat(
            only(
                    detect(usage("bedrock:ConverseStream", Map.of(Fact.Attr.COUNT, "7"))),
                    "aws-bedrock-model-invocation")
                .evidence())
        .isEqualTo("bedrock:ConverseStream ×7");
    assertThat(
            only(
                    detect(usage("textract:AnalyzeDocument", Map.of(Fact.Attr.PRINCIPAL, ROLE))),
                    "aws-textract-usage")
                .evidence())
        .isEqualTo("textract:AnalyzeDocument by " + ROLE);
    assertThat(
            only(
                detect(
                    usage(
                        "polly:SynthesizeSpeech",
                        Map.of(Fact.Attr.COUNT, "many", Fact.Attr.MODEL, " "))),
                "aws-polly-usage"))
        .satisfies(
            f -> {
              assertThat(f.evidence())
                  .as("a count that is not a number")
                  .isEqualTo("polly:SynthesizeSpeech");
              assertThat(f.model()).as("a blank model").isNull();
            });
  }

  @Test
  void sameCallerDifferentModelsAreDifferentFindings() {
    Finding claude =
        only(
            detect(
                usage(
                    "bedrock:InvokeModel",
                    Map.of(Fact.Attr.PRINCIPAL, ROLE, Fact.Attr.MODEL, CLAUDE))),
            "aws-bedrock-model-invocation");
    Finding titan =
        only(
            detect(
                usage(
                    "bedrock:InvokeModel",
                    Map.of(
                        Fact.Attr.PRINCIPAL,
                        ROLE,
                        Fact.Attr.MODEL,
                        "amazon.titan-text-express-v1"))),
            "aws-bedrock-model-invocation");

    assertThat(titan.model()).isEqualTo("amazon.titan-text-express-v1");
    assertThat(titan.id()).isNotEqualTo(claude.id());
  }

  @Test
  void cloudResourceFindingNamesTheResourceAndItsModel() {
    String arn = "arn:aws:bedrock:eu-west-1:" + ACCOUNT + ":agent/AGENT12345";
    Map<String, String> attrs = new HashMap<>();
    attrs.put(Fact.Attr.NAME, "support-bot");
    attrs.put(Fact.Attr.MODEL, CLAUDE);
    attrs.put(Fact.Attr.REGION, "eu-west-1");
    attrs.put(Fact.Attr.ACCOUNT, ACCOUNT);
    attrs.put(Fact.Attr.TAG_PREFIX + "owner", "support-team");
    Fact fact =
        new Fact(
            FactType.CLOUD_RESOURCE,
            "AWS::Bedrock::Agent",
            target(),
            Location.resource(arn),
            attrs);

    Finding f = only(detect(fact), "aws-bedrock-cloud-resource");

    assertThat(f.evidence()).isEqualTo("resource AWS::Bedrock::Agent support-bot");
    assertThat(f.model()).isEqualTo(CLAUDE);
    assertThat(f.location()).isEqualTo(Location.resource(arn));
  }

  @Test
  void infrastructureCodeResourcesKeepTheirPlainEvidenceAndNoModel() {
    Fact fromTemplate =
        new Fact(
            FactType.CLOUD_RESOURCE,
            "AWS::Bedrock::Agent",
            target(),
            Location.file("template.yaml", 12),
            Map.of(Fact.Attr.LANGUAGE, "yaml", Fact.Attr.ORIGIN, "cloudformation"));

    Finding f = only(detect(fromTemplate), "aws-bedrock-cloud-resource");

    assertThat(f.evidence()).isEqualTo("resource AWS::Bedrock::Agent");
    assertThat(f.model()).isNull();
  }

  @Test
  void aModelAttributeOnOtherFactTypesDoesNotNameTheModel() {
    Fact env =
        new Fact(
            FactType.ENV_VAR,
            "OPENAI_API_KEY",
            target(),
            Location.resource("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:chat"),
            Map.of(Fact.Attr.MODEL, "gpt-4o"));

    assertThat(only(detect(env), "openai-api-key-env").model()).isNull();
  }

  // --- the AWS connector's facts against the built-in rules --------------------------------

  @Test
  void everyResourceTypeOfTheAwsConnectorIsAiOfItsProvider() {
    Map<String, String> providers = new LinkedHashMap<>();
    for (String t :
        List.of(
            "CustomModel",
            "ModelCustomizationJob",
            "ImportedModel",
            "ProvisionedModelThroughput",
            "ApplicationInferenceProfile",
            "Agent",
            "KnowledgeBase",
            "DataSource",
            "Guardrail")) {
      providers.put("AWS::Bedrock::" + t, "aws-bedrock");
    }
    providers.put("AWS::BedrockAgentCore::Runtime", "aws-bedrock");
    for (String t :
        List.of("Endpoint", "Model", "NotebookInstance", "Domain", "UserProfile", "TrainingJob")) {
      providers.put("AWS::SageMaker::" + t, "aws-sagemaker");
    }
    for (String t :
        List.of(
            "Comprehend::DocumentClassifier",
            "Comprehend::EntityRecognizer",
            "Comprehend::Endpoint",
            "Rekognition::Collection",
            "Rekognition::Project",
            "Textract::Adapter",
            "Transcribe::LanguageModel",
            "Transcribe::Vocabulary",
            "Translate::Terminology",
            "Translate::ParallelData",
            "Polly::Lexicon",
            "Lex::Bot",
            "Kendra::Index",
            "QBusiness::Application",
            "Personalize::DatasetGroup",
            "Personalize::Solution",
            "Personalize::Campaign")) {
      providers.put("AWS::" + t, "aws-ai-services");
    }
    assertThat(providers).hasSize(33);

    providers.forEach(
        (type, provider) -> {
          Fact fact =
              new Fact(
                  FactType.CLOUD_RESOURCE,
                  type,
                  target(),
                  Location.resource("arn:aws:example:us-east-1:" + ACCOUNT + ":thing/x"),
                  Map.of(
                      Fact.Attr.REGION, "us-east-1",
                      Fact.Attr.ACCOUNT, ACCOUNT,
                      Fact.Attr.NAME, "x"));
          assertThat(detect(fact))
              .as(type)
              .isNotEmpty()
              .allSatisfy(
                  f -> {
                    assertThat(f.provider()).isEqualTo(provider);
                    assertThat(f.category()).isEqualTo(Category.CLOUD_SERVICE);
                    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
                    assertThat(f.evidence()).isEqualTo("resource " + type + " x");
                  });
        });
  }

  @Test
  void cloudTrailDataPlaneCallsFireTheirServicesUsageRule() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("bedrock:InvokeModel", "aws-bedrock-model-invocation");
    expected.put("bedrock:InvokeModelWithResponseStream", "aws-bedrock-model-invocation");
    expected.put("bedrock:Converse", "aws-bedrock-model-invocation");
    expected.put("bedrock:ConverseStream", "aws-bedrock-model-invocation");
    expected.put("bedrock:InvokeAgent", "aws-bedrock-agent-invocation");
    expected.put("bedrock:RetrieveAndGenerate", "aws-bedrock-agent-invocation");
    expected.put("bedrock:CreateModelCustomizationJob", "aws-bedrock-model-customization");
    expected.put("sagemaker:InvokeEndpoint", "aws-sagemaker-endpoint-invocation");
    expected.put("sagemaker:CreateEndpoint", "aws-sagemaker-model-activity");
    expected.put("sagemaker:CreateTrainingJob", "aws-sagemaker-model-activity");
    expected.put("comprehend:DetectSentiment", "aws-comprehend-usage");
    expected.put("rekognition:DetectLabels", "aws-rekognition-usage");
    expected.put("textract:AnalyzeDocument", "aws-textract-usage");
    expected.put("transcribe:StartTranscriptionJob", "aws-transcribe-usage");
    expected.put("translate:TranslateText", "aws-translate-usage");
    expected.put("polly:SynthesizeSpeech", "aws-polly-usage");
    expected.put("lex:RecognizeText", "aws-lex-usage");
    expected.put("kendra:Query", "aws-kendra-usage");
    expected.put("qbusiness:ChatSync", "aws-qbusiness-usage");
    expected.put("personalize:GetRecommendations", "aws-personalize-usage");
    expected.put("personalize:CreateCampaign", "aws-personalize-usage");

    expected.forEach(
        (action, rule) ->
            assertThat(ruleIds(detect(usage(action, Map.of(Fact.Attr.PRINCIPAL, ROLE)))))
                .as(action)
                .containsExactly(rule));
  }

  @Test
  void settingUpIsMediumAndServingIsHigh() {
    assertThat(
            only(detect(usage("personalize:CreateCampaign", Map.of())), "aws-personalize-usage")
                .confidence())
        .isEqualTo(Confidence.MEDIUM);
    assertThat(
            only(detect(usage("personalize:GetRecommendations", Map.of())), "aws-personalize-usage")
                .confidence())
        .isEqualTo(Confidence.HIGH);
    assertThat(
            only(detect(usage("sagemaker:CreateModel", Map.of())), "aws-sagemaker-model-activity")
                .confidence())
        .isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void controlPlaneNoiseFiresNoRuleAtAll() {
    for (String action :
        List.of(
            "bedrock:ListCustomModels",
            "bedrock:ListFoundationModels",
            "bedrock:GetFoundationModel",
            "bedrock:GetModelInvocationLoggingConfiguration",
            "sagemaker:ListEndpoints",
            "sagemaker:DescribeTrainingJob",
            "comprehend:ListDocumentClassifiers",
            "rekognition:DescribeCollection",
            "textract:GetDocumentAnalysis",
            "transcribe:ListVocabularies",
            "translate:ListTerminologies",
            "polly:DescribeVoices",
            "lex:ListBots",
            "kendra:DescribeIndex",
            "qbusiness:ListApplications",
            "personalize:DescribeCampaign",
            "s3:GetObject",
            "sts:AssumeRole")) {
      assertThat(detect(usage(action, Map.of(Fact.Attr.PRINCIPAL, ROLE)))).as(action).isEmpty();
    }
  }

  @Test
  void bedrockInvocationLoggingOffIsAGovernanceFinding() {
    String at = "arn:aws:bedrock:eu-west-1:" + ACCOUNT + ":model-invocation-logging";
    Fact off =
        new Fact(
            FactType.SETTING,
            "bedrock:model-invocation-logging",
            target(),
            Location.resource(at),
            Map.of(
                Fact.Attr.STATE, "off", Fact.Attr.REGION, "eu-west-1", Fact.Attr.ACCOUNT, ACCOUNT));

    Finding f = only(detect(off), "aws-bedrock-invocation-logging-off");

    assertThat(f.provider()).isEqualTo("aws-bedrock");
    assertThat(f.category()).isEqualTo(Category.GOVERNANCE);
    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.location()).isEqualTo(Location.resource(at));
    assertThat(f.evidence()).isEqualTo("setting bedrock:model-invocation-logging = off");
    assertThat(f.model()).isNull();
    assertThat(ENGINE.rule("aws-bedrock-invocation-logging-off"))
        .get()
        .satisfies(r -> assertThat(r.iso42001()).contains("A.6.2.8"));

    Fact on =
        new Fact(
            FactType.SETTING,
            "bedrock:model-invocation-logging",
            target(),
            Location.resource(at),
            Map.of(Fact.Attr.STATE, "on"));
    assertThat(detect(on)).isEmpty();
  }

  @Test
  void lambdaVariablesAreMatchedByTheEnvRules() {
    Location lambda = Location.resource("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:chat");
    Map<String, String> attrs =
        Map.of(
            Fact.Attr.RESOURCE_TYPE, "AWS::Lambda::Function",
            Fact.Attr.REGION, "us-east-1",
            Fact.Attr.ACCOUNT, ACCOUNT);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("OPENAI_API_KEY", "openai-api-key-env");
    expected.put("ANTHROPIC_API_KEY", "anthropic-api-key-env");
    expected.put("AWS_BEARER_TOKEN_BEDROCK", "aws-bedrock-api-key-env");

    expected.forEach(
        (name, rule) -> {
          Finding f = only(detect(new Fact(FactType.ENV_VAR, name, target(), lambda, attrs)), rule);
          assertThat(f.location()).isEqualTo(lambda);
          assertThat(f.evidence()).isEqualTo("env " + name);
        });
    assertThat(detect(new Fact(FactType.ENV_VAR, "DATABASE_URL", target(), lambda, attrs)))
        .isEmpty();
  }

  @Test
  void ecsTaskDefinitionImagesAreMatchedByTheImageRules() {
    Location task =
        Location.resource("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/llm:3");
    Map<String, String> attrs = Map.of(Fact.Attr.RESOURCE_TYPE, "AWS::ECS::TaskDefinition");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("ollama/ollama:0.5.7", "ollama-image");
    expected.put("vllm/vllm-openai:v0.6.4", "vllm-server");
    expected.put("ghcr.io/huggingface/text-generation-inference:2.4.0", "huggingface-tgi-image");
    expected.put("ghcr.io/ggml-org/llama.cpp:server-cuda", "llama-cpp-runtime");
    expected.put("nvcr.io/nvidia/tritonserver:24.08-vllm-python-py3", "nvidia-triton-image");
    expected.put("localai/localai:latest-aio-gpu-nvidia-cuda-12", "localai-image");
    expected.put("ghcr.io/open-webui/open-webui:cuda", "open-webui-image");
    expected.put("lmsysorg/sglang:latest", "sglang-server");
    expected.put(
        ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/mirror/ollama/ollama:latest", "ollama-image");

    expected.forEach(
        (image, rule) -> {
          Finding f =
              only(detect(new Fact(FactType.CONTAINER_IMAGE, image, target(), task, attrs)), rule);
          assertThat(f.location()).isEqualTo(task);
          assertThat(f.evidence()).isEqualTo("image " + image);
        });
    for (String plain :
        List.of(
            "public.ecr.aws/nginx/nginx:1.27",
            ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/shop-api:42",
            "nvcr.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04")) {
      assertThat(detect(new Fact(FactType.CONTAINER_IMAGE, plain, target(), task, attrs)))
          .as(plain)
          .isEmpty();
    }
  }

  // --- examples ------------------------------------------------------------------------------

  @Test
  void usageAndSettingExamplesAreLocatedAtAResource() {
    RuleExample usage =
        new RuleExample(FactType.USAGE_EVENT, "bedrock:InvokeModel", Map.of(), null, null);
    RuleExample setting =
        new RuleExample(FactType.SETTING, "bedrock:model-invocation-logging", Map.of(), null, null);

    assertThat(usage.toFact().location()).isEqualTo(Location.resource("example"));
    assertThat(setting.toFact().location()).isEqualTo(Location.resource("example"));
  }

  @Test
  void examplesMayNameAModelOnlyWhereAMatcherCanNameOne() throws IOException {
    RuleEngine withModel =
        engine(
            "acme-invoke",
            "cloud-service",
            "usage-event: {action: \"acme:Invoke\"}",
            "{type: usage-event, value: \"acme:Invoke\", attributes: {model: m-1}, model: m-1}",
            "{type: usage-event, value: \"acme:List\"}");
    assertThat(withModel.testExamples(r -> r.id().equals("acme-invoke")))
        .extracting(RuleTestResult::line)
        .containsExactly("PASS acme-invoke (2 examples)");

    Path wrongModel =
        write(
            "wrong.yaml",
            pack(
                "acme-wrong",
                "cloud-service",
                "usage-event: {action: \"acme:Invoke\"}",
                "{type: usage-event, value: \"acme:Invoke\", attributes: {model: m-1}, model: m-2}",
                "{type: usage-event, value: \"acme:List\"}"));
    assertThat(RuleEngine.testPacks(List.of(wrongModel)))
        .extracting(RuleTestResult::line)
        .containsExactly("FAIL acme-wrong (1 of 2 failed)");

    Path envWithModel =
        write(
            "env.yaml",
            pack(
                "acme-env",
                "credential",
                "env: {name: ACME_KEY, confidence: low}",
                "{type: env-var, value: ACME_KEY, model: m-1}",
                "{type: env-var, value: OTHER_KEY}"));
    assertThatThrownBy(() -> RuleEngine.load(List.of(envWithModel)))
        .isInstanceOf(RuleFormatException.class)
        .hasMessageStartingWith(envWithModel + ":16: rule acme-env: ")
        .hasMessageEndingWith(
            "example names a model but the rule has no model, cloud-resource or usage-event"
                + " matcher");
  }

  // --- helpers -------------------------------------------------------------------------------

  private RuleEngine engine(
      String id, String category, String match, String positive, String negative)
      throws IOException {
    RuleEngine engine =
        RuleEngine.load(
            List.of(write(id + ".yaml", pack(id, category, match, positive, negative))));
    assertThat(engine.testExamples(r -> r.id().equals(id))).allMatch(RuleTestResult::passed);
    return engine;
  }

  private static String pack(
      String id, String category, String match, String positive, String negative) {
    return """
        schemaVersion: 1
        pack: cloud
        rules:
          - id: %s
            provider: acme
            category: %s
            confidence: medium
            title: T
            description: D
            references: [https://example.com]
            iso42001: [A.6.2.8]
            match:
              - %s
            examples:
              positive:
                - %s
              negative:
                - %s
        """
        .formatted(id, category, match, positive, negative);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static dev.aiscan.core.model.Target target() {
    return RuleExample.TARGET;
  }

  private static Location at() {
    return Location.resource(ROLE);
  }

  private static Fact usage(String action, Map<String, String> attributes) {
    Map<String, String> attrs = new HashMap<>(attributes);
    attrs.putIfAbsent(Fact.Attr.ORIGIN, "cloudtrail");
    String principal = attrs.getOrDefault(Fact.Attr.PRINCIPAL, ROLE);
    return new Fact(FactType.USAGE_EVENT, action, target(), Location.resource(principal), attrs);
  }

  private static Fact setting(String name, String state) {
    Map<String, String> attrs = new HashMap<>();
    if (state != null) {
      attrs.put(Fact.Attr.STATE, state);
    }
    return new Fact(FactType.SETTING, name, target(), Location.resource("s"), attrs);
  }

  private static List<Finding> detect(Fact fact) {
    List<Finding> out = new ArrayList<>();
    ENGINE.detect(fact, out::add);
    return out;
  }

  private static List<Finding> acme(RuleEngine engine, Fact fact) {
    List<Finding> out = new ArrayList<>();
    engine.detect(
        fact,
        f -> {
          if (f.ruleId().startsWith("acme-")) {
            out.add(f);
          }
        });
    return out;
  }

  private static List<String> ruleIds(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).toList();
  }

  private static Finding only(List<Finding> findings, String ruleId) {
    List<Finding> of = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertThat(of).as("findings of %s", ruleId).hasSize(1);
    return of.get(0);
  }
}
