package dev.aiscan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** The writer against a real embedded Neo4j, with what real scans of a realistic tree find. */
class GraphWriterTest {
  private static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-09T09:00:00Z");
  private static final Instant T3 = Instant.parse("2026-03-16T09:00:00Z");

  @TempDir static Path store;
  private static Graph graph;

  @TempDir Path work;

  @BeforeAll
  static void open() {
    graph = Graph.open(GraphOptions.embedded(store, 0));
  }

  @AfterAll
  static void close() {
    graph.close();
  }

  @BeforeEach
  void clear() {
    GraphSnapshot.clear(graph.driver());
  }

  @Test
  void writesTheWholeDependencyTreeWithItsProvidersModelsAndEvidence() {
    Path repo = ScanFixtures.supportDesk(work.resolve("support-desk")).root();
    ScanResult result = ScanFixtures.scan(T1, repo);
    String target = result.scan().targets().get(0).id();

    GraphWriter.Summary summary = graph.write(result);

    assertThat(summary.staleMarked()).isEqualTo(1);
    assertThat(summary.nodesCreated()).isPositive();
    assertThat(
            rows(
                "MATCH (r:Repository {id: $t})-[d:DEPENDS_ON]->(p:Package)"
                    + " RETURN p.name AS name, p.version AS version, d.direct AS direct,"
                    + " d.scope AS scope, d.project AS project ORDER BY name",
                Map.of("t", target)))
        .extracting(r -> r.get("name") + "@" + r.get("version") + " direct=" + r.get("direct"))
        .containsExactly(
            "express@4.21.2 direct=true",
            "node-fetch@2.7.0 direct=false",
            "openai@4.52.7 direct=true",
            "vitest@1.6.0 direct=true",
            "whatwg-url@5.0.0 direct=false");
    assertThat(
            rows(
                "MATCH p = (:Package {name: 'openai'})-[:DEPENDS_ON*]->(:Package {name: 'whatwg-url'})"
                    + " RETURN [n IN nodes(p) | n.name] AS chain",
                Map.of()))
        .extracting(r -> r.get("chain"))
        .containsExactly(List.of("openai", "node-fetch", "whatwg-url"));
    assertThat(
            rows(
                "MATCH (p:Package)-[:CLIENT_OF]->(a:AIProvider) RETURN p.key AS key, a.id AS provider",
                Map.of()))
        .extracting(r -> r.get("key") + " -> " + r.get("provider"))
        .containsExactly("npm:openai@4.52.7 -> openai");
    assertThat(
            rows(
                "MATCH (:Repository {id: $t})-[u:USES_MODEL]->(m:AIModel)-[:SERVED_BY]->(p:AIProvider)"
                    + " WHERE p.id = u.provider RETURN m.name AS model, p.id AS provider"
                    + " ORDER BY model",
                Map.of("t", target)))
        .extracting(r -> r.get("model") + " by " + r.get("provider"))
        .containsExactly("claude-3-5-sonnet-20241022 by anthropic", "gpt-4o-mini by openai");

    long findings =
        single(
            "MATCH (f:Finding)-[:EVIDENCE_OF]->(:Asset)-[:FOUND_IN]->(:Repository) RETURN count(f)");
    assertThat(findings).isEqualTo(result.findings().size());
    assertThat(single("MATCH (a:Asset)-[:PROVIDED_BY]->(:AIProvider) RETURN count(a)"))
        .isEqualTo(result.assets().size());
    assertThat(
            rows(
                "MATCH (s:Scan)-[c:SCANNED]->(:Repository) RETURN s.status AS status, c.complete AS complete",
                Map.of()))
        .extracting(r -> r.get("status") + " " + r.get("complete"))
        .containsExactly("complete true");
  }

