package dev.aiscan.register;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: cells separated by commas, rows by CRLF, LF or CR; a cell in double quotes may hold
 * commas, line breaks and doubled quotes. Each row knows the physical line it starts on.
 */
final class CsvTable {
  private CsvTable() {}

  record Row(int line, List<String> cells) {
    boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  static List<Row> parse(String text) throws SyntaxError {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int n = text.length();
    int i = 0;
    int line = 1;
    int rowLine = 1;
    while (true) {
      int start = i;
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i < n && text.charAt(i) == '"') {
        int cellLine = line;
        i++;
        while (true) {
          if (i >= n) {
            throw new SyntaxError(cellLine, "quoted cell is not closed");
          }
          char c = text.charAt(i);
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c == '\r' || c == '\n') {
            i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            cell.append('\n');
            line++;
            continue;
          }
          cell.append(c);
          i++;
        }
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
        if (i < n && !separator(text.charAt(i))) {
          throw new SyntaxError(
              line, "text after the closing quote of a cell (double quotes inside quoted cells)");
        }
      } else {
        i = start;
        while (i < n && !separator(text.charAt(i))) {
          cell.append(text.charAt(i));
          i++;
        }
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (i >= n) {
        rows.add(new Row(rowLine, List.copyOf(cells)));
        break;
      }
      char c = text.charAt(i);
      if (c == ',') {
        i++;
        continue;
      }
      i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
      rows.add(new Row(rowLine, List.copyOf(cells)));
      cells.clear();
      line++;
      rowLine = line;
      if (i >= n) {
        break;
      }
    }
    return rows;
  }

  private static boolean separator(char c) {
    return c == ',' || c == '\n' || c == '\r';
  }
}
