package dev.aiscan.connectors.dependencies.internal.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * Every pom.xml of the tree, indexed by coordinates. As a {@link WorkspaceReader} it serves the
 * modules' POMs to Maven Resolver, so a module depending on a sibling (or inheriting from a parent
 * in the tree) gets it from the tree rather than from a repository.
 */
final class Reactor implements WorkspaceReader {
  private final Path root;
  private final List<PomFile> poms;
  private final Map<String, PomFile> byCoordinates = new HashMap<>();
  private final Map<String, PomFile> byRelative = new HashMap<>();
  private final WorkspaceRepository repository = new WorkspaceRepository("reactor", Set.of());

  Reactor(Path root, List<PomFile> poms) {
    this.root = root;
    this.poms = List.copyOf(poms);
    for (PomFile pom : poms) {
      byRelative.put(pom.relative(), pom);
      if (pom.complete()) {
        byCoordinates.putIfAbsent(pom.coordinates(), pom);
      }
    }
  }

  List<PomFile> poms() {
    return poms;
  }

  boolean contains(String groupId, String artifactId, String version) {
    return byCoordinates.containsKey(groupId + ":" + artifactId + ":" + version);
  }

  /** The parent of a POM when the tree holds it (by relativePath, else by coordinates), or null. */
  PomFile parentOf(PomFile pom) {
    PomFile.Parent parent = pom.parent();
    if (parent == null) {
      return null;
    }
    if (parent.relativePath() != null && !parent.relativePath().isBlank()) {
      String relativePath =
          parent.relativePath().endsWith(".xml")
              ? parent.relativePath()
              : parent.relativePath() + "/pom.xml";
      Path dir = Path.of(pom.relative()).getParent();
      Path candidate =
          (dir == null ? Path.of(relativePath) : dir.resolve(relativePath)).normalize();
      PomFile local = byRelative.get(candidate.toString().replace(File.separatorChar, '/'));
      if (local != null && parent.artifactId().equals(local.artifactId())) {
        return local;
      }
    }
    return byCoordinates.get(parent.groupId() + ":" + parent.artifactId() + ":" + parent.version());
  }

  /**
   * The POM of the tree that declares a dependency of {@code pom}: itself, else the nearest parent
   * in the tree. Returns null when none of them does (a parent from a repository, an imported BOM).
   */
  Declaration declaration(PomFile pom, String groupId, String artifactId) {
    String key = groupId + ":" + artifactId;
    PomFile current = pom;
    for (int depth = 0; current != null && depth < 50; depth++) {
      for (List<PomFile.Declared> list :
          List.of(current.dependencies(), current.otherDeclarations())) {
        for (PomFile.Declared d : list) {
          if (key.equals(d.key())) {
            return new Declaration(current.relative(), d.line());
          }
        }
      }
      current = parentOf(current);
    }
    return null;
  }

  /** Where a direct dependency is declared. */
  record Declaration(String manifest, int line) {}

  @Override
  public WorkspaceRepository getRepository() {
    return repository;
  }

  @Override
  public File findArtifact(Artifact artifact) {
    PomFile pom =
        byCoordinates.get(
            artifact.getGroupId()
                + ":"
                + artifact.getArtifactId()
                + ":"
                + artifact.getBaseVersion());
    if (pom == null) {
      return null;
    }
    // Only the POM matters for the graph; a module's jar is not built, so the POM stands in for it.
    return root.resolve(pom.relative()).toFile();
  }

  @Override
  public List<String> findVersions(Artifact artifact) {
    List<String> versions = new ArrayList<>();
    for (PomFile pom : poms) {
      if (pom.complete()
          && pom.groupId().equals(artifact.getGroupId())
          && pom.artifactId().equals(artifact.getArtifactId())) {
        versions.add(pom.version());
      }
    }
    return versions;
  }
}
