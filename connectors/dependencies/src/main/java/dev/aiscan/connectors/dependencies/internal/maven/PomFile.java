package dev.aiscan.connectors.dependencies.internal.maven;

import dev.aiscan.connectors.dependencies.internal.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A pom.xml as written, read with StAX to keep line numbers: its coordinates, parent, properties
 * and declared dependencies. Never resolves anything; a file that does not parse keeps what was
 * read before the error and says where it broke.
 *
 * @param relative the file relative to the target root
 * @param groupId the project's groupId, or the parent's when it inherits it
 * @param version the project's version, or the parent's when it inherits it
 * @param dependencies {@code project/dependencies} in file order
 * @param otherDeclarations dependencies declared elsewhere in the file (profiles,
 *     dependencyManagement), for line lookup only
 * @param error why the file did not parse, or null
 * @param errorLine the line of the parse error, or null
 */
record PomFile(
    String relative,
    String groupId,
    String artifactId,
    String version,
    Parent parent,
    Map<String, String> properties,
    List<Declared> dependencies,
    List<Declared> otherDeclarations,
    String error,
    Integer errorLine) {

  /** A {@code <parent>} element. */
  record Parent(String groupId, String artifactId, String version, String relativePath) {}

  /** A {@code <dependency>} element and the line it starts on. */
  record Declared(
      String groupId,
      String artifactId,
      String version,
      String scope,
      String type,
      String classifier,
      int line) {
    String key() {
      return groupId + ":" + artifactId;
    }
  }

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  PomFile {
    properties = Map.copyOf(properties);
    dependencies = List.copyOf(dependencies);
    otherDeclarations = List.copyOf(otherDeclarations);
  }

  String key() {
    return groupId + ":" + artifactId;
  }

  /** {@code groupId:artifactId:version}, the first element of every path from this project. */
  String coordinates() {
    return groupId + ":" + artifactId + ":" + version;
  }

  boolean complete() {
    return groupId != null && artifactId != null && version != null && !version.contains("${");
  }

  /**
   * Replaces this file's own properties and {@code project.*} in a value, leaving the unknown ones
   * as written.
   */
  String interpolate(String value) {
    if (value == null || !value.contains("${")) {
      return value;
    }
    String current = value;
    for (int round = 0; round < 5 && current.contains("${"); round++) {
      Matcher m = PROPERTY.matcher(current);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String replacement = property(m.group(1));
        m.appendReplacement(
            sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
      }
      m.appendTail(sb);
      if (sb.toString().equals(current)) {
        break;
      }
      current = sb.toString();
    }
    return current;
  }

  private String property(String name) {
    switch (name) {
      case "project.groupId", "pom.groupId", "groupId":
        return groupId;
      case "project.artifactId", "pom.artifactId", "artifactId":
        return artifactId;
      case "project.version", "pom.version", "version":
        return version;
      case "project.parent.version", "parent.version":
        return parent == null ? null : parent.version();
      case "project.parent.groupId", "parent.groupId":
        return parent == null ? null : parent.groupId();
      default:
        return properties.get(name);
    }
  }

  /** Reads a pom.xml; XXE-safe (no DTD, no external entities, nothing fetched). */
  static PomFile read(Path root, String relative) {
    Parser parser = new Parser();
    try (InputStream in = Files.newInputStream(root.resolve(relative))) {
      XMLStreamReader xml = SafeXml.reader(in);
      try {
        parser.parse(xml);
      } finally {
        xml.close();
      }
      return parser.toPom(relative, null, null);
    } catch (XMLStreamException e) {
      Integer line =
          e.getLocation() == null || e.getLocation().getLineNumber() < 1
              ? null
              : e.getLocation().getLineNumber();
      return parser.toPom(relative, "malformed XML", line);
    } catch (IOException e) {
      return parser.toPom(relative, "cannot read: " + e.getClass().getSimpleName(), null);
    }
  }

  /** Collects the elements it knows while walking the document. */
  private static final class Parser {
    private final Deque<String> path = new ArrayDeque<>();
    private final Map<String, String> project = new HashMap<>();
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final List<Declared> dependencies = new ArrayList<>();
    private final List<Declared> others = new ArrayList<>();
    private Map<String, String> dependency;
    private int dependencyLine;
    private boolean dependencyDirect;
    private final StringBuilder text = new StringBuilder();

    void parse(XMLStreamReader xml) throws XMLStreamException {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          path.addLast(name);
          text.setLength(0);
          if (name.equals("dependency") && path.size() >= 3) {
            dependency = new HashMap<>();
            dependencyLine = xml.getLocation().getLineNumber();
            dependencyDirect =
                path.size() == 3
                    && String.join("/", path).equals("project/dependencies/dependency");
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end(xml.getLocalName(), text.toString().trim());
          path.removeLast();
          text.setLength(0);
        }
      }
    }

    private void end(String name, String value) {
      int depth = path.size();
      String container = depth >= 2 ? (String) path.toArray()[depth - 2] : "";
      if (depth == 2) {
        project.put(name, value);
      } else if (depth == 3 && container.equals("parent") && path.peekFirst().equals("project")) {
        parent.put(name, value);
      } else if (depth == 3
          && container.equals("properties")
          && path.peekFirst().equals("project")) {
        properties.put(name, value);
      } else if (dependency != null && name.equals("dependency")) {
        Declared d =
            new Declared(
                dependency.get("groupId"),
                dependency.get("artifactId"),
                dependency.get("version"),
                dependency.get("scope"),
                dependency.get("type"),
                dependency.get("classifier"),
                dependencyLine);
        (dependencyDirect ? dependencies : others).add(d);
        dependency = null;
      } else if (dependency != null && container.equals("dependency")) {
        dependency.put(name, value);
      }
    }

    PomFile toPom(String relative, String error, Integer errorLine) {
      Parent p =
          parent.containsKey("artifactId")
              ? new Parent(
                  parent.get("groupId"),
                  parent.get("artifactId"),
                  parent.get("version"),
                  parent.getOrDefault("relativePath", "../pom.xml"))
              : null;
      String groupId = project.getOrDefault("groupId", p == null ? null : p.groupId());
      String version = project.getOrDefault("version", p == null ? null : p.version());
      PomFile raw =
          new PomFile(
              relative,
              groupId,
              project.get("artifactId"),
              version,
              p,
              properties,
              List.of(),
              List.of(),
              error,
              errorLine);
      // Coordinates often use ${project.version}, ${revision}: resolve what this file alone can
      // say.
      List<Declared> deps = dependencies.stream().map(d -> interpolate(raw, d)).toList();
      List<Declared> rest = others.stream().map(d -> interpolate(raw, d)).toList();
      return new PomFile(
          relative,
          raw.interpolate(groupId),
          raw.artifactId(),
          raw.interpolate(version),
          p,
          properties,
          deps,
          rest,
          error,
          errorLine);
    }

    private static Declared interpolate(PomFile pom, Declared d) {
      return new Declared(
          pom.interpolate(d.groupId()),
          pom.interpolate(d.artifactId()),
          pom.interpolate(d.version()),
          pom.interpolate(d.scope()),
          d.type(),
          d.classifier(),
          d.line());
    }
  }
}
