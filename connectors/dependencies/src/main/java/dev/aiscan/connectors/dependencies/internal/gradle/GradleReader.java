package dev.aiscan.connectors.dependencies.internal.gradle;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.EcosystemReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gradle projects, never running Gradle: every directory with a {@code build.gradle(.kts)} is a
 * project. Its declarations are the direct dependencies (catalog accessors resolved through the
 * nearest {@code gradle/libs.versions.toml} at or above it); its {@code gradle.lockfile}, when
 * present, is the resolved set: it gives the declared modules their locked version and adds every
 * other locked module as transitive ({@code path} = project, module; located at its lockfile line,
 * since the lockfile does not say which declaration brings it). Packages are Maven artifacts:
 * ecosystem {@code maven}, name {@code groupId:artifactId}.
 */
public final class GradleReader implements EcosystemReader {
  static final String ECOSYSTEM = "maven";
  static final String LOCKFILE = "gradle.lockfile";
  static final String CATALOG = "gradle/libs.versions.toml";
  private static final List<String> BUILD_FILES = List.of("build.gradle.kts", "build.gradle");
  private static final Pattern ROOT_NAME =
      Pattern.compile("rootProject\\.name\\s*=\\s*[\"']([^\"']+)[\"']");

  @Override
  public String ecosystem() {
    return ECOSYSTEM;
  }

