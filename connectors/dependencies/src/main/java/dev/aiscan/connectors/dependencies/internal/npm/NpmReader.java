package dev.aiscan.connectors.dependencies.internal.npm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.EcosystemReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * npm, Yarn and pnpm projects: every package.json is a project; its dependencies resolve through
 * the lockfile in its directory or, for a workspace package, the lockfile of the workspace root
 * whose {@code workspaces} (or pnpm-workspace.yaml {@code packages}) globs cover it. Lockfiles, in
 * order of preference: npm-shrinkwrap.json, package-lock.json, pnpm-lock.yaml, yarn.lock. Without
 * one, the declared dependencies are emitted with their declared ranges.
 */
public final class NpmReader implements EcosystemReader {
  static final String MANIFEST = "package.json";
  static final List<String> LOCKFILES =
      List.of("npm-shrinkwrap.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock");

  @Override
  public String ecosystem() {
    return NpmGraphEmitter.ECOSYSTEM;
  }

  @Override
  public boolean wants(String relative, String name) {
    return (name.equals(MANIFEST) || LOCKFILES.contains(name))
        && !relative.startsWith("node_modules/")
        && !relative.contains("/node_modules/");
  }

  @Override
  public void read(
      Path root, List<String> files, DependencySettings settings, DependencyOutput out) {
    Map<String, Set<String>> dirs = new TreeMap<>();
    for (String file : files) {
      int slash = file.lastIndexOf('/');
      dirs.computeIfAbsent(slash < 0 ? "" : file.substring(0, slash), d -> new TreeSet<>())
          .add(file.substring(slash + 1));
    }
    List<String> projects = new ArrayList<>();
    dirs.forEach(
        (dir, names) -> {
          if (names.contains(MANIFEST)) {
            projects.add(dir);
          }
        });
    Run run = new Run(root, dirs, out);
    out.forEach(projects.iterator(), dir -> join(dir, MANIFEST), run::project);
  }

  static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** One read of a tree: the caches shared by its projects. */
  private static final class Run {
    private final Path root;
    private final Map<String, Set<String>> dirs;
    private final DependencyOutput out;
    private final Map<String, PackageJson> manifests = new ConcurrentHashMap<>();
    private final Map<String, Optional<LockGraph>> locks = new ConcurrentHashMap<>();

    Run(Path root, Map<String, Set<String>> dirs, DependencyOutput out) {
      this.root = root;
      this.dirs = dirs;
      this.out = out;
    }

    void project(String dir) {
      String manifest = join(dir, MANIFEST);
      PackageJson pj = manifest(dir);
      String project = pj.label(dir.isEmpty() ? String.valueOf(root.getFileName()) : dir);
      LockGraph lock = null;
      String importer = "";
      for (String at = dir; at != null; at = parent(at)) {
        String lockfile = lockfile(at);
        if (lockfile == null) {
          continue;
        }
        String relative = at.isEmpty() ? dir : at.equals(dir) ? "" : dir.substring(at.length() + 1);
        if (at.equals(dir) || covers(at, relative)) {
          lock = locks.computeIfAbsent(lockfile, this::parse).orElse(null);
          importer = relative;
        }
        break;
      }
      NpmGraphEmitter.emit(manifest, project, pj, lock, importer, out);
    }

    private PackageJson manifest(String dir) {
      return manifests.computeIfAbsent(
          dir, d -> PackageJson.read(root.resolve(join(d, MANIFEST)), join(d, MANIFEST), out));
    }

    private String lockfile(String dir) {
      Set<String> names = dirs.get(dir);
      if (names == null) {
        return null;
      }
      return LOCKFILES.stream()
          .filter(names::contains)
          .findFirst()
          .map(n -> join(dir, n))
          .orElse(null);
    }

    /**
     * Whether the workspace root {@code at} lists {@code relative} (a directory below it) as a
     * workspace.
     */
    private boolean covers(String at, String relative) {
      List<String> globs = new ArrayList<>();
      if (dirs.getOrDefault(at, Set.of()).contains(MANIFEST)) {
        globs.addAll(manifest(at).workspaces());
      }
      Path pnpm = root.resolve(join(at, "pnpm-workspace.yaml"));
      if (Files.isRegularFile(pnpm)) {
        try (Reader in = Files.newBufferedReader(pnpm, StandardCharsets.UTF_8)) {
          if (PnpmLock.yaml().load(in) instanceof Map<?, ?> doc
              && doc.get("packages") instanceof List<?> list) {
            list.forEach(g -> globs.add(String.valueOf(g)));
          }
        } catch (IOException | YAMLException e) {
          out.warn(
              join(at, "pnpm-workspace.yaml"),
              null,
              "pnpm-workspace.yaml cannot be read; workspaces ignored");
        }
      }
      boolean covered = false;
      for (String glob : globs) {
        boolean negated = glob.startsWith("!");
        if (glob(negated ? glob.substring(1) : glob).matcher(relative).matches()) {
          covered = !negated;
        }
      }
      return covered;
    }

    private Optional<LockGraph> parse(String lockfile) {
      Path file = root.resolve(lockfile);
      String name = lockfile.substring(lockfile.lastIndexOf('/') + 1);
      try {
        return Optional.of(
            switch (name) {
              case "pnpm-lock.yaml" -> PnpmLock.read(file);
              case "yarn.lock" -> YarnLock.read(file);
              default -> PackageLock.read(file);
            });
      } catch (JsonProcessingException e) {
        out.warn(
            lockfile,
            e.getLocation() == null ? null : e.getLocation().getLineNr(),
            name + " is not valid JSON; using the declared dependencies only");
      } catch (LockfileException e) {
        out.warn(
            lockfile,
            e.line(),
            name
                + " cannot be read ("
                + e.getMessage()
                + "); using the declared dependencies only");
      } catch (IOException e) {
        out.warn(lockfile, null, "cannot read " + name + ": " + e.getClass().getSimpleName());
      }
      return Optional.empty();
    }
  }

  static String parent(String dir) {
    if (dir.isEmpty()) {
      return null;
    }
    int slash = dir.lastIndexOf('/');
    return slash < 0 ? "" : dir.substring(0, slash);
  }

  /**
   * A workspace glob: {@code *} within a segment, {@code **} across them; a trailing slash ignored.
   */
  static Pattern glob(String glob) {
    String g = glob.startsWith("./") ? glob.substring(2) : glob;
    g = g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
