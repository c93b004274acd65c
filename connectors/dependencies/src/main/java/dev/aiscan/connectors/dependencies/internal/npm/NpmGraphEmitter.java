package dev.aiscan.connectors.dependencies.internal.npm;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Emits one project's packages: its declared dependencies, and through the lockfile everything they
 * install. Breadth-first from the direct dependencies, production ones first, then optional, then
 * dev, so a package reachable from production code is reported with the production scope and its
 * shortest production path. Peer dependencies count only when the lockfile installed them.
 */
final class NpmGraphEmitter {
  static final String ECOSYSTEM = "npm";

  private record Visit(String id, Visit parent, PackageJson.Declared through) {}

  private NpmGraphEmitter() {}

  static void emit(
      String manifest,
      String project,
      PackageJson pj,
      LockGraph lock,
      String importer,
      DependencyOutput out) {
    if (lock == null) {
      for (PackageJson.Declared d : pj.declared()) {
        if (!d.peer()) {
          out.emit(declared(manifest, project, d));
        }
      }
      return;
    }
    Map<String, Visit> visited = new HashMap<>();
    Set<String> emitted = new HashSet<>();
    Map<String, List<Visit>> seeds = new HashMap<>();
    for (PackageJson.Declared d : pj.declared()) {
      String id = lock.direct(importer, d.name(), d.range());
      if (id == null) {
        if (!d.peer()) {
          out.emit(declared(manifest, project, d));
        }
        continue;
      }
      if (visited.containsKey(id)) {
        continue;
      }
      Visit v = new Visit(id, null, d);
      visited.put(id, v);
      seeds.computeIfAbsent(Objects.toString(d.scope()), s -> new ArrayList<>()).add(v);
      LockGraph.Node node = lock.nodes.get(id);
      emitted.add(node.name() + "@" + node.version());
      out.emit(
          new Dependency(
              ECOSYSTEM,
              node.name(),
              node.version(),
              d.scope(),
              true,
              List.of(project, label(node)),
              manifest,
              d.line()));
    }
    for (String scope : new String[] {"null", "optional", "dev", "peer"}) {
      Deque<Visit> queue = new ArrayDeque<>(seeds.getOrDefault(scope, List.of()));
      while (!queue.isEmpty()) {
        Visit at = queue.poll();
        for (Map.Entry<String, String> dep : lock.nodes.get(at.id()).deps().entrySet()) {
          String id = lock.child(at.id(), dep.getKey(), dep.getValue());
          if (id == null || visited.containsKey(id)) {
            continue;
          }
          Visit next = new Visit(id, at, at.through());
          visited.put(id, next);
          queue.add(next);
          LockGraph.Node node = lock.nodes.get(id);
          if (emitted.add(node.name() + "@" + node.version())) {
            out.emit(
                new Dependency(
                    ECOSYSTEM,
                    node.name(),
                    node.version(),
                    at.through().scope(),
                    false,
                    path(project, next, lock),
                    manifest,
                    at.through().line()));
          }
        }
      }
    }
  }

  private static Dependency declared(String manifest, String project, PackageJson.Declared d) {
    return new Dependency(
        ECOSYSTEM,
        d.name(),
        d.range(),
        d.scope(),
        true,
        List.of(project, d.name() + "@" + d.range()),
        manifest,
        d.line());
  }

  private static List<String> path(String project, Visit last, LockGraph lock) {
    List<String> path = new ArrayList<>();
    for (Visit v = last; v != null; v = v.parent()) {
      path.add(label(lock.nodes.get(v.id())));
    }
    path.add(project);
    Collections.reverse(path);
    return path;
  }

  private static String label(LockGraph.Node node) {
    return node.version() == null ? node.name() : node.name() + "@" + node.version();
  }
}
