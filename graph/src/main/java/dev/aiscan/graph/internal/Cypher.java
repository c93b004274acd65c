package dev.aiscan.graph.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Every statement the writer runs. All scan data arrives as parameters ({@code $rows}, {@code
 * $scan}, {@code $t}); the text is built only from the constants in this class.
 *
 * <p>Writes converge whatever order scans land in: {@code firstSeen} only moves back, {@code
 * lastSeen} only forward, and an entity's descriptive properties are those of the latest scan that
 * saw it. Two scanners writing at once therefore leave the graph that running them one after the
 * other leaves.
 *
 * <p>Properties are set one by one from the row ({@code x.name = r.name}) rather than from a map
 * ({@code x += r.props}): the planner cannot tell which keys a map writes, and guards every such
 * statement with Eager operators that halve ingest speed.
 */
public final class Cypher {
  private Cypher() {}

  /** Who owns an entity, which decides what its MERGE records. */
  enum Kind {
    /**
     * A node one scope (target) owns: first and last seen, stale, and the last scan that saw it.
     */
    SCOPED_NODE,
    /** A relationship one scope owns: as a node, less the scan id (its lastSeen names the scan). */
    SCOPED_RELATIONSHIP,
    /** Shared by every scope (packages, providers, models): first and last seen only. */
    SHARED
  }

  /**
   * The ON CREATE and ON MATCH clauses that follow the MERGE of {@code x}: take the row's {@code
   * props} ({@code r.<name>}) when this scan is the latest to see {@code x}, and move its first and
   * last seen times.
   */
  static String seen(String x, Kind kind, String... props) {
    String latest = "coalesce(" + x + ".lastSeen <= $t, true)";
    List<String> onCreate = new ArrayList<>();
    List<String> onMatch = new ArrayList<>();
    for (String p : props) {
      onCreate.add(x + "." + p + " = r." + p);
      onMatch.add(when(x, p, latest, "r." + p));
    }
    onCreate.add(x + ".firstSeen = $t");
    onCreate.add(x + ".lastSeen = $t");
    if (kind != Kind.SHARED) {
      onCreate.add(x + ".stale = false");
      onMatch.add(when(x, "stale", latest, "false"));
    }
    if (kind == Kind.SCOPED_NODE) {
      onCreate.add(x + ".lastSeenScan = $scan");
      onMatch.add(when(x, "lastSeenScan", latest, "$scan"));
    }
    onMatch.add(
        x
            + ".firstSeen = CASE WHEN "
            + x
            + ".firstSeen <= $t THEN "
            + x
            + ".firstSeen ELSE $t END");
    onMatch.add(
        x + ".lastSeen = CASE WHEN " + x + ".lastSeen >= $t THEN " + x + ".lastSeen ELSE $t END");
    return "ON CREATE SET "
        + String.join(", ", onCreate)
        + "\nON MATCH SET "
        + String.join(",\n    ", onMatch);
  }

  private static String when(String x, String property, String latest, String value) {
    return x
        + "."
        + property
        + " = CASE WHEN "
        + latest
        + " THEN "
        + value
        + " ELSE "
        + x
        + "."
        + property
        + " END";
  }

  public static final String SCAN_START =
      """
      MERGE (s:Scan {id: $scan})
      SET s += $props, s.status = 'writing'
      """;

  public static final String SCAN_END =
      """
      MATCH (s:Scan {id: $scan})
      SET s.status = 'complete', s.written = datetime()
      """;

  /** Targets of one kind; {@code LABEL} is replaced by a constant label, never by scan data. */
  private static final String TARGETS =
      """
      UNWIND $rows AS r
      MERGE (x:Target {id: r.id})
      SEEN
      SET x:LABEL
      WITH x, r
      MATCH (s:Scan {id: $scan})
      MERGE (s)-[c:SCANNED]->(x)
      SET c.complete = r.complete
      """
          .replace("SEEN", seen("x", Kind.SCOPED_NODE, "name", "kind", "location"));

  public static String targets(String label) {
    if (!label.matches("[A-Z][A-Za-z]*")) {
      throw new IllegalArgumentException("not a label constant: " + label);
    }
    return TARGETS.replace("LABEL", label);
  }

  public static final String PROVIDERS =
      """
      UNWIND $rows AS r
      MERGE (x:AIProvider {id: r.id})
      SEEN
      """
          .replace("SEEN", seen("x", Kind.SHARED));

