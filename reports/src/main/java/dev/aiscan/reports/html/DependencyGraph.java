package dev.aiscan.reports.html;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.PackageDependency;
import dev.aiscan.core.model.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AI-relevant part of a scan's dependency graph: repository → package → provider → model for
 * source trees (only the packages on the path to an AI finding, not whole trees), repository →
 * provider for AI used in code or configuration, and account → resource → model (and provider) for
 * cloud findings. Nodes and edges come in the order of the result's assets and findings, so the
 * same result gives the same graph.
 *
 * @param nodes the nodes, at most {@link #MAX_NODES}
 * @param edges the edges between kept nodes
 * @param omittedNodes nodes left out beyond {@link #MAX_NODES}
 */
record DependencyGraph(List<Node> nodes, List<Edge> edges, int omittedNodes) {
  /** Beyond this many nodes a graph is no longer readable: later nodes are left out. */
  static final int MAX_NODES = 300;

  /**
   * A node.
   *
   * @param id unique id, prefixed by type
   * @param label short label to draw
   * @param type {@code repository}, {@code account}, {@code package}, {@code provider}, {@code
   *     model} or {@code resource}
   * @param detail longer text for the detail line (ecosystem, full resource id, location)
   */
  record Node(String id, String label, String type, String detail) {}

  /** A directed edge. */
  record Edge(String source, String target) {}

  static DependencyGraph of(ScanResult result) {
    Builder b = new Builder();
    Map<String, Target> targets = new HashMap<>();
    result.scan().targets().forEach(t -> targets.put(t.id(), t));
    Map<String, Finding> findings = new HashMap<>();
    result.findings().forEach(f -> findings.put(f.id(), f));
    Map<String, PackageDependency> packages = new HashMap<>();
    for (PackageDependency d : result.dependencies()) {
      packages.putIfAbsent(key(d.targetId(), d.project(), d.label()), d);
    }

    for (Asset asset : result.assets()) {
      Target target = targets.get(asset.targetId());
      String root = b.root(asset.targetId(), target);
      String provider = b.node("v:" + asset.provider(), asset.provider(), "provider", "provider");
      boolean inCode = false;
      for (String id : asset.findingIds()) {
        Finding f = findings.get(id);
        if (f == null) {
          continue;
        }
        if (f.location().resource() != null) {
          String resource = f.location().resource();
          String r = b.node("r:" + resource, shortResource(resource), "resource", resource);
          b.edge(root, r);
          b.edge(r, provider);
          List<String> models = f.model() != null ? List.of(f.model()) : asset.models();
          for (String m : models) {
            b.edge(r, b.model(m));
          }
          continue;
        }
        inCode = true;
        List<PackageDependency> chain = chain(f, asset.targetId(), packages);
        String previous = root;
        if (chain != null) {
          for (PackageDependency d : chain) {
            String n =
                b.node(
                    "p:" + d.packageKey(),
                    d.label(),
                    "package",
                    d.ecosystem() + " package " + d.label());
            b.edge(previous, n);
            previous = n;
          }
        } else if (f.dependency() != null && f.dependency().path().size() > 1) {
          List<String> path = f.dependency().path();
          for (String label : path.subList(1, path.size())) {
            String n = b.node("p:" + label, label, "package", "package " + label);
            b.edge(previous, n);
            previous = n;
          }
        }
        b.edge(previous, provider);
        if (f.model() != null) {
          b.edge(provider, b.model(f.model()));
        }
      }
      if (inCode) {
        for (String m : asset.models()) {
          b.edge(provider, b.model(m));
        }
      }
    }
    return new DependencyGraph(
        List.copyOf(b.nodes.values()), List.copyOf(b.edges), b.omitted.size());
  }

  /**
   * The packages from the project down to the finding's package, walked up the project's dependency
   * tree; null when the finding is not a package or the tree does not hold it.
   */
  private static List<PackageDependency> chain(
      Finding f, String targetId, Map<String, PackageDependency> packages) {
    if (f.dependency() == null || f.dependency().path().size() < 2) {
      return null;
    }
    List<String> path = f.dependency().path();
    String project = path.get(0);
    PackageDependency d = packages.get(key(targetId, project, path.get(path.size() - 1)));
    List<PackageDependency> up = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    while (d != null && seen.add(d.label())) {
      up.add(0, d);
      d = d.parent() == null ? null : packages.get(key(targetId, project, d.parent()));
    }
    return up.isEmpty() ? null : up;
  }

  private static String key(String targetId, String project, String label) {
    return targetId + "\u0000" + project + "\u0000" + label;
  }

  /** The last part of an ARN or resource id, which is what tells resources apart. */
  static String shortResource(String resource) {
    int cut = Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':'));
    String tail = cut >= 0 && cut < resource.length() - 1 ? resource.substring(cut + 1) : resource;
    if (resource.startsWith("arn:")) {
      String[] parts = resource.split(":", 6);
      if (parts.length == 6) {
        return parts[2] + " " + parts[5];
      }
    }
    return tail;
  }

  private static final class Builder {
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final Set<Edge> edges = new LinkedHashSet<>();
    final Set<String> omitted = new LinkedHashSet<>();

    String root(String targetId, Target target) {
      boolean cloud = target != null && target.cloud();
      String label = target == null ? targetId : target.name();
      String detail = target == null ? targetId : target.kind() + " " + target.location();
      return node("t:" + targetId, label, cloud ? "account" : "repository", detail);
    }

    String model(String model) {
      return node("m:" + model, model, "model", "model");
    }

    /** Adds the node unless it exists; returns its id (also when the cap left it out). */
    String node(String id, String label, String type, String detail) {
      if (!nodes.containsKey(id)) {
        if (nodes.size() >= MAX_NODES) {
          omitted.add(id);
        } else {
          nodes.put(id, new Node(id, label, type, detail));
        }
      }
      return id;
    }

    void edge(String from, String to) {
      if (nodes.containsKey(from) && nodes.containsKey(to) && !from.equals(to)) {
        edges.add(new Edge(from, to));
      }
    }
  }
}
