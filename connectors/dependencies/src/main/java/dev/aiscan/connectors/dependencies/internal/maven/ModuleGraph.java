package dev.aiscan.connectors.dependencies.internal.maven;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelProblem;
import org.eclipse.aether.RequestTrace;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyCycle;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;

/**
 * Resolves one module's dependency graph in the shared session and emits every node of it, each
 * located at the declaration of the direct dependency it comes through. What cannot be resolved
 * becomes a warning, and the module's declared dependencies are emitted as written.
 */
final class ModuleGraph {
  static final String ECOSYSTEM = "maven";

  private final MavenSession maven;
  private final Reactor reactor;
  private final DependencyOutput out;

  /**
   * For each module resolved, the artifacts of its graph ({@code group:artifact:version}) and the
   * declaration of the direct dependency each comes in through (null: the module's own POM).
   */
  private final Map<PomFile, Map<String, Reactor.Declaration>> seen = new ConcurrentHashMap<>();

  /** A repository POM the resolver found missing or could not build, as first reported. */
  record BadDescriptor(
      String coordinates,
      boolean missing,
      String reason,
      PomFile firstModule,
      Reactor.Declaration firstAt) {}

  ModuleGraph(MavenSession maven, Reactor reactor, DependencyOutput out) {
    this.maven = maven;
    this.reactor = reactor;
    this.out = out;
  }

  /**
   * Marks a module's requests, so problems found deep in collection are reported against its
   * pom.xml.
   */
  record Module(PomFile pom) {}

  void read(PomFile pom) {
    if (pom.error() != null) {
      out.warn(
          pom.relative(),
          pom.errorLine(),
          pom.error() + " in the POM of " + label(pom) + "; declared dependencies only");
      emitDeclared(pom, Set.of());
      return;
    }
    if (!pom.complete()) {
      out.warn(
          pom.relative(),
          null,
          "cannot tell the coordinates of " + label(pom) + "; declared dependencies only");
      emitDeclared(pom, Set.of());
      return;
    }
    RequestTrace trace = RequestTrace.newChild(null, new Module(pom));
    ArtifactDescriptorResult descriptor;
    try {
      ArtifactDescriptorRequest request =
          new ArtifactDescriptorRequest(
              new DefaultArtifact(pom.groupId(), pom.artifactId(), "pom", pom.version()),
              maven.repositories(),
              "project");
      request.setTrace(trace);
      descriptor = maven.system().readArtifactDescriptor(maven.session(), request);
    } catch (ArtifactDescriptorException e) {
      out.warn(
          pom.relative(),
          null,
          "cannot build the POM of "
              + pom.coordinates()
              + ": "
              + reason(e)
              + "; declared dependencies only");
      emitDeclared(pom, Set.of());
      return;
    }

    CollectRequest collect = new CollectRequest();
    collect.setRootArtifact(descriptor.getArtifact());
    collect.setDependencies(descriptor.getDependencies());
    collect.setManagedDependencies(descriptor.getManagedDependencies());
    collect.setRepositories(repositories(descriptor));
    collect.setRequestContext("project");
    collect.setTrace(trace);
    CollectResult result;
    try {
      result = maven.system().collectDependencies(maven.session(), collect);
    } catch (DependencyCollectionException e) {
      result = e.getResult();
      List<Exception> causes =
          result.getExceptions().isEmpty() ? List.of(e) : result.getExceptions();
      for (Exception cause : causes) {
        out.warn(
            pom.relative(),
            null,
            "cannot resolve the dependencies of " + pom.coordinates() + ": " + reason(cause));
      }
    }
    for (DependencyCycle cycle : result.getCycles()) {
      List<String> chain = new ArrayList<>();
      cycle.getPrecedingDependencies().forEach(d -> chain.add(key(d.getArtifact())));
      cycle.getCyclicDependencies().forEach(d -> chain.add(key(d.getArtifact())));
      out.warn(
          pom.relative(),
          null,
          "dependency cycle in " + pom.coordinates() + ": " + String.join(" -> ", chain));
    }
    Set<String> emitted = new HashSet<>();
    Map<String, Reactor.Declaration> artifacts = new HashMap<>();
    if (result.getRoot() != null) {
      List<String> path = new ArrayList<>(List.of(pom.coordinates()));
      Set<DependencyNode> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
      for (DependencyNode child : result.getRoot().getChildren()) {
        if (child.getDependency() == null) {
          continue;
        }
        Artifact a = child.getArtifact();
        Reactor.Declaration at = reactor.declaration(pom, a.getGroupId(), a.getArtifactId());
        emitted.add(key(a));
        walk(child, pom, at, path, true, onPath, artifacts);
      }
    }
    seen.put(pom, artifacts);
    emitDeclared(pom, emitted);
  }

