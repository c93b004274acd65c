package dev.aiscan.connectors.dependencies.internal.npm;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * pnpm-lock.yaml, lockfileVersion 6 to 9 (and 5's {@code /name/version} keys): {@code importers}
 * (or, for a single project in v6, the top-level sections) name each workspace's direct
 * dependencies; {@code snapshots} (v9) or {@code packages} (v6) hold each installed package's
 * dependencies. {@code peerDependencies} in {@code packages} are metadata, never edges.
 */
final class PnpmLock extends LockGraph {
  private static final List<String> SECTIONS =
      List.of("dependencies", "optionalDependencies", "devDependencies");

  private final Map<String, Map<String, String>> importers = new HashMap<>();

  static PnpmLock read(Path file) throws IOException {
    Map<?, ?> doc;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object loaded = yaml().load(in);
      if (!(loaded instanceof Map<?, ?> map)) {
        throw new LockfileException(1, "not a YAML mapping");
      }
      doc = map;
    } catch (MarkedYAMLException e) {
      throw new LockfileException(
          e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 1, "not valid YAML");
    } catch (YAMLException e) {
      throw new LockfileException(null, "not valid YAML");
    }
    PnpmLock lock = new PnpmLock();
    if (doc.get("importers") instanceof Map<?, ?> importers) {
      importers.forEach(
          (dir, importer) -> lock.importers.put(String.valueOf(dir), references(importer)));
    } else {
      lock.importers.put(".", references(doc));
    }
    Object packages =
        doc.get("snapshots") instanceof Map<?, ?> snapshots ? snapshots : doc.get("packages");
    if (packages instanceof Map<?, ?> map) {
      map.forEach((key, entry) -> lock.node(String.valueOf(key), entry));
    }
    return lock;
  }

  static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setMaxAliasesForCollections(50);
    options.setAllowRecursiveKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  /**
   * An importer's direct dependencies: name to version reference ({@code {specifier, version}} in
   * v6+, a plain string in v5).
   */
  private static Map<String, String> references(Object importer) {
    Map<String, String> refs = new LinkedHashMap<>();
    if (importer instanceof Map<?, ?> sections) {
      for (String section : SECTIONS) {
        if (sections.get(section) instanceof Map<?, ?> deps) {
          deps.forEach(
              (name, ref) -> {
                Object version = ref instanceof Map<?, ?> m ? m.get("version") : ref;
                if (version != null) {
                  refs.putIfAbsent(String.valueOf(name), String.valueOf(version));
                }
              });
        }
      }
    }
    return refs;
  }

  private void node(String key, Object entry) {
    String base = key.startsWith("/") ? key.substring(1) : key;
    int paren = base.indexOf('(', 1);
    if (paren > 0) {
      base = base.substring(0, paren);
    }
    String name;
    String version;
    int at = base.lastIndexOf('@');
    if (at > 0) {
      name = base.substring(0, at);
      version = base.substring(at + 1);
    } else {
      // v5: name/version_peer@version
      int slash = base.lastIndexOf('/');
      name = slash > 0 ? base.substring(0, slash) : base;
      version = slash > 0 ? base.substring(slash + 1) : null;
      if (version != null && version.indexOf('_') > 0) {
        version = version.substring(0, version.indexOf('_'));
      }
    }
    Map<String, String> deps = new LinkedHashMap<>();
    if (entry instanceof Map<?, ?> fields) {
      if (fields.get("name") instanceof String n) {
        name = n;
      }
      if (fields.get("version") instanceof String v) {
        version = v;
      }
      for (String section : List.of("dependencies", "optionalDependencies")) {
        if (fields.get(section) instanceof Map<?, ?> m) {
          m.forEach((n, ref) -> deps.putIfAbsent(String.valueOf(n), String.valueOf(ref)));
        }
      }
    }
    nodes.put(key, new Node(name, version, deps));
  }

  @Override
  String direct(String importer, String name, String range) {
    Map<String, String> refs = importers.get(importer.isEmpty() ? "." : importer);
    String ref = refs == null ? null : refs.get(name);
    return ref == null ? null : child(null, name, ref);
  }

  /**
   * Finds the node a reference names: {@code 1.2.3}, {@code 1.2.3(peer@1)}, an alias {@code
   * real@1.2.3}, v5's {@code /real/1.2.3}.
   */
  @Override
  String child(String from, String name, String ref) {
    if (ref.startsWith("link:") || ref.startsWith("workspace:")) {
      return null;
    }
    for (String candidate :
        new String[] {
          name + "@" + ref, "/" + name + "@" + ref, ref, "/" + ref, "/" + name + "/" + ref
        }) {
      if (nodes.containsKey(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
