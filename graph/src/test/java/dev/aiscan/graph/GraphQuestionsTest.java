package dev.aiscan.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The named questions, asked of a graph two real scans of a realistic repository wrote: the second
 * after its Python job (Anthropic) was removed.
 */
class GraphQuestionsTest {
  @TempDir static Path store;
  @TempDir static Path work;
  private static Graph graph;
  private static ScanResult first;

  @BeforeAll
  static void scanTwice() throws Exception {
    graph = Graph.open(GraphOptions.embedded(store, 0));
    Path repo = ScanFixtures.supportDesk(work.resolve("support-desk")).root();
    first = ScanFixtures.scan(Instant.parse("2026-03-02T09:00:00Z"), repo);
    graph.write(first);
    Files.delete(repo.resolve("jobs/triage.py"));
    graph.write(ScanFixtures.scan(Instant.parse("2026-03-09T09:00:00Z"), repo));
  }

  @AfterAll
  static void close() {
    graph.close();
  }

  private static List<List<Object>> ask(String name, String argument) {
    GraphQuestions.Question q = GraphQuestions.find(name).orElseThrow();
    return graph.query(q.cypher(), GraphQuestions.parameters(q, argument)).rows();
  }

  @Test
  void providersCountsLiveAssetsOnly() {
    assertThat(ask("providers", null)).containsExactly(List.of("openai", 1L, 1L, 1L));
  }

  @Test
  void reachesFindsTheRepositoryThroughItsLockfile() {
    assertThat(ask("reaches", null))
        .containsExactly(
            java.util.Arrays.asList(
                "support-desk", "support-web@2.3.0", "openai", "4.52.7", true, null, List.of()));
    assertThat(ask("reaches", "cohere")).isEmpty();
  }

  @Test
  void modelsListsWhatEachProviderServesAndWhere() {
    assertThat(ask("models", null))
        .containsExactly(List.of("openai", "gpt-4o-mini", 1L, List.of("support-desk")));
  }

  @Test
  void shadowByOwnerGroupsUnownedAssets() {
    assertThat(ask("shadow-by-owner", null))
        .containsExactly(List.of("(no owner)", 1L, List.of("openai"), List.of("support-desk")));
  }

  @Test
  void sinceAndExistedOnAnswerForDates() {
    assertThat(ask("since", "2026-03-01"))
        .extracting(r -> r.get(1))
        .contains("openai", "anthropic");
    assertThat(ask("since", "2026-03-03")).isEmpty();
    // on 2 March both existed; on 10 March the Anthropic job was known gone
    assertThat(ask("existed-on", "2026-03-02"))
        .extracting(r -> r.get(0))
        .containsExactly("anthropic", "openai");
    assertThat(ask("existed-on", "2026-03-10")).extracting(r -> r.get(0)).containsExactly("openai");
    assertThat(ask("existed-on", "2026-03-01")).isEmpty();
  }

  @Test
  void staleNamesTheLastScanThatSawIt() {
    assertThat(ask("stale", null))
        .containsExactly(
            List.of(
                "anthropic",
                "anthropic in support-desk",
                "support-desk",
                "2026-03-02T09:00:00Z",
                first.scan().id()));
  }

  @Test
  void keysShowFingerprintsAndNeverTheKey() {
    List<List<Object>> keys = ask("keys", null);
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0).subList(2, 5)).containsExactly("support-desk", "web/.env", 2L);
    assertThat((String) keys.get(0).get(1))
        .contains("sha256:")
        .doesNotContain(ScanFixtures.CANARY_KEY);
    assertThat(String.join("\n", GraphSnapshot.of(graph.driver()))).doesNotContain("CANARYaiscan");
  }

  @Test
  void scansIsTheHistoryNewestFirst() {
    assertThat(ask("scans", null))
        .extracting(r -> r.get(2))
        .containsExactly("complete", "complete");
  }

  @Test
  void argumentsAreCheckedInOneLine() {
    GraphQuestions.Question since = GraphQuestions.find("since").orElseThrow();
    assertThatThrownBy(() -> GraphQuestions.parameters(since, null))
        .hasMessage("since needs a date, e.g. since 2026-03-01");
    assertThatThrownBy(() -> GraphQuestions.parameters(since, "last tuesday"))
        .hasMessage(
            "since: 'last tuesday' is not a date (2026-03-01) or date-time (2026-03-01T09:00:00Z)");
    assertThat(GraphQuestions.parameters(since, "2026-03-01T09:00:00+02:00"))
        .isEqualTo(Map.of("arg", "2026-03-01T09:00+02:00"));
  }
}
