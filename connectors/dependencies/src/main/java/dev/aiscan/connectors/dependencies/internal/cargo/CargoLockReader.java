package dev.aiscan.connectors.dependencies.internal.cargo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.EcosystemReader;
import dev.aiscan.connectors.dependencies.internal.LockGraph;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Direct;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Node;
import dev.aiscan.connectors.dependencies.internal.TomlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rust: {@code Cargo.lock}'s packages and graph; workspace members (packages without a {@code
 * source}) are the projects and their dependencies the direct ones, located at their {@code
 * Cargo.toml} line when the member's Cargo.toml is in the tree. Path elements are {@code
 * name@version}.
 */
public final class CargoLockReader implements EcosystemReader {
  static final String ECOSYSTEM = "cargo";
  private static final TomlMapper TOML = new TomlMapper();
  private static final List<String> TABLES =
      List.of("dependencies", "dev-dependencies", "build-dependencies");

  @Override
  public String ecosystem() {
    return ECOSYSTEM;
  }

  @Override
  public boolean wants(String relative, String name) {
    return name.equals("Cargo.lock") || name.equals("Cargo.toml");
  }

  private record Declared(String manifest, String scope, Integer line) {}

  @Override
  public void read(
      Path root, List<String> files, DependencySettings settings, DependencyOutput out) {
    List<String> locks = files.stream().filter(f -> f.endsWith("Cargo.lock")).toList();
    out.forEach(locks.iterator(), f -> f, lock -> readLock(root, lock, files, out));
    // Libraries rarely commit their Cargo.lock: a manifest no lockfile covers still declares.
    List<String> unlocked =
        files.stream()
            .filter(f -> f.endsWith("Cargo.toml"))
            .filter(f -> locks.stream().noneMatch(lock -> f.startsWith(directoryOf(lock))))
            .toList();
    out.forEach(unlocked.iterator(), f -> f, manifest -> readDeclared(root, manifest, out));
  }

  private static String directoryOf(String file) {
    return file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
  }

  /**
   * A Cargo.toml without a lockfile: its declared dependencies, with their version requirements.
   */
  private static void readDeclared(Path root, String manifest, DependencyOutput out) {
    Map<String, Map<String, Declared>> declared = manifests(root, manifest, List.of(manifest), out);
    JsonNode doc;
    String text;
    try {
      text = Files.readString(root.resolve(manifest), StandardCharsets.UTF_8);
      doc = TOML.readTree(text);
    } catch (IOException e) {
      return; // manifests() has warned
    }
    String project = doc.path("package").path("name").asText(null);
    if (project == null) {
      return; // a virtual workspace manifest declares nothing itself
    }
    for (String table : TABLES) {
      doc.path(table)
          .fields()
          .forEachRemaining(
              e -> {
                String crate = e.getValue().path("package").asText(e.getKey());
                String version =
                    e.getValue().isTextual()
                        ? e.getValue().asText()
                        : e.getValue().path("version").asText(null);
                Declared d = declared.getOrDefault(project, Map.of()).get(crate);
                out.emit(
                    new Dependency(
                        ECOSYSTEM,
                        crate,
                        version,
                        d == null ? null : d.scope(),
                        true,
                        List.of(project, version == null ? crate : crate + "@" + version),
                        manifest,
                        d == null ? null : d.line()));
              });
    }
  }

