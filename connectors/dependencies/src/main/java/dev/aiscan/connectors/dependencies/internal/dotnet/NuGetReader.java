package dev.aiscan.connectors.dependencies.internal.dotnet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.EcosystemReader;
import dev.aiscan.connectors.dependencies.internal.LockGraph;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Direct;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * .NET projects: {@code *.csproj}/{@code *.fsproj}/{@code *.vbproj} {@code PackageReference}s, with
 * versions from the nearest {@code Directory.Packages.props} when central package management leaves
 * them out, or {@code packages.config}; {@code packages.lock.json} next to the project gives the
 * resolved graph per target framework (the scope). Path elements are {@code Name@version}.
 */
public final class NuGetReader implements EcosystemReader {
  static final String ECOSYSTEM = "nuget";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String ecosystem() {
    return ECOSYSTEM;
  }

  @Override
  public boolean wants(String relative, String name) {
    return isProject(name)
        || name.equals("Directory.Packages.props")
        || name.equals("Directory.Build.props")
        || name.equals("packages.lock.json")
        || name.equals("packages.config");
  }

  private static boolean isProject(String name) {
    return name.endsWith(".csproj") || name.endsWith(".fsproj") || name.endsWith(".vbproj");
  }

  @Override
  public void read(
      Path root, List<String> files, DependencySettings settings, DependencyOutput out) {
    Set<String> all = new HashSet<>(files);
    List<String> projects = new ArrayList<>();
    Set<String> projectDirs = new HashSet<>();
    for (String f : files) {
      if (isProject(name(f))) {
        projects.add(f);
        projectDirs.add(dir(f));
      }
    }
    for (String f : files) {
      if (name(f).equals("packages.config") && !projectDirs.contains(dir(f))) {
        projects.add(f);
      }
    }
    out.forEach(
        projects.iterator(),
        f -> f,
        project -> {
          List<Direct> directs = new ArrayList<>();
          String prefix = dir(project).isEmpty() ? "" : dir(project) + "/";
          String config = prefix + "packages.config";
          if (isProject(name(project))) {
            Map<String, NuGetXml.Declared> central = central(root, all, dir(project), out);
            Map<String, String> properties = properties(root, all, project);
            for (NuGetXml.Declared d : NuGetXml.read(root, project, "PackageReference", out)) {
              String version = d.version();
              if (version == null && central.containsKey(d.name().toLowerCase(Locale.ROOT))) {
                version = central.get(d.name().toLowerCase(Locale.ROOT)).version();
              }
              version = NuGetXml.expand(version, properties);
              directs.add(
                  new Direct(
                      d.name(),
                      d.name().toLowerCase(Locale.ROOT),
                      version,
                      null,
                      project,
                      d.line()));
            }
          }
          if (all.contains(config)) {
            for (NuGetXml.Declared d : NuGetXml.read(root, config, "package", out)) {
              directs.add(
                  new Direct(
                      d.name(),
                      d.name().toLowerCase(Locale.ROOT),
                      d.version(),
                      null,
                      config,
                      d.line()));
            }
          }
          String name = name(project);
          String projectName =
              name.equals("packages.config")
                  ? (dir(project).isEmpty()
                      ? String.valueOf(root.getFileName())
                      : name(dir(project)))
                  : name.substring(0, name.lastIndexOf('.'));
          String lock = prefix + "packages.lock.json";
          if (all.contains(lock)) {
            if (lock(root, lock, projectName, directs, out)) {
              return;
            }
          }
          LockGraph.emit(ECOSYSTEM, projectName, directs, null, Set.of(), "@", out);
        });
  }

