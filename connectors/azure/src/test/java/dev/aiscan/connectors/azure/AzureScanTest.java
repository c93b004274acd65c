package dev.aiscan.connectors.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From the fake subscription to findings, assets and resources, with the real rule catalogue. */
class AzureScanTest extends FakeAzureTest {
  static final RuleEngine RULES = RuleEngine.loadDefault();

  @Test
  void theSubscriptionsAiBecomesFindingsAssetsAndResources() {
    stubCognitive();
    stubTheRest();

    ScanResult r =
        new ScanEngine(List.of(new AzureConnector(azure.ssl)), RULES, "test")
            .scan(ScanRequest.of(List.of(SUBSCRIPTION), settings()), ScanListener.NONE);

    assertThat(r.warnings()).isEmpty();
    String gpt4o = AzureConnectorTest.FOUNDRY + "/deployments/gpt-4o-claims";
    Finding deployment =
        r.findings().stream()
            .filter(f -> gpt4o.equals(f.location().resource()))
            .findFirst()
            .orElseThrow();
    assertThat(deployment.provider()).isEqualTo("azure-openai");
    assertThat(deployment.model()).isEqualTo("gpt-4o");
    assertThat(r.findings())
        .filteredOn(f -> AzureConnectorTest.OPENAI.equals(f.location().resource()))
        .extracting(Finding::ruleId)
        .contains(
            "azure-openai-account-kind",
            "azure-ai-key-auth-enabled",
            "azure-ai-public-network-access");
    // the Foundry account is keyless and private: no governance finding
    assertThat(r.findings())
        .filteredOn(f -> AzureConnectorTest.FOUNDRY.equals(f.location().resource()))
        .extracting(Finding::category)
        .doesNotContain(Category.GOVERNANCE);

    Asset openai =
        r.assets().stream()
            .filter(a -> a.provider().equals("azure-openai"))
            .findFirst()
            .orElseThrow();
    assertThat(openai.models()).contains("gpt-4o", "ada");
    assertThat(r.assets()).extracting(Asset::provider).contains("azure-ai-services", "azure-ml");

    CloudResource account =
        r.resources().stream()
            .filter(c -> c.id().equals(AzureConnectorTest.OPENAI))
            .findFirst()
            .orElseThrow();
    assertThat(account.type()).isEqualTo("Microsoft.CognitiveServices/accounts");
    assertThat(account.region()).isEqualTo("swedencentral");
    assertThat(account.tag("owner")).isEqualTo("support-platform@contoso.com");
  }
}
