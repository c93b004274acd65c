package dev.aiscan.graph.internal;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/** Driver values as plain Java, and driver errors as one line. */
public final class Values {
  private static final TypeSystem TYPES = TypeSystem.getDefault();

  private Values() {}

  /**
   * A value as strings, longs, doubles, booleans, lists and maps; a node as its properties plus
   * {@code _labels}, a relationship as its properties plus {@code _type}; temporal values as
   * ISO-8601 strings.
   */
  public static Object plain(Value value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.hasType(TYPES.NODE())) {
      Node node = value.asNode();
      Map<String, Object> map = new LinkedHashMap<>();
      List<String> labels = new ArrayList<>();
      node.labels().forEach(labels::add);
      labels.sort(null);
      map.put("_labels", labels);
      map.putAll(properties(node.asMap(v -> v)));
      return map;
    }
    if (value.hasType(TYPES.RELATIONSHIP())) {
      Relationship rel = value.asRelationship();
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("_type", rel.type());
      map.putAll(properties(rel.asMap(v -> v)));
      return map;
    }
    if (value.hasType(TYPES.PATH())) {
      Path path = value.asPath();
      List<Object> steps = new ArrayList<>();
      for (Path.Segment segment : path) {
        if (steps.isEmpty()) {
          steps.add(plain(org.neo4j.driver.Values.value(segment.start())));
        }
        steps.add(plain(org.neo4j.driver.Values.value(segment.relationship())));
        steps.add(plain(org.neo4j.driver.Values.value(segment.end())));
      }
      if (steps.isEmpty()) {
        steps.add(plain(org.neo4j.driver.Values.value(path.start())));
      }
      return steps;
    }
    if (value.hasType(TYPES.LIST())) {
      List<Object> list = new ArrayList<>();
      value.values().forEach(v -> list.add(plain(v)));
      return list;
    }
    if (value.hasType(TYPES.MAP())) {
      return properties(value.asMap(v -> v));
    }
    Object object = value.asObject();
    if (object instanceof TemporalAccessor) {
      return object.toString();
    }
    return object;
  }

  private static Map<String, Object> properties(Map<String, Value> values) {
    Map<String, Object> sorted = new TreeMap<>();
    values.forEach((k, v) -> sorted.put(k, plain(v)));
    return sorted;
  }

  /** The first line of a failure's message, prefixed with its kind. */
  public static String oneLine(Throwable e) {
    String message = e.getMessage();
    String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
    return first.isEmpty() ? e.getClass().getSimpleName() : first;
  }

  /** Why the database refused a query, in one line. */
  public static String queryError(Neo4jException e) {
    String code = e.code() == null ? "" : e.code();
    if (code.contains("ForbiddenOnReadOnlyDatabase")
        || code.contains("AccessMode")
        || code.endsWith("Forbidden")) {
      return "graph query: refused, queries are read-only (" + oneLine(e) + ")";
    }
    return "graph query: " + oneLine(e);
  }
}
