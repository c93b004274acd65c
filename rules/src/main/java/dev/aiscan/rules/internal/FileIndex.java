package dev.aiscan.rules.internal;

import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code file} matchers: exact file names and exact paths in hash maps; path globs compiled once,
 * each tried only when the path ends with the glob's literal tail (usually the file name).
 */
public final class FileIndex {
  private record Glob(String tail, Pattern pattern, Binding binding) {}

  private final Map<String, List<Binding>> names = new HashMap<>();
  private final Map<String, List<Binding>> paths = new HashMap<>();
  private final List<Glob> globs = new ArrayList<>();

  void add(MatcherSpec.File spec) {
    spec.names().forEach(n -> names.computeIfAbsent(n, k -> new ArrayList<>()).add(spec.binding()));
    for (String p : spec.paths()) {
      if (PathGlob.isGlob(p)) {
        globs.add(new Glob(literalTail(p), PathGlob.compile(p), spec.binding()));
      } else {
        paths.computeIfAbsent(p, k -> new ArrayList<>()).add(spec.binding());
      }
    }
  }

  void match(Hits hits) {
    Fact f = hits.fact();
    String path = f.value();
    if (path.startsWith("./")) {
      path = path.substring(2);
    }
    String name = f.attribute(Fact.Attr.NAME);
    if (name == null) {
      name = path.substring(path.lastIndexOf('/') + 1);
    }
    addAll(hits, names.get(name));
    addAll(hits, paths.get(path));
    for (Glob g : globs) {
      if (path.endsWith(g.tail) && g.pattern.matcher(path).matches()) {
        hits.add(g.binding);
      }
    }
  }

  /**
   * The literal text after the last wildcard of a glob, without a leading {@code /} (which a {@code
   * **}{@code /} makes optional); may be empty.
   */
  static String literalTail(String glob) {
    int i = Math.max(glob.lastIndexOf('*'), glob.lastIndexOf('?'));
    String tail = glob.substring(i + 1);
    return tail.startsWith("/") ? tail.substring(1) : tail;
  }

  private static void addAll(Hits hits, List<Binding> bindings) {
    if (bindings != null) {
      bindings.forEach(hits::add);
    }
  }
}
