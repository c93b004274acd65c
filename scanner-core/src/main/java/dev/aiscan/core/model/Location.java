package dev.aiscan.core.model;

/**
 * Where a fact or finding was observed: a file and 1-based line inside a target (with the cell for
 * notebooks), or a resource identifier for cloud and SaaS targets.
 *
 * @param file path relative to the target root, with {@code /} separators; null for resources
 * @param line 1-based line, or null when the whole file is meant
 * @param cell 1-based notebook cell whose line {@code line} is, or null outside notebooks
 * @param resource resource identifier (ARN, Azure resource id, app id); null for files
 */
public record Location(String file, Integer line, Integer cell, String resource) {

  public static Location file(String file, Integer line) {
    return new Location(file, line, null, null);
  }

  public static Location cell(String file, int cell, int line) {
    return new Location(file, line, cell, null);
  }

  public static Location resource(String resource) {
    return new Location(null, null, null, resource);
  }

  /** The same file location moved to another line. */
  public Location atLine(int newLine) {
    return new Location(file, newLine, cell, resource);
  }

  /** {@code file:line}, {@code file#cell:line} or the resource id, for messages. */
  @Override
  public String toString() {
    if (resource != null) {
      return resource;
    }
    StringBuilder s = new StringBuilder(file == null ? "?" : file);
    if (cell != null) {
      s.append("#cell").append(cell);
    }
    if (line != null) {
      s.append(':').append(line);
    }
    return s.toString();
  }
}
