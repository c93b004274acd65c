package dev.aiscan.reports.history;

import static dev.aiscan.reports.history.HistoryFixtures.BILLING;
import static dev.aiscan.reports.history.HistoryFixtures.SCAN_1;
import static dev.aiscan.reports.history.HistoryFixtures.SCAN_2;
import static dev.aiscan.reports.history.HistoryFixtures.SCAN_3;
import static dev.aiscan.reports.history.HistoryFixtures.SHOP;
import static dev.aiscan.reports.history.HistoryFixtures.WEEK_1;
import static dev.aiscan.reports.history.HistoryFixtures.WEEK_2;
import static dev.aiscan.reports.history.HistoryFixtures.WEEK_3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.register.Reconciliation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHistoryTest {
  @TempDir Path out;

  private FileHistory recordedThree() {
    FileHistory history = new FileHistory(out);
    // recorded out of order: the order comes from when each scan started
    history.record(HistoryFixtures.second());
    history.record(HistoryFixtures.third());
    history.record(HistoryFixtures.first());
    return history;
  }

  private static List<String> ids(List<ScanSnapshot> snapshots) {
    return snapshots.stream().map(ScanSnapshot::scanId).toList();
  }

  @Test
  void snapshotKeepsTargetsAssetsAndEntryMatches() {
    ScanSnapshot s = FileHistory.snapshot(HistoryFixtures.first());

    assertThat(s.scanId()).isEqualTo(SCAN_1);
    assertThat(s.started()).isEqualTo(WEEK_1);
    assertThat(s.targetIds()).containsExactly(SHOP.id(), BILLING.id());
    assertThat(s.assets())
        .containsExactly(
            new AssetState(
                HistoryFixtures.assetId(BILLING, "anthropic"),
                "anthropic",
                "anthropic in billing",
                BILLING.id(),
                AssetStatus.REGISTERED,
                "billing-claims",
                List.of("claude-3-5-sonnet")),
            new AssetState(
                HistoryFixtures.assetId(SHOP, "langchain"),
                "langchain",
                "langchain in shop",
                SHOP.id(),
                AssetStatus.SHADOW,
                null,
                List.of()),
            new AssetState(
                HistoryFixtures.assetId(SHOP, "openai"),
                "openai",
                "openai in shop",
                SHOP.id(),
                AssetStatus.SHADOW,
                null,
                List.of("gpt-4")));
    assertThat(s.entryMatches())
        .containsExactlyInAnyOrderEntriesOf(Map.of("billing-claims", 1, "support-reply", 0));
  }

  @Test
  void snapshotWithoutRegisterHasNoEntryMatches() {
    ScanResult first = HistoryFixtures.first();
    ScanResult unreconciled = first.reconciled(first.assets(), Reconciliation.NONE);

    assertThat(FileHistory.snapshot(unreconciled).entryMatches()).isEmpty();
  }

  @Test
  void snapshotLeavesOutTargetsTheScanCouldNotFinish() {
    ScanResult first = HistoryFixtures.first();
    ScanResult partial =
        new ScanResult(
            first.scan(),
            first.findings(),
            first.assets(),
            first.warnings(),
            0,
            List.of(),
            Set.of(BILLING.id()),
            first.reconciliation());

    ScanSnapshot s = FileHistory.snapshot(partial);

    assertThat(s.targetIds()).containsExactly(SHOP.id());
    assertThat(s.assets()).hasSize(3);
  }

  @Test
  void recordWritesStableJsonUnderHistory() throws IOException {
    Asset openai =
        HistoryFixtures.asset(SHOP, "openai", List.of("gpt-4", "gpt-4o"), AssetStatus.SHADOW, null);
    Asset anthropic =
        HistoryFixtures.asset(
            SHOP, "anthropic", List.of(), AssetStatus.REGISTERED, "support-reply");
    ScanResult result =
        HistoryFixtures.result(
            SCAN_1,
            WEEK_1,
            List.of(SHOP),
            List.of(openai, anthropic),
            List.of(
                HistoryFixtures.entry("support-reply", "Support reply", 17, List.of(anthropic)),
                HistoryFixtures.entry("billing-claims", "Billing claims", 3, List.of())),
            null);

    Path file = new FileHistory(out).record(result);

    assertThat(file).isEqualTo(out.resolve("history").resolve(SCAN_1 + ".json"));
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {
              "version" : 1,
              "scanId" : "20260302T090000Z-1a2b3c",
              "started" : "2026-03-02T09:00:00Z",
              "targetIds" : [
                "source:/src/shop"
              ],
              "assets" : [
                {
                  "id" : "%s",
                  "provider" : "anthropic",
                  "name" : "anthropic in shop",
                  "targetId" : "source:/src/shop",
                  "status" : "registered",
                  "registerId" : "support-reply",
                  "models" : [ ]
                },
                {
                  "id" : "%s",
                  "provider" : "openai",
                  "name" : "openai in shop",
                  "targetId" : "source:/src/shop",
                  "status" : "shadow",
                  "registerId" : null,
                  "models" : [
                    "gpt-4",
                    "gpt-4o"
                  ]
                }
              ],
              "entryMatches" : {
                "billing-claims" : 0,
                "support-reply" : 1
              }
            }
            """
                .formatted(anthropic.id(), openai.id()));
  }

  @Test
  void recordedSnapshotReadsBackEqual() {
    FileHistory history = recordedThree();

    for (ScanResult r :
        List.of(HistoryFixtures.first(), HistoryFixtures.second(), HistoryFixtures.third())) {
      ScanSnapshot expected = FileHistory.snapshot(r);
      assertThat(history.find(r.scan().id())).contains(expected);
    }
    assertThat(history.warnings()).isEmpty();
  }

  @Test
  void recordLeavesNoPartialFilesAndReplacesAnEarlierRecordOfTheSameScan() throws IOException {
    FileHistory history = new FileHistory(out);
    history.record(HistoryFixtures.first());
    ScanResult first = HistoryFixtures.first();
    ScanResult amended = first.reconciled(first.assets().subList(0, 1), first.reconciliation());

    history.record(amended);

    try (Stream<Path> files = Files.list(out.resolve("history"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SCAN_1 + ".json");
    }
    assertThat(history.find(SCAN_1)).get().extracting(s -> s.assets().size()).isEqualTo(1);
  }

  @Test
  void recordFailsWhenTheHistoryDirectoryCannotBeMade() throws IOException {
    Files.writeString(out.resolve("history"), "a file where the directory should be");

    assertThatThrownBy(() -> new FileHistory(out).record(HistoryFixtures.first()))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("cannot write scan history");
  }

  @Test
  void latestIsNewestFirst() {
    FileHistory history = recordedThree();

    assertThat(ids(history.latest(10))).containsExactly(SCAN_3, SCAN_2, SCAN_1);
    assertThat(ids(history.latest(2))).containsExactly(SCAN_3, SCAN_2);
    assertThat(history.latest(0)).isEmpty();
  }

  @Test
  void beforeKeepsEarlierScansThatCoveredEveryTarget() {
    FileHistory history = recordedThree();

    // the second scan did not scan billing
    assertThat(ids(history.before(WEEK_3, List.of(SHOP.id(), BILLING.id()), 5)))
        .containsExactly(SCAN_1);
    assertThat(ids(history.before(WEEK_3, List.of(SHOP.id()), 5))).containsExactly(SCAN_2, SCAN_1);
    assertThat(ids(history.before(WEEK_3, List.of(SHOP.id()), 1))).containsExactly(SCAN_2);
    assertThat(ids(history.before(WEEK_3, List.of(BILLING.id()), 5))).containsExactly(SCAN_1);
    // strictly before: a scan is not its own predecessor
    assertThat(ids(history.before(WEEK_2, List.of(SHOP.id()), 5))).containsExactly(SCAN_1);
    assertThat(history.before(WEEK_1, List.of(SHOP.id()), 5)).isEmpty();
    assertThat(ids(history.before(Instant.parse("2026-04-01T00:00:00Z"), List.of(), 5)))
        .containsExactly(SCAN_3, SCAN_2, SCAN_1);
    assertThat(history.before(WEEK_3, List.of("source:/src/elsewhere"), 5)).isEmpty();
  }

  @Test
  void findByScanId() {
    FileHistory history = recordedThree();

    assertThat(history.find(SCAN_2)).get().extracting(ScanSnapshot::started).isEqualTo(WEEK_2);
    assertThat(history.find("20260101T000000Z-000000")).isEmpty();
  }

  @Test
  void corruptHistoryFilesAreSkippedWithAWarningNamingThem() throws IOException {
    FileHistory history = recordedThree();
    Path dir = out.resolve("history");
    Path truncated = dir.resolve("20260310T090000Z-dead00.json");
    String whole = Files.readString(dir.resolve(SCAN_2 + ".json"));
    Files.writeString(truncated, whole.substring(0, whole.length() / 2));
    Path badStatus = dir.resolve("20260311T090000Z-dead01.json");
    Files.writeString(badStatus, whole.replace("\"registered\"", "\"approved\""));
    Path empty = dir.resolve("20260312T090000Z-dead02.json");
    Files.writeString(empty, "");
    Files.writeString(dir.resolve("notes.txt"), "not history, not read");

    assertThat(ids(history.latest(10))).containsExactly(SCAN_3, SCAN_2, SCAN_1);
    assertThat(ids(history.before(WEEK_3, List.of(SHOP.id()), 5))).containsExactly(SCAN_2, SCAN_1);
    assertThat(history.find(SCAN_1)).isPresent();

    List<String> warnings = history.warnings();
    assertThat(warnings).hasSize(3);
    assertThat(warnings.get(0)).startsWith(truncated + ": skipped");
    assertThat(warnings.get(1))
        .isEqualTo(
            badStatus + ": skipped, not a scan history file: unknown asset status 'approved'");
    assertThat(warnings.get(2))
        .isEqualTo(empty + ": skipped, not a scan history file: not a JSON object");
    assertThat(warnings).allSatisfy(w -> assertThat(w).doesNotContain("\n"));

    Files.delete(truncated);
    Files.delete(badStatus);
    Files.delete(empty);
    history.latest(10);
    assertThat(history.warnings()).isEmpty();
  }

  @Test
  void noHistoryYet() {
    FileHistory history = new FileHistory(out);

    assertThat(history.latest(5)).isEmpty();
    assertThat(history.before(WEEK_3, List.of(SHOP.id()), 5)).isEmpty();
    assertThat(history.find(SCAN_1)).isEmpty();
    assertThat(history.warnings()).isEmpty();
  }

  @Test
  void scanIdsUnsafeAsFileNamesStayInsideHistory() {
    ScanResult first = HistoryFixtures.first();
    ScanResult odd =
        HistoryFixtures.result(
            "../escape/1",
            WEEK_1,
            first.scan().targets(),
            first.assets(),
            first.reconciliation().entries(),
            null);

    Path file = new FileHistory(out).record(odd);

    assertThat(file.getParent()).isEqualTo(out.resolve("history"));
    assertThat(file.getFileName().toString()).isEqualTo("_.._escape_1.json");
    assertThat(new FileHistory(out).find("../escape/1")).isPresent();
  }
}
