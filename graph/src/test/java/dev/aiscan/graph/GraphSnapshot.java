package dev.aiscan.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The whole graph as sorted lines, one per node and relationship, with every property but the wall
 * clock of the write: two graphs are the same when their snapshots are equal.
 */
final class GraphSnapshot {
  private GraphSnapshot() {}

  static List<String> of(Driver driver) {
    List<String> lines = new ArrayList<>();
    try (Session session = driver.session()) {
      session
          .run(
              "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props,"
                  + " coalesce(n.id, n.key, n.name) AS key")
          .forEachRemaining(
              r ->
                  lines.add(
                      "node "
                          + sorted(r.get("labels").asList(org.neo4j.driver.Value::asString))
                          + " "
                          + r.get("key").asString()
                          + " "
                          + props(r.get("props").asMap())));
      session
          .run(
              "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props,"
                  + " coalesce(a.id, a.key, a.name) AS from, coalesce(b.id, b.key, b.name) AS to")
          .forEachRemaining(
              r ->
                  lines.add(
                      "rel "
                          + r.get("from").asString()
                          + " -"
                          + r.get("type").asString()
                          + "-> "
                          + r.get("to").asString()
                          + " "
                          + props(r.get("props").asMap())));
    }
    lines.sort(null);
    return lines;
  }

  /** Lines only in {@code expected} ("- ") or only in {@code actual} ("+ "): empty when equal. */
  static List<String> difference(List<String> expected, List<String> actual) {
    List<String> diff = new ArrayList<>();
    java.util.Set<String> in = new java.util.HashSet<>(actual);
    java.util.Set<String> ex = new java.util.HashSet<>(expected);
    expected.stream().filter(l -> !in.contains(l)).forEach(l -> diff.add("- " + l));
    actual.stream().filter(l -> !ex.contains(l)).forEach(l -> diff.add("+ " + l));
    if (diff.isEmpty() && expected.size() != actual.size()) {
      diff.add("same lines, different counts: " + expected.size() + " vs " + actual.size());
    }
    return diff;
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    copy.sort(null);
    return copy;
  }

  private static String props(Map<String, Object> props) {
    Map<String, Object> sorted = new TreeMap<>(props);
    sorted.remove("written");
    return sorted.toString();
  }

  static void clear(Driver driver) {
    try (Session session = driver.session()) {
      session
          .run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
          .consume();
    }
  }
}
