package dev.aiscan.register;

import dev.aiscan.core.register.RegisterEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a register from CSV: a header row naming the columns (case-insensitive, camelCase or
 * snake_case), then one entry per row. Lists inside a cell are separated by {@code ;}, tags are
 * {@code key=value;key2=value2}. Lines are physical lines, the header being line 1.
 */
final class CsvRegister {
  private final Problems problems;
  private final Entries entries;

  CsvRegister(Problems problems, Entries entries) {
    this.problems = problems;
    this.entries = entries;
  }

  void read(String text) {
    List<CsvTable.Row> rows;
    try {
      rows = CsvTable.parse(text).stream().filter(r -> !r.blank()).toList();
    } catch (SyntaxError e) {
      problems.add(e.line(), "invalid CSV: " + e.problem());
      return;
    }
    if (rows.isEmpty()) {
      problems.add(1, "empty register: expected a header row (id,name,...) and one row per entry");
      return;
    }
    CsvTable.Row header = rows.get(0);
    String[] columns = columns(header);
    boolean complete = true;
    for (String required : List.of("id", "name")) {
      if (!Arrays.asList(columns).contains(required)) {
        problems.add(header.line(), "missing column '" + required + "'");
        complete = false;
      }
    }
    if (!complete) {
      return;
    }
    for (int r = 1; r < rows.size(); r++) {
      row(rows.get(r), r, columns);
    }
  }

  /** The canonical column name of each header cell, null for unknown ones (reported). */
  private String[] columns(CsvTable.Row header) {
    Map<String, String> byKey = new HashMap<>();
    for (String column : Names.CSV_COLUMNS) {
      byKey.put(key(column), column);
    }
    String[] columns = new String[header.cells().size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.length; i++) {
      String written = header.cells().get(i).strip();
      String column = byKey.get(key(written));
      if (written.isEmpty()) {
        problems.add(header.line(), "column " + (i + 1) + " has no name");
      } else if (column == null) {
        List<String> keys = Names.CSV_COLUMNS.stream().map(CsvRegister::key).toList();
        String close = Names.suggest(key(written), keys);
        String hint = close == null ? "" : " (did you mean '" + byKey.get(close) + "'?)";
        problems.add(header.line(), "unknown column '" + Names.show(written) + "'" + hint);
      } else if (seen.putIfAbsent(column, i + 1) != null) {
        problems.add(
            header.line(),
            "duplicate column '"
                + Names.show(written)
                + "' (columns "
                + seen.get(column)
                + " and "
                + (i + 1)
                + ")");
      } else {
        columns[i] = column;
      }
    }
    return columns;
  }

  /** A column name compared case-insensitively, snake_case, kebab-case and camelCase alike. */
  private static String key(String column) {
    return column.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
  }

  private void row(CsvTable.Row row, int ordinal, String[] columns) {
    int line = row.line();
    Draft d = new Draft(line, ordinal, "");
    List<String> cells = row.cells();
    int id = Arrays.asList(columns).indexOf("id");
    if (id < cells.size() && !cells.get(id).isBlank()) {
      d.id = new Draft.Val(cells.get(id).strip(), line);
    }
    String label = d.label();
    int extra = cells.size() - columns.length;
    if (extra > 0
        && cells.subList(columns.length, cells.size()).stream().anyMatch(c -> !c.isBlank())) {
      problems.add(
          line,
          label + ": row has " + cells.size() + " cells but the header has " + columns.length);
    }
    Boolean processed = null;
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < Math.min(columns.length, cells.size()); i++) {
      String column = columns[i];
      String cell = cells.get(i).strip();
      if (column == null || cell.isEmpty()) {
        continue;
      }
      Draft.Val v = new Draft.Val(cell, line);
      switch (column) {
        case "id" -> {
          // read above, for the label
        }
        case "name" -> d.name = v;
        case "purpose" -> d.purpose = v;
        case "owner" -> d.owner = v;
        case "businessUnit" -> d.businessUnit = v;
        case "lifecycle" -> d.lifecycle = v;
        case "riskLevel" -> d.riskLevel = v;
        case "impactOnIndividuals" -> d.impactOnIndividuals = v;
        case "humanOversight" -> d.humanOversight = v;
        case "supplier" -> d.supplier = v;
        case "reviewDate" -> d.reviewDate = v;
        case "models" -> d.models.addAll(list(cell, line));
        case "dataSources" -> d.dataSources.addAll(list(cell, line));
        case "personalData" -> {
          if (!v.todo()) {
            processed = Names.bool(cell);
            if (processed == null) {
              problems.add(
                  line, label + ": personalData '" + Names.show(cell) + "' must be true or false");
            }
          }
        }
        case "personalDataCategories" -> list(cell, line).forEach(c -> categories.add(c.text()));
        case "tags" -> tags(cell, d, label);
        default -> d.selector(column).addAll(list(cell, line));
      }
    }
    if (processed != null || !categories.isEmpty()) {
      d.personalData = new RegisterEntry.PersonalData(processed, categories);
    }
    entries.add(d);
  }

  /** The {@code ;}-separated values of a cell, blanks and TODO left out. */
  private static List<Draft.Val> list(String cell, int line) {
    List<Draft.Val> values = new ArrayList<>();
    for (String part : cell.split(";")) {
      String value = part.strip();
      if (!value.isEmpty() && !Names.TODO.equals(value)) {
        values.add(new Draft.Val(value, line));
      }
    }
    return values;
  }

  private void tags(String cell, Draft d, String label) {
    for (Draft.Val pair : list(cell, d.line)) {
      int eq = pair.text().indexOf('=');
      String key = eq < 0 ? "" : pair.text().substring(0, eq).strip();
      if (key.isEmpty()) {
        problems.add(
            d.line,
            label
                + ": tags '"
                + Names.show(pair.text())
                + "' must be key=value pairs separated by ';'");
        continue;
      }
      String value = pair.text().substring(eq + 1).strip();
      if (d.tags.containsKey(key)) {
        problems.add(d.line, label + ": tags: duplicate tag '" + Names.show(key) + "'");
      } else if (!Names.TODO.equals(value)) {
        d.tags.put(key, value);
      }
    }
  }
}
