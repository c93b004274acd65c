package dev.aiscan.core.internal;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.PackageDependency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every project's dependency tree, AI or not, for the graph: one edge per package per
 * project, the first one reported. Thread-safe.
 */
public final class DependencyCollector {
  private static final Comparator<PackageDependency> ORDER =
      Comparator.comparing(PackageDependency::targetId)
          .thenComparing(PackageDependency::project)
          .thenComparing(PackageDependency::ecosystem)
          .thenComparing(PackageDependency::label);

  private final ConcurrentHashMap<String, PackageDependency> edges = new ConcurrentHashMap<>();

  /** Records the edge a package fact describes; ignores every other fact. */
  public void add(Fact fact) {
    if (fact.type() != FactType.PACKAGE) {
      return;
    }
    PackageDependency edge = PackageDependency.of(fact);
    if (edge != null) {
      String key =
          String.join("\u0000", edge.targetId(), edge.project(), edge.ecosystem(), edge.label());
      edges.putIfAbsent(key, edge);
    }
  }

  public List<PackageDependency> sorted() {
    List<PackageDependency> list = new ArrayList<>(edges.values());
    list.sort(ORDER);
    return list;
  }
}