  /**
   * Warns each module whose graph holds a POM in {@code bad}, at the direct dependency it comes in
   * through: the same warnings whichever module the resolver happened to read it for first. Call
   * once every module is read.
   */
  void report(Map<String, BadDescriptor> bad) {
    if (bad.isEmpty()) {
      return;
    }
    Set<String> told = new HashSet<>();
    seen.forEach(
        (pom, artifacts) ->
            artifacts.forEach(
                (gav, at) -> {
                  BadDescriptor d = bad.get(gav);
                  if (d != null) {
                    warn(pom, at, d);
                    told.add(gav);
                  }
                }));
    // one no graph holds (its node was left out): told where the resolver first met it
    bad.forEach(
        (gav, d) -> {
          if (!told.contains(gav) && d.firstModule() != null) {
            warn(d.firstModule(), d.firstAt(), d);
          }
        });
  }

  private void warn(PomFile module, Reactor.Declaration at, BadDescriptor d) {
    out.warn(
        at == null ? module.relative() : at.manifest(),
        at == null ? null : at.line(),
        (d.missing() ? "no POM for " : "cannot build the POM of ")
            + d.coordinates()
            + " in the dependencies of "
            + module.coordinates()
            + (d.missing() ? "" : ": " + d.reason())
            + "; its dependencies are left out");
  }

  private void walk(
      DependencyNode node,
      PomFile pom,
      Reactor.Declaration at,
      List<String> path,
      boolean direct,
      Set<DependencyNode> onPath,
      Map<String, Reactor.Declaration> artifacts) {
    if (!onPath.add(node)) {
      return;
    }
    Artifact a = node.getArtifact();
    artifacts.putIfAbsent(key(a) + ":" + a.getBaseVersion(), at);
    path.add(key(a) + ":" + a.getVersion());
    out.emit(
        new Dependency(
            ECOSYSTEM,
            key(a),
            a.getVersion(),
            node.getDependency().getScope(),
            direct,
            path,
            at == null ? pom.relative() : at.manifest(),
            at == null ? null : at.line()));
    for (DependencyNode child : node.getChildren()) {
      if (child.getDependency() != null) {
        walk(child, pom, at, path, false, onPath, artifacts);
      }
    }
    path.remove(path.size() - 1);
    onPath.remove(node);
  }

  /** Emits the declared dependencies only, when Maven resolution cannot be set up at all. */
  void declaredOnly(PomFile pom) {
    emitDeclared(pom, Set.of());
  }

  /** The module's own declared dependencies that the graph does not hold, as written. */
  private void emitDeclared(PomFile pom, Set<String> emitted) {
    String module = pom.complete() ? pom.coordinates() : label(pom);
    for (PomFile.Declared d : pom.dependencies()) {
      if (d.groupId() == null || d.artifactId() == null || emitted.contains(d.key())) {
        continue;
      }
      String coordinates = d.key() + (d.version() == null ? "" : ":" + d.version());
      out.emit(
          new Dependency(
              ECOSYSTEM,
              d.key(),
              d.version(),
              d.scope() == null ? "compile" : d.scope(),
              true,
              List.of(module, coordinates),
              pom.relative(),
              d.line()));
    }
  }

  private List<RemoteRepository> repositories(ArtifactDescriptorResult descriptor) {
    Map<String, RemoteRepository> all = new LinkedHashMap<>();
    for (RemoteRepository r : maven.repositories()) {
      all.put(r.getId(), r);
    }
    for (RemoteRepository r :
        maven.system().newResolutionRepositories(maven.session(), descriptor.getRepositories())) {
      all.putIfAbsent(r.getId(), r);
    }
    return new ArrayList<>(all.values());
  }

  static String key(Artifact a) {
    return a.getGroupId() + ":" + a.getArtifactId();
  }

  private static String label(PomFile pom) {
    return (pom.groupId() == null ? "?" : pom.groupId())
        + ":"
        + (pom.artifactId() == null ? "?" : pom.artifactId())
        + (pom.version() == null ? "" : ":" + pom.version());
  }

  /**
   * One line saying why: the model builder's first error when there is one, else the deepest
   * message.
   */
  static String reason(Throwable e) {
    String message = null;
    Throwable t = e;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (t instanceof ModelBuildingException m) {
        message =
            m.getProblems().stream()
                .filter(p -> p.getSeverity() != ModelProblem.Severity.WARNING)
                .map(ModelProblem::getMessage)
                .findFirst()
                .orElse(m.getMessage());
        break;
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
