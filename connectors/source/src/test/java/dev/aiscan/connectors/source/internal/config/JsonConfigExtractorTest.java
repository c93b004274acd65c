package dev.aiscan.connectors.source.internal.config;

import static dev.aiscan.connectors.source.internal.config.Facts.line;
import static dev.aiscan.connectors.source.internal.config.Facts.lineOf;
import static dev.aiscan.connectors.source.internal.config.Facts.literal;
import static dev.aiscan.connectors.source.internal.config.Facts.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Warning;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonConfigExtractorTest {
  private final JsonConfigExtractor extractor = new JsonConfigExtractor();
  @TempDir Path root;

  @Test
  void cloudFormationJson() {
    String content =
        """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Parameters": {"Model": {"Type": "String", "Default": "amazon.titan-embed-text-v2:0"}},
          "Resources": {
            "Endpoint": {
              "Type": "AWS::SageMaker::Endpoint",
              "Properties": {"EndpointConfigName": {"Ref": "Config"}}
            },
            "KnowledgeBase": {
              "Type": "AWS::Bedrock::KnowledgeBase",
              "Properties": {
                "Name": "docs",
                "KnowledgeBaseConfiguration": {
                  "VectorKnowledgeBaseConfiguration": {
                    "EmbeddingModelArn": {"Fn::Sub": "arn:aws:bedrock:${AWS::Region}::foundation-model/amazon.titan-embed-text-v2:0"}
                  }
                }
              }
            },
            "Policy": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["bedrock:InvokeModel"], "Resource": "*"}]}}
            }
          }
        }
        """;

    RecordingContext context =
        ExtractorHarness.run(extractor, root, "infra/stack.template.json", content);

    assertThat(context.values(FactType.CLOUD_RESOURCE))
        .containsExactly(
            "AWS::SageMaker::Endpoint", "AWS::Bedrock::KnowledgeBase", "AWS::IAM::ManagedPolicy");
    Fact kb = one(context, FactType.CLOUD_RESOURCE, "AWS::Bedrock::KnowledgeBase");
    assertThat(line(kb)).isEqualTo(10);
    assertThat(kb.attributes())
        .containsEntry("origin", "cloudformation")
        .containsEntry("language", "json");
    assertThat(
            line(
                literal(
                    context,
                    "bedrock:InvokeModel",
                    "Resources.Policy.Properties.PolicyDocument.Statement.Action")))
        .isEqualTo(22);
    assertThat(literal(context, "amazon.titan-embed-text-v2:0", "Parameters.Model.Default"))
        .isNotNull();
    assertThat(literal(context, "String", "Parameters.Model.Type")).isNotNull();
    assertThat(
            literal(
                context,
                "arn:aws:bedrock:${AWS::Region}::foundation-model/amazon.titan-embed-text-v2:0",
                "Resources.KnowledgeBase.Properties.KnowledgeBaseConfiguration.VectorKnowledgeBaseConfiguration.EmbeddingModelArn.Fn::Sub"))
        .isNotNull();
    assertThat(context.warnings()).isEmpty();
  }

  @Test
  void armTemplateWithNestedResources() {
    String content =
        """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          // JSONC comments are tolerated
          "resources": [
            {
              "type": "Microsoft.CognitiveServices/accounts",
              "apiVersion": "2023-05-01",
              "name": "[parameters('accountName')]",
              "kind": "OpenAI",
              "sku": {"name": "S0"},
              "resources": [
                {
                  "type": "deployments",
                  "apiVersion": "2023-05-01",
                  "name": "gpt-4o",
                  "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-05-13"}}
                }
              ]
            },
            {
              "type": "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
              "apiVersion": "2024-04-01",
              "name": "ep",
            }
          ]
        }
        """;

    RecordingContext context = ExtractorHarness.run(extractor, root, "azuredeploy.json", content);

    assertThat(context.warnings()).isEmpty();
    assertThat(context.values(FactType.CLOUD_RESOURCE))
        .containsExactly(
            "Microsoft.CognitiveServices/accounts",
            "Microsoft.CognitiveServices/accounts/deployments",
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
    Fact account = one(context, FactType.CLOUD_RESOURCE, "Microsoft.CognitiveServices/accounts");
    assertThat(line(account)).isEqualTo(7);
    assertThat(account.attribute("origin")).isEqualTo("arm");
    assertThat(
            line(
                one(
                    context,
                    FactType.CLOUD_RESOURCE,
                    "Microsoft.CognitiveServices/accounts/deployments")))
        .isEqualTo(14);
    assertThat(line(literal(context, "OpenAI", "resources.kind"))).isEqualTo(10);
    assertThat(line(literal(context, "gpt-4o", "resources.resources.properties.model.name")))
        .isEqualTo(lineOf(content, "\"format\""));
  }

  @Test
  void bicepCompiledSymbolicResources() {
    String content =
        """
        {"languageVersion": "2.0", "resources": {"account": {"type": "Microsoft.CognitiveServices/accounts", "apiVersion": "2023-05-01"}}}
        """;

    RecordingContext context = ExtractorHarness.run(extractor, root, "main.json", content);

    assertThat(context.values(FactType.CLOUD_RESOURCE))
        .containsExactly("Microsoft.CognitiveServices/accounts");
  }

  @Test
  void malformedJsonWarnsWithTheLineAndNoValue() {
    String content = "{\n  \"ok\": \"kept\",\n  \"key\": sk-secret-value\n}\n";

    RecordingContext context = ExtractorHarness.run(extractor, root, "settings.json", content);

    assertThat(literal(context, "kept", "ok")).isNotNull();
    assertThat(context.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("test/settings.json:3");
              assertThat(w.message())
                  .startsWith("invalid JSON: ")
                  .doesNotContain("sk-secret")
                  .doesNotContain("secret");
            });
  }

  @Test
  void truncatedAndDeepJsonWarn() {
    RecordingContext truncated =
        ExtractorHarness.run(extractor, root, "t.json", "{\"a\": [1, 2,\n");
    assertThat(truncated.warnings())
        .singleElement()
        .extracting(Warning::message)
        .asString()
        .startsWith("invalid JSON: ");

    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    RecordingContext nested =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> ExtractorHarness.run(extractor, root, "deep.json", deep));
    assertThat(nested.warnings())
        .singleElement()
        .extracting(Warning::message)
        .asString()
        .startsWith("invalid JSON: ")
        .containsIgnoringCase("nesting");
  }

  @Test
  void acceptsConfigJsonButNotManifests() {
    assertThat(extractor.accepts(file("config/appsettings.json"))).isTrue();
    assertThat(extractor.accepts(file("web/package.json"))).isFalse();
    assertThat(extractor.accepts(file("package-lock.json"))).isFalse();
    assertThat(extractor.accepts(file("tsconfig.build.json"))).isFalse();
    assertThat(extractor.accepts(file("notebook.ipynb"))).isFalse();
    assertThat(extractor.accepts(file("composer.lock"))).isFalse();
  }

  private static SourceFile file(String relative) {
    return new SourceFile(Path.of(relative), relative, 0, m -> {});
  }
}
