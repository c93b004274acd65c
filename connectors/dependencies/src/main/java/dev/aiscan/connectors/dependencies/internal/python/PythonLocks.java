package dev.aiscan.connectors.dependencies.internal.python;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Node;
import dev.aiscan.connectors.dependencies.internal.TomlText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The installed set of {@code poetry.lock}, {@code uv.lock} and {@code Pipfile.lock}, keyed by
 * normalised name.
 */
final class PythonLocks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PythonLocks() {}

  /**
   * poetry.lock and uv.lock: {@code [[package]]} with name, version and dependencies. uv's own
   * projects (editable or virtual sources) go to {@code members}, not into the set.
   */
  static Map<String, Node> tomlLock(
      String relative, String text, Set<String> members, DependencyOutput out) {
    JsonNode doc = PythonManifests.toml(relative, text, out);
    if (doc == null) {
      return null;
    }
    TomlText lines = new TomlText(text);
    List<Integer> headers = lines.headers("package");
    Map<String, Node> locked = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode p : doc.path("package")) {
      Integer header = index < headers.size() ? headers.get(index) : null;
      index++;
      String name = p.path("name").asText(null);
      if (name == null) {
        out.warn(relative, header, "a locked package without a name");
        continue;
      }
      JsonNode source = p.path("source");
      if (source.has("editable") || source.has("virtual")) {
        members.add(Pep508.normalize(name));
        continue;
      }
      List<String> children = new ArrayList<>();
      JsonNode deps = p.path("dependencies");
      if (deps.isObject()) {
        deps.fieldNames().forEachRemaining(d -> children.add(Pep508.normalize(d)));
      } else {
        for (JsonNode d : deps) {
          String child = d.isTextual() ? d.asText() : d.path("name").asText(null);
          if (child != null) {
            children.add(Pep508.normalize(child));
          }
        }
      }
      Integer line = header == null ? null : lines.keyAfter(header, "name");
      locked.putIfAbsent(
          Pep508.normalize(name),
          new Node(name, p.path("version").asText(null), children, relative, line));
    }
    return locked;
  }

  /** Pipfile.lock: {@code default} and {@code develop}; it has no graph. */
  static Map<String, Node> pipfileLock(String relative, String text, DependencyOutput out) {
    Map<String, Integer> keyLines = new HashMap<>();
    JsonNode doc;
    try {
      doc = JSON.readTree(text);
      keyLines = keyLines(text);
    } catch (IOException e) {
      Integer line =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  && j.getLocation() != null
              ? j.getLocation().getLineNr()
              : null;
      out.warn(relative, line, "malformed JSON, the locked versions are not read");
      return null;
    }
    Map<String, Node> locked = new LinkedHashMap<>();
    for (String section : List.of("default", "develop")) {
      Map<String, Integer> lineOf = keyLines;
      PythonManifests.fields(
          doc.path(section),
          (name, entry) -> {
            String version = entry.path("version").asText(null);
            if (version != null && version.startsWith("==")) {
              version = version.substring(2);
            }
            locked.putIfAbsent(
                Pep508.normalize(name),
                new Node(name, version, List.of(), relative, lineOf.get(section + "/" + name)));
          });
    }
    return locked;
  }

  /** Lines of the second-level keys ({@code section/name}). */
  private static Map<String, Integer> keyLines(String text) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = JSON.getFactory().createParser(text)) {
      int depth = 0;
      String section = null;
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        switch (t) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            if (depth == 1) {
              section = parser.currentName();
            } else if (depth == 2) {
              lines.put(
                  section + "/" + parser.currentName(), parser.currentTokenLocation().getLineNr());
            }
          }
          default -> {}
        }
      }
    }
    return lines;
  }
}
