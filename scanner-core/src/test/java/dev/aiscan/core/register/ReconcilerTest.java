package dev.aiscan.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

  private static RegisterEntry entry(String id, int line, Selectors selectors) {
    return new RegisterEntry(
        id,
        id,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        selectors,
        new RegisterEntry.Origin("register.yaml", line));
  }

  private static Selectors where(
      List<String> repositories, List<String> providers, List<String> models) {
    return new Selectors(
        repositories, null, null, null, null, null, null, null, null, providers, models);
  }

  private static ScanResult reconcile(Register register) {
    return Reconciler.reconcile(Estate.standard().scan("s3", NOW), register, ScanHistory.NONE, 3);
  }

  private static Asset asset(ScanResult r, String provider) {
    return r.assets().stream().filter(a -> a.provider().equals(provider)).findFirst().orElseThrow();
  }

  @Test
  void withoutARegisterEverythingIsShadowAndSaysSo() {
    ScanResult r = reconcile(Register.NONE);
    assertThat(r.assets())
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(AssetStatus.SHADOW);
              assertThat(a.statusReason()).isEqualTo("no register given");
            });
    assertThat(r.reconciliation().registerGiven()).isFalse();
    assertThat(r.reconciliation().newAssets()).hasSize(3);
  }

  @Test
  void registeredDriftAndShadowEachWithTheirReason() {
    Register register =
        new Register(
            "register.yaml",
            List.of(
                entry(
                    "shop-assistant",
                    3,
                    where(List.of("sho*"), List.of("openai"), List.of("gpt-4o*")))));

    ScanResult r = reconcile(register);

    Asset openai = asset(r, "openai");
    assertThat(openai.status()).isEqualTo(AssetStatus.REGISTERED);
    assertThat(openai.registerId()).isEqualTo("shop-assistant");
    assertThat(openai.statusReason())
        .isEqualTo("entry shop-assistant (register.yaml:3) covers it by repository sho*");
    Asset anthropic = asset(r, "anthropic");
    assertThat(anthropic.status()).isEqualTo(AssetStatus.DRIFT);
    assertThat(anthropic.statusReason())
        .isEqualTo(
            "entry shop-assistant (register.yaml:3) covers its place but does not list provider anthropic");
    assertThat(asset(r, "langchain").status()).isEqualTo(AssetStatus.SHADOW);
    assertThat(asset(r, "langchain").statusReason()).isEqualTo("no register entry covers it");
    assertThat(r.reconciliation().entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.state()).isEqualTo(EntryStatus.State.MATCHED);
              assertThat(e.assetIds()).containsExactlyInAnyOrder(openai.id(), anthropic.id());
            });
  }

  @Test
  void aModelTheEntryDoesNotListIsDriftAndALaterEntryThatListsItWins() {
    Register register =
        new Register(
            "register.yaml",
            List.of(
                entry(
                    "mini-only",
                    3,
                    where(List.of("shop"), List.of("openai"), List.of("gpt-4o-mini"))),
                entry("shop-openai", 9, where(List.of("shop"), List.of("openai"), List.of()))));
    Register onlyFirst = new Register("register.yaml", register.entries().subList(0, 1));

    assertThat(asset(reconcile(onlyFirst), "openai").statusReason())
        .isEqualTo(
            "entry mini-only (register.yaml:3) covers its place but does not list model gpt-4o");
    Asset openai = asset(reconcile(register), "openai");
    assertThat(openai.status()).isEqualTo(AssetStatus.REGISTERED);
    assertThat(openai.registerId()).isEqualTo("shop-openai");
  }

  @Test
  void anEntryWithoutPlacesCoversEveryAssetOfItsProviders() {
    Register register =
        new Register(
            "r.yaml",
            List.of(entry("langchain-everywhere", 2, where(null, List.of("langchain"), null))));
    assertThat(asset(reconcile(register), "langchain").statusReason())
        .isEqualTo("entry langchain-everywhere (register.yaml:2) covers it by provider langchain");
  }

  @Test
  void pathsAndPackagesSelectInsideATarget() {
    Selectors jobs =
        new Selectors(
            null, List.of("jobs/**"), null, null, null, null, null, null, null, null, null);
    Selectors langchain =
        new Selectors(
            null, null, List.of("npm:langchain"), null, null, null, null, null, null, null, null);
    Register register =
        new Register("r.yaml", List.of(entry("jobs", 2, jobs), entry("billing-lc", 8, langchain)));

    ScanResult r = reconcile(register);

    assertThat(asset(r, "anthropic").statusReason())
        .isEqualTo("entry jobs (register.yaml:2) covers it by path jobs/**");
    assertThat(asset(r, "openai").status()).isEqualTo(AssetStatus.SHADOW);
    assertThat(asset(r, "langchain").statusReason())
        .isEqualTo("entry billing-lc (register.yaml:8) covers it by package npm:langchain");
  }

  @Test
  void anEntryUnmatchedForThreeScansIsStaleAndOneAboutCloudAccountsIsOutOfScope() {
    // the shop's legacy chatbot was deleted: its entry covers nothing in scans of the shop
    Selectors gone =
        new Selectors(
            List.of("shop"),
            List.of("legacy/**"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Selectors cloud =
        new Selectors(
            null, null, null, List.of("123456789012"), null, null, null, null, null, null, null);
    Register register =
        new Register("r.yaml", List.of(entry("legacy", 4, gone), entry("fraud-model", 12, cloud)));
    ScanHistory twoUnmatched =
        history(
            snapshot("s2", "2026-05-03T08:00:00Z", Map.of("legacy", 0, "fraud-model", 0)),
            snapshot("s1", "2026-05-02T08:00:00Z", Map.of("legacy", 0, "fraud-model", 0)));
    ScanHistory oneUnmatched =
        history(
            snapshot("s2", "2026-05-03T08:00:00Z", Map.of("legacy", 0)),
            snapshot("s1", "2026-05-02T08:00:00Z", Map.of("legacy", 2)));

    ScanResult stale =
        Reconciler.reconcile(Estate.standard().scan("s3", NOW), register, twoUnmatched, 3);
    ScanResult unmatched =
        Reconciler.reconcile(Estate.standard().scan("s3", NOW), register, oneUnmatched, 3);

    assertThat(stale.reconciliation().entries())
        .extracting(EntryStatus::id, EntryStatus::state, EntryStatus::unmatchedScans)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("legacy", EntryStatus.State.STALE, 3),
            org.assertj.core.groups.Tuple.tuple("fraud-model", EntryStatus.State.OUT_OF_SCOPE, 0));
    assertThat(unmatched.reconciliation().entries().get(0).state())
        .isEqualTo(EntryStatus.State.UNMATCHED);
    assertThat(unmatched.reconciliation().entries().get(0).unmatchedScans()).isEqualTo(2);
  }

  private static Selectors tagged(
      List<String> accounts, Map<String, String> tags, List<String> providers) {
    return new Selectors(null, null, null, accounts, null, tags, null, null, null, providers, null);
  }

  private static ScanResult reconcileWithCloud(RegisterEntry... entries) {
    return Reconciler.reconcile(
        Estate.withCloud().scan("s3", NOW),
        new Register("register.yaml", List.of(entries)),
        ScanHistory.NONE,
        3);
  }

  @Test
  void tagsSelectTheAssetsWhoseResourcesCarryThemWithKeysInAnyCase() {
    // the endpoint is tagged App=fraud-scoring: the entry writes the key in lower case
    ScanResult r =
        reconcileWithCloud(
            entry(
                "fraud-scoring",
                5,
                tagged(
                    null,
                    Map.of("env", "prod", "app", "fraud-scoring"),
                    List.of("aws-sagemaker"))));

    Asset sagemaker = asset(r, "aws-sagemaker");
    assertThat(sagemaker.status()).isEqualTo(AssetStatus.REGISTERED);
    assertThat(sagemaker.statusReason())
        .isEqualTo(
            "entry fraud-scoring (register.yaml:5) covers it by tags {app: fraud-scoring, env:"
                + " prod} on arn:aws:sagemaker:eu-west-1:123456789012:endpoint/fraud-scoring");
    // the Bedrock agent is prod too, but not the fraud app
    assertThat(asset(r, "aws-bedrock").status()).isEqualTo(AssetStatus.SHADOW);
    assertThat(r.reconciliation().entries().get(0).assetIds()).containsExactly(sagemaker.id());
  }

  @Test
  void tagValuesMustMatchExactlyAndEveryTagMustBeThere() {
    ScanResult r =
        reconcileWithCloud(
            entry("wrong-case", 2, tagged(null, Map.of("app", "Fraud-Scoring"), null)),
            entry(
                "one-missing",
                9,
                tagged(null, Map.of("app", "fraud-scoring", "team", "risk"), null)));

    assertThat(r.assets()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AssetStatus.SHADOW));
    assertThat(r.reconciliation().entries())
        .extracting(EntryStatus::state)
        .containsExactly(EntryStatus.State.UNMATCHED, EntryStatus.State.UNMATCHED);
  }

  @Test
  void tagsCombineWithTheAccountAndWhatTheEntryListsDecidesDrift() {
    ScanResult r =
        reconcileWithCloud(
            entry(
                "support-agent",
                3,
                tagged(List.of("123456789012"), Map.of("team", "support"), List.of("openai"))));

    Asset bedrock = asset(r, "aws-bedrock");
    assertThat(bedrock.status()).isEqualTo(AssetStatus.DRIFT);
    assertThat(bedrock.statusReason())
        .isEqualTo(
            "entry support-agent (register.yaml:3) covers its place but does not list provider"
                + " aws-bedrock");

    ScanResult listed =
        reconcileWithCloud(
            entry(
                "support-agent",
                3,
                tagged(List.of("prod"), Map.of("team", "support"), List.of("aws-bedrock"))));
    assertThat(asset(listed, "aws-bedrock").statusReason())
        .isEqualTo(
            "entry support-agent (register.yaml:3) covers it by cloud account prod, tags {team:"
                + " support} on arn:aws:bedrock:us-east-1:123456789012:agent/AGENT1");
    // another account's entry with the same tags covers nothing here
    ScanResult elsewhere =
        reconcileWithCloud(
            entry("staging", 3, tagged(List.of("210987654321"), Map.of("team", "support"), null)));
    assertThat(asset(elsewhere, "aws-bedrock").status()).isEqualTo(AssetStatus.SHADOW);
  }

  @Test
  void withoutResourcesTagsCoverNothingAndASourceScanIsOutOfScope() {
    RegisterEntry support =
        entry("support-agent", 3, tagged(null, Map.of("team", "support"), null));
    ScanResult source =
        Reconciler.reconcile(
            Estate.standard().scan("s3", NOW),
            new Register("register.yaml", List.of(support)),
            ScanHistory.NONE,
            3);
    assertThat(source.reconciliation().entries().get(0).state())
        .isEqualTo(EntryStatus.State.OUT_OF_SCOPE);

    // the same account scanned by a connector that reports no resources: nothing carries tags
    ScanResult cloud = Estate.withCloud().scan("s3", NOW);
    ScanResult bare =
        new ScanResult(
            cloud.scan(),
            cloud.findings(),
            cloud.assets(),
            List.of(),
            0,
            List.of(),
            java.util.Set.of(),
            null,
            List.of());
    ScanResult r =
        Reconciler.reconcile(
            bare, new Register("register.yaml", List.of(support)), ScanHistory.NONE, 3);
    assertThat(asset(r, "aws-bedrock").status()).isEqualTo(AssetStatus.SHADOW);
    assertThat(r.reconciliation().entries().get(0).state()).isEqualTo(EntryStatus.State.UNMATCHED);
  }

  @Test
  void newAssetsAreThoseThePreviousScanOfTheSameTargetsDidNotSee() {
    ScanResult first = Estate.standard().scan("s1", NOW.minusSeconds(3600));
    Asset openai = asset(first, "openai");
    ScanSnapshot previous =
        new ScanSnapshot(
            "s1",
            first.scan().started(),
            List.of(Estate.SHOP.id(), Estate.BILLING.id()),
            List.of(
                new AssetState(
                    openai.id(),
                    "openai",
                    openai.name(),
                    openai.targetId(),
                    AssetStatus.SHADOW,
                    null,
                    List.of("gpt-4o"))),
            Map.of());

    ScanResult r =
        Reconciler.reconcile(
            Estate.standard().scan("s2", NOW), Register.NONE, history(previous), 3);

    assertThat(r.reconciliation().previousScan()).isEqualTo("s1");
    assertThat(r.reconciliation().newAssets())
        .containsExactlyInAnyOrder(asset(r, "anthropic").id(), asset(r, "langchain").id());
  }

  private static ScanSnapshot snapshot(String id, String at, Map<String, Integer> matches) {
    return new ScanSnapshot(
        id, Instant.parse(at), List.of(Estate.SHOP.id(), Estate.BILLING.id()), List.of(), matches);
  }

  private static ScanHistory history(ScanSnapshot... snapshots) {
    return new ScanHistory() {
      @Override
      public List<ScanSnapshot> before(Instant started, Collection<String> targetIds, int limit) {
        return List.of(snapshots).stream()
            .filter(s -> s.started().isBefore(started))
            .filter(s -> s.targetIds().containsAll(targetIds))
            .limit(limit)
            .toList();
      }

      @Override
      public Optional<ScanSnapshot> find(String scanId) {
        return List.of(snapshots).stream().filter(s -> s.scanId().equals(scanId)).findFirst();
      }

      @Override
      public List<ScanSnapshot> latest(int limit) {
        return List.of(snapshots).stream().limit(limit).toList();
      }
    };
  }
}
