package dev.aiscan.connectors.dependencies.internal.dotnet;

import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Package elements of MSBuild and packages.config XML, read with StAX (no DTD, no external
 * entities).
 */
final class NuGetXml {
  record Declared(String name, String version, int line) {}

  private NuGetXml() {}

  /**
   * Elements named {@code element} with their name ({@code Include}, {@code Update} or {@code id})
   * and version ({@code Version}, {@code VersionOverride}, {@code version} attribute or a {@code
   * Version} child). A malformed file is a warning; what was read before the fault is kept.
   */
  static List<Declared> read(Path root, String relative, String element, DependencyOutput out) {
    List<Declared> found = new ArrayList<>();
    try (InputStream in = Files.newInputStream(root.resolve(relative))) {
      XMLStreamReader xml = SafeXml.reader(in);
      String name = null;
      String version = null;
      int line = 0;
      String child = null;
      StringBuilder text = new StringBuilder();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String local = xml.getLocalName();
          if (local.equals(element)) {
            name = first(attr(xml, "Include"), attr(xml, "Update"), attr(xml, "id"));
            version =
                first(attr(xml, "VersionOverride"), attr(xml, "Version"), attr(xml, "version"));
            line = xml.getLocation().getLineNumber();
          } else if (name != null && (local.equals("Version") || local.equals("VersionOverride"))) {
            child = local;
            text.setLength(0);
          }
        } else if (event == XMLStreamConstants.CHARACTERS && child != null) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String local = xml.getLocalName();
          if (local.equals(child)) {
            if (version == null || child.equals("VersionOverride")) {
              version = text.toString().strip();
            }
            child = null;
          } else if (local.equals(element) && name != null) {
            found.add(new Declared(name, version, line));
            name = null;
          }
        }
      }
    } catch (XMLStreamException e) {
      Integer line =
          e.getLocation() == null || e.getLocation().getLineNumber() < 1
              ? null
              : e.getLocation().getLineNumber();
      out.warn(relative, line, "malformed XML, package references after this point are not read");
    } catch (IOException e) {
      out.warn(relative, null, "cannot read the file: " + e.getClass().getSimpleName());
    }
    return found;
  }

  /**
   * The MSBuild properties a file defines ({@code
   * <PropertyGroup><OpenAIVersion>2.1.0</OpenAIVersion>}), the first definition of each winning. A
   * malformed file yields what was read before the fault (its package elements are warned about by
   * {@link #read}).
   */
  static Map<String, String> properties(Path root, String relative) {
    Map<String, String> found = new HashMap<>();
    try (InputStream in = Files.newInputStream(root.resolve(relative))) {
      XMLStreamReader xml = SafeXml.reader(in);
      int depthInGroup = 0;
      String property = null;
      StringBuilder text = new StringBuilder();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (xml.getLocalName().equals("PropertyGroup")) {
            depthInGroup = 1;
          } else if (depthInGroup > 0) {
            depthInGroup++;
            property = depthInGroup == 2 ? xml.getLocalName() : null;
            text.setLength(0);
          }
        } else if (event == XMLStreamConstants.CHARACTERS && property != null) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT && depthInGroup > 0) {
          if (depthInGroup == 2 && property != null) {
            found.putIfAbsent(property, text.toString().strip());
            property = null;
          }
          depthInGroup--;
        }
      }
    } catch (XMLStreamException | IOException e) {
      // read() names the file's problem; properties are best effort
    }
    return found;
  }

  /**
   * {@code $(Name)} references replaced by the properties' values; unknown ones kept as written.
   */
  static String expand(String value, Map<String, String> properties) {
    if (value == null || !value.contains("$(")) {
      return value;
    }
    Matcher m = PROPERTY.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final Pattern PROPERTY = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

  private static String attr(XMLStreamReader xml, String name) {
    String v = xml.getAttributeValue(null, name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