  private static void readLock(Path root, String lock, List<String> files, DependencyOutput out) {
    String text;
    JsonNode doc;
    try {
      text = Files.readString(root.resolve(lock), StandardCharsets.UTF_8);
      doc = TOML.readTree(text);
    } catch (JsonProcessingException e) {
      Integer line =
          e.getLocation() == null || e.getLocation().getLineNr() < 1
              ? null
              : e.getLocation().getLineNr();
      out.warn(lock, line, "malformed Cargo.lock, its packages are not read");
      return;
    } catch (IOException e) {
      out.warn(lock, null, "cannot read Cargo.lock: " + e.getClass().getSimpleName());
      return;
    }
    TomlText lines = new TomlText(text);
    List<Integer> headers = lines.headers("package");
    Map<String, Node> locked = new LinkedHashMap<>();
    Map<String, String> byName = new HashMap<>();
    List<JsonNode> members = new ArrayList<>();
    List<Integer> memberLines = new ArrayList<>();
    int index = 0;
    for (JsonNode p : doc.path("package")) {
      Integer header = index < headers.size() ? headers.get(index) : null;
      index++;
      String name = p.path("name").asText(null);
      String version = p.path("version").asText(null);
      if (name == null) {
        out.warn(lock, header, "a package without a name");
        continue;
      }
      Integer line = header == null ? null : lines.keyAfter(header, "name");
      if (!p.has("source")) {
        members.add(p);
        memberLines.add(line);
        continue;
      }
      locked.put(name + " " + version, new Node(name, version, List.of(), lock, line));
      byName.putIfAbsent(name, name + " " + version);
    }
    // children resolved once every package is known
    Map<String, Node> graph = new LinkedHashMap<>();
    for (JsonNode p : doc.path("package")) {
      String key = p.path("name").asText() + " " + p.path("version").asText();
      Node node = locked.get(key);
      if (node != null) {
        graph.put(
            key,
            new Node(
                node.name(), node.version(), children(p, byName), node.manifest(), node.line()));
      }
    }
    Map<String, Map<String, Declared>> manifests = manifests(root, lock, files, out);
    for (int i = 0; i < members.size(); i++) {
      JsonNode member = members.get(i);
      String name = member.path("name").asText();
      Map<String, Declared> declared = manifests.getOrDefault(name, Map.of());
      List<Direct> directs = new ArrayList<>();
      for (String child : children(member, byName)) {
        Node node = graph.get(child);
        if (node == null) {
          continue; // another workspace member
        }
        Declared d = declared.get(node.name());
        directs.add(
            d != null
                ? new Direct(node.name(), child, null, d.scope(), d.manifest(), d.line())
                : new Direct(node.name(), child, null, null, lock, memberLines.get(i)));
      }
      LockGraph.emit(ECOSYSTEM, name, directs, graph, Set.of(), "@", false, out);
    }
  }

  private static List<String> children(JsonNode p, Map<String, String> byName) {
    List<String> children = new ArrayList<>();
    for (JsonNode d : p.path("dependencies")) {
      String[] parts = d.asText().split("\\s+");
      children.add(
          parts.length >= 2 ? parts[0] + " " + parts[1] : byName.getOrDefault(parts[0], parts[0]));
    }
    return children;
  }

  /**
   * The dependency declarations of the Cargo.toml files at or under the lockfile's directory, by
   * package name.
   */
  private static Map<String, Map<String, Declared>> manifests(
      Path root, String lock, List<String> files, DependencyOutput out) {
    String dir = lock.contains("/") ? lock.substring(0, lock.lastIndexOf('/') + 1) : "";
    Map<String, Map<String, Declared>> byPackage = new HashMap<>();
    for (String f : files) {
      if (!f.endsWith("Cargo.toml") || !f.startsWith(dir)) {
        continue;
      }
      try {
        String text = Files.readString(root.resolve(f), StandardCharsets.UTF_8);
        JsonNode doc = TOML.readTree(text);
        String name = doc.path("package").path("name").asText(null);
        if (name == null) {
          continue;
        }
        TomlText lines = new TomlText(text);
        Map<String, Declared> declared = new HashMap<>();
        for (String table : TABLES) {
          String scope =
              table.equals("dependencies") ? null : table.substring(0, table.indexOf('-'));
          doc.path(table)
              .fields()
              .forEachRemaining(
                  e -> {
                    String crate = e.getValue().path("package").asText(e.getKey());
                    declared.putIfAbsent(
                        crate, new Declared(f, scope, lines.key(table, e.getKey())));
                  });
        }
        byPackage.putIfAbsent(name, declared);
      } catch (JsonProcessingException e) {
        Integer line =
            e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? null
                : e.getLocation().getLineNr();
        out.warn(f, line, "malformed Cargo.toml, its declarations are not read");
      } catch (IOException e) {
        out.warn(f, null, "cannot read Cargo.toml: " + e.getClass().getSimpleName());
      }
    }
    return byPackage;
  }
}
