package dev.aiscan.connectors.dependencies.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits one project's graph from its declared (direct) dependencies and a lockfile's packages:
 * directs with their locked version, then every package they pull in, breadth first so each gets
 * its shortest path, located at the declaration of the direct dependency it comes through; locked
 * packages no direct dependency reaches are emitted last, at their lockfile entry. Used by the
 * Python, .NET, Cargo and Ruby readers.
 */
public final class LockGraph {
  /**
   * A declared dependency: {@code key} identifies its locked package, {@code spec} is the declared
   * version.
   */
  public record Direct(
      String name, String key, String spec, String scope, String manifest, Integer line) {}

  /** A locked package; {@code children} are keys of other locked packages. */
  public record Node(
      String name, String version, List<String> children, String manifest, Integer line) {}

  private LockGraph() {}

  /**
   * @param separator between name and version in path elements ({@code ==} for PyPI, {@code @}
   *     elsewhere)
   * @param locked the lockfile's packages by key, or null when there is no lockfile
   * @param skip keys never emitted (the project itself)
   */
  public static void emit(
      String ecosystem,
      String project,
      List<Direct> directs,
      Map<String, Node> locked,
      Set<String> skip,
      String separator,
      DependencyOutput out) {
    emit(ecosystem, project, directs, locked, skip, separator, true, out);
  }

  /**
   * As above; {@code orphans} false leaves out the locked packages no direct dependency reaches.
   */
  public static void emit(
      String ecosystem,
      String project,
      List<Direct> directs,
      Map<String, Node> locked,
      Set<String> skip,
      String separator,
      boolean orphans,
      DependencyOutput out) {
    Set<String> seen = new HashSet<>(skip);
    record Step(Direct via, Node node, List<String> path) {}
    Deque<Step> queue = new ArrayDeque<>();
    for (Direct d : directs) {
      Node node = locked == null ? null : locked.get(d.key());
      String version = node != null ? node.version() : d.spec();
      List<String> path = List.of(project, label(d.name(), version, separator));
      out.emit(
          new Dependency(
              ecosystem, d.name(), version, d.scope(), true, path, d.manifest(), d.line()));
      if (node != null && seen.add(d.key())) {
        queue.add(new Step(d, node, path));
      }
    }
    if (locked == null) {
      return;
    }
    for (Direct d : directs) {
      seen.add(d.key());
    }
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      for (String child : step.node().children()) {
        Node node = locked.get(child);
        if (node == null || !seen.add(child)) {
          continue;
        }
        List<String> path = new ArrayList<>(step.path());
        path.add(label(node.name(), node.version(), separator));
        Direct via = step.via();
        out.emit(
            new Dependency(
                ecosystem,
                node.name(),
                node.version(),
                via.scope(),
                false,
                path,
                via.manifest(),
                via.line()));
        queue.add(new Step(via, node, path));
      }
    }
    for (Map.Entry<String, Node> e : locked.entrySet()) {
      if (orphans && seen.add(e.getKey())) {
        Node node = e.getValue();
        List<String> path = List.of(project, label(node.name(), node.version(), separator));
        out.emit(
            new Dependency(
                ecosystem,
                node.name(),
                node.version(),
                null,
                false,
                path,
                node.manifest(),
                node.line()));
      }
    }
  }

  public static String label(String name, String version, String separator) {
    if (version == null || version.isEmpty()) {
      return name;
    }
    // a declared specifier (">=1.0", "==1.0") already says how it relates to the name
    return "<>=!~^".indexOf(version.charAt(0)) >= 0 ? name + version : name + separator + version;
  }
}
