package dev.aiscan.graph;

import static dev.aiscan.graph.CloudFixtures.AGENT;
import static dev.aiscan.graph.CloudFixtures.ENDPOINT;
import static dev.aiscan.graph.CloudFixtures.HAIKU;
import static dev.aiscan.graph.CloudFixtures.KNOWLEDGE_BASE;
import static dev.aiscan.graph.CloudFixtures.ROLE;
import static dev.aiscan.graph.CloudFixtures.SONNET;
import static dev.aiscan.graph.CloudFixtures.TITAN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** Cloud resources in a real embedded Neo4j: nodes, relationships, history and reading back. */
class CloudResourceGraphTest {
  private static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-09T09:00:00Z");
  private static final Instant T3 = Instant.parse("2026-03-16T09:00:00Z");
  private static final String ALICE = "alice@acme.test";
  private static final String BOB = "bob@acme.test";

  @TempDir static java.nio.file.Path store;
  private static Graph graph;

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
  void resourcesHangOnTheirAccountWithTypeRegionAndTags() {
    ScanResult scan = CloudFixtures.scan(T1, true, ALICE);
    graph.write(scan);

    assertThat(
            rows(
                "MATCH (:CloudAccount {id: $t})-[:HAS_RESOURCE]->(c:CloudResource)"
                    + " RETURN c.id AS id, c.type AS type, c.name AS name, c.region AS region,"
                    + " c.targetId AS target, c.tags AS tags, c.stale AS stale,"
                    + " c.lastSeenScan AS scan ORDER BY id",
                Map.of("t", CloudFixtures.PROD.id())))
        .extracting(
            r ->
                List.of(
                    r.get("id"),
                    r.get("type"),
                    r.get("name"),
                    r.get("region"),
                    r.get("target"),
                    r.get("tags"),
                    r.get("stale"),
                    r.get("scan")))
        .containsExactly(
            List.of(
                AGENT,
                "AWS::Bedrock::Agent",
                "support-triage",
                "us-east-1",
                "aws:123456789012",
                List.of("env=prod", "owner=" + ALICE, "team=support"),
                false,
                scan.scan().id()),
            List.of(
                KNOWLEDGE_BASE,
                "AWS::Bedrock::KnowledgeBase",
                "support-articles",
                "us-east-1",
                "aws:123456789012",
                List.of(),
                false,
                scan.scan().id()),
            List.of(
                ENDPOINT,
                "AWS::SageMaker::Endpoint",
                "churn-predictor",
                "eu-west-1",
                "aws:123456789012",
                List.of("CostCenter=0042", "Team=data-science"),
                false,
                scan.scan().id()));
    Map<String, Long> stats = graph.stats();
    assertThat(stats.get("CloudResource")).isEqualTo(3);
    assertThat(stats.get("HAS_RESOURCE")).isEqualTo(3);
  }

