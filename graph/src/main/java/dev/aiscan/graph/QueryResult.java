package dev.aiscan.graph;

import java.util.List;

/**
 * What a Cypher query returned, as plain Java values: strings, longs, doubles, booleans, ISO-8601
 * strings for temporal values, lists and maps (a node as its labels and properties).
 *
 * @param columns the returned column names, in order
 * @param rows one list of values per record, in column order
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    rows = rows.stream().map(java.util.Collections::unmodifiableList).toList();
  }
}