  @Test
  void everythingCarriesWhenItWasFirstAndLastSeen() {
    Path repo = ScanFixtures.supportDesk(work.resolve("app")).root();
    graph.write(ScanFixtures.scan(T1, repo));
    ScanResult second = ScanFixtures.scan(T2, repo);
    graph.write(second);

    assertThat(
            single(
                "MATCH (n) WHERE (n:Package OR n:Asset OR n:Finding OR n:AIModel OR n:Target)"
                    + " AND (n.firstSeen <> datetime('2026-03-02T09:00:00Z')"
                    + " OR n.lastSeen <> datetime('2026-03-09T09:00:00Z')"
                    + " OR n.lastSeenScan <> $scan) RETURN count(n)",
                Map.of("scan", second.scan().id())))
        .isZero();
    assertThat(
            single(
                "MATCH ()-[r:DEPENDS_ON|USES_MODEL|CLIENT_OF|SERVED_BY]->()"
                    + " WHERE r.firstSeen <> datetime('2026-03-02T09:00:00Z')"
                    + " OR r.lastSeen <> datetime('2026-03-09T09:00:00Z') RETURN count(r)"))
        .isZero();
  }

  @Test
  void scanningTwiceGivesTheSameNodesAndRelationships() {
    Path repo = ScanFixtures.supportDesk(work.resolve("app")).root();
    ScanResult first = ScanFixtures.scan(T1, repo);
    graph.write(first);
    List<String> once = GraphSnapshot.of(graph.driver());
    graph.write(first);
    assertThat(GraphSnapshot.difference(once, GraphSnapshot.of(graph.driver()))).isEmpty();

    Map<String, Long> before = graph.stats();
    graph.write(ScanFixtures.scan(T2, repo));
    Map<String, Long> after = graph.stats();
    // a scan is history: one more Scan node, and its SCANNED and SAW edges; nothing else grows
    assertThat(after.get("Scan")).isEqualTo(before.get("Scan") + 1);
    assertThat(after.get("SAW")).isEqualTo(2 * before.get("SAW"));
    before.keySet().removeAll(Set.of("Scan", "SAW", "SCANNED"));
    after.keySet().removeAll(Set.of("Scan", "SAW", "SCANNED"));
    assertThat(after).isEqualTo(before);
    assertThat(before.get("Finding")).isPositive();
  }

  @Test
  void whatACompleteScanNoLongerShowsIsStaleWithTheLastScanThatSawIt() throws Exception {
    Path repo = ScanFixtures.supportDesk(work.resolve("app")).root();
    ScanResult first = ScanFixtures.scan(T1, repo);
    graph.write(first);

    Files.delete(repo.resolve("jobs/triage.py"));
    dropExpress(repo);
    graph.write(ScanFixtures.scan(T2, repo));

    assertThat(
            rows(
                "MATCH (a:Asset) RETURN a.provider AS provider, a.stale AS stale,"
                    + " a.lastSeenScan AS last ORDER BY provider",
                Map.of()))
        .extracting(r -> r.get("provider") + " stale=" + r.get("stale"))
        .containsExactly("anthropic stale=true", "openai stale=false");
    assertThat(
            single(
                "MATCH (a:Asset {provider: 'anthropic'}) WHERE a.lastSeenScan = $s RETURN count(a)",
                Map.of("s", first.scan().id())))
        .isOne();
    assertThat(
            single("MATCH (f:Finding {provider: 'anthropic'}) WHERE NOT f.stale RETURN count(f)"))
        .isZero();
    assertThat(
            rows(
                "MATCH (:Repository)-[d:DEPENDS_ON]->(p:Package) WHERE d.stale RETURN p.name AS name",
                Map.of()))
        .extracting(r -> r.get("name"))
        .containsExactly("express");
    assertThat(
            rows(
                "MATCH (:Repository)-[u:USES_MODEL]->(m:AIModel) WHERE u.stale RETURN m.name AS name",
                Map.of()))
        .extracting(r -> r.get("name"))
        .containsExactly("claude-3-5-sonnet-20241022");

    // seen again later: no longer stale
    ScanFixtures.supportDesk(repo);
    graph.write(ScanFixtures.scan(T3, repo));
    assertThat(single("MATCH (n) WHERE n.stale RETURN count(n)")).isZero();
    assertThat(single("MATCH ()-[r]->() WHERE r.stale RETURN count(r)")).isZero();
  }

