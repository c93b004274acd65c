package dev.aiscan.connectors.dependencies.internal.ruby;

import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.EcosystemReader;
import dev.aiscan.connectors.dependencies.internal.LockGraph;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Direct;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby: {@code Gemfile.lock}'s specs (indentation gives the graph) and {@code DEPENDENCIES} (the
 * direct gems), located at their {@code gem} line in the {@code Gemfile} next to it when present,
 * with its {@code group} as the scope. Path elements are {@code name@version}.
 */
public final class GemfileLockReader implements EcosystemReader {
  static final String ECOSYSTEM = "rubygems";
  private static final Pattern ENTRY =
      Pattern.compile("^([A-Za-z0-9_.\\-]+)!?(?:\\s+\\(([^)]*)\\))?$");
  private static final Pattern GEM = Pattern.compile("^\\s*gem\\s*\\(?\\s*['\"]([^'\"]+)['\"]");
  private static final Pattern GEM_VERSION =
      Pattern.compile("^\\s*gem\\s*\\(?\\s*['\"][^'\"]+['\"]\\s*,\\s*['\"]([^'\"]+)['\"]");
  private static final Pattern GROUP =
      Pattern.compile("^\\s*group\\s*\\(?\\s*(.+?)\\)?\\s+do\\b.*");

  @Override
  public String ecosystem() {
    return ECOSYSTEM;
  }

  @Override
  public boolean wants(String relative, String name) {
    return name.equals("Gemfile.lock") || name.equals("Gemfile");
  }

  @Override
  public void read(
      Path root, List<String> files, DependencySettings settings, DependencyOutput out) {
    Set<String> all = new HashSet<>(files);
    List<String> locks = files.stream().filter(f -> f.endsWith("Gemfile.lock")).toList();
    out.forEach(
        locks.iterator(),
        f -> f,
        lock -> {
          String gemfile = lock.substring(0, lock.length() - ".lock".length());
          readLock(root, lock, all.contains(gemfile) ? gemfile : null, out);
        });
    // An application commits its Gemfile.lock, a gem often does not: its Gemfile still declares.
    List<String> unlocked =
        files.stream().filter(f -> f.endsWith("Gemfile") && !all.contains(f + ".lock")).toList();
    out.forEach(unlocked.iterator(), f -> f, gemfile -> readDeclared(root, gemfile, out));
  }

  /** A Gemfile without its lock: the declared gems, with their version requirement when written. */
  private static void readDeclared(Path root, String gemfile, DependencyOutput out) {
    String dir =
        gemfile.contains("/")
            ? gemfile.substring(0, gemfile.lastIndexOf('/'))
            : root.getFileName().toString();
    String project = dir.substring(dir.lastIndexOf('/') + 1);
    gemfile(root, gemfile, out)
        .forEach(
            (name, gem) ->
                out.emit(
                    new Dependency(
                        ECOSYSTEM,
                        name,
                        gem.version(),
                        gem.scope(),
                        true,
                        List.of(project, gem.version() == null ? name : name + "@" + gem.version()),
                        gemfile,
                        gem.line())));
  }

  private record GemLine(String scope, int line, String version) {}

  private static void readLock(Path root, String lock, String gemfile, DependencyOutput out) {
    List<String> lines;
    try {
      lines = Files.readAllLines(root.resolve(lock), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      out.warn(lock, null, "cannot read Gemfile.lock: " + e.getClass().getSimpleName());
      return;
    }
    Map<String, Node> locked = new LinkedHashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    List<Direct> directs = new ArrayList<>();
    Map<String, GemLine> gems = gemfile == null ? Map.of() : gemfile(root, gemfile, out);
    String section = null;
    String current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        section = line.strip();
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      String t = line.strip();
      if (t.endsWith(":") && indent == 2) {
        continue; // remote:, specs:
      }
      boolean specs = "GEM".equals(section) || "GIT".equals(section) || "PATH".equals(section);
      if (!specs && !"DEPENDENCIES".equals(section) || indent == 2 && t.contains(": ")) {
        continue;
      }
      Matcher m = ENTRY.matcher(t);
      if (!m.matches()) {
        out.warn(lock, i + 1, "cannot read the " + section + " entry on this line");
        continue;
      }
      String name = m.group(1);
      if ("DEPENDENCIES".equals(section) && indent == 2) {
        GemLine g = gems.get(name);
        directs.add(
            g != null
                ? new Direct(name, name, m.group(2), g.scope(), gemfile, g.line())
                : new Direct(name, name, m.group(2), null, lock, i + 1));
      } else if (specs && indent == 4) {
        current = name;
        children.put(name, new ArrayList<>());
        locked.putIfAbsent(name, new Node(name, m.group(2), children.get(name), lock, i + 1));
      } else if (specs && indent == 6 && current != null) {
        children.get(current).add(name);
      }
    }
    String dir =
        lock.contains("/")
            ? lock.substring(0, lock.lastIndexOf('/'))
            : String.valueOf(root.getFileName());
    String project = dir.substring(dir.lastIndexOf('/') + 1);
    LockGraph.emit(ECOSYSTEM, project, directs, locked, Set.of(), "@", out);
  }

  /** {@code gem 'name'} lines of the Gemfile with the group block they sit in. */
  private static Map<String, GemLine> gemfile(Path root, String gemfile, DependencyOutput out) {
    Map<String, GemLine> gems = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(root.resolve(gemfile), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      out.warn(gemfile, null, "cannot read the Gemfile: " + e.getClass().getSimpleName());
      return gems;
    }
    String group = null;
    int depth = 0;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      Matcher g = GROUP.matcher(t);
      if (g.matches()) {
        group = g.group(1).replace(":", "").replaceAll("\\s*,\\s*", ",").strip();
        depth = 1;
        continue;
      }
      if (group != null
          && t.matches(
              "^(if|unless|platforms?|install_if)\\b.*\\bdo\\b.*|^\\S.*\\bdo\\s*(\\|.*\\|)?$")) {
        depth++;
      } else if (group != null && t.equals("end") && --depth == 0) {
        group = null;
        continue;
      }
      Matcher m = GEM.matcher(t);
      if (m.find()) {
        Matcher v = GEM_VERSION.matcher(t);
        gems.putIfAbsent(m.group(1), new GemLine(group, i + 1, v.find() ? v.group(1) : null));
      }
    }
    return gems;
  }
}
