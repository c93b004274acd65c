package dev.aiscan.core.model;

import java.util.Objects;

/**
 * One edge of a project's dependency tree, AI or not: {@code parent} brings in the package {@code
 * label}. The dependency connector reports each package once per project, on its shortest path, so
 * the edges of one project form a tree rooted at the project.
 *
 * @param targetId the target (repository) the project lives in
 * @param project the project at the root of the tree, as the manifest names it (the first element
 *     of the dependency path)
 * @param ecosystem {@code maven}, {@code npm}, {@code pypi}, {@code go}, {@code nuget}, ...
 * @param name the package name as its ecosystem writes it
 * @param version the resolved (or declared) version, or null
 * @param label the package as its dependency path writes it ({@code group:artifact:1.0}, {@code
 *     name@1.0}, {@code name==1.0}); unique within an ecosystem
 * @param parent the label of the package that brings this one in, or null when the project declares
 *     it directly
 * @param direct whether the project's own manifest declares it
 * @param scope the dependency scope where the ecosystem has one, or null
 * @param manifest the manifest declaring the direct dependency this package comes through
 */
public record PackageDependency(
    String targetId,
    String project,
    String ecosystem,
    String name,
    String version,
    String label,
    String parent,
    boolean direct,
    String scope,
    String manifest) {

  public PackageDependency {
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
  }

  /** The key of the package across targets: its ecosystem and label. */
  public String packageKey() {
    return key(ecosystem, label);
  }

  /** The key of the package that brings this one in, or null when the project declares it. */
  public String parentKey() {
    return parent == null ? null : key(ecosystem, parent);
  }

  public static String key(String ecosystem, String label) {
    return ecosystem + ":" + label;
  }

  /**
   * The edge a package fact describes, or null when the fact is not a package with a dependency
   * path (a package named in source, say).
   */
  public static PackageDependency of(Fact fact) {
    DependencyPath path = DependencyPath.of(fact);
    String ecosystem = fact.attribute(Fact.Attr.ECOSYSTEM);
    if (path == null || ecosystem == null || path.path().size() < 2) {
      return null;
    }
    java.util.List<String> steps = path.path();
    String label = steps.get(steps.size() - 1);
    String parent = steps.size() > 2 ? steps.get(steps.size() - 2) : null;
    return new PackageDependency(
        fact.target().id(),
        steps.get(0),
        ecosystem,
        fact.value(),
        fact.attribute(Fact.Attr.VERSION),
        label,
        parent,
        path.direct(),
        path.scope(),
        fact.location().file());
  }
}
