package dev.aiscan.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line conventions Spring Shell's parser lacks. */
public final class Arguments {
  /** Options that may be given several times; their values are joined with commas. */
  static final Set<String> REPEATABLE =
      Set.of("--source", "--git", "--include", "--exclude", "--rules", "--format");

  private Arguments() {}

  /**
   * Joins repeated list options into one comma-separated option at the place of the first, so that
   * {@code --source a --source b} means {@code --source a,b} (Spring Shell would keep only the
   * last).
   */
  public static String[] coalesceRepeated(String[] args) {
    Map<String, StringBuilder> joined = new LinkedHashMap<>();
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (REPEATABLE.contains(name) && (value != null || i + 1 < args.length)) {
        if (value == null) {
          value = args[++i];
        }
        StringBuilder sb = joined.get(name);
        if (sb == null) {
          sb = new StringBuilder(value);
          joined.put(name, sb);
          out.add(name);
          out.add(sb);
        } else {
          sb.append(',').append(value);
        }
      } else {
        out.add(arg);
      }
    }
    return out.stream().map(Object::toString).toArray(String[]::new);
  }
}
