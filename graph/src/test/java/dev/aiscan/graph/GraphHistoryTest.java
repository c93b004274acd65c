package dev.aiscan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
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
 * Real scans reconciled with a register, each against the history the graph already holds, the way
 * {@code aiscan scan --register} runs them.
 */
class GraphHistoryTest {
  private static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-09T09:00:00Z");

  @TempDir static Path store;
  @TempDir static Path work;
  private static Graph graph;
  private static ScanResult first;
  private static ScanResult second;
  private static final RegisterEntry SUPPORT =
      new RegisterEntry(
          "support-reply-assistant",
          "Support reply assistant",
          "Drafts replies to tickets",
          "support-platform@example.com",
          "Customer Service",
          RegisterEntry.Lifecycle.OPERATION,
          RegisterEntry.RiskLevel.LIMITED,
          null,
          null,
          null,
          "OpenAI",
          List.of("gpt-4o*"),
          List.of("Zendesk tickets"),
          null,
          new Selectors(
              List.of("support-desk"),
              List.of("web/**"),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              List.of("openai"),
              List.of("gpt-4o*")),
          new RegisterEntry.Origin("register.yaml", 3));
  private static final Register REGISTER = new Register("register.yaml", List.of(SUPPORT));

  @BeforeAll
  static void scanTwice() throws Exception {
    graph = Graph.open(GraphOptions.embedded(store, 0));
    Path repo = ScanFixtures.supportDesk(work.resolve("support-desk")).root();
    GraphHistory history = new GraphHistory(graph);
    first = Reconciler.reconcile(ScanFixtures.scan(T1, repo), REGISTER, history, 3);
    graph.write(first, REGISTER);
    Files.delete(repo.resolve("jobs/triage.py"));
    second = Reconciler.reconcile(ScanFixtures.scan(T2, repo), REGISTER, history, 3);
    graph.write(second, REGISTER);
  }

  @AfterAll
  static void close() {
    graph.close();
  }

  @Test
  void theSecondScanKnowsWhatIsNewFromTheFirst() {
    assertThat(first.reconciliation().previousScan()).isNull();
    assertThat(first.reconciliation().newAssets()).hasSize(first.assets().size());
    assertThat(second.reconciliation().previousScan()).isEqualTo(first.scan().id());
    assertThat(second.reconciliation().newAssets()).isEmpty();
  }

  @Test
  void snapshotsComeBackWithTheStatusEachScanGave() {
    ScanHistory history = new GraphHistory(graph);
    List<ScanSnapshot> latest = history.latest(5);
    assertThat(latest)
        .extracting(ScanSnapshot::scanId)
        .containsExactly(second.scan().id(), first.scan().id());
    ScanSnapshot one = history.find(first.scan().id()).orElseThrow();
    assertThat(one.started()).isEqualTo(T1);
    assertThat(one.targetIds()).containsExactly(first.scan().targets().get(0).id());
    assertThat(one.assets())
        .extracting(AssetState::provider, AssetState::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("openai", AssetStatus.REGISTERED),
            org.assertj.core.groups.Tuple.tuple("anthropic", AssetStatus.SHADOW));
    assertThat(one.entryMatches()).isEqualTo(Map.of("support-reply-assistant", 1));
    assertThat(history.before(T2, one.targetIds(), 3))
        .extracting(ScanSnapshot::scanId)
        .containsExactly(first.scan().id());
    assertThat(history.before(T2, List.of("source:/elsewhere"), 3)).isEmpty();
  }

  @Test
  void aPastScanReadsBackAsItsResultWithTheStatusesItHadThen() {
    ScanResult back = GraphResults.read(graph, first.scan().id());

    assertThat(back.scan().id()).isEqualTo(first.scan().id());
    assertThat(back.scan().started()).isEqualTo(T1);
    assertThat(back.scan().targets()).isEqualTo(first.scan().targets());
    assertThat(back.assets()).containsExactlyInAnyOrderElementsOf(first.assets());
    assertThat(back.findings()).containsExactlyInAnyOrderElementsOf(first.findings());
    assertThat(back.reconciliation().entries()).isEqualTo(first.reconciliation().entries());
    assertThat(back.reconciliation().newAssets()).isEqualTo(first.reconciliation().newAssets());
    assertThat(GraphResults.read(graph, second.scan().id()).reconciliation().previousScan())
        .isEqualTo(first.scan().id());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GraphResults.read(graph, "nope"))
        .hasMessageStartingWith("no complete scan with id 'nope' in graph store ");
  }

  @Test
  void theRegisterIsInTheGraphWithItsOwnerAndWhatItCovers() {
    List<List<Object>> rows =
        graph
            .query(
                "MATCH (e:RegisterEntry)-[:COVERS]->(a:Asset)-[:OWNED_BY]->(o:Owner)"
                    + " RETURN e.id, e.riskLevel, a.provider, a.status, o.name",
                Map.of())
            .rows();
    assertThat(rows)
        .containsExactly(
            List.of(
                "support-reply-assistant",
                "limited",
                "openai",
                "registered",
                "support-platform@example.com"));
    GraphQuestions.Question byOwner = GraphQuestions.find("shadow-by-owner").orElseThrow();
    // the one shadow asset (the Anthropic job) is gone since the second scan: no live shadow AI
    assertThat(graph.query(byOwner.cypher(), Map.of()).rows()).isEmpty();
    assertThat(
            graph
                .query(
                    "MATCH (:Scan {id: $s})-[c:CHECKED]->(e:RegisterEntry) RETURN c.state, c.assets",
                    Map.of("s", second.scan().id()))
                .rows())
        .containsExactly(List.of("matched", 1L));
  }
}