  @Override
  public boolean wants(String relative, String name) {
    return BUILD_FILES.contains(name)
        || name.equals(LOCKFILE)
        || name.equals("gradle.properties")
        || name.equals("settings.gradle")
        || name.equals("settings.gradle.kts")
        || relative.equals(CATALOG)
        || relative.endsWith("/" + CATALOG);
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
          if (BUILD_FILES.stream().anyMatch(names::contains)) {
            projects.add(dir);
          }
        });
    Map<String, VersionCatalog> catalogs = new ConcurrentHashMap<>();
    out.forEach(
        projects.iterator(),
        dir -> dir.isEmpty() ? "." : dir,
        dir -> project(root, dir, dirs, catalogs, out));
  }

  /**
   * The {@code gradle.properties} of the project's directory and of every directory above it in the
   * tree, the nearest winning, as Gradle reads them ({@code langchain4jVersion=1.0.0}).
   */
  private static Map<String, String> properties(
      Path root, String dir, Map<String, Set<String>> dirs, DependencyOutput out) {
    Map<String, String> values = new HashMap<>();
    String d = dir;
    while (d != null) {
      if (dirs.getOrDefault(d, Set.of()).contains("gradle.properties")) {
        String file = join(d, "gradle.properties");
        try (Reader in = Files.newBufferedReader(root.resolve(file), StandardCharsets.ISO_8859_1)) {
          Properties p = new Properties();
          p.load(in);
          p.stringPropertyNames().forEach(k -> values.putIfAbsent(k, p.getProperty(k)));
        } catch (IOException | IllegalArgumentException e) {
          out.warn(file, null, "cannot read gradle.properties: " + e.getClass().getSimpleName());
        }
      }
      d = d.isEmpty() ? null : d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : "";
    }
    return values;
  }

  private static void project(
      Path root,
      String dir,
      Map<String, Set<String>> dirs,
      Map<String, VersionCatalog> catalogs,
      DependencyOutput out) {
    Set<String> names = dirs.get(dir);
    String buildName = BUILD_FILES.stream().filter(names::contains).findFirst().orElseThrow();
    String build = join(dir, buildName);
    String label = label(root, dir, dirs);
    String text;
    try {
      text = Files.readString(root.resolve(build), StandardCharsets.UTF_8);
    } catch (IOException e) {
      out.warn(build, null, "cannot read " + buildName + ": " + e.getClass().getSimpleName());
      return;
    }
    VersionCatalog catalog = catalog(root, dir, dirs, catalogs, out);
    Map<String, Dependency> declared = new LinkedHashMap<>();
    for (GradleBuildFile.Declaration d :
        GradleBuildFile.parse(text, properties(root, dir, dirs, out))) {
      String scope = Scopes.of(d.configuration());
      List<VersionCatalog.Library> libraries;
      if (d.accessor() != null) {
        libraries = catalog.resolve(d.accessor());
        if (libraries.isEmpty()) {
          out.warn(
              build, d.line(), "libs." + d.accessor() + " is not in the version catalog; skipped");
        }
      } else {
        libraries = List.of(new VersionCatalog.Library(d.group(), d.artifact(), d.version()));
      }
      for (VersionCatalog.Library lib : libraries) {
        String name = lib.group() + ":" + lib.artifact();
        Dependency before = declared.get(name);
        if (before == null || Scopes.rank(scope) < Scopes.rank(before.scope())) {
          declared.put(
              name,
              new Dependency(
                  ECOSYSTEM,
                  name,
                  lib.version(),
                  scope,
                  true,
                  List.of(label, coordinate(name, lib.version())),
                  build,
                  d.line()));
        }
      }
    }
    Map<String, GradleLockfile.Locked> locked =
        names.contains(LOCKFILE)
            ? GradleLockfile.read(root.resolve(join(dir, LOCKFILE)), join(dir, LOCKFILE), out)
            : Map.of();
    for (Dependency d : declared.values()) {
      GradleLockfile.Locked lock = locked.get(d.name());
      out.emit(
          lock == null
              ? d
              : new Dependency(
                  ECOSYSTEM,
                  d.name(),
                  lock.version(),
                  d.scope(),
                  true,
                  List.of(label, coordinate(d.name(), lock.version())),
                  d.manifest(),
                  d.line()));
    }
    for (GradleLockfile.Locked lock : locked.values()) {
      if (!declared.containsKey(lock.name())) {
        out.emit(
            new Dependency(
                ECOSYSTEM,
                lock.name(),
                lock.version(),
                lock.scope(),
                false,
                List.of(label, coordinate(lock.name(), lock.version())),
                join(dir, LOCKFILE),
                lock.line()));
      }
    }
  }

  private static VersionCatalog catalog(
      Path root,
      String dir,
      Map<String, Set<String>> dirs,
      Map<String, VersionCatalog> catalogs,
      DependencyOutput out) {
    for (String at = dir; at != null; at = parent(at)) {
      if (dirs.getOrDefault(join(at, "gradle"), Set.of()).contains("libs.versions.toml")) {
        String file = join(at, CATALOG);
        return catalogs.computeIfAbsent(
            file,
            f -> {
              try {
                return VersionCatalog.read(root.resolve(f));
              } catch (JsonProcessingException e) {
                out.warn(
                    f,
                    e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    "libs.versions.toml is not valid TOML; catalog accessors unresolved");
              } catch (IOException e) {
                out.warn(
                    f, null, "cannot read libs.versions.toml: " + e.getClass().getSimpleName());
              }
              return VersionCatalog.EMPTY;
            });
      }
    }
    return VersionCatalog.EMPTY;
  }

  /**
   * The root project by its settings' {@code rootProject.name} or directory name; others by Gradle
   * path {@code :a:b}.
   */
  private static String label(Path root, String dir, Map<String, Set<String>> dirs) {
    String top = null;
    for (String at = dir; at != null && top == null; at = parent(at)) {
      Set<String> names = dirs.getOrDefault(at, Set.of());
      top = names.contains("settings.gradle") || names.contains("settings.gradle.kts") ? at : null;
    }
    if (top == null || top.equals(dir)) {
      String name =
          dir.isEmpty()
              ? String.valueOf(root.getFileName())
              : dir.substring(dir.lastIndexOf('/') + 1);
      if (top != null) {
        for (String settings : List.of("settings.gradle.kts", "settings.gradle")) {
          Path file = root.resolve(join(dir, settings));
          try {
            if (Files.isRegularFile(file)) {
              Matcher m = ROOT_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
              if (m.find()) {
                return m.group(1);
              }
            }
          } catch (IOException e) {
            // the directory name will do
          }
        }
      }
      return name;
    }
    String relative = top.isEmpty() ? dir : dir.substring(top.length() + 1);
    return ":" + relative.replace('/', ':');
  }

  static String coordinate(String name, String version) {
    return version == null ? name : name + ":" + version;
  }

  static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  static String parent(String dir) {
    if (dir.isEmpty()) {
      return null;
    }
    int slash = dir.lastIndexOf('/');
    return slash < 0 ? "" : dir.substring(0, slash);
  }
}