  @Test
  void findingsAreLocatedAtTheirResourceAndResourcesUseTheirModels() {
    graph.write(CloudFixtures.scan(T1, true, ALICE));

    assertThat(
            rows(
                "MATCH (f:Finding)-[:LOCATED_AT]->(c:CloudResource)"
                    + " RETURN c.id AS resource, f.ruleId AS rule, f.model AS model"
                    + " ORDER BY resource, rule",
                Map.of()))
        .extracting(r -> r.get("resource") + " <- " + r.get("rule") + " " + r.get("model"))
        .containsExactly(
            AGENT + " <- aws-bedrock-cloud-resource " + SONNET,
            AGENT + " <- aws-bedrock-invocations " + HAIKU,
            KNOWLEDGE_BASE + " <- aws-bedrock-cloud-resource " + TITAN,
            ENDPOINT + " <- aws-sagemaker-cloud-resource null");
    // the role's calls are evidence, but the role is no resource the account reported
    assertThat(
            single(
                "MATCH (f:Finding {resource: $r}) WHERE NOT (f)-[:LOCATED_AT]->() RETURN count(f)",
                Map.of("r", ROLE)))
        .isOne();
    assertThat(
            rows(
                "MATCH (c:CloudResource)-[u:USES_MODEL]->(m:AIModel)-[:SERVED_BY]->(p:AIProvider)"
                    + " WHERE p.id = u.provider"
                    + " RETURN c.id AS resource, m.name AS model, u.provider AS provider,"
                    + " u.stale AS stale ORDER BY resource, model",
                Map.of()))
        .extracting(r -> r.get("resource") + " " + r.get("model") + " " + r.get("provider"))
        .containsExactly(
            AGENT + " " + SONNET + " aws-bedrock",
            AGENT + " " + HAIKU + " aws-bedrock",
            KNOWLEDGE_BASE + " " + TITAN + " aws-bedrock");
    assertThat(
            single(
                "MATCH (f:Finding)-[:LOCATED_AT]->(:CloudResource)<-[:HAS_RESOURCE]-(t:Target)"
                    + " WHERE f.targetId <> t.id RETURN count(f)"))
        .isZero();
  }

  @Test
  void writingAScanTwiceChangesNothingAndALaterScanAddsOnlyHistory() {
    ScanResult first = CloudFixtures.scan(T1, true, ALICE);
    graph.write(first);
    List<String> once = GraphSnapshot.of(graph.driver());
    graph.write(first);
    assertThat(GraphSnapshot.difference(once, GraphSnapshot.of(graph.driver()))).isEmpty();

    Map<String, Long> before = graph.stats();
    graph.write(CloudFixtures.scan(T2, true, ALICE));
    Map<String, Long> after = graph.stats();
    before.keySet().removeAll(Set.of("Scan", "SAW", "SCANNED"));
    after.keySet().removeAll(Set.of("Scan", "SAW", "SCANNED"));
    assertThat(after).isEqualTo(before);
    assertThat(
            single(
                "MATCH (c:CloudResource) WHERE c.firstSeen <> datetime('2026-03-02T09:00:00Z')"
                    + " OR c.lastSeen <> datetime('2026-03-09T09:00:00Z') RETURN count(c)"))
        .isZero();
  }

  @Test
  void aResourceACompleteScanNoLongerShowsIsStaleWithItsModelsUntilSeenAgain() {
    ScanResult first = CloudFixtures.scan(T1, true, ALICE);
    graph.write(first);
    ScanResult second = CloudFixtures.scan(T2, false, BOB);
    graph.write(second);

    assertThat(
            rows(
                "MATCH (c:CloudResource) RETURN c.id AS id, c.stale AS stale,"
                    + " c.lastSeenScan AS scan ORDER BY id",
                Map.of()))
        .extracting(r -> r.get("id") + " stale=" + r.get("stale") + " " + r.get("scan"))
        .containsExactly(
            AGENT + " stale=false " + second.scan().id(),
            KNOWLEDGE_BASE + " stale=true " + first.scan().id(),
            ENDPOINT + " stale=false " + second.scan().id());
    assertThat(
            rows(
                "MATCH (c:CloudResource)-[u:USES_MODEL]->(m:AIModel) WHERE u.stale"
                    + " RETURN c.id AS id, m.name AS model",
                Map.of()))
        .extracting(r -> r.get("id") + " " + r.get("model"))
        .containsExactly(KNOWLEDGE_BASE + " " + TITAN);
    assertThat(
            single(
                "MATCH (f:Finding)-[:LOCATED_AT]->(:CloudResource {id: $r}) WHERE f.stale"
                    + " RETURN count(f)",
                Map.of("r", KNOWLEDGE_BASE)))
        .isOne();
    // the latest scan's tags win
    assertThat(rows("MATCH (c:CloudResource {id: $r}) RETURN c.tags AS tags", Map.of("r", AGENT)))
        .extracting(r -> r.get("tags"))
        .containsExactly(List.of("env=prod", "owner=" + BOB, "team=support"));

    graph.write(CloudFixtures.scan(T3, true, BOB));
    assertThat(single("MATCH (n) WHERE n.stale RETURN count(n)")).isZero();
    assertThat(single("MATCH ()-[r]->() WHERE r.stale RETURN count(r)")).isZero();
  }

