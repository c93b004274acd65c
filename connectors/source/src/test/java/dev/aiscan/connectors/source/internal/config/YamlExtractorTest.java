package dev.aiscan.connectors.source.internal.config;

import static dev.aiscan.connectors.source.internal.config.Facts.line;
import static dev.aiscan.connectors.source.internal.config.Facts.lineOf;
import static dev.aiscan.connectors.source.internal.config.Facts.literal;
import static dev.aiscan.connectors.source.internal.config.Facts.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Warning;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlExtractorTest {
  private final YamlExtractor extractor = new YamlExtractor();
  @TempDir Path root;

  private RecordingContext run(String relative, String content) {
    return ExtractorHarness.run(extractor, root, relative, content);
  }

  @Test
  void springBootApplicationYmlWithProfiles() {
    String content =
        """
        spring:
          application:
            name: assistant
          ai:
            openai:
              api-key: ${OPENAI_API_KEY}
              chat:
                options:
                  model: gpt-4o
                  temperature: 0.2
        management:
          endpoint:
            env:
              enabled: true
        ---
        spring:
          config:
            activate:
              on-profile: local
          ai:
            ollama:
              base-url: http://localhost:11434
        """;

    RecordingContext context = run("src/main/resources/application.yml", content);

    Fact apiKey = one(context, FactType.CONFIG_KEY, "spring.ai.openai.api-key");
    assertThat(line(apiKey)).isEqualTo(6);
    assertThat(apiKey.attributes())
        .containsEntry("origin", "yaml")
        .containsEntry("language", "yaml");
    assertThat(line(literal(context, "${OPENAI_API_KEY}", "spring.ai.openai.api-key")))
        .isEqualTo(6);
    assertThat(line(one(context, FactType.CONFIG_KEY, "spring.ai.openai.chat.options.model")))
        .isEqualTo(9);
    assertThat(line(literal(context, "gpt-4o", "spring.ai.openai.chat.options.model")))
        .isEqualTo(9);
    assertThat(line(literal(context, "0.2", "spring.ai.openai.chat.options.temperature")))
        .isEqualTo(10);
    // Only leaf keys are settings, as in a .properties file.
    assertThat(context.values(FactType.CONFIG_KEY))
        .doesNotContain("spring", "spring.ai", "spring.ai.openai", "spring.ai.openai.chat");
    // The second document.
    assertThat(line(literal(context, "http://localhost:11434", "spring.ai.ollama.base-url")))
        .isEqualTo(22);
    // management.endpoint.env is a Spring key, not environment variables.
    assertThat(context.facts(FactType.ENV_VAR)).isEmpty();
    assertThat(context.facts(FactType.CONTAINER_IMAGE)).isEmpty();
    assertThat(context.warnings()).isEmpty();
  }

  @Test
  void dockerComposeImagesAndEnvironment() {
    String content =
        """
        services:
          ollama:
            image: ollama/ollama:latest
            ports:
              - "11434:11434"
            environment:
              - OLLAMA_HOST=0.0.0.0
              - OLLAMA_KEEP_ALIVE
          app:
            build: .
            image: registry.example.com/chat-app:1.2
            environment:
              OPENAI_API_KEY: ${OPENAI_API_KEY}
              MODEL_NAME: llama3.1:8b
            depends_on: [ollama]
        """;

    RecordingContext context = run("docker-compose.yml", content);

    Fact ollama = one(context, FactType.CONTAINER_IMAGE, "ollama/ollama:latest");
    assertThat(line(ollama)).isEqualTo(3);
    assertThat(ollama.attribute("origin")).isEqualTo("docker-compose");
    assertThat(
            one(context, FactType.CONTAINER_IMAGE, "registry.example.com/chat-app:1.2")
                .attribute("origin"))
        .isEqualTo("docker-compose");

    Fact host = one(context, FactType.ENV_VAR, "OLLAMA_HOST");
    assertThat(line(host)).isEqualTo(7);
    assertThat(host.attribute("origin")).isEqualTo("docker-compose");
    assertThat(line(literal(context, "0.0.0.0", "OLLAMA_HOST"))).isEqualTo(7);
    assertThat(line(one(context, FactType.ENV_VAR, "OLLAMA_KEEP_ALIVE"))).isEqualTo(8);

    assertThat(line(one(context, FactType.ENV_VAR, "OPENAI_API_KEY"))).isEqualTo(13);
    assertThat(line(literal(context, "${OPENAI_API_KEY}", "OPENAI_API_KEY"))).isEqualTo(13);
    assertThat(
            line(literal(context, "${OPENAI_API_KEY}", "services.app.environment.OPENAI_API_KEY")))
        .isEqualTo(13);
    assertThat(line(literal(context, "llama3.1:8b", "MODEL_NAME"))).isEqualTo(14);
    assertThat(line(literal(context, "OLLAMA_HOST=0.0.0.0", "services.ollama.environment")))
        .isEqualTo(7);
    assertThat(context.warnings()).isEmpty();
  }

  @Test
  void composeRecognisedByContentUnderAnotherName() {
    String content =
        """
        x-common: &common
          image: ghcr.io/open-webui/open-webui:main
        services:
          webui:
            <<: *common
            environment:
              OLLAMA_BASE_URL: http://ollama:11434
        """;

    RecordingContext context = run("deploy/stack.yaml", content);

    Fact image = one(context, FactType.CONTAINER_IMAGE, "ghcr.io/open-webui/open-webui:main");
    assertThat(image.attribute("origin")).isEqualTo("docker-compose");
    assertThat(line(image)).isEqualTo(2);
    assertThat(one(context, FactType.ENV_VAR, "OLLAMA_BASE_URL").attribute("origin"))
        .isEqualTo("docker-compose");
  }

  @Test
  void kubernetesDeployment() {
    String content =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]
                  env:
                    - name: HUGGING_FACE_HUB_TOKEN
                      valueFrom:
                        secretKeyRef: {name: hf, key: token}
                    - name: VLLM_PORT
                      value: "8000"
        """;

    RecordingContext context = run("k8s/vllm.yaml", content);

    Fact image = one(context, FactType.CONTAINER_IMAGE, "vllm/vllm-openai:v0.6.3");
    assertThat(line(image)).isEqualTo(10);
    assertThat(image.attribute("origin")).isEqualTo("yaml");
    assertThat(line(one(context, FactType.CONFIG_KEY, "spec.template.spec.containers.image")))
        .isEqualTo(10);
    assertThat(
            line(
                literal(
                    context,
                    "meta-llama/Llama-3.1-8B-Instruct",
                    "spec.template.spec.containers.args")))
        .isEqualTo(11);
    Fact token = one(context, FactType.ENV_VAR, "HUGGING_FACE_HUB_TOKEN");
    assertThat(line(token)).isEqualTo(13);
    assertThat(token.attribute("origin")).isEqualTo("yaml");
    assertThat(line(one(context, FactType.ENV_VAR, "VLLM_PORT"))).isEqualTo(16);
    assertThat(line(literal(context, "8000", "VLLM_PORT"))).isEqualTo(17);
    assertThat(context.warnings()).isEmpty();
  }

  @Test
  void helmValuesAndGithubWorkflow() {
    String values =
        """
        image:
          registry: docker.io
          repository: ollama/ollama
          tag: 0.3.12
        """;
    RecordingContext helm = run("chart/values.yaml", values);
    assertThat(line(one(helm, FactType.CONTAINER_IMAGE, "docker.io/ollama/ollama:0.3.12")))
        .isEqualTo(3);

    String workflow =
        """
        on: push
        jobs:
          eval:
            runs-on: ubuntu-latest
            container: python:3.12-slim
            env:
              OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}
            services:
              ollama:
                image: ollama/ollama
            steps:
              - run: pytest
        """;
    RecordingContext gha = run(".github/workflows/eval.yml", workflow);
    assertThat(line(one(gha, FactType.CONTAINER_IMAGE, "python:3.12-slim"))).isEqualTo(5);
    assertThat(line(one(gha, FactType.CONTAINER_IMAGE, "ollama/ollama"))).isEqualTo(10);
    assertThat(line(one(gha, FactType.ENV_VAR, "OPENAI_API_KEY"))).isEqualTo(7);
    assertThat(literal(gha, "${{ secrets.OPENAI_API_KEY }}", "OPENAI_API_KEY")).isNotNull();
  }

  @Test
  void samTemplateWithShortFormIntrinsics() {
    String content =
        """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          ModelId:
            Type: String
            Default: anthropic.claude-3-5-sonnet-20240620-v1:0
        Resources:
          ChatFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Runtime: python3.12
              Environment:
                Variables:
                  MODEL_ID: !Ref ModelId
                  TABLE: !Sub "${AWS::StackName}-history"
              Policies:
                - Statement:
                    - Effect: Allow
                      Action:
                        - bedrock:InvokeModel
                        - bedrock:InvokeModelWithResponseStream
                      Resource: !Sub "arn:aws:bedrock:${AWS::Region}::foundation-model/${ModelId}"
          SupportAgent:
            Type: AWS::Bedrock::Agent
            Properties:
              AgentName: support
              FoundationModel: !Ref ModelId
              AgentResourceRoleArn: !GetAtt AgentRole.Arn
              Instruction: !Join
                - " "
                - [Answer, politely]
          AgentRole:
            Type: AWS::IAM::Role
        Outputs:
          FunctionArn:
            Value: !GetAtt ChatFunction.Arn
        """;

    RecordingContext context = run("template.yaml", content);

    assertThat(context.warnings()).isEmpty();
    Fact function = one(context, FactType.CLOUD_RESOURCE, "AWS::Serverless::Function");
    assertThat(line(function)).isEqualTo(lineOf(content, "Type: AWS::Serverless::Function"));
    assertThat(function.attribute("origin")).isEqualTo("cloudformation");
    assertThat(line(one(context, FactType.CLOUD_RESOURCE, "AWS::Bedrock::Agent")))
        .isEqualTo(lineOf(content, "Type: AWS::Bedrock::Agent"));
    assertThat(context.values(FactType.CLOUD_RESOURCE))
        .containsExactly("AWS::Serverless::Function", "AWS::Bedrock::Agent", "AWS::IAM::Role");
    assertThat(
            line(
                literal(
                    context,
                    "bedrock:InvokeModel",
                    "Resources.ChatFunction.Properties.Policies.Statement.Action")))
        .isEqualTo(lineOf(content, "- bedrock:InvokeModel"));
    assertThat(literal(context, "ModelId", "Resources.SupportAgent.Properties.FoundationModel"))
        .isNotNull();
    assertThat(
            literal(
                context,
                "arn:aws:bedrock:${AWS::Region}::foundation-model/${ModelId}",
                "Resources.ChatFunction.Properties.Policies.Statement.Resource"))
        .isNotNull();
    assertThat(
            literal(
                context, "anthropic.claude-3-5-sonnet-20240620-v1:0", "Parameters.ModelId.Default"))
        .isNotNull();
    assertThat(literal(context, "politely", "Resources.SupportAgent.Properties.Instruction"))
        .isNotNull();
  }

  @Test
  void globalTagsAreComposedNeverConstructed() {
    String content =
        "payload: !!python/object/apply:os.system [\"echo pwned\"]\nother: !!java.net.URL [\"http://x\"]\n";

    RecordingContext context = run("evil.yaml", content);

    assertThat(context.warnings()).isEmpty();
    assertThat(literal(context, "echo pwned", "payload")).isNotNull();
    assertThat(literal(context, "http://x", "other")).isNotNull();
  }

  @Test
  void malformedDocumentWarnsWithItsLineAndKeepsEarlierDocuments() {
    String content =
        """
        first: kept
        ---
        a: b
          c: d
        ---
        never: read
        """;

    RecordingContext context = run("bad.yml", content);

    assertThat(literal(context, "kept", "first")).isNotNull();
    assertThat(context.values(FactType.CONFIG_KEY)).doesNotContain("never");
    assertThat(context.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("test/bad.yml:4");
              assertThat(w.message()).startsWith("invalid YAML: ").doesNotContain("kept");
            });
  }

  @Test
  void unclosedFlowSequenceAndControlCharacters() {
    RecordingContext unclosed = run("a.yaml", "ok: 1\nlist: [a, b\n");
    assertThat(unclosed.warnings())
        .singleElement()
        .extracting(Warning::message)
        .asString()
        .startsWith("invalid YAML: ");

    RecordingContext control = run("b.yaml", "ok: 1\nsecret: abc\u0007def\n");
    assertThat(control.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("test/b.yaml:2");
              assertThat(w.message()).contains("0x7").doesNotContain("abc");
            });
  }

  @Test
  void billionLaughsIsRejectedQuickly() {
    StringBuilder bomb =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int k = 0; k < 9; k++) {
        bomb.append(k == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
    }

    RecordingContext context =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> run("lol.yaml", bomb.toString()));

    assertThat(context.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.message()).startsWith("invalid YAML: ").contains("aliases");
              assertThat(w.source()).isEqualTo("test/lol.yaml:4");
            });
  }

  @Test
  void aliasesWithinTheLimitAreWalkedOnce() {
    StringBuilder chain = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i <= 9; i++) {
      chain
          .append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("]\n");
    }

    RecordingContext context =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> run("chain.yaml", chain.toString()));

    assertThat(context.warnings()).isEmpty();
    assertThat(Facts.all(context, FactType.STRING_LITERAL, "x")).hasSize(2);
  }

  @Test
  void deepNestingWarnsInsteadOfOverflowing() {
    String deep = "k: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

    RecordingContext context =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> run("deep.yaml", deep));

    assertThat(context.warnings())
        .singleElement()
        .extracting(Warning::message)
        .asString()
        .startsWith("invalid YAML: ")
        .containsIgnoringCase("nesting");
  }

  @Test
  void scalarDocumentsAndComplexKeys() {
    String content = "--- just a string\n---\n? [complex, key]\n: value\nsimple: ~\n";

    RecordingContext context = run("odd.yaml", content);

    assertThat(literal(context, "just a string", null)).isNotNull();
    assertThat(context.values(FactType.CONFIG_KEY)).containsExactly("simple");
    assertThat(context.warnings()).isEmpty();
  }
}
