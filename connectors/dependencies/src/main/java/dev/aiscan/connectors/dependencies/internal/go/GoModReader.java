package dev.aiscan.connectors.dependencies.internal.go;

import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.EcosystemReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go modules: {@code go.mod}'s {@code require} list (a {@code // indirect} one is not direct) with
 * its {@code replace} directives applied to versions; {@code go.sum} confirms the versions. Path
 * elements are {@code module@version}.
 */
public final class GoModReader implements EcosystemReader {
  static final String ECOSYSTEM = "go";

  @Override
  public String ecosystem() {
    return ECOSYSTEM;
  }

  @Override
  public boolean wants(String relative, String name) {
    return name.equals("go.mod") || name.equals("go.sum");
  }

  @Override
  public void read(
      Path root, List<String> files, DependencySettings settings, DependencyOutput out) {
    Set<String> all = new HashSet<>(files);
    List<String> mods = files.stream().filter(f -> f.endsWith("go.mod")).toList();
    out.forEach(
        mods.iterator(),
        f -> f,
        mod -> {
          String sum = mod.substring(0, mod.length() - "go.mod".length()) + "go.sum";
          readModule(root, mod, all.contains(sum) ? sum : null, out);
        });
  }

  private record Require(String module, String version, boolean indirect, int line) {}

  private static void readModule(Path root, String mod, String sum, DependencyOutput out) {
    List<String> lines;
    try {
      lines = Files.readAllLines(root.resolve(mod), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      out.warn(mod, null, "cannot read go.mod: " + e.getClass().getSimpleName());
      return;
    }
    String module = null;
    List<Require> requires = new ArrayList<>();
    Map<String, String> replaced = new HashMap<>();
    Map<String, String> replacedAll = new HashMap<>();
    String block = null;
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      int comment = raw.indexOf("//");
      boolean indirect = comment >= 0 && raw.substring(comment + 2).strip().startsWith("indirect");
      String t = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
      if (t.isEmpty()) {
        continue;
      }
      if (block != null) {
        if (t.equals(")")) {
          block = null;
          continue;
        }
        directive(block, t, indirect, i + 1, mod, requires, replaced, replacedAll, out);
        continue;
      }
      String[] parts = t.split("\\s+", 2);
      String verb = parts[0];
      String rest = parts.length > 1 ? parts[1].strip() : "";
      if (verb.equals("module")) {
        module = unquote(rest);
      } else if (rest.equals("(")) {
        block = verb;
      } else {
        directive(verb, rest, indirect, i + 1, mod, requires, replaced, replacedAll, out);
      }
    }
    if (module == null) {
      out.warn(mod, null, "go.mod without a module directive");
      module = mod;
    }
    Set<String> sums = sum == null ? null : sums(root, sum, out);
    for (Require r : requires) {
      String version =
          replaced.getOrDefault(
              r.module() + " " + r.version(), replacedAll.getOrDefault(r.module(), r.version()));
      if (sums != null && !sums.contains(r.module() + " " + version)) {
        out.warn(mod, r.line(), "go.sum has no entry for " + r.module() + " " + version);
      }
      out.emit(
          new Dependency(
              ECOSYSTEM,
              r.module(),
              version,
              null,
              !r.indirect(),
              List.of(module, r.module() + "@" + version),
              mod,
              r.line()));
    }
  }

  private static void directive(
      String verb,
      String text,
      boolean indirect,
      int line,
      String mod,
      List<Require> requires,
      Map<String, String> replaced,
      Map<String, String> replacedAll,
      DependencyOutput out) {
    if (verb.equals("require")) {
      String[] parts = text.split("\\s+");
      if (parts.length != 2) {
        out.warn(mod, line, "cannot read the require on this line");
        return;
      }
      requires.add(new Require(unquote(parts[0]), parts[1], indirect, line));
    } else if (verb.equals("replace")) {
      String[] sides = text.split("\\s*=>\\s*");
      if (sides.length != 2) {
        out.warn(mod, line, "cannot read the replace on this line");
        return;
      }
      String[] from = sides[0].strip().split("\\s+");
      String[] to = sides[1].strip().split("\\s+");
      // only a replacement by a version of a module changes the version; a local directory keeps it
      if (to.length != 2 || !unquote(to[0]).equals(unquote(from[0]))) {
        return;
      }
      if (from.length == 2) {
        replaced.put(unquote(from[0]) + " " + from[1], to[1]);
      } else {
        replacedAll.put(unquote(from[0]), to[1]);
      }
    }
  }

  /** {@code module version} pairs present in go.sum (a module's go.mod-only hash counts). */
  private static Set<String> sums(Path root, String sum, DependencyOutput out) {
    Set<String> present = new HashSet<>();
    try {
      for (String line : Files.readAllLines(root.resolve(sum), StandardCharsets.UTF_8)) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length >= 2) {
          present.add(parts[0] + " " + parts[1].replace("/go.mod", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      out.warn(sum, null, "cannot read go.sum: " + e.getClass().getSimpleName());
      return null;
    }
    return present;
  }

  private static String unquote(String s) {
    String t = s.strip();
    return t.length() >= 2
            && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("`") && t.endsWith("`"))
        ? t.substring(1, t.length() - 1)
        : t;
  }
}
