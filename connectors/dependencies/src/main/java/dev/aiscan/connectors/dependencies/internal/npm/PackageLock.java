package dev.aiscan.connectors.dependencies.internal.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * package-lock.json and npm-shrinkwrap.json, lockfileVersion 1 (the nested {@code dependencies}
 * tree with {@code requires}) and 2/3 (the flat {@code packages} map keyed by node_modules paths).
 * Both become node_modules paths, resolved as Node does: the nearest {@code node_modules} upwards.
 * Streams the file: only one package entry at a time is a tree.
 */
final class PackageLock extends LockGraph {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, String> links = new HashMap<>();

  static PackageLock read(Path file) throws IOException {
    PackageLock lock = new PackageLock();
    boolean flat = false;
    try (JsonParser p = MAPPER.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new LockfileException(1, "not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("packages") && value == JsonToken.START_OBJECT) {
          if (!flat) {
            lock.nodes.clear();
            flat = true;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            lock.flatEntry(key, p.readValueAsTree());
          }
        } else if (field.equals("dependencies") && value == JsonToken.START_OBJECT && !flat) {
          lock.tree("", p.readValueAsTree());
        } else {
          p.skipChildren();
        }
      }
    }
    return lock;
  }

  private void flatEntry(String key, JsonNode entry) {
    if (entry == null || !entry.isObject()) {
      return;
    }
    if (entry.path("link").asBoolean(false) && entry.hasNonNull("resolved")) {
      links.put(key, entry.get("resolved").asText());
      return;
    }
    int nm = key.lastIndexOf("node_modules/");
    String name =
        entry.hasNonNull("name")
            ? entry.get("name").asText()
            : nm < 0
                ? key.substring(key.lastIndexOf('/') + 1)
                : key.substring(nm + "node_modules/".length());
    Map<String, String> deps = new LinkedHashMap<>();
    for (String section :
        new String[] {"dependencies", "optionalDependencies", "peerDependencies"}) {
      fields(entry.path(section), deps);
    }
    nodes.put(key, new Node(name, text(entry.get("version")), deps));
  }

  private void tree(String prefix, JsonNode dependencies) {
    for (Iterator<Map.Entry<String, JsonNode>> it = dependencies.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = (prefix.isEmpty() ? "" : prefix + "/") + "node_modules/" + e.getKey();
      JsonNode entry = e.getValue();
      String version = text(entry.get("version"));
      String name = e.getKey();
      if (version != null && version.startsWith("npm:")) {
        // an alias: "npm:real-name@1.2.3"
        String real = version.substring(4);
        name = nameOf(real);
        version = real.length() > name.length() ? real.substring(name.length() + 1) : null;
      }
      Map<String, String> deps = new LinkedHashMap<>();
      fields(entry.path("requires"), deps);
      nodes.put(path, new Node(name, version, deps));
      if (entry.path("dependencies").isObject()) {
        tree(path, entry.get("dependencies"));
      }
    }
  }

  private static void fields(JsonNode object, Map<String, String> into) {
    if (object.isObject()) {
      object.fields().forEachRemaining(f -> into.putIfAbsent(f.getKey(), f.getValue().asText()));
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  @Override
  String direct(String importer, String name, String range) {
    return resolve(importer, name);
  }

  @Override
  String child(String from, String name, String range) {
    return resolve(from, name);
  }

  /**
   * Node's lookup: {@code dir/node_modules/name} for the package's directory and each one above it.
   */
  private String resolve(String from, String name) {
    String dir = from;
    while (true) {
      String key = (dir.isEmpty() ? "" : dir + "/") + "node_modules/" + name;
      String target = links.getOrDefault(key, key);
      if (nodes.containsKey(target)) {
        return target;
      }
      if (dir.isEmpty()) {
        return null;
      }
      int slash = dir.lastIndexOf('/');
      dir = slash < 0 ? "" : dir.substring(0, slash);
    }
  }
}
