package dev.aiscan.connectors.dependencies.internal;

import dev.aiscan.connectors.dependencies.DependencySettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the manifests and lockfiles of one ecosystem. Implementations are stateless and
 * thread-safe. Readers never run a build tool; they parse files (and, for Maven, resolve POMs
 * in-process with Maven Resolver).
 */
public interface EcosystemReader {

  /** The ecosystem name put on the packages, e.g. {@code npm}. */
  String ecosystem();

  /** Whether this reader wants a file, from its path relative to the target root and its name. */
  boolean wants(String relative, String name);

  /**
   * Reads every file it wanted, grouping them into projects as the ecosystem does (a directory's
   * package.json with its lockfile, a Maven reactor), and emits each project's dependency graph. A
   * broken file costs only its own project: warn, emit what was declared, go on.
   *
   * @param root the target root (real path)
   * @param files the wanted files, relative to {@code root}, sorted
   */
  void read(Path root, List<String> files, DependencySettings settings, DependencyOutput out);
}