  public static final String MODELS =
      """
      UNWIND $rows AS r
      MERGE (x:AIModel {name: r.name})
      SEEN_X
      WITH x, r
      MATCH (p:AIProvider {id: r.provider})
      MERGE (x)-[y:SERVED_BY]->(p)
      SEEN_Y
      """
          .replace("SEEN_X", seen("x", Kind.SHARED))
          .replace("SEEN_Y", seen("y", Kind.SHARED));

  /** A target's dependency on a package, merging the package on the way. */
  public static final String TARGET_DEPENDS_ON =
      """
      UNWIND $rows AS r
      MATCH (t:Target {id: r.target})
      MERGE (p:Package {key: r.package})
      SEEN_P
      MERGE (t)-[x:DEPENDS_ON {project: r.project}]->(p)
      SEEN_X
      """
          .replace("SEEN_P", seen("p", Kind.SHARED, "ecosystem", "name", "version"))
          .replace("SEEN_X", seen("x", Kind.SCOPED_RELATIONSHIP, "direct", "scope", "manifest"));

  public static final String PACKAGE_DEPENDS_ON =
      """
      UNWIND $rows AS r
      MATCH (a:Package {key: r.from})
      MATCH (b:Package {key: r.to})
      MERGE (a)-[x:DEPENDS_ON]->(b)
      SEEN
      """
          .replace("SEEN", seen("x", Kind.SHARED));

  public static final String CLIENT_OF =
      """
      UNWIND $rows AS r
      MATCH (a:Package {key: r.package})
      MATCH (p:AIProvider {id: r.provider})
      MERGE (a)-[x:CLIENT_OF]->(p)
      SEEN
      """
          .replace("SEEN", seen("x", Kind.SHARED));

  public static final String ASSETS =
      """
      UNWIND $rows AS r
      MERGE (x:Asset {id: r.id})
      SEEN
      WITH x, r
      MATCH (t:Target {id: r.targetId})
      MERGE (x)-[:FOUND_IN]->(t)
      WITH x, r
      MATCH (p:AIProvider {id: r.provider})
      MERGE (x)-[:PROVIDED_BY]->(p)
      WITH x, r
      MATCH (s:Scan {id: $scan})
      MERGE (s)-[w:SAW]->(x)
      SET w.status = r.status, w.registerId = r.registerId, w.models = r.models, w.new = r.new
      """
          .replace(
              "SEEN",
              seen(
                  "x",
                  Kind.SCOPED_NODE,
                  "provider",
                  "kind",
                  "name",
                  "targetId",
                  "models",
                  "categories",
                  "confidence",
                  "transitiveOnly",
                  "status",
                  "registerId",
                  "statusReason",
                  "findings"));

  public static final String FINDINGS =
      """
      UNWIND $rows AS r
      MERGE (x:Finding {id: r.id})
      SEEN
      WITH x, r
      MATCH (a:Asset {id: r.asset})
      MERGE (x)-[:EVIDENCE_OF]->(a)
      """
          .replace(
              "SEEN",
              seen(
                  "x",
                  Kind.SCOPED_NODE,
                  "ruleId",
                  "provider",
                  "category",
                  "confidence",
                  "targetId",
                  "file",
                  "line",
                  "cell",
                  "resource",
                  "evidence",
                  "model",
                  "fingerprint",
                  "direct",
                  "dependencyPath",
                  "scope"));

  public static final String USES_MODEL =
      """
      UNWIND $rows AS r
      MATCH (t:Target {id: r.target})
      MATCH (m:AIModel {name: r.model})
      MERGE (t)-[x:USES_MODEL {provider: r.provider}]->(m)
      SEEN
      """
          .replace("SEEN", seen("x", Kind.SCOPED_RELATIONSHIP));

  /**
   * The cloud and SaaS resources evidence of AI was found at, each hung on its target. Tags are a
   * list of {@code key=value} strings sorted by key: Neo4j has no map properties, and a list keeps
   * a resource's tags one property that the latest scan replaces whole.
   */
  public static final String RESOURCES =
      """
      UNWIND $rows AS r
      MERGE (x:CloudResource {id: r.id})
      SEEN
      WITH x, r
      MATCH (t:Target {id: r.targetId})
      MERGE (t)-[:HAS_RESOURCE]->(x)
      """
          .replace(
              "SEEN", seen("x", Kind.SCOPED_NODE, "type", "name", "region", "targetId", "tags"));

