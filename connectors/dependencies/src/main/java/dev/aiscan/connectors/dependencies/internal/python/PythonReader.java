package dev.aiscan.connectors.dependencies.internal.python;

import dev.aiscan.connectors.dependencies.DependencySettings;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Python projects: {@code requirements*.txt} (and {@code requirements/*.txt}), {@code
 * pyproject.toml} (PEP 621, Poetry, uv), {@code Pipfile} and {@code setup.cfg} declare; {@code
 * uv.lock}, {@code poetry.lock} or {@code Pipfile.lock} next to them give the installed set and
 * graph. Files of one directory form one project.
 */
public final class PythonReader implements EcosystemReader {
  static final String ECOSYSTEM = "pypi";
  private static final Pattern REQUIREMENTS = Pattern.compile("requirements[^/]*\\.txt");
  private static final List<String> LOCKS = List.of("uv.lock", "poetry.lock", "Pipfile.lock");

  @Override
  public String ecosystem() {
    return ECOSYSTEM;
  }

  @Override
  public boolean wants(String relative, String name) {
    return REQUIREMENTS.matcher(name).matches()
        || name.endsWith(".txt")
            && (relative.equals("requirements/" + name)
                || relative.endsWith("/requirements/" + name))
        || switch (name) {
          case "pyproject.toml", "Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock", "setup.cfg" ->
              true;
          default -> false;
        };
  }

  @Override
  public void read(
      Path root, List<String> files, DependencySettings settings, DependencyOutput out) {
    Map<String, List<String>> projects = new TreeMap<>();
    for (String file : files) {
      projects.computeIfAbsent(projectDir(file), d -> new ArrayList<>()).add(file);
    }
    out.forEach(
        projects.entrySet().iterator(),
        e -> e.getKey().isEmpty() ? "." : e.getKey(),
        e -> readProject(root, e.getKey(), e.getValue(), out));
  }

  private static String projectDir(String file) {
    int slash = file.lastIndexOf('/');
    String dir = slash < 0 ? "" : file.substring(0, slash);
    if (dir.equals("requirements") || dir.endsWith("/requirements")) {
      int up = dir.lastIndexOf('/');
      return up < 0 ? "" : dir.substring(0, up);
    }
    return dir;
  }

  private static String name(String file) {
    return file.substring(file.lastIndexOf('/') + 1);
  }

  private static void readProject(Path root, String dir, List<String> files, DependencyOutput out) {
    List<Direct> directs = new ArrayList<>();
    String project = null;
    Map<String, String> byName = new LinkedHashMap<>();
    for (String f : files) {
      byName.putIfAbsent(
          name(f).startsWith("requirements") || f.contains("requirements/") ? f : name(f), f);
    }
    if (byName.containsKey("pyproject.toml")) {
      String text = text(root, byName.get("pyproject.toml"), out);
      if (text != null) {
        project = PythonManifests.pyproject(byName.get("pyproject.toml"), text, directs, out);
      }
    }
    if (byName.containsKey("setup.cfg")) {
      String text = text(root, byName.get("setup.cfg"), out);
      if (text != null) {
        PythonManifests.setupCfg(byName.get("setup.cfg"), text, directs, out);
      }
    }
    if (byName.containsKey("Pipfile")) {
      String text = text(root, byName.get("Pipfile"), out);
      if (text != null) {
        PythonManifests.pipfile(byName.get("Pipfile"), text, directs, out);
      }
    }
    Requirements requirements = new Requirements(root, out);
    for (String f : files) {
      if (name(f).endsWith(".txt")) {
        requirements.read(f, directs);
      }
    }
    Set<String> members = new HashSet<>();
    Map<String, Node> locked = null;
    for (String lock : LOCKS) {
      String file = byName.get(lock);
      if (locked != null || file == null) {
        continue;
      }
      String text = text(root, file, out);
      if (text != null) {
        locked =
            lock.equals("Pipfile.lock")
                ? PythonLocks.pipfileLock(file, text, out)
                : PythonLocks.tomlLock(file, text, members, out);
      }
    }
    if (project == null) {
      String base =
          dir.isEmpty() ? (root.getFileName() == null ? "." : root.getFileName().toString()) : dir;
      project = base.substring(base.lastIndexOf('/') + 1);
    }
    members.add(Pep508.normalize(project));
    LockGraph.emit(ECOSYSTEM, project, unique(directs), locked, members, "==", out);
  }

  /** A file included by several requirements files declares once. */
  private static List<Direct> unique(List<Direct> directs) {
    Map<String, Direct> seen = new LinkedHashMap<>();
    for (Direct d : directs) {
      seen.putIfAbsent(d.key() + "\n" + d.manifest() + "\n" + d.line(), d);
    }
    return new ArrayList<>(seen.values());
  }

  private static String text(Path root, String relative, DependencyOutput out) {
    try {
      return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      out.warn(relative, null, "cannot read the file: " + e.getClass().getSimpleName());
      return null;
    }
  }
}
