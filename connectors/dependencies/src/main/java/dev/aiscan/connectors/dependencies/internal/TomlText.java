package dev.aiscan.connectors.dependencies.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds lines in TOML text, which the TOML parser does not report: the table each line belongs to,
 * the line of a key inside a table, the line of an array element. Also used by the Cargo reader.
 */
public final class TomlText {
  private final String[] lines;
  private final String[] tables;

  public TomlText(String text) {
    this.lines = text.split("\r?\n", -1);
    this.tables = new String[lines.length];
    String current = "";
    for (int i = 0; i < lines.length; i++) {
      String header = header(lines[i]);
      if (header != null) {
        current = header;
      }
      tables[i] = current;
    }
  }

  /**
   * The table a header line opens ({@code [a."b".c]} → {@code a.b.c}), or null when not a header.
   */
  private static String header(String line) {
    String t = line.strip();
    if (!t.startsWith("[")) {
      return null;
    }
    int end = t.lastIndexOf(']');
    if (end < 0) {
      return null;
    }
    String inner =
        t.substring(0, end + 1)
            .replace("[[", "")
            .replace("]]", "")
            .replace("[", "")
            .replace("]", "");
    return inner.replace("\"", "").replace("'", "").replaceAll("\\s*\\.\\s*", ".").strip();
  }

  /** 1-based lines of every header of {@code table} ({@code [[package]]} entries in order). */
  public List<Integer> headers(String table) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (table.equals(header(lines[i]))) {
        found.add(i + 1);
      }
    }
    return found;
  }

  /**
   * 1-based line of {@code key = …} (bare or quoted) in {@code table} ("" for top level), or null.
   */
  public Integer key(String table, String key) {
    for (int i = 0; i < lines.length; i++) {
      if (tables[i].equals(table) && isKey(lines[i], key)) {
        return i + 1;
      }
    }
    return headers(table + "." + key).stream().findFirst().orElse(null);
  }

  /**
   * 1-based line of {@code key = …} in the table whose header is at 1-based {@code headerLine}, or
   * null.
   */
  public Integer keyAfter(int headerLine, String key) {
    for (int i = headerLine; i < lines.length && header(lines[i]) == null; i++) {
      if (isKey(lines[i], key)) {
        return i + 1;
      }
    }
    return null;
  }

  private static boolean isKey(String line, String key) {
    String t = line.strip();
    for (String form : new String[] {key, "\"" + key + "\"", "'" + key + "'"}) {
      if (t.startsWith(form) && t.substring(form.length()).stripLeading().startsWith("=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * 1-based line of the first line in {@code table} containing {@code needle}, else anywhere, else
   * null.
   */
  public Integer find(String table, String needle) {
    for (int i = 0; i < lines.length; i++) {
      if (tables[i].equals(table) && lines[i].contains(needle)) {
        return i + 1;
      }
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    return null;
  }

  /**
   * 1-based line of a quoted string element ({@code "text"} or {@code 'text'}) in {@code table}, or
   * null.
   */
  public Integer string(String table, String text) {
    Integer line = find(table, "\"" + text + "\"");
    return line != null ? line : find(table, "'" + text + "'");
  }
}