  @Test
  void aScopeTheScanCouldNotFinishMarksNothingStale() throws Exception {
    Path repo = ScanFixtures.supportDesk(work.resolve("app")).root();
    graph.write(ScanFixtures.scan(T1, repo));
    Files.delete(repo.resolve("jobs/triage.py"));
    ScanResult partial = ScanFixtures.scan(T2, repo);
    String target = partial.scan().targets().get(0).id();
    ScanResult failed =
        new ScanResult(
            partial.scan(),
            partial.findings(),
            partial.assets(),
            partial.warnings(),
            partial.droppedWarnings(),
            partial.dependencies(),
            Set.of(target));

    GraphWriter.Summary summary = graph.write(failed);

    assertThat(summary.staleMarked()).isZero();
    assertThat(single("MATCH (n) WHERE n.stale RETURN count(n)")).isZero();
    assertThat(
            rows(
                "MATCH (s:Scan {id: $s})-[c:SCANNED]->() RETURN c.complete AS complete",
                Map.of("s", failed.scan().id())))
        .extracting(r -> r.get("complete"))
        .containsExactly(false);
    // what it did see is still recorded as seen
    assertThat(
            single(
                "MATCH (a:Asset {provider: 'openai'}) WHERE a.lastSeenScan = $s RETURN count(a)",
                Map.of("s", failed.scan().id())))
        .isOne();
  }

  @Test
  void scansConvergeWhateverOrderTheyLandIn() throws Exception {
    Path repo = ScanFixtures.supportDesk(work.resolve("app")).root();
    ScanResult early = ScanFixtures.scan(T1, repo);
    Files.delete(repo.resolve("jobs/triage.py"));
    dropExpress(repo);
    ScanResult late = ScanFixtures.scan(T2, repo);

    graph.write(early);
    graph.write(late);
    List<String> inOrder = GraphSnapshot.of(graph.driver());

    GraphSnapshot.clear(graph.driver());
    graph.write(late);
    graph.write(early);
    assertThat(GraphSnapshot.difference(inOrder, GraphSnapshot.of(graph.driver()))).isEmpty();
  }

  @Test
  void twoScannersWritingOneServerAtOnceConvergeToTheSequentialGraph() throws Exception {
    Path one = ScanFixtures.supportDesk(work.resolve("one")).root();
    Path two = ScanFixtures.supportDesk(work.resolve("two")).root();
    ScanResult oneEarly = ScanFixtures.scan(T1, one);
    ScanResult both = ScanFixtures.scan(T2, one, two);
    Files.delete(two.resolve("jobs/triage.py"));
    ScanResult twoLate = ScanFixtures.scan(T3, two);
    List<List<ScanResult>> writers = List.of(List.of(oneEarly, twoLate), List.of(both));

    for (List<ScanResult> w : writers) {
      w.forEach(graph::write);
    }
    List<String> sequential = GraphSnapshot.of(graph.driver());

    for (int round = 0; round < 3; round++) {
      GraphSnapshot.clear(graph.driver());
      GraphOptions server = GraphOptions.server(graph.uri(), "neo4j", null);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try (Graph a = Graph.open(server);
          Graph b = Graph.open(server)) {
        Future<?> fa = pool.submit(() -> writers.get(0).forEach(a::write));
        Future<?> fb = pool.submit(() -> writers.get(1).forEach(b::write));
        fa.get();
        fb.get();
      } finally {
        pool.shutdown();
      }
      assertThat(GraphSnapshot.difference(sequential, GraphSnapshot.of(graph.driver())))
          .as("round " + round)
          .isEmpty();
    }
  }

  private static void dropExpress(Path repo) throws Exception {
    for (String file : List.of("web/package.json", "web/package-lock.json")) {
      Path path = repo.resolve(file);
      String text = Files.readString(path);
      text =
          text.replace(", \"express\": \"^4.21.2\"", "")
              .replace("\"^4.52.0\",\n    \"express\": \"^4.21.2\"", "\"^4.52.0\"")
              .replace("    \"node_modules/express\": { \"version\": \"4.21.2\" },\n", "");
      Files.writeString(path, text);
    }
    assertThat(Files.readString(repo.resolve("web/package-lock.json"))).doesNotContain("express");
    assertThat(Files.readString(repo.resolve("web/package.json"))).doesNotContain("express");
  }

  private static List<Map<String, Object>> rows(String cypher, Map<String, Object> params) {
    try (Session session = graph.driver().session()) {
      return session.run(cypher, params).list(Record::asMap);
    }
  }

  private static long single(String cypher) {
    return single(cypher, Map.of());
  }

  private static long single(String cypher, Map<String, Object> params) {
    try (Session session = graph.driver().session()) {
      return session.run(cypher, params).single().get(0).asLong();
    }
  }
}
