package dev.aiscan.shell.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiscan.graph.QueryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Query results as an aligned text table or as JSON. */
public final class Tables {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int MAX_CELL = 80;

  private Tables() {}

  /** A table with a header row, one line per record, and a count. */
  public static String text(QueryResult result) {
    List<String> columns = result.columns();
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      cells.add(row.stream().map(Tables::cell).toList());
    }
    int[] widths = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      widths[i] = columns.get(i).length();
      for (List<String> row : cells) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, columns, widths);
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    line(out, rule, widths);
    cells.forEach(row -> line(out, row, widths));
    int n = result.rows().size();
    out.append('(').append(n).append(n == 1 ? " row)" : " rows)");
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(String.format("%-" + Math.max(1, widths[i]) + "s", values.get(i)));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String cell(Object value) {
    String text;
    if (value == null) {
      text = "";
    } else if (value instanceof List<?> list) {
      text = list.stream().map(Tables::cell).collect(Collectors.joining(", "));
    } else if (value instanceof Map<?, ?> map) {
      text = map.toString();
    } else {
      text = value.toString();
    }
    text = text.replace('\n', ' ').replace('\r', ' ');
    return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
  }

  /** The records as a JSON array of objects, one key per column. */
  public static String json(QueryResult result) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (int i = 0; i < result.columns().size(); i++) {
        record.put(result.columns().get(i), row.get(i));
      }
      records.add(record);
    }
    try {
      return JSON.writeValueAsString(records);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
