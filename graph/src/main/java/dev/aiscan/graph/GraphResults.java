package dev.aiscan.graph;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.AssetLink;
import dev.aiscan.core.register.EntryStatus;
import dev.aiscan.core.register.Reconciliation;
import dev.aiscan.core.register.RegisterEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A past scan's result as the graph remembers it, for {@code aiscan report --scan ID}: its targets,
 * the assets it saw with the status they had then, their findings, the cloud resources of its
 * targets it saw (with their latest description and tags), the register entries it checked and the
 * links between its assets. Warnings are counted, not listed, and dependency trees are left out:
 * the graph keeps only the latest of those.
 */
public final class GraphResults {
  private static final String SCAN =
      """
      MATCH (s:Scan {id: $id})
      OPTIONAL MATCH (s)-[:SCANNED]->(t:Target)
      WITH s, t ORDER BY t.id
      RETURN s.id, toString(s.started), toString(s.finished), s.aiscanVersion, s.warnings,
             s.status, collect([t.id, t.kind, t.name, t.location]) AS targets""";

  private static final String ASSETS =
      """
      MATCH (:Scan {id: $id})-[w:SAW]->(a:Asset)
      RETURN a.id, a.provider, a.kind, a.name, a.targetId, w.models, a.categories, a.confidence,
             a.transitiveOnly, w.status, w.registerId, a.statusReason, w.new
      ORDER BY a.targetId, a.provider, a.kind""";

  private static final String FINDINGS =
      """
      MATCH (s:Scan {id: $id})-[:SAW]->(a:Asset)<-[:EVIDENCE_OF]-(f:Finding)
      WHERE f.firstSeen <= s.started AND f.lastSeen >= s.started
      RETURN a.id, f.id, f.ruleId, f.provider, f.category, f.confidence, f.targetId, f.file, f.line,
             f.cell, f.resource, f.evidence, f.model, f.fingerprint, f.direct, f.dependencyPath,
             f.scope
      ORDER BY f.targetId, f.file, f.resource, f.cell, f.line, f.ruleId, f.evidence""";

  private static final String RESOURCES =
      """
      MATCH (s:Scan {id: $id})-[:SCANNED]->(t:Target)-[:HAS_RESOURCE]->(c:CloudResource)
      WHERE c.firstSeen <= s.started AND c.lastSeen >= s.started
      RETURN c.targetId, c.id, c.type, c.name, c.region, c.tags
      ORDER BY c.targetId, c.id""";

  private static final String ENTRIES =
      """
      MATCH (:Scan {id: $id})-[c:CHECKED]->(e:RegisterEntry)
      RETURN e.id, e.name, e.owner, e.origin, c.state, c.unmatchedScans
      ORDER BY toInteger(last(split(e.origin, ':'))), e.id""";

  private static final String LINKS =
      """
      MATCH (s:Scan {id: $id})-[:SAW]->(a:Asset)-[l:SAME_SYSTEM]->(b:Asset)<-[:SAW]-(s)
      RETURN a.id, b.id, l.kind, l.reason ORDER BY a.id, b.id, l.kind""";

  private GraphResults() {}

