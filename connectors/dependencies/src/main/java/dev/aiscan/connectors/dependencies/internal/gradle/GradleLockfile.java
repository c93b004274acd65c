package dev.aiscan.connectors.dependencies.internal.gradle;

import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code gradle.lockfile}: one {@code group:artifact:version=configuration,…} line per resolved
 * module.
 */
final class GradleLockfile {

  record Locked(String name, String version, String scope, int line) {}

  private GradleLockfile() {}

  /**
   * The locked modules by {@code group:artifact}; a bad line is a warning naming its line, and is
   * skipped.
   */
  static Map<String, Locked> read(Path file, String relative, DependencyOutput out) {
    Map<String, Locked> locked = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#") || text.startsWith("empty=")) {
          continue;
        }
        int eq = text.indexOf('=');
        String[] gav = (eq < 0 ? text : text.substring(0, eq)).split(":");
        if (eq < 0 || gav.length != 3 || gav[0].isEmpty() || gav[1].isEmpty() || gav[2].isEmpty()) {
          out.warn(
              relative,
              number,
              "gradle.lockfile: a line is not group:artifact:version=configurations; skipped");
          continue;
        }
        String name = gav[0] + ":" + gav[1];
        locked.putIfAbsent(
            name, new Locked(name, gav[2], Scopes.ofLocked(text.substring(eq + 1)), number));
      }
    } catch (IOException e) {
      out.warn(relative, null, "cannot read gradle.lockfile: " + e.getClass().getSimpleName());
    }
    return locked;
  }
}
