package dev.aiscan.connectors.dependencies.internal.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Direct;
import dev.aiscan.connectors.dependencies.internal.TomlText;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Declarations of {@code pyproject.toml} (PEP 621, Poetry, uv), {@code Pipfile} and {@code
 * setup.cfg}.
 */
final class PythonManifests {
  static final TomlMapper TOML = new TomlMapper();

  private PythonManifests() {}

  /** Parses TOML, warning (with the line when known) and returning null when it is malformed. */
  static JsonNode toml(String relative, String text, DependencyOutput out) {
    try {
      return TOML.readTree(text);
    } catch (JsonProcessingException e) {
      Integer line =
          e.getLocation() == null || e.getLocation().getLineNr() < 1
              ? null
              : e.getLocation().getLineNr();
      out.warn(relative, line, "malformed TOML, its dependencies are not read");
      return null;
    }
  }

  /** Reads pyproject.toml; returns the project name it gives, or null. */
  static String pyproject(String relative, String text, List<Direct> into, DependencyOutput out) {
    JsonNode doc = toml(relative, text, out);
    if (doc == null) {
      return null;
    }
    TomlText lines = new TomlText(text);
    JsonNode project = doc.path("project");
    strings(relative, lines, "project", project.path("dependencies"), null, into, out);
    fields(
        project.path("optional-dependencies"),
        (extra, list) ->
            strings(relative, lines, "project.optional-dependencies", list, extra, into, out));
    JsonNode poetry = doc.path("tool").path("poetry");
    poetryTable(
        relative, lines, "tool.poetry.dependencies", poetry.path("dependencies"), null, into);
    poetryTable(
        relative,
        lines,
        "tool.poetry.dev-dependencies",
        poetry.path("dev-dependencies"),
        "dev",
        into);
    fields(
        poetry.path("group"),
        (group, table) ->
            poetryTable(
                relative,
                lines,
                "tool.poetry.group." + group + ".dependencies",
                table.path("dependencies"),
                group,
                into));
    strings(
        relative,
        lines,
        "tool.uv",
        doc.path("tool").path("uv").path("dev-dependencies"),
        "dev",
        into,
        out);
    fields(
        doc.path("dependency-groups"),
        (group, list) -> strings(relative, lines, "dependency-groups", list, group, into, out));
    String name = project.path("name").asText(null);
    return name != null ? name : poetry.path("name").asText(null);
  }

  /** Reads a Pipfile: {@code [packages]} and {@code [dev-packages]} (scope dev). */
  static void pipfile(String relative, String text, List<Direct> into, DependencyOutput out) {
    JsonNode doc = toml(relative, text, out);
    if (doc == null) {
      return;
    }
    TomlText lines = new TomlText(text);
    poetryTable(relative, lines, "packages", doc.path("packages"), null, into);
    poetryTable(relative, lines, "dev-packages", doc.path("dev-packages"), "dev", into);
  }

  /** Reads setup.cfg {@code [options] install_requires} and {@code [options.extras_require]}. */
  static void setupCfg(String relative, String text, List<Direct> into, DependencyOutput out) {
    String[] lines = text.split("\r?\n", -1);
    String section = "";
    String key = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
        continue;
      }
      if (t.startsWith("[") && t.endsWith("]")) {
        section = t.substring(1, t.length() - 1).strip();
        key = null;
        continue;
      }
      String value = t;
      if (!Character.isWhitespace(line.charAt(0))) {
        int eq = t.indexOf('=');
        int colon = t.indexOf(':');
        int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
        if (sep < 0) {
          key = null;
          continue;
        }
        key = t.substring(0, sep).strip();
        value = t.substring(sep + 1).strip();
      }
      String scope;
      if (section.equals("options") && "install_requires".equals(key)) {
        scope = null;
      } else if (section.equals("options.extras_require") && key != null) {
        scope = key;
      } else {
        continue;
      }
      String requirement = value.replaceFirst("(^|\\s)#.*$", "");
      if (!requirement.isBlank()) {
        Pep508 parsed = Pep508.parse(requirement);
        if (parsed == null) {
          out.warn(relative, i + 1, "cannot read the requirement on this line");
        } else {
          into.add(
              new Direct(
                  parsed.name(),
                  Pep508.normalize(parsed.name()),
                  parsed.spec(),
                  scope,
                  relative,
                  i + 1));
        }
      }
    }
  }

  private static void strings(
      String relative,
      TomlText lines,
      String table,
      JsonNode list,
      String scope,
      List<Direct> into,
      DependencyOutput out) {
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        continue; // {include-group = "…"} and the like
      }
      Pep508 parsed = Pep508.parse(item.asText());
      Integer line = lines.string(table, item.asText());
      if (parsed == null) {
        out.warn(relative, line, "cannot read a requirement in " + table);
        continue;
      }
      into.add(
          new Direct(
              parsed.name(),
              Pep508.normalize(parsed.name()),
              parsed.spec(),
              scope,
              relative,
              line));
    }
  }

  private static void poetryTable(
      String relative,
      TomlText lines,
      String table,
      JsonNode deps,
      String scope,
      List<Direct> into) {
    fields(
        deps,
        (name, value) -> {
          if (name.equalsIgnoreCase("python")) {
            return;
          }
          String spec = value.isTextual() ? value.asText() : value.path("version").asText(null);
          if ("*".equals(spec)) {
            spec = null;
          }
          into.add(
              new Direct(
                  name, Pep508.normalize(name), spec, scope, relative, lines.key(table, name)));
        });
  }

  static void fields(JsonNode node, java.util.function.BiConsumer<String, JsonNode> each) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      each.accept(e.getKey(), e.getValue());
    }
  }
}
