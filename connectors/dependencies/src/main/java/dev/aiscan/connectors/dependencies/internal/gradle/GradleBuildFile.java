package dev.aiscan.connectors.dependencies.internal.gradle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependency declarations of a {@code build.gradle} or {@code build.gradle.kts}, found line by
 * line without running Gradle: string notation, map notation, {@code platform(...)}, Kotlin's
 * {@code kotlin("x")} and version catalog accessors ({@code libs.x.y}, {@code libs.bundles.z}).
 * Versions written as {@code $name} resolve through simple {@code val}/{@code def}/{@code ext}
 * string assignments in the same file. Project dependencies are not packages and are skipped.
 */
final class GradleBuildFile {

  /** One declaration: a catalog accessor has {@code accessor} set and no coordinate yet. */
  record Declaration(
      String configuration,
      String group,
      String artifact,
      String version,
      String accessor,
      int line) {}

  private static final Pattern DECLARATION =
      Pattern.compile("^\\s*(\"?)([a-z][A-Za-z0-9]*)\\1\\s*(\\(|\\s)\\s*(.*)$");
  private static final Pattern STRING =
      Pattern.compile("^(?:(?:enforcedPlatform|platform)\\s*\\(?\\s*)?[\"']([^\"']+)[\"']");
  private static final Pattern CATALOG =
      Pattern.compile(
          "^(?:(?:enforcedPlatform|platform)\\s*\\(?\\s*)?libs\\.([A-Za-z0-9_.]+?)(?:\\.get\\(\\))?\\s*(?:[),{]|$)");
  private static final Pattern KOTLIN =
      Pattern.compile("^kotlin\\s*\\(\\s*\"([^\"]+)\"(?:\\s*,\\s*\"([^\"]+)\")?");
  private static final Pattern VARIABLE =
      Pattern.compile(
          "^\\s*(?:val|var|def|ext\\.|extra\\[?\"?|project\\.ext\\.)?\\s*([A-Za-z_][A-Za-z0-9_]*)\"?\\]?\\s*(?::\\s*String\\s*)?=\\s*[\"']([^\"'$]+)[\"']\\s*$");

  private GradleBuildFile() {}

  static List<Declaration> parse(String text) {
    return parse(text, Map.of());
  }

  /**
   * @param properties values from the build's {@code gradle.properties} files; the build file's own
   *     assignments take precedence
   */
  static List<Declaration> parse(String text, Map<String, String> properties) {
    String[] lines = text.split("\\R", -1);
    Map<String, String> variables = new HashMap<>();
    for (String line : lines) {
      Matcher m = VARIABLE.matcher(line);
      if (m.matches()) {
        variables.putIfAbsent(m.group(1), m.group(2));
      }
    }
    properties.forEach(variables::putIfAbsent);
    List<Declaration> found = new ArrayList<>();
    boolean blockComment = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (blockComment) {
        int end = line.indexOf("*/");
        if (end < 0) {
          continue;
        }
        line = line.substring(end + 2);
        blockComment = false;
      }
      int open = line.indexOf("/*");
      if (open >= 0 && line.indexOf("*/", open) < 0) {
        line = line.substring(0, open);
        blockComment = true;
      }
      int comment = line.indexOf("//");
      if (comment >= 0 && !line.substring(0, comment).endsWith(":")) {
        line = line.substring(0, comment);
      }
      // "dependencies { implementation 'g:a:v' }" on one line, or several statements split by ';'
      for (String statement : line.split("(?<!\\$)\\{|;")) {
        Matcher m = DECLARATION.matcher(statement);
        if (m.matches() && Scopes.of(m.group(2)) != null) {
          declaration(m.group(2), m.group(4).strip(), i + 1, variables, found);
        }
      }
    }
    return found;
  }

  private static void declaration(
      String configuration,
      String args,
      int line,
      Map<String, String> variables,
      List<Declaration> into) {
    Matcher s = STRING.matcher(args);
    if (s.find()) {
      String[] parts = s.group(1).split(":");
      if (parts.length >= 2) {
        String version = parts.length > 2 ? parts[2] : null;
        if (version != null && version.contains("@")) {
          version = version.substring(0, version.indexOf('@'));
        }
        into.add(
            new Declaration(
                configuration, parts[0], parts[1], expand(version, variables), null, line));
      }
      return;
    }
    Matcher c = CATALOG.matcher(args);
    if (c.find()) {
      into.add(new Declaration(configuration, null, null, null, c.group(1), line));
      return;
    }
    Matcher k = KOTLIN.matcher(args);
    if (k.find()) {
      into.add(
          new Declaration(
              configuration,
              "org.jetbrains.kotlin",
              "kotlin-" + k.group(1),
              k.group(2),
              null,
              line));
      return;
    }
    String group = named(args, "group");
    String name = named(args, "name");
    if (group != null && name != null) {
      into.add(
          new Declaration(
              configuration, group, name, expand(named(args, "version"), variables), null, line));
    }
  }

  /** Map-notation arguments ({@code group: 'g'}, {@code name = "a"}), compiled once per key. */
  private static final Map<String, Pattern> NAMED =
      Map.of(
          "group", namedArgument("group"),
          "name", namedArgument("name"),
          "version", namedArgument("version"));

  private static Pattern namedArgument(String key) {
    return Pattern.compile("\\b" + key + "\\s*[:=]\\s*[\"']([^\"']*)[\"']");
  }

  private static String named(String args, String key) {
    Matcher m = NAMED.get(key).matcher(args);
    return m.find() ? m.group(1) : null;
  }

  private static String expand(String version, Map<String, String> variables) {
    if (version == null || !version.contains("$")) {
      return version;
    }
    String name = version.replaceAll("^\\$\\{?([A-Za-z_][A-Za-z0-9_.]*)}?$", "$1");
    return variables.getOrDefault(name, version);
  }
}
