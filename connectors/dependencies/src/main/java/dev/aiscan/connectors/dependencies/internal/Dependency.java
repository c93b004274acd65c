package dev.aiscan.connectors.dependencies.internal;

import java.util.List;
import java.util.Objects;

/**
 * One package in a project's dependency graph.
 *
 * @param ecosystem {@code maven}, {@code npm}, {@code pypi}, {@code go}, {@code nuget}, {@code
 *     cargo}, {@code rubygems}
 * @param name the package name as the ecosystem writes it (Maven {@code groupId:artifactId}, npm
 *     {@code @scope/name}, PyPI the distribution name, Go the module path)
 * @param version the resolved (or declared, when nothing resolves it) version, or null
 * @param scope the dependency scope where the ecosystem has one (Maven {@code compile}/{@code
 *     test}/…, npm {@code dev}/{@code optional}, …), or null
 * @param direct whether the project's own manifest declares it
 * @param path the chain from the project to the package, project first, package last
 * @param manifest the manifest (relative to the target root, {@code /}-separated) that declares the
 *     direct dependency this package comes through
 * @param line the 1-based line of that declaration in the manifest, or null when unknown
 */
public record Dependency(
    String ecosystem,
    String name,
    String version,
    String scope,
    boolean direct,
    List<String> path,
    String manifest,
    Integer line) {
  public Dependency {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(manifest, "manifest");
    path = List.copyOf(path);
  }
}