  @Test
  void anAccountTheScanCouldNotFinishMarksNoResourceStale() {
    graph.write(CloudFixtures.scan(T1, true, ALICE));
    ScanResult partial = CloudFixtures.scan(T2, false, ALICE);
    ScanResult failed =
        new ScanResult(
            partial.scan(),
            partial.findings(),
            partial.assets(),
            partial.warnings(),
            partial.droppedWarnings(),
            partial.dependencies(),
            Set.of(CloudFixtures.PROD.id()),
            null,
            partial.resources());

    assertThat(graph.write(failed).staleMarked()).isZero();
    assertThat(single("MATCH (n) WHERE n.stale RETURN count(n)")).isZero();
    assertThat(single("MATCH ()-[r]->() WHERE r.stale RETURN count(r)")).isZero();
  }

  @Test
  void scansOfAnAccountConvergeWhateverOrderTheyLandIn() {
    ScanResult early = CloudFixtures.scan(T1, true, ALICE);
    ScanResult late = CloudFixtures.scan(T2, false, BOB);

    graph.write(early);
    graph.write(late);
    List<String> inOrder = GraphSnapshot.of(graph.driver());

    GraphSnapshot.clear(graph.driver());
    graph.write(late);
    graph.write(early);
    assertThat(GraphSnapshot.difference(inOrder, GraphSnapshot.of(graph.driver()))).isEmpty();
  }

  @Test
  void cloudResourcesAnswersPerAccountWithModelsAndOwner() {
    graph.write(CloudFixtures.scan(T1, true, ALICE));
    graph.write(CloudFixtures.scan(T2, false, ALICE));

    List<List<Object>> all = ask(null);
    assertThat(all)
        .containsExactly(
            List.of(
                "prod", AGENT, "AWS::Bedrock::Agent", "us-east-1", List.of(SONNET, HAIKU), ALICE),
            List.of(
                "prod",
                ENDPOINT,
                "AWS::SageMaker::Endpoint",
                "eu-west-1",
                List.of(),
                "data-science"));
    assertThat(ask("123456789012")).isEqualTo(all);
    assertThat(ask("prod")).isEqualTo(all);
    assertThat(ask("aws:123456789012")).isEqualTo(all);
    assertThat(ask("210987654321")).isEmpty();
  }

  @Test
  void aPastScanReadsBackWithTheResourcesItSaw() {
    ScanResult first = CloudFixtures.scan(T1, true, ALICE);
    ScanResult second = CloudFixtures.scan(T2, false, ALICE);
    graph.write(first);
    graph.write(second);

    assertThat(GraphResults.read(graph, first.scan().id()).resources())
        .isEqualTo(first.resources());
    ScanResult back = GraphResults.read(graph, second.scan().id());
    assertThat(back.resources()).isEqualTo(second.resources());
    assertThat(back.findings()).containsExactlyInAnyOrderElementsOf(second.findings());
  }

  private static List<List<Object>> ask(String argument) {
    GraphQuestions.Question q = GraphQuestions.find("cloud-resources").orElseThrow();
    List<List<Object>> rows =
        graph.query(q.cypher(), GraphQuestions.parameters(q, argument)).rows();
    // models come back in collection order: compare them sorted
    return rows.stream()
        .map(
            r -> {
              Object[] copy = r.toArray();
              copy[4] = ((List<?>) r.get(4)).stream().map(String::valueOf).sorted().toList();
              return Arrays.asList(copy);
            })
        .toList();
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
