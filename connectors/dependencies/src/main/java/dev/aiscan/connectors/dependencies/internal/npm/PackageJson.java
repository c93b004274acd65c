package dev.aiscan.connectors.dependencies.internal.npm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a package.json declares, with the line of each declaration.
 *
 * @param declared one entry per package name, the strongest scope winning (dependencies, then
 *     optional, dev, peer)
 * @param workspaces the workspace globs, empty when none
 */
record PackageJson(String name, String version, List<Declared> declared, List<String> workspaces) {
  static final JsonFactory JSON = new JsonFactory();

  /**
   * One declared dependency.
   *
   * @param scope null for {@code dependencies}, else {@code optional}, {@code dev} or {@code peer}
   */
  record Declared(String name, String range, String scope, int line) {
    boolean peer() {
      return "peer".equals(scope);
    }
  }

  PackageJson {
    declared = List.copyOf(declared);
    workspaces = List.copyOf(workspaces);
  }

  /** The project's label, first element of every path: {@code name@version}, else the directory. */
  String label(String directory) {
    if (name != null) {
      return version != null ? name + "@" + version : name;
    }
    return directory;
  }

  /** Reads the file; a malformed file gives a warning and what was read before the fault. */
  static PackageJson read(Path file, String relative, DependencyOutput out) {
    String name = null;
    String version = null;
    Map<String, Declared> declared = new LinkedHashMap<>();
    List<String> workspaces = new ArrayList<>();
    try (JsonParser p = JSON.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        out.warn(relative, 1, "package.json is not a JSON object; skipped");
        return new PackageJson(null, null, List.of(), List.of());
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "name" -> name = value == JsonToken.VALUE_STRING ? p.getText() : name;
          case "version" -> version = value == JsonToken.VALUE_STRING ? p.getText() : version;
          case "dependencies" -> section(p, relative, field, null, declared, out);
          case "optionalDependencies" -> section(p, relative, field, "optional", declared, out);
          case "devDependencies" -> section(p, relative, field, "dev", declared, out);
          case "peerDependencies" -> section(p, relative, field, "peer", declared, out);
          case "workspaces" -> workspaces(p, workspaces);
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      out.warn(
          relative,
          e.getLocation() == null ? null : e.getLocation().getLineNr(),
          "package.json is not valid JSON; kept what was declared before this point");
    } catch (IOException e) {
      out.warn(relative, null, "cannot read package.json: " + e.getClass().getSimpleName());
    }
    List<Declared> ordered = new ArrayList<>(declared.values());
    ordered.sort(Comparator.comparingInt(d -> rank(d.scope())));
    return new PackageJson(name, version, ordered, workspaces);
  }

  static int rank(String scope) {
    if (scope == null) {
      return 0;
    }
    return switch (scope) {
      case "optional" -> 1;
      case "dev" -> 2;
      default -> 3;
    };
  }

  private static void section(
      JsonParser p,
      String relative,
      String field,
      String scope,
      Map<String, Declared> declared,
      DependencyOutput out)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      out.warn(
          relative,
          p.currentTokenLocation().getLineNr(),
          "package.json: " + field + " is not an object; ignored");
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String dep = p.currentName();
      int line = p.currentTokenLocation().getLineNr();
      JsonToken value = p.nextToken();
      if (value != JsonToken.VALUE_STRING) {
        out.warn(
            relative,
            line,
            "package.json: " + field + " entry " + dep + " has no version string; ignored");
        p.skipChildren();
        continue;
      }
      Declared d = new Declared(dep, p.getText(), scope, line);
      Declared before = declared.get(dep);
      if (before == null || rank(scope) < rank(before.scope())) {
        declared.put(dep, d);
      }
    }
  }

  private static void workspaces(JsonParser p, List<String> into) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
          into.add(p.getText());
        } else {
          p.skipChildren();
        }
      }
    } else if (p.currentToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("packages")) {
          workspaces(p, into);
        } else {
          p.skipChildren();
        }
      }
    }
  }
}
