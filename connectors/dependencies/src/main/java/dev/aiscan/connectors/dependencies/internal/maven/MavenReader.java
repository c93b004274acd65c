package dev.aiscan.connectors.dependencies.internal.maven;

import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.EcosystemReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.RequestTrace;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.CollectStepData;

/**
 * Maven: every pom.xml of the tree is a module of one reactor; each module's full transitive graph
 * is resolved in-process with Maven Resolver (parents, properties, dependencyManagement and BOM
 * imports, scopes, exclusions, optional dependencies, nearest-wins mediation), siblings coming from
 * the tree. One session serves the whole scan, so each coordinate is read once; modules run in
 * parallel. Never runs {@code mvn}; with {@code offline} it never touches the network.
 */
public final class MavenReader implements EcosystemReader {

  @Override
  public String ecosystem() {
    return ModuleGraph.ECOSYSTEM;
  }

  @Override
  public boolean wants(String relative, String name) {
    return name.equals("pom.xml");
  }

  @Override
  public void read(
      Path root, List<String> files, DependencySettings settings, DependencyOutput out) {
    List<PomFile> poms = new ArrayList<>();
    for (String file : files) {
      poms.add(PomFile.read(root, file));
    }
    Reactor reactor = new Reactor(root, poms.stream().filter(p -> p.error() == null).toList());
    // Repository POMs that are missing or broken, gathered while the modules resolve. The resolver
    // caches a descriptor for the session, so it reports each once, to whichever module reads it
    // first; every module whose graph holds one is told after all are read (ModuleGraph#report).
    Map<String, ModuleGraph.BadDescriptor> bad = new ConcurrentHashMap<>();
    MavenSession maven;
    try {
      maven =
          MavenSession.open(
              settings,
              reactor,
              (trace, artifact, missing, cause) ->
                  bad.putIfAbsent(
                      ModuleGraph.key(artifact) + ":" + artifact.getBaseVersion(),
                      new ModuleGraph.BadDescriptor(
                          artifact.toString(),
                          missing,
                          missing ? null : ModuleGraph.reason(cause),
                          module(trace),
                          through(reactor, module(trace), trace))));
    } catch (IOException | RuntimeException e) {
      String where =
          settings.mavenSettings() != null ? settings.mavenSettings().toString() : "settings.xml";
      for (PomFile pom : poms) {
        out.warn(
            pom.relative(),
            null,
            "cannot set up Maven resolution (" + where + "): " + ModuleGraph.reason(e));
      }
      ModuleGraph declaredOnly = new ModuleGraph(null, reactor, out);
      poms.forEach(p -> declaredOnly.declaredOnly(p));
      return;
    }
    try (maven) {
      ModuleGraph graph = new ModuleGraph(maven, reactor, out);
      out.forEachOnline(poms.iterator(), PomFile::relative, graph::read);
      graph.report(bad);
    }
  }

  /** Where the direct dependency a collection step goes through is declared, or null. */
  private static Reactor.Declaration through(Reactor reactor, PomFile module, RequestTrace trace) {
    if (module == null) {
      return null;
    }
    for (RequestTrace t = trace; t != null; t = t.getParent()) {
      if (t.getData() instanceof CollectStepData step) {
        Artifact direct =
            step.getPath().size() >= 2
                ? step.getPath().get(1).getArtifact()
                : step.getNode().getArtifact();
        return direct == null
            ? null
            : reactor.declaration(module, direct.getGroupId(), direct.getArtifactId());
      }
    }
    return null;
  }

  private static PomFile module(RequestTrace trace) {
    for (RequestTrace t = trace; t != null; t = t.getParent()) {
      if (t.getData() instanceof ModuleGraph.Module m) {
        return m.pom();
      }
    }
    return null;
  }
}