  /**
   * @throws ScanException when the graph holds no complete scan with this id
   */
  public static ScanResult read(Graph graph, String scanId) {
    Map<String, Object> id = Map.of("id", scanId);
    List<List<Object>> scanRows = graph.query(SCAN, id).rows();
    if (scanRows.isEmpty() || !"complete".equals(scanRows.get(0).get(5))) {
      throw new ScanException(
          "no complete scan with id '" + scanId + "' in " + graph.options().describe());
    }
    List<Object> s = scanRows.get(0);
    List<Target> targets = new ArrayList<>();
    for (Object t : (List<?>) s.get(6)) {
      List<?> v = (List<?>) t;
      if (v.get(0) != null) {
        targets.add(
            new Target((String) v.get(0), (String) v.get(1), (String) v.get(2), (String) v.get(3)));
      }
    }
    Scan scan =
        new Scan(
            (String) s.get(0),
            OffsetDateTime.parse((String) s.get(1)).toInstant(),
            OffsetDateTime.parse((String) s.get(2)).toInstant(),
            targets,
            (String) s.get(3));

    Map<String, List<String>> findingIds = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    for (List<Object> f : graph.query(FINDINGS, id).rows()) {
      findingIds.computeIfAbsent((String) f.get(0), k -> new ArrayList<>()).add((String) f.get(1));
      findings.add(finding(f));
    }
    List<Asset> assets = new ArrayList<>();
    Set<String> newAssets = new HashSet<>();
    Map<String, List<String>> covered = new TreeMap<>();
    for (List<Object> a : graph.query(ASSETS, id).rows()) {
      String assetId = (String) a.get(0);
      List<String> ids =
          findingIds.getOrDefault(assetId, List.of()).stream().sorted().distinct().toList();
      if (ids.isEmpty()) {
        continue;
      }
      AssetStatus status =
          a.get(9) == null
              ? AssetStatus.SHADOW
              : AssetStatus.valueOf(((String) a.get(9)).toUpperCase(Locale.ROOT));
      assets.add(
          new Asset(
              assetId,
              (String) a.get(1),
              (String) a.get(2),
              (String) a.get(3),
              (String) a.get(4),
              strings(a.get(5)),
              strings(a.get(6)).stream().map(Category::fromWire).toList(),
              Confidence.fromWire((String) a.get(7)),
              Boolean.TRUE.equals(a.get(8)),
              ids,
              status,
              (String) a.get(10),
              a.get(11) == null ? "no register given" : (String) a.get(11)));
      if (Boolean.TRUE.equals(a.get(12))) {
        newAssets.add(assetId);
      }
      if (a.get(10) != null) {
        covered.computeIfAbsent((String) a.get(10), k -> new ArrayList<>()).add(assetId);
      }
    }
    List<EntryStatus> entries = new ArrayList<>();
    String registerFile = null;
    for (List<Object> e : graph.query(ENTRIES, id).rows()) {
      RegisterEntry.Origin origin = RegisterEntry.Origin.parse((String) e.get(3));
      registerFile = registerFile == null ? origin.file() : registerFile;
      entries.add(
          new EntryStatus(
              (String) e.get(0),
              (String) e.get(1),
              (String) e.get(2),
              origin,
              covered.getOrDefault((String) e.get(0), List.of()).stream().sorted().toList(),
              EntryStatus.State.valueOf(
                  ((String) e.get(4)).toUpperCase(Locale.ROOT).replace('-', '_')),
              ((Number) e.get(5)).intValue()));
    }
    List<AssetLink> links = new ArrayList<>();
    for (List<Object> l : graph.query(LINKS, id).rows()) {
      links.add(
          new AssetLink(
              (String) l.get(0), (String) l.get(1), (String) l.get(2), (String) l.get(3)));
    }
    String previous =
        new GraphHistory(graph)
            .before(scan.started(), targets.stream().map(Target::id).toList(), 1).stream()
                .findFirst()
                .map(ScanSnapshot::scanId)
                .orElse(null);
    List<CloudResource> resources = new ArrayList<>();
    for (List<Object> c : graph.query(RESOURCES, id).rows()) {
      resources.add(
          new CloudResource(
              (String) c.get(0),
              (String) c.get(1),
              (String) c.get(2),
              (String) c.get(3),
              (String) c.get(4),
              tags(strings(c.get(5)))));
    }
    long warnings = s.get(4) == null ? 0 : ((Number) s.get(4)).longValue();
    return new ScanResult(
        scan,
        findings,
        assets,
        List.of(),
        warnings,
        List.of(),
        Set.of(),
        new Reconciliation(registerFile, entries, links, newAssets, previous),
        resources);
  }

  /** Tags written as {@code key=value}, split at the first {@code =}. */
  private static Map<String, String> tags(List<String> pairs) {
    Map<String, String> tags = new TreeMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        tags.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return tags;
  }

  private static Finding finding(List<Object> f) {
    Location location =
        f.get(10) != null
            ? Location.resource((String) f.get(10))
            : new Location((String) f.get(7), integer(f.get(8)), integer(f.get(9)), null);
    DependencyPath dependency =
        f.get(15) == null
            ? null
            : new DependencyPath(
                Boolean.TRUE.equals(f.get(14)), strings(f.get(15)), (String) f.get(16));
    return new Finding(
        (String) f.get(1),
        (String) f.get(2),
        (String) f.get(3),
        Category.fromWire((String) f.get(4)),
        Confidence.fromWire((String) f.get(5)),
        (String) f.get(6),
        location,
        (String) f.get(11),
        (String) f.get(12),
        (String) f.get(13),
        dependency);
  }

  private static Integer integer(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }

  private static List<String> strings(Object o) {
    if (o == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object v : (List<?>) o) {
      out.add((String) v);
    }
    return out;
  }
}
