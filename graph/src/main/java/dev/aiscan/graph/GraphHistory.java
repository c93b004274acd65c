package dev.aiscan.graph;

import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.AssetStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scan history as the graph keeps it: complete {@code Scan} nodes, what each {@code SAW} (with the
 * asset's status then) and what it {@code CHECKED} in the register.
 */
public final class GraphHistory implements ScanHistory {
  private static final String SCANS_BEFORE =
      """
      MATCH (s:Scan {status: 'complete'})
      WHERE s.started < $started
        AND all(t IN $targets WHERE EXISTS {
              MATCH (s)-[:SCANNED {complete: true}]->(:Target {id: t}) })
      RETURN s.id AS id
      ORDER BY s.started DESC, s.id DESC
      LIMIT $limit""";

  private static final String LATEST =
      """
      MATCH (s:Scan {status: 'complete'})
      RETURN s.id AS id
      ORDER BY s.started DESC, s.id DESC
      LIMIT $limit""";

  private static final String SCAN =
      """
      MATCH (s:Scan {id: $id, status: 'complete'})
      OPTIONAL MATCH (s)-[c:SCANNED {complete: true}]->(t:Target)
      RETURN s.started AS started, collect(t.id) AS targets""";

  private static final String SAW =
      """
      MATCH (:Scan {id: $id})-[w:SAW]->(a:Asset)
      RETURN a.id AS id, a.provider AS provider, a.name AS name, a.targetId AS target,
             w.status AS status, w.registerId AS registerId, w.models AS models
      ORDER BY id""";

  private static final String CHECKED =
      """
      MATCH (:Scan {id: $id})-[c:CHECKED]->(e:RegisterEntry)
      RETURN e.id AS id, c.assets AS assets""";

  private final Graph graph;

  public GraphHistory(Graph graph) {
    this.graph = graph;
  }

  @Override
  public List<ScanSnapshot> before(Instant started, Collection<String> targetIds, int limit) {
    QueryResult ids =
        graph.query(
            SCANS_BEFORE,
            Map.of(
                "started", OffsetDateTime.ofInstant(started, ZoneOffset.UTC),
                "targets", List.copyOf(targetIds),
                "limit", Math.max(0, limit)));
    return snapshots(ids);
  }

  @Override
  public Optional<ScanSnapshot> find(String scanId) {
    QueryResult scan = graph.query(SCAN, Map.of("id", scanId));
    if (scan.rows().isEmpty() || scan.rows().get(0).get(0) == null) {
      return Optional.empty();
    }
    List<Object> row = scan.rows().get(0);
    Instant started = OffsetDateTime.parse((String) row.get(0)).toInstant();
    @SuppressWarnings("unchecked")
    List<String> targets = (List<String>) row.get(1);

    List<AssetState> assets = new ArrayList<>();
    for (List<Object> a : graph.query(SAW, Map.of("id", scanId)).rows()) {
      @SuppressWarnings("unchecked")
      List<String> models = a.get(6) == null ? List.of() : (List<String>) a.get(6);
      assets.add(
          new AssetState(
              (String) a.get(0),
              (String) a.get(1),
              (String) a.get(2),
              (String) a.get(3),
              a.get(4) == null
                  ? AssetStatus.SHADOW
                  : AssetStatus.valueOf(((String) a.get(4)).toUpperCase(Locale.ROOT)),
              (String) a.get(5),
              models));
    }
    Map<String, Integer> matches = new HashMap<>();
    for (List<Object> e : graph.query(CHECKED, Map.of("id", scanId)).rows()) {
      matches.put((String) e.get(0), ((Number) e.get(1)).intValue());
    }
    return Optional.of(new ScanSnapshot(scanId, started, targets, assets, matches));
  }

  @Override
  public List<ScanSnapshot> latest(int limit) {
    return snapshots(graph.query(LATEST, Map.of("limit", Math.max(0, limit))));
  }

  private List<ScanSnapshot> snapshots(QueryResult ids) {
    List<ScanSnapshot> snapshots = new ArrayList<>();
    for (List<Object> row : ids.rows()) {
      find((String) row.get(0)).ifPresent(snapshots::add);
    }
    return snapshots;
  }
}
