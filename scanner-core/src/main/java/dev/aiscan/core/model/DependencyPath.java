package dev.aiscan.core.model;

import java.util.Arrays;
import java.util.List;

/**
 * How a package reached a project: directly declared, or through the dependencies of others.
 *
 * @param direct whether the project's own manifest declares it
 * @param path the chain from the project to the package, e.g. {@code [app,
 *     dev.langchain4j:langchain4j-open-ai:1.0.0, dev.ai4j:openai4j:0.27.0]}
 * @param scope the dependency scope where the ecosystem has one ({@code compile}, {@code test},
 *     {@code dev}, ...), or null
 */
public record DependencyPath(boolean direct, List<String> path, String scope) {
  /** How a path is written in a fact's {@code path} attribute. */
  public static final String ARROW = " -> ";

  public DependencyPath {
    path = List.copyOf(path);
  }

  /** The dependency path a package fact carries, or null for other facts. */
  public static DependencyPath of(Fact fact) {
    String direct = fact.attribute(Fact.Attr.DIRECT);
    if (fact.type() != FactType.PACKAGE || direct == null) {
      return null;
    }
    String path = fact.attribute(Fact.Attr.PATH);
    List<String> steps =
        path == null || path.isEmpty() ? List.of() : Arrays.asList(path.split(ARROW));
    return new DependencyPath(Boolean.parseBoolean(direct), steps, fact.attribute(Fact.Attr.SCOPE));
  }
}
