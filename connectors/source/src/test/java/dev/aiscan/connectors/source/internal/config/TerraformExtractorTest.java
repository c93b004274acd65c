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
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformExtractorTest {
  private final TerraformExtractor extractor = new TerraformExtractor();
  @TempDir Path root;

  @Test
  void azureOpenAiAndBedrock() {
    String content =
        """
        # Azure OpenAI account
        resource "azurerm_cognitive_account" "openai" {
          name                = "${var.prefix}-openai"
          kind                = "OpenAI" // the kind rules match on
          sku_name            = "S0"
          custom_subdomain_name = "${var.prefix == "prod" ? "ai" : "ai-dev"}"
          tags = { team = "ml" }
        }

        /* deployment
           of a model */
        resource "azurerm_cognitive_deployment" "chat" {
          model {
            format  = "OpenAI"
            name    = "gpt-4o"
            version = "2024-05-13"
          }
        }

        data "aws_bedrock_foundation_model" "claude" {
          model_id = "anthropic.claude-3-5-sonnet-20240620-v1:0"
        }

        resource "aws_iam_policy" "invoke" {
          policy = <<-EOT
            {
              "Statement": [{"Action": ["bedrock:InvokeModel"], "Effect": "Allow"}]
            }
          EOT
          description = "escaped \\"quotes\\" and $${literal}"
        }

        locals {
          data = "not a block"
          resource = { x = 1 }
        }
        """;

    RecordingContext context = ExtractorHarness.run(extractor, root, "infra/main.tf", content);

    assertThat(context.warnings()).isEmpty();
    assertThat(context.values(FactType.CLOUD_RESOURCE))
        .containsExactly(
            "azurerm_cognitive_account",
            "azurerm_cognitive_deployment",
            "aws_bedrock_foundation_model",
            "aws_iam_policy");
    Fact account = one(context, FactType.CLOUD_RESOURCE, "azurerm_cognitive_account");
    assertThat(line(account)).isEqualTo(2);
    assertThat(account.attributes())
        .containsEntry("origin", "terraform")
        .containsEntry("language", "terraform");
    assertThat(line(one(context, FactType.CLOUD_RESOURCE, "aws_bedrock_foundation_model")))
        .isEqualTo(lineOf(content, "data \"aws_bedrock"));

    assertThat(line(literal(context, "OpenAI", "kind"))).isEqualTo(4);
    assertThat(line(literal(context, "${var.prefix}-openai", "name"))).isEqualTo(3);
    assertThat(
            line(
                literal(
                    context,
                    "${var.prefix == \"prod\" ? \"ai\" : \"ai-dev\"}",
                    "custom_subdomain_name")))
        .isEqualTo(6);
    assertThat(line(literal(context, "gpt-4o", "name"))).isEqualTo(lineOf(content, "\"gpt-4o\""));
    assertThat(literal(context, "anthropic.claude-3-5-sonnet-20240620-v1:0", "model_id"))
        .isNotNull();
    assertThat(literal(context, "escaped \"quotes\" and ${literal}", "description")).isNotNull();
    assertThat(literal(context, "ml", "team")).isNotNull();

    Fact policy =
        literal(
            context,
            "{\n  \"Statement\": [{\"Action\": [\"bedrock:InvokeModel\"], \"Effect\": \"Allow\"}]\n}\n",
            "policy");
    assertThat(line(policy)).isEqualTo(lineOf(content, "policy = <<-EOT"));
    // Lines keep counting after the heredoc.
    assertThat(line(literal(context, "not a block", "data")))
        .isEqualTo(lineOf(content, "data = \"not a block\""));
  }

  @Test
  void unterminatedConstructsWarnWithoutThrowing() {
    RecordingContext string =
        ExtractorHarness.run(
            extractor, root, "a.tf", "a = \"open\nresource \"aws_s3_bucket\" \"b\" {}\n");
    assertThat(string.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("test/a.tf:1");
              assertThat(w.message()).isEqualTo("unterminated string");
            });
    assertThat(string.values(FactType.CLOUD_RESOURCE)).containsExactly("aws_s3_bucket");

    RecordingContext heredoc =
        ExtractorHarness.run(extractor, root, "b.tf", "x = <<EOF\nnever ends\n");
    assertThat(heredoc.warnings())
        .singleElement()
        .extracting(w -> w.source())
        .isEqualTo("test/b.tf:1");
    assertThat(literal(heredoc, "never ends\n", "x")).isNotNull();

    RecordingContext garbage =
        ExtractorHarness.run(
            extractor, root, "c.tf", "\"${\"${\"${ /* }}} \n<<\n<<-\n}}}{{{ resource");
    assertThat(garbage.facts(FactType.CLOUD_RESOURCE)).isEmpty();
  }

  @Test
  void deeplyNestedInterpolationsStayLinear() {
    String deep = "x = \"" + "${\"".repeat(50_000) + "\n";
    RecordingContext context =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> ExtractorHarness.run(extractor, root, "deep.tf", deep));
    assertThat(context.warnings()).hasSize(1);
  }
}
