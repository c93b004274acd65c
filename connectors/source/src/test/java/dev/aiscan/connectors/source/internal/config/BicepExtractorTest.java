package dev.aiscan.connectors.source.internal.config;

import static dev.aiscan.connectors.source.internal.config.Facts.line;
import static dev.aiscan.connectors.source.internal.config.Facts.lineOf;
import static dev.aiscan.connectors.source.internal.config.Facts.literal;
import static dev.aiscan.connectors.source.internal.config.Facts.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BicepExtractorTest {
  private final BicepExtractor extractor = new BicepExtractor();
  @TempDir Path root;

  @Test
  void azureOpenAiAccountAndDeployments() {
    String content =
        """
        @description('Name of the Azure OpenAI account')
        param accountName string = 'contoso-openai'
        param location string = resourceGroup().location
        var modelName = 'gpt-4o'

        resource account 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
          name: accountName
          location: location
          kind: 'OpenAI'
          sku: {
            name: 'S0'
          }
          properties: {
            customSubDomainName: '${accountName}-${uniqueString(resourceGroup().id, 'x')}'
          }

          resource nested 'deployments@2023-05-01' = {
            name: 'embeddings'
          }
        }

        resource chat 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {
          parent: account
          name: modelName
          properties: {
            model: {
              format: 'OpenAI'
              name: modelName
              version: '2024-05-13'
            }
          }
        }

        resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
          name: 'kv-${accountName}'
        }

        var prompt = '''
        You are a helpful assistant.
        Don't use 'quotes' wrongly.
        '''
        var escaped = 'it\\'s ${modelName} \\${not}'
        var pick = true ? 'a' : 'b'
        var smile = 'smile \\u{263A}'
        """;

    RecordingContext context = ExtractorHarness.run(extractor, root, "infra/main.bicep", content);

    assertThat(context.warnings()).isEmpty();
    assertThat(context.values(FactType.CLOUD_RESOURCE))
        .containsExactly(
            "Microsoft.CognitiveServices/accounts",
            "Microsoft.CognitiveServices/accounts/deployments",
            "Microsoft.CognitiveServices/accounts/deployments",
            "Microsoft.KeyVault/vaults");
    Fact account = one(context, FactType.CLOUD_RESOURCE, "Microsoft.CognitiveServices/accounts");
    assertThat(line(account)).isEqualTo(6);
    assertThat(account.attributes())
        .containsEntry("origin", "bicep")
        .containsEntry("language", "bicep");
    assertThat(context.facts(FactType.CLOUD_RESOURCE).get(1).location().line())
        .isEqualTo(lineOf(content, "resource nested"));
    assertThat(context.facts(FactType.CLOUD_RESOURCE).get(2).location().line())
        .isEqualTo(lineOf(content, "resource chat"));
    assertThat(line(one(context, FactType.CLOUD_RESOURCE, "Microsoft.KeyVault/vaults")))
        .isEqualTo(lineOf(content, "resource kv"));

    assertThat(line(literal(context, "OpenAI", "kind"))).isEqualTo(9);
    assertThat(line(literal(context, "OpenAI", "format")))
        .isEqualTo(lineOf(content, "format: 'OpenAI'"));
    assertThat(line(literal(context, "contoso-openai", "accountName"))).isEqualTo(2);
    assertThat(line(literal(context, "gpt-4o", "modelName"))).isEqualTo(4);
    assertThat(literal(context, "S0", "name")).isNotNull();
    assertThat(
            literal(
                context,
                "${accountName}-${uniqueString(resourceGroup().id, 'x')}",
                "customSubDomainName"))
        .isNotNull();
    assertThat(literal(context, "Name of the Azure OpenAI account", null)).isNotNull();
    assertThat(
            line(
                literal(
                    context,
                    "You are a helpful assistant.\nDon't use 'quotes' wrongly.\n",
                    "prompt")))
        .isEqualTo(lineOf(content, "var prompt"));
    assertThat(line(literal(context, "it's ${modelName} ${not}", "escaped")))
        .isEqualTo(lineOf(content, "var escaped"));
    assertThat(literal(context, "smile \u263A", "smile")).isNotNull();
    assertThat(literal(context, "a", null)).isNotNull();
    assertThat(literal(context, "b", null)).isNotNull();
  }

  @Test
  void unterminatedStringsWarn() {
    RecordingContext context =
        ExtractorHarness.run(
            extractor,
            root,
            "bad.bicep",
            "var a = 'open\nresource r 'Microsoft.Web/sites@2022-03-01' = {}\nvar b = '''never closed\n");

    assertThat(context.warnings())
        .extracting(w -> w.source())
        .containsExactly("test/bad.bicep:1", "test/bad.bicep:3");
    assertThat(context.values(FactType.CLOUD_RESOURCE)).containsExactly("Microsoft.Web/sites");
  }
}
