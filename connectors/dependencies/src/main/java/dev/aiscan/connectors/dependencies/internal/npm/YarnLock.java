package dev.aiscan.connectors.dependencies.internal.npm;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * yarn.lock, classic (v1, {@code key "value"}) and Berry (v2+, YAML {@code key: value}). One pass
 * over the lines: an entry per unindented key, its fields indented by two, its dependencies by
 * four. Node ids are the entry's first descriptor ({@code name@range}, Berry {@code
 * name@npm:range}); {@code peerDependencies} are metadata and never edges.
 */
final class YarnLock extends LockGraph {
  private final Map<String, String> byDescriptor = new HashMap<>();
  private final Map<String, String> byName = new HashMap<>();

  static YarnLock read(Path file) throws IOException {
    YarnLock lock = new YarnLock();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      String id = null;
      String name = null;
      String version = null;
      Map<String, String> deps = null;
      String section = null;
      while ((line = in.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
          indent++;
        }
        if (indent == 0) {
          lock.put(id, name, version, deps);
          id = null;
          section = null;
          version = null;
          deps = new LinkedHashMap<>();
          if (!trimmed.endsWith(":")) {
            throw new LockfileException(number, "an entry key does not end with ':'");
          }
          String keys = trimmed.substring(0, trimmed.length() - 1);
          if (unquote(keys).equals("__metadata")) {
            continue;
          }
          for (String descriptor : keys.split(",")) {
            String d = unquote(descriptor.strip());
            if (d.isEmpty()) {
              continue;
            }
            if (id == null) {
              id = d;
              name = nameOf(d);
            }
            lock.byDescriptor.putIfAbsent(d, id);
          }
        } else if (id == null) {
          continue;
        } else if (indent <= 3) {
          String[] kv = keyValue(trimmed, number);
          section = kv[1] == null ? kv[0] : null;
          if (kv[0].equals("version") && kv[1] != null) {
            version = kv[1];
          }
        } else if (section != null
            && (section.equals("dependencies") || section.equals("optionalDependencies"))) {
          String[] kv = keyValue(trimmed, number);
          if (kv[1] != null) {
            deps.put(kv[0], kv[1]);
          }
        }
      }
      lock.put(id, name, version, deps);
    }
    return lock;
  }

  private void put(String id, String name, String version, Map<String, String> deps) {
    if (id != null) {
      nodes.put(id, new Node(name, version, deps));
      byName.putIfAbsent(name, id);
    }
  }

  /**
   * {@code key value}, {@code key: value} or {@code key:} (value null), either part maybe quoted.
   */
  private static String[] keyValue(String text, int line) {
    String key;
    int end;
    if (text.startsWith("\"")) {
      end = text.indexOf('"', 1);
      if (end < 0) {
        throw new LockfileException(line, "an unterminated quoted key");
      }
      key = text.substring(1, end);
      end++;
    } else {
      end = 0;
      while (end < text.length()
          && text.charAt(end) != ' '
          && !(text.charAt(end) == ':'
              && (end + 1 == text.length() || text.charAt(end + 1) == ' '))) {
        end++;
      }
      key = text.substring(0, end);
    }
    String rest = text.substring(end);
    if (rest.startsWith(":")) {
      rest = rest.substring(1);
    }
    rest = rest.strip();
    return new String[] {key, rest.isEmpty() ? null : unquote(rest)};
  }

  private static String unquote(String s) {
    String t = s;
    if (t.startsWith("\"") || t.startsWith("'")) {
      t = t.substring(1);
    }
    if (t.endsWith("\"") || t.endsWith("'")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  @Override
  String direct(String importer, String name, String range) {
    return lookup(name, range);
  }

  @Override
  String child(String from, String name, String range) {
    return lookup(name, range);
  }

  private String lookup(String name, String range) {
    String id = byDescriptor.get(name + "@" + range);
    if (id == null) {
      id = byDescriptor.get(name + "@npm:" + range);
    }
    if (id == null && range.startsWith("npm:")) {
      // an alias "npm:real@range"
      String real = range.substring(4);
      id =
          byDescriptor.get(
              real.indexOf('@', 1) < 0
                  ? real
                  : nameOf(real) + "@npm:" + real.substring(nameOf(real).length() + 1));
    }
    return id != null ? id : byName.get(name);
  }
}
