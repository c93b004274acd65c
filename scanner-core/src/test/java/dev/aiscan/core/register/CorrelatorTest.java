package dev.aiscan.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links between what code shows and what cloud and SaaS connectors report, with the facts those
 * connectors will emit (resource ids and key hints in the vendors' published formats).
 */
class CorrelatorTest {
  private static final Instant AT = Instant.parse("2026-05-04T08:00:00Z");
  private static final Target AZURE =
      new Target(
          "azure:sub-1", "azure", "prod subscription", "0b1f6471-1bf0-4dda-aec3-111122223333");
  private static final Target AWS = new Target("aws:123456789012", "aws", "prod", "123456789012");
  private static final Target ANTHROPIC_ORG =
      new Target("saas:anthropic:acme", "saas", "Anthropic acme", "acme");
  private static final Target GITHUB = new Target("github:acme", "github", "acme", "acme");
  private static final String ACCOUNT =
      "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/ai/providers/"
          + "Microsoft.CognitiveServices/accounts/acme-support";

  private static String kinds(ScanResult r) {
    return Correlator.links(r).stream().map(AssetLink::kind).sorted().toList().toString();
  }

  @Test
  void aKeyInCodeIsTheKeyTheProvidersInventoryListsByItsHint() {
    // a key of Anthropic's format in code; the admin API lists it by partial_key_hint
    // (format of ../shared/fixtures/vendor/anthropic/api_keys/list_api_keys.json)
    String key = "sk-ant-api03-R2D" + "x".repeat(80) + "igAA";
    String fingerprint = Secrets.fingerprint(key);
    ScanResult r =
        new Estate()
            .targets(Estate.SHOP, ANTHROPIC_ORG)
            .finding(
                Estate.SHOP,
                "anthropic-api-key",
                "anthropic",
                Category.CREDENTIAL,
                Location.file(".env", 2),
                "ANTHROPIC_API_KEY=" + fingerprint,
                null,
                fingerprint,
                null)
            .finding(
                ANTHROPIC_ORG,
                "anthropic-admin-key",
                "anthropic",
                Category.CREDENTIAL,
                Location.resource(
                    "anthropic:workspace/wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ/apikey_01Rj2N8SVvo6BePZj99NhmiT"),
                "key Developer Key",
                null,
                "sk-ant-api03-R2D...igAA",
                null)
            .scan("s1", AT);

    List<AssetLink> links = Correlator.links(r);

    assertThat(links)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo("api-key");
              assertThat(l.reason())
                  .startsWith(
                      "the same API key (sk-a…igAA) is in .env:2 and in anthropic:workspace/")
                  .doesNotContain("xxxxxxxx");
            });
  }

  @Test
  void differentKeysWithTheSameEndingsAreNotLinkedWhenBothHaveHashes() {
    ScanResult r =
        new Estate()
            .targets(Estate.SHOP, Estate.BILLING)
            .finding(
                Estate.SHOP,
                "openai-api-key",
                "openai",
                Category.CREDENTIAL,
                Location.file(".env", 1),
                "OPENAI_API_KEY",
                null,
                "sk-p…wxyz sha256:1a2b3c4d",
                null)
            .finding(
                Estate.BILLING,
                "openai-api-key",
                "openai",
                Category.CREDENTIAL,
                Location.file(".env", 1),
                "OPENAI_API_KEY",
                null,
                "sk-p…wxyz sha256:99999999",
                null)
            .scan("s1", AT);
    assertThat(Correlator.links(r)).isEmpty();
  }

  @Test
  void anAzureHostInCodeIsTheAzureAccountAndADeploymentNamedInCodeIsItsDeployment() {
    ScanResult r =
        new Estate()
            .targets(Estate.SHOP, AZURE)
            .finding(
                Estate.SHOP,
                "azure-openai-endpoint",
                "azure-openai",
                Category.ENDPOINT,
                Location.file("src/config.py", 4),
                "https://acme-support.openai.azure.com/",
                null,
                null,
                null)
            .finding(
                Estate.SHOP,
                "azure-openai-sdk",
                "azure-openai",
                Category.MODEL,
                Location.file("src/chat.py", 9),
                "azure_deployment=\"gpt4o-prod\"",
                "gpt4o-prod",
                null,
                null)
            .finding(
                AZURE,
                "azure-openai-account",
                "azure-openai",
                Category.CLOUD_SERVICE,
                Location.resource(ACCOUNT),
                "kind OpenAI",
                null,
                null,
                null)
            .finding(
                AZURE,
                "azure-openai-deployment",
                "azure-openai",
                Category.CLOUD_SERVICE,
                Location.resource(ACCOUNT + "/deployments/gpt4o-prod"),
                "model gpt-4o 2024-08-06",
                "gpt-4o",
                null,
                null)
            .scan("s1", AT);

    List<AssetLink> links = Correlator.links(r);

    // both code findings belong to one asset, both cloud ones to another: one link of each kind
    assertThat(kinds(r)).isEqualTo("[deployment, endpoint]");
    assertThat(links)
        .extracting(AssetLink::reason)
        .contains(
            "src/config.py:4 calls acme-support.openai.azure.com, the Azure account acme-support",
            "src/chat.py:9 names the deployment gpt4o-prod of Azure account acme-support");
  }

  @Test
  void aBedrockModelIdInCodeIsTheAccountThatInvokesIt() {
    String model = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    ScanResult r =
        new Estate()
            .targets(Estate.SHOP, AWS)
            .finding(
                Estate.SHOP,
                "aws-bedrock-model",
                "aws-bedrock",
                Category.MODEL,
                Location.file("src/summarise.py", 7),
                "modelId=\"" + model + "\"",
                model,
                null,
                null)
            .finding(
                AWS,
                "aws-bedrock-invocation",
                "aws-bedrock",
                Category.CLOUD_SERVICE,
                Location.resource("arn:aws:bedrock:eu-west-1::foundation-model/" + model),
                "InvokeModel by arn:aws:iam::123456789012:role/shop-api (412 calls)",
                model,
                null,
                null)
            .scan("s1", AT);

    assertThat(Correlator.links(r))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo("model-usage");
              assertThat(l.reason())
                  .isEqualTo(
                      "model "
                          + model
                          + " named in src/summarise.py:7 is used by arn:aws:bedrock:eu-west-1::foundation-model/"
                          + model);
            });
  }

  @Test
  void aRepositoryListedByGitHubIsTheSourceTreeScannedUnderItsName() {
    ScanResult r =
        new Estate()
            .targets(Estate.SHOP, GITHUB)
            .code(Estate.SHOP, "openai", "src/chat.py", 3, null)
            .finding(
                GITHUB,
                "github-copilot-repository",
                "github-copilot",
                Category.SAAS_APP,
                Location.resource("https://github.com/acme/shop"),
                "Copilot enabled",
                null,
                null,
                null)
            .scan("s1", AT);

    assertThat(Correlator.links(r))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo("repository");
              assertThat(l.reason())
                  .isEqualTo(
                      "repository https://github.com/acme/shop is the scanned source tree shop");
            });
  }

  @Test
  void unrelatedFindingsAreNotLinked() {
    assertThat(Correlator.links(Estate.standard().scan("s1", AT))).isEmpty();
  }
}