  /** Findings located at a resource their target reported. */
  public static final String LOCATED_AT =
      """
      UNWIND $rows AS r
      MATCH (f:Finding {id: r.finding})
      MATCH (c:CloudResource {id: r.resource})
      MERGE (f)-[:LOCATED_AT]->(c)
      """;

  /** The models the findings located at a resource name, for their provider. */
  public static final String RESOURCE_USES_MODEL =
      """
      UNWIND $rows AS r
      MATCH (c:CloudResource {id: r.resource})
      MATCH (m:AIModel {name: r.model})
      MERGE (c)-[x:USES_MODEL {provider: r.provider}]->(m)
      SEEN
      """
          .replace("SEEN", seen("x", Kind.SCOPED_RELATIONSHIP));

  /**
   * The register as this scan read it: each entry (latest scan's description wins), what it covered
   * in this scan ({@code CHECKED}), and its owner.
   */
  public static final String REGISTER_ENTRIES =
      """
      UNWIND $rows AS r
      MERGE (x:RegisterEntry {id: r.id})
      SEEN
      WITH x, r
      MATCH (s:Scan {id: $scan})
      MERGE (s)-[c:CHECKED]->(x)
      SET c.assets = r.assets, c.state = r.state, c.unmatchedScans = r.unmatchedScans
      WITH x, r
      WHERE r.owner IS NOT NULL
      MERGE (o:Owner {name: r.owner})
      ON CREATE SET o.firstSeen = $t
      MERGE (x)-[:OWNED_BY]->(o)
      """
          .replace(
              "SEEN",
              seen(
                  "x",
                  Kind.SHARED,
                  "name",
                  "purpose",
                  "owner",
                  "businessUnit",
                  "lifecycle",
                  "riskLevel",
                  "supplier",
                  "models",
                  "reviewDate",
                  "origin"));

  /** Which assets an entry covers, and the entry's owner as the asset's. */
  public static final String COVERS =
      """
      UNWIND $rows AS r
      MATCH (e:RegisterEntry {id: r.entry})
      MATCH (a:Asset {id: r.asset})
      MERGE (e)-[x:COVERS]->(a)
      SEEN
      WITH e, a
      MATCH (e)-[:OWNED_BY]->(o:Owner)
      MERGE (a)-[:OWNED_BY]->(o)
      """
          .replace("SEEN", seen("x", Kind.SHARED, "status"));

  /** Assets that are one AI system, with the evidence. */
  public static final String SAME_SYSTEM =
      """
      UNWIND $rows AS r
      MATCH (a:Asset {id: r.from})
      MATCH (b:Asset {id: r.to})
      MERGE (a)-[x:SAME_SYSTEM {kind: r.kind}]->(b)
      SEEN
      """
          .replace("SEEN", seen("x", Kind.SHARED, "reason"));

  /** Moves a target's scan horizon forward and returns it. Locks the target until commit. */
  public static final String TARGET_HORIZON =
      """
      MATCH (t:Target {id: $target})
      SET t.lastScan = CASE WHEN t.lastScanned >= $t THEN t.lastScan ELSE $scan END,
          t.lastScanned = CASE WHEN t.lastScanned >= $t THEN t.lastScanned ELSE $t END
      RETURN t.lastScanned AS horizon
      """;

  /** What the target showed before its latest complete scan but not in it is stale. */
  public static final String STALE_TARGET_RELATIONSHIPS =
      """
      MATCH (:Target {id: $target})-[x:DEPENDS_ON|USES_MODEL]->()
      WITH x, x.lastSeen < $horizon AS stale
      WHERE x.stale <> stale
      SET x.stale = stale
      """;

  public static final String STALE_ASSETS =
      """
      MATCH (x:Asset {targetId: $target})
      WITH x, x.lastSeen < $horizon AS stale
      WHERE x.stale <> stale
      SET x.stale = stale
      """;

  public static final String STALE_RESOURCES =
      """
      MATCH (x:CloudResource {targetId: $target})
      WITH x, x.lastSeen < $horizon AS stale
      WHERE x.stale <> stale
      SET x.stale = stale
      """;

  public static final String STALE_RESOURCE_RELATIONSHIPS =
      """
      MATCH (:CloudResource {targetId: $target})-[x:USES_MODEL]->()
      WITH x, x.lastSeen < $horizon AS stale
      WHERE x.stale <> stale
      SET x.stale = stale
      """;

  public static final String STALE_FINDINGS =
      """
      MATCH (x:Finding {targetId: $target})
      WITH x, x.lastSeen < $horizon AS stale
      WHERE x.stale <> stale
      SET x.stale = stale
      """;
}
