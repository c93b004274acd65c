package dev.aiscan.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.rules.RuleFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Python import name to PyPI distribution names ({@code python-imports.yaml}), so that {@code
 * package} matchers of ecosystem {@code pypi} also apply to Python imports: {@code import sklearn}
 * is the distribution {@code scikit-learn}. See the data file for the three lookup steps.
 * Immutable; safe for concurrent use.
 */
public final class PythonImports {
  public static final String RESOURCE = "/dev/aiscan/rules/python-imports.yaml";
  private static final String FILE = "python-imports.yaml";
  private static final Pattern MODULE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern DISTRIBUTION =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");

  private static volatile PythonImports builtIn;

  /** Import name -> normalised distribution names. */
  private final Map<String, List<String>> imports;

  private final Set<String> namespaces;

  PythonImports(Map<String, List<String>> imports, Set<String> namespaces) {
    Map<String, List<String>> m = new HashMap<>();
    imports.forEach((k, v) -> m.put(k, List.copyOf(v)));
    this.imports = Collections.unmodifiableMap(m);
    this.namespaces = Set.copyOf(namespaces);
  }

  /** The built-in map, loaded once. */
  public static PythonImports builtIn() {
    PythonImports p = builtIn;
    if (p == null) {
      synchronized (PythonImports.class) {
        p = builtIn;
        if (p == null) {
          p = parse(FILE, resource());
          builtIn = p;
        }
      }
    }
    return p;
  }

  /** Import name -> distributions (PEP 503 normalised), as written in the data file. */
  public Map<String, List<String>> entries() {
    return imports;
  }

  public Set<String> namespaces() {
    return namespaces;
  }

  /**
   * The PyPI distributions (PEP 503 normalised) an import of {@code module} may come from: the
   * explicit entry of its longest dotted prefix, plus the prefixes below its namespace package;
   * else its normalised top-level name.
   */
  public List<String> distributions(String module) {
    if (module.isEmpty()) {
      return List.of();
    }
    List<String> explicit = null;
    String namespace = null;
    int end = module.length();
    while (true) {
      String prefix = end == module.length() ? module : module.substring(0, end);
      if (explicit == null) {
        explicit = imports.get(prefix);
      }
      if (namespace == null && end < module.length() && namespaces.contains(prefix)) {
        namespace = prefix;
      }
      int dot = module.lastIndexOf('.', end - 1);
      if (dot <= 0) {
        break;
      }
      end = dot;
    }
    if (namespace == null && explicit == null) {
      int dot = module.indexOf('.');
      return List.of(Names.pep503(dot < 0 ? module : module.substring(0, dot)));
    }
    if (namespace == null) {
      return explicit;
    }
    List<String> out = new ArrayList<>(explicit == null ? List.of() : explicit);
    for (int i = module.indexOf('.', namespace.length() + 1); ; i = module.indexOf('.', i + 1)) {
      out.add(Names.pep503(i < 0 ? module : module.substring(0, i)));
      if (i < 0) {
        break;
      }
    }
    return out;
  }

  /** Parses and checks a map file; every problem is a one-line {@code file:line: message}. */
  static PythonImports parse(String file, String text) {
    JsonNode root = new PackReader().parse(file, text);
    if (!root.isObject()) {
      throw new RuleFormatException(
          file + ":1: expected a mapping with 'namespaces' and 'imports'");
    }
    root.fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("namespaces") && !f.equals("imports")) {
                throw new RuleFormatException(
                    file + ":" + PackReader.line(root.get(f), 1) + ": unknown field '" + f + "'");
              }
            });
    Set<String> namespaces = new LinkedHashSet<>();
    JsonNode ns = root.path("namespaces");
    if (!ns.isMissingNode() && !ns.isArray()) {
      throw new RuleFormatException(
          file + ":" + PackReader.line(ns, 1) + ": namespaces: expected a list of module names");
    }
    for (JsonNode n : ns) {
      String name = n.asText();
      if (!n.isTextual() || !MODULE.matcher(name).matches()) {
        throw new RuleFormatException(
            file
                + ":"
                + PackReader.line(n, 1)
                + ": namespaces: invalid module name '"
                + name
                + "'");
      }
      if (!namespaces.add(name)) {
        throw new RuleFormatException(
            file + ":" + PackReader.line(n, 1) + ": namespaces: duplicate '" + name + "'");
      }
    }
    JsonNode im = root.path("imports");
    if (!im.isObject()) {
      throw new RuleFormatException(
          file
              + ":"
              + PackReader.line(im, 1)
              + ": imports: expected a mapping of import name to distribution(s)");
    }
    Map<String, List<String>> imports = new HashMap<>();
    im.fieldNames()
        .forEachRemaining(
            key -> {
              JsonNode v = im.get(key);
              int line = PackReader.line(v, 1);
              if (!MODULE.matcher(key).matches()) {
                throw new RuleFormatException(
                    file + ":" + line + ": imports: invalid module name '" + key + "'");
              }
              List<String> dists = new ArrayList<>();
              for (JsonNode d : v.isArray() ? v : List.of(v)) {
                if (!d.isTextual() || !DISTRIBUTION.matcher(d.asText()).matches()) {
                  throw new RuleFormatException(
                      file
                          + ":"
                          + line
                          + ": imports: "
                          + key
                          + ": invalid distribution name '"
                          + d.asText()
                          + "'");
                }
                dists.add(Names.pep503(d.asText()));
              }
              if (dists.isEmpty()) {
                throw new RuleFormatException(
                    file + ":" + line + ": imports: " + key + ": no distribution");
              }
              imports.put(key, dists.stream().distinct().toList());
            });
    return new PythonImports(imports, namespaces);
  }

  private static String resource() {
    try (InputStream in = PythonImports.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new RuleFormatException(RESOURCE + ":1: built-in rule resource is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuleFormatException(RESOURCE + ":1: cannot read built-in rule resource", e);
    }
  }
}
