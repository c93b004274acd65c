package dev.aiscan.connectors.dependencies.internal.gradle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gradle version catalog ({@code gradle/libs.versions.toml}): library aliases to coordinates,
 * with {@code version.ref} resolved through {@code [versions]}, and bundles. Aliases are kept in
 * accessor form: {@code langchain4j-open-ai} is looked up as {@code langchain4j.open.ai}.
 */
final class VersionCatalog {
  static final VersionCatalog EMPTY = new VersionCatalog(Map.of(), Map.of());
  private static final TomlMapper TOML = new TomlMapper();

  /**
   * A catalog library: {@code version} null when the catalog gives none (a platform manages it).
   */
  record Library(String group, String artifact, String version) {}

  private final Map<String, Library> libraries;
  private final Map<String, List<String>> bundles;

  private VersionCatalog(Map<String, Library> libraries, Map<String, List<String>> bundles) {
    this.libraries = libraries;
    this.bundles = bundles;
  }

  /**
   * Parses the catalog; throws {@link IOException} (Jackson's, with a location) when it is not
   * valid TOML.
   */
  static VersionCatalog read(Path file) throws IOException {
    JsonNode doc = TOML.readTree(file.toFile());
    Map<String, String> versions = new HashMap<>();
    doc.path("versions")
        .fields()
        .forEachRemaining(
            e -> {
              String v = version(e.getValue(), Map.of());
              if (v != null) {
                versions.put(e.getKey(), v);
              }
            });
    Map<String, Library> libraries = new HashMap<>();
    doc.path("libraries")
        .fields()
        .forEachRemaining(
            e -> {
              Library lib = library(e.getValue(), versions);
              if (lib != null) {
                libraries.put(accessor(e.getKey()), lib);
              }
            });
    Map<String, List<String>> bundles = new HashMap<>();
    doc.path("bundles")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> members = new ArrayList<>();
              e.getValue().forEach(m -> members.add(accessor(m.asText())));
              bundles.put(accessor(e.getKey()), members);
            });
    return new VersionCatalog(libraries, bundles);
  }

  private static Library library(JsonNode node, Map<String, String> versions) {
    if (node.isTextual()) {
      String[] parts = node.asText().split(":");
      return parts.length < 2
          ? null
          : new Library(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
    }
    String group;
    String artifact;
    if (node.hasNonNull("module")) {
      String[] parts = node.get("module").asText().split(":");
      if (parts.length < 2) {
        return null;
      }
      group = parts[0];
      artifact = parts[1];
    } else if (node.hasNonNull("group") && node.hasNonNull("name")) {
      group = node.get("group").asText();
      artifact = node.get("name").asText();
    } else {
      return null;
    }
    return new Library(group, artifact, version(node.get("version"), versions));
  }

  /** {@code "1.0"}, {@code {ref = "x"}}, {@code {strictly/require/prefer = "1.0"}}. */
  private static String version(JsonNode node, Map<String, String> versions) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.hasNonNull("ref")) {
      return versions.get(node.get("ref").asText());
    }
    for (String key : new String[] {"strictly", "require", "prefer"}) {
      if (node.hasNonNull(key)) {
        return node.get(key).asText();
      }
    }
    return null;
  }

  static String accessor(String alias) {
    return alias.replace('-', '.').replace('_', '.');
  }

  /**
   * The libraries an accessor names ({@code foo.bar} or {@code bundles.foo}), empty when unknown.
   */
  List<Library> resolve(String accessor) {
    if (accessor.startsWith("bundles.")) {
      List<String> members = bundles.get(accessor.substring("bundles.".length()));
      if (members == null) {
        return List.of();
      }
      return members.stream().map(libraries::get).filter(l -> l != null).toList();
    }
    Library lib = libraries.get(accessor);
    return lib == null ? List.of() : List.of(lib);
  }
}
