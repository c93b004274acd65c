package dev.aiscan.graph.internal;

/**
 * Every statement the writer runs. All scan data arrives as parameters ({@code $rows}, {@code
 * $scan}, {@code $t}); the text is built only from the constants in this class.
 *
 * <p>Writes converge whatever order scans land in: {@code firstSeen} only moves back, {@code
 * lastSeen} only forward, and an entity's descriptive properties are those of the latest scan that
 * saw it. Two scanners writing at once therefore leave the graph that running them one after the
 * other leaves.
 */
public final class Cypher {
  private Cypher() {}

  /**
   * Marks {@code x} as seen by scan {@code $scan} at time {@code $t}, taking {@code props} when
   * this scan is the latest to see it.
   */
  public static String seen(String x, String props) {
    String latest = "coalesce(" + x + ".lastSeen <= $t, true)";
    return String.join(
        ",\n    ",
        "SET " + x + " += CASE WHEN " + latest + " THEN " + props + " ELSE {} END",
        x + ".lastSeenScan = CASE WHEN " + latest + " THEN $scan ELSE " + x + ".lastSeenScan END",
        x + ".stale = CASE WHEN " + latest + " THEN false ELSE " + x + ".stale END",
        x + ".firstSeen = CASE WHEN " + x + ".firstSeen <= $t THEN " + x + ".firstSeen ELSE $t END",
        x + ".lastSeen = CASE WHEN " + x + ".lastSeen >= $t THEN " + x + ".lastSeen ELSE $t END");
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
  public static final String TARGETS =
      """
      UNWIND $rows AS r
      MERGE (x:Target {id: r.id})
      SET x:LABEL
      SEEN
      WITH x, r
      MATCH (s:Scan {id: $scan})
      MERGE (s)-[c:SCANNED]->(x)
      SET c.complete = r.complete
      """
          .replace("SEEN", seen("x", "r.props"));

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
          .replace("SEEN", seen("x", "{}"));

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
          .replace("SEEN_X", seen("x", "{}"))
          .replace("SEEN_Y", seen("y", "{}"));

  public static final String PACKAGES =
      """
      UNWIND $rows AS r
      MERGE (x:Package {key: r.key})
      SEEN
      """
          .replace("SEEN", seen("x", "r.props"));

  public static final String TARGET_DEPENDS_ON =
      """
      UNWIND $rows AS r
      MATCH (t:Target {id: r.target})
      MATCH (p:Package {key: r.package})
      MERGE (t)-[x:DEPENDS_ON {project: r.project}]->(p)
      SEEN
      """
          .replace("SEEN", seen("x", "r.props"));

  public static final String PACKAGE_DEPENDS_ON =
      """
      UNWIND $rows AS r
      MATCH (a:Package {key: r.from})
      MATCH (b:Package {key: r.to})
      MERGE (a)-[x:DEPENDS_ON]->(b)
      SEEN
      """
          .replace("SEEN", seen("x", "{}"));

  public static final String CLIENT_OF =
      """
      UNWIND $rows AS r
      MATCH (a:Package {key: r.package})
      MATCH (p:AIProvider {id: r.provider})
      MERGE (a)-[x:CLIENT_OF]->(p)
      SEEN
      """
          .replace("SEEN", seen("x", "{}"));

  public static final String ASSETS =
      """
      UNWIND $rows AS r
      MERGE (x:Asset {id: r.id})
      SEEN
      WITH x, r
      MATCH (t:Target {id: r.target})
      MERGE (x)-[:FOUND_IN]->(t)
      WITH x, r
      MATCH (p:AIProvider {id: r.provider})
      MERGE (x)-[:PROVIDED_BY]->(p)
      WITH x
      MATCH (s:Scan {id: $scan})
      MERGE (s)-[:SAW]->(x)
      """
          .replace("SEEN", seen("x", "r.props"));

  public static final String FINDINGS =
      """
      UNWIND $rows AS r
      MERGE (x:Finding {id: r.id})
      SEEN
      WITH x, r
      MATCH (a:Asset {id: r.asset})
      MERGE (x)-[:EVIDENCE_OF]->(a)
      """
          .replace("SEEN", seen("x", "r.props"));

  public static final String USES_MODEL =
      """
      UNWIND $rows AS r
      MATCH (t:Target {id: r.target})
      MATCH (m:AIModel {name: r.model})
      MERGE (t)-[x:USES_MODEL {provider: r.provider}]->(m)
      SEEN
      """
          .replace("SEEN", seen("x", "{}"));

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
      WHERE x.stale IS NULL OR x.stale <> stale
      SET x.stale = stale
      """;

  public static final String STALE_ASSETS =
      """
      MATCH (x:Asset {targetId: $target})
      WITH x, x.lastSeen < $horizon AS stale
      WHERE x.stale IS NULL OR x.stale <> stale
      SET x.stale = stale
      """;

  public static final String STALE_FINDINGS =
      """
      MATCH (x:Finding {targetId: $target})
      WITH x, x.lastSeen < $horizon AS stale
      WHERE x.stale IS NULL OR x.stale <> stale
      SET x.stale = stale
      """;
}
