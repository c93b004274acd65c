package dev.aiscan.reports.diff;

import static dev.aiscan.reports.history.HistoryFixtures.BILLING;
import static dev.aiscan.reports.history.HistoryFixtures.SCAN_1;
import static dev.aiscan.reports.history.HistoryFixtures.SCAN_3;
import static dev.aiscan.reports.history.HistoryFixtures.SHOP;
import static dev.aiscan.reports.history.HistoryFixtures.assetId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.reports.history.FileHistory;
import dev.aiscan.reports.history.HistoryFixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanDiffTest {
  static final ScanSnapshot FIRST = FileHistory.snapshot(HistoryFixtures.first());
  static final ScanSnapshot SECOND = FileHistory.snapshot(HistoryFixtures.second());
  static final ScanSnapshot THIRD = FileHistory.snapshot(HistoryFixtures.third());

  static AssetState state(
      String id,
      String provider,
      String target,
      AssetStatus status,
      String entry,
      String... models) {
    return new AssetState(
        id,
        provider,
        provider + " in " + target,
        "source:/src/" + target,
        status,
        entry,
        List.of(models));
  }

  static ScanSnapshot snapshot(String id, String started, List<String> targets, AssetState... as) {
    return new ScanSnapshot(
        id,
        Instant.parse(started),
        targets.stream().map(t -> "source:/src/" + t).toList(),
        List.of(as),
        Map.of());
  }

  private static List<String> ids(List<AssetState> assets) {
    return assets.stream().map(AssetState::id).toList();
  }

  @Test
  void addedRemovedAndChangedAcrossTheWeeks() {
    ScanDiff d = ScanDiff.between(FIRST, THIRD);

    assertThat(d.fromScan()).isEqualTo(SCAN_1);
    assertThat(d.toScan()).isEqualTo(SCAN_3);
    assertThat(ids(d.added())).containsExactly(assetId(BILLING, "openai"));
    assertThat(d.added().get(0).status()).isEqualTo(AssetStatus.SHADOW);
    assertThat(ids(d.removed())).containsExactly(assetId(SHOP, "langchain"));
    assertThat(d.changed())
        .extracting(c -> c.after().id(), ScanDiff.Change::what)
        .containsExactly(
            tuple(
                assetId(BILLING, "anthropic"),
                List.of("register entry billing-claims -> claims-triage")),
            tuple(
                assetId(SHOP, "openai"),
                List.of(
                    "status shadow -> drift",
                    "register entry none -> support-reply",
                    "models +gpt-4o -gpt-4")));
    assertThat(d.changed().get(1).before().status()).isEqualTo(AssetStatus.SHADOW);
    assertThat(d.isEmpty()).isFalse();
  }

  @Test
  void statusChangeFromShadowToRegistered() {
    ScanDiff d = ScanDiff.between(FIRST, SECOND);

    assertThat(d.changed())
        .extracting(c -> c.after().id(), ScanDiff.Change::what)
        .containsExactly(
            tuple(
                assetId(SHOP, "langchain"),
                List.of("status shadow -> drift", "register entry none -> support-reply")),
            tuple(
                assetId(SHOP, "openai"),
                List.of(
                    "status shadow -> registered",
                    "register entry none -> support-reply",
                    "models +gpt-4o")));
  }

  @Test
  void assetsOfATargetTheLaterScanDidNotCoverAreNotRemoved() {
    // the second scan scanned shop only: Anthropic in billing was not looked at, not gone
    ScanDiff d = ScanDiff.between(FIRST, SECOND);

    assertThat(d.removed()).isEmpty();
    assertThat(d.added()).isEmpty();
  }

  @Test
  void assetsOfATargetTheEarlierScanDidNotCoverAreAdded() {
    // billing was not scanned the second week; what the third finds there is new to that scan
    ScanDiff d = ScanDiff.between(SECOND, THIRD);

    assertThat(ids(d.added()))
        .containsExactly(assetId(BILLING, "anthropic"), assetId(BILLING, "openai"));
    assertThat(ids(d.removed())).containsExactly(assetId(SHOP, "langchain"));
    assertThat(d.changed())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.after().id()).isEqualTo(assetId(SHOP, "openai"));
              assertThat(c.what()).containsExactly("status registered -> drift", "models -gpt-4");
            });
  }

  @Test
  void modelsChangeAlone() {
    AssetState before = state("a-1", "openai", "shop", AssetStatus.SHADOW, null, "gpt-4", "o1");
    AssetState after =
        state("a-1", "openai", "shop", AssetStatus.SHADOW, null, "gpt-4o", "gpt-4o-mini", "o1");

    ScanDiff d =
        ScanDiff.between(
            snapshot("s1", "2026-03-02T09:00:00Z", List.of("shop"), before),
            snapshot("s2", "2026-03-09T09:00:00Z", List.of("shop"), after));

    assertThat(d.changed())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.before()).isEqualTo(before);
              assertThat(c.after()).isEqualTo(after);
              assertThat(c.what()).containsExactly("models +gpt-4o +gpt-4o-mini -gpt-4");
            });
    assertThat(d.newShadow()).isEmpty();
  }

  @Test
  void registerEntryChangeAlone() {
    ScanDiff d =
        ScanDiff.between(
            snapshot(
                "s1",
                "2026-03-02T09:00:00Z",
                List.of("billing"),
                state("a-2", "anthropic", "billing", AssetStatus.REGISTERED, "billing-claims")),
            snapshot(
                "s2",
                "2026-03-09T09:00:00Z",
                List.of("billing"),
                state("a-2", "anthropic", "billing", AssetStatus.REGISTERED, "claims-triage")));

    assertThat(d.changed())
        .singleElement()
        .extracting(ScanDiff.Change::what)
        .isEqualTo(List.of("register entry billing-claims -> claims-triage"));
  }

  @Test
  void newShadowIsAddedShadowAndWhatTurnedShadow() {
    ScanSnapshot from =
        snapshot(
            "s1",
            "2026-03-02T09:00:00Z",
            List.of("shop", "billing"),
            state("a-keep", "langchain", "shop", AssetStatus.SHADOW, null),
            state("a-lost", "openai", "shop", AssetStatus.REGISTERED, "support-reply", "gpt-4o"),
            state("a-drift", "anthropic", "billing", AssetStatus.REGISTERED, "claims"));
    ScanSnapshot to =
        snapshot(
            "s2",
            "2026-03-09T09:00:00Z",
            List.of("shop", "billing"),
            state("a-keep", "langchain", "shop", AssetStatus.SHADOW, null, "gpt-4o"),
            state("a-lost", "openai", "shop", AssetStatus.SHADOW, null, "gpt-4o"),
            state("a-drift", "anthropic", "billing", AssetStatus.DRIFT, "claims"),
            state("a-new", "openai", "billing", AssetStatus.SHADOW, null, "gpt-4o-mini"),
            state("a-reg", "anthropic", "shop", AssetStatus.REGISTERED, "support-reply"));

    ScanDiff d = ScanDiff.between(from, to);

    // already shadow, added registered, or drift: not new shadow
    assertThat(ids(d.newShadow())).containsExactly("a-new", "a-lost");
    assertThat(ScanDiff.between(FIRST, THIRD).newShadow())
        .extracting(AssetState::id)
        .containsExactly(assetId(BILLING, "openai"));
  }

  @Test
  void sortedByTargetProviderAndId() {
    ScanSnapshot from = snapshot("s1", "2026-03-02T09:00:00Z", List.of("shop", "billing"));
    ScanSnapshot to =
        snapshot(
            "s2",
            "2026-03-09T09:00:00Z",
            List.of("shop", "billing"),
            state("a-9", "openai", "shop", AssetStatus.SHADOW, null),
            state("a-3", "anthropic", "shop", AssetStatus.SHADOW, null),
            state("a-2", "openai", "billing", AssetStatus.SHADOW, null),
            state("a-1", "openai", "billing", AssetStatus.SHADOW, null),
            state("a-5", "langchain", "billing", AssetStatus.SHADOW, null));

    assertThat(ids(ScanDiff.between(from, to).added()))
        .containsExactly("a-5", "a-1", "a-2", "a-3", "a-9");
    assertThat(ids(ScanDiff.between(to, from).removed()))
        .containsExactly("a-5", "a-1", "a-2", "a-3", "a-9");
  }

  @Test
  void sameScanTwiceIsEmpty() {
    ScanDiff d = ScanDiff.between(THIRD, THIRD);

    assertThat(d.isEmpty()).isTrue();
    assertThat(d.newShadow()).isEmpty();
  }

  @Test
  void diffOfRecordedHistory(@TempDir Path out) {
    FileHistory history = new FileHistory(out);
    history.record(HistoryFixtures.first());
    history.record(HistoryFixtures.third());

    List<ScanSnapshot> latest = history.latest(2);
    ScanDiff d = ScanDiff.between(latest.get(1), latest.get(0));

    assertThat(d).isEqualTo(ScanDiff.between(FIRST, THIRD));
    assertThat(d.fromScan()).isEqualTo(SCAN_1);
    assertThat(d.toScan()).isEqualTo(SCAN_3);
  }
}