  /**
   * Emits the graph of every target framework of packages.lock.json; false when it cannot be read.
   */
  private static boolean lock(
      Path root, String lock, String project, List<Direct> declared, DependencyOutput out) {
    JsonNode doc;
    Map<String, Integer> lines;
    try {
      String text = Files.readString(root.resolve(lock), StandardCharsets.UTF_8);
      doc = JSON.readTree(text);
      lines = keyLines(text);
    } catch (IOException e) {
      Integer line =
          e instanceof JsonProcessingException j && j.getLocation() != null
              ? j.getLocation().getLineNr()
              : null;
      out.warn(lock, line, "malformed packages.lock.json, the resolved versions are not read");
      return false;
    }
    JsonNode frameworks = doc.path("dependencies");
    if (!frameworks.isObject() || frameworks.isEmpty()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fw = frameworks.fields(); fw.hasNext(); ) {
      Map.Entry<String, JsonNode> framework = fw.next();
      String tfm = framework.getKey();
      Map<String, Node> locked = new LinkedHashMap<>();
      List<Direct> directs = new ArrayList<>();
      Set<String> declaredKeys = new HashSet<>();
      for (Direct d : declared) {
        directs.add(new Direct(d.name(), d.key(), d.spec(), tfm, d.manifest(), d.line()));
        declaredKeys.add(d.key());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = framework.getValue().fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey().toLowerCase(Locale.ROOT);
        List<String> children = new ArrayList<>();
        e.getValue()
            .path("dependencies")
            .fieldNames()
            .forEachRemaining(c -> children.add(c.toLowerCase(Locale.ROOT)));
        Integer line = lines.get(tfm + "/" + e.getKey());
        locked.put(
            key,
            new Node(e.getKey(), e.getValue().path("resolved").asText(null), children, lock, line));
        if ("Direct".equals(e.getValue().path("type").asText()) && !declaredKeys.contains(key)) {
          // declared somewhere we do not read (Directory.Build.props): still the project's own
          directs.add(new Direct(e.getKey(), key, null, tfm, lock, line));
        }
      }
      LockGraph.emit(ECOSYSTEM, project, directs, locked, Set.of(), "@", out);
    }
    return true;
  }

  /** Lines of {@code dependencies/<tfm>/<package>} keys. */
  private static Map<String, Integer> keyLines(String text) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = JSON.getFactory().createParser(text)) {
      int depth = 0;
      String tfm = null;
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        switch (t) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            if (depth == 2) {
              tfm = parser.currentName();
            } else if (depth == 3) {
              lines.put(
                  tfm + "/" + parser.currentName(), parser.currentTokenLocation().getLineNr());
            }
          }
          default -> {}
        }
      }
    }
    return lines;
  }

  /**
   * The central versions of the nearest Directory.Packages.props at or above {@code dir}, by
   * lower-case name.
   */
  private static Map<String, NuGetXml.Declared> central(
      Path root, Set<String> all, String dir, DependencyOutput out) {
    for (String d = dir; ; d = d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : "") {
      String props = d.isEmpty() ? "Directory.Packages.props" : d + "/Directory.Packages.props";
      if (all.contains(props)) {
        Map<String, NuGetXml.Declared> versions = new HashMap<>();
        for (NuGetXml.Declared v : NuGetXml.read(root, props, "PackageVersion", out)) {
          versions.put(v.name().toLowerCase(Locale.ROOT), v);
        }
        return versions;
      }
      if (d.isEmpty()) {
        return Map.of();
      }
    }
  }

  /**
   * The MSBuild properties a project sees: its own, then those of the nearest Directory.Build.props
   * and Directory.Packages.props at or above it (the project's own definitions winning).
   */
  private static Map<String, String> properties(Path root, Set<String> all, String project) {
    Map<String, String> properties = new HashMap<>(NuGetXml.properties(root, project));
    for (String file : List.of("Directory.Build.props", "Directory.Packages.props")) {
      for (String d = dir(project);
          ;
          d = d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : "") {
        String props = d.isEmpty() ? file : d + "/" + file;
        if (all.contains(props)) {
          NuGetXml.properties(root, props).forEach(properties::putIfAbsent);
          break;
        }
        if (d.isEmpty()) {
          break;
        }
      }
    }
    return properties;
  }

  private static String dir(String f) {
    return f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
  }

  private static String name(String f) {
    return f.substring(f.lastIndexOf('/') + 1);
  }
}
