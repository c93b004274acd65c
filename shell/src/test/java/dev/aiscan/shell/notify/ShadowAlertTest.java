package dev.aiscan.shell.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.register.Reconciliation;
import dev.aiscan.shell.notify.ShadowAlert.NewShadowAsset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowAlertTest {

  @Test
  void keepsOnlyShadowAssetsThePreviousScanDidNotSee() {
    ScanResult result = Alerts.reconciled();

    ShadowAlert alert = ShadowAlert.of(result);

    // anthropic is new but registered; ollama is shadow but was seen before.
    assertThat(result.reconciliation().newAssets())
        .containsExactlyInAnyOrder("a-shop-openai", "a-shop-anthropic", "a-billing-langchain");
    assertThat(alert.newShadow())
        .containsExactly(
            new NewShadowAsset(
                "langchain", "ai-integration", "langchain in billing", "billing", List.of(), 1),
            new NewShadowAsset(
                "openai", "ai-integration", "openai in shop", "shop", List.of("gpt-4o"), 2));
    assertThat(alert.scanId()).isEqualTo("20261126T194031Z-97378c");
    assertThat(alert.finished()).isEqualTo(Alerts.FINISHED);
    assertThat(alert.previousScan()).isEqualTo("20261125T194000Z-11aa22");
    assertThat(alert.targets()).containsExactly("shop", "billing");
    assertThat(alert.shadowTotal()).isEqualTo(3);
    assertThat(alert.isEmpty()).isFalse();
  }

  @Test
  void textIsAHeadlineThenOneLinePerAsset() {
    assertThat(Alerts.alert().text())
        .isEqualTo(
            """
            aiscan: 2 new shadow AI assets in scan 20261126T194031Z-97378c (3 shadow in total)
            - langchain in billing (ai-integration, 1 finding)
            - openai in shop (ai-integration, 2 findings, models: gpt-4o)""");
  }

  @Test
  void textListsTwentyAssetsThenCountsTheRest() {
    String text = Alerts.many(23).text();

    assertThat(text.lines().findFirst())
        .hasValue("aiscan: 23 new shadow AI assets in scan s-many (28 shadow in total)");
    assertThat(text.lines().filter(l -> l.startsWith("- "))).hasSize(20);
    assertThat(text)
        .endsWith(
            "\n- openai in repo-19 (ai-integration, 1 finding, models: gpt-4o)\n… and 3 more");
  }

  @Test
  void oneAssetIsSingular() {
    assertThat(Alerts.many(1).headline())
        .isEqualTo("aiscan: 1 new shadow AI asset in scan s-many (6 shadow in total)");
  }

  @Test
  void manyModelsAreCounted() {
    NewShadowAsset a =
        new NewShadowAsset(
            "openai",
            "ai-integration",
            "openai in x",
            "x",
            List.of("a", "b", "c", "d", "e", "f", "g"),
            9);
    assertThat(a.summary())
        .isEqualTo("openai in x (ai-integration, 9 findings, models: a, b, c, d, e and 2 more)");
  }

  @Test
  void nothingNewWhenTheNewAssetsAreAllRegisteredOrSeenBefore() {
    ScanResult result = Alerts.reconciled();
    Reconciliation r = result.reconciliation();
    ScanResult onlyRegisteredNew =
        result.reconciled(
            result.assets(),
            new Reconciliation(
                r.registerSource(),
                r.entries(),
                r.links(),
                java.util.Set.of("a-shop-anthropic"),
                r.previousScan()));

    ShadowAlert alert = ShadowAlert.of(onlyRegisteredNew);

    assertThat(result.assets()).anyMatch(a -> a.status() == AssetStatus.REGISTERED);
    assertThat(alert.isEmpty()).isTrue();
    assertThat(alert.shadowTotal()).isEqualTo(3);
  }

  @Test
  void carriesNoEvidenceNorFingerprint() {
    ShadowAlert alert = Alerts.alert();

    assertThat(alert.toString()).doesNotContain(Alerts.CANARY).doesNotContain("c0ffee42");
    assertThat(alert.text()).doesNotContain(Alerts.CANARY).doesNotContain("c0ffee42");
  }
}
