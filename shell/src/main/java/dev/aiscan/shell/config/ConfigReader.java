package dev.aiscan.shell.config;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.shell.config.YamlDocument.Entry;
import dev.aiscan.shell.config.YamlDocument.Kind;
import dev.aiscan.shell.config.YamlDocument.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values out of the composed file, collecting every problem as {@code FILE:LINE:
 * message} rather than stopping at the first. Each value is expanded ({@code ${NAME}}) before it is
 * checked; messages quote values as the file writes them, so a variable's value never shows.
 *
 * <p>A value that is null, or empty once expanded, is "not said": the reading methods return null.
 */
final class ConfigReader {
  private record Problem(int line, String message) {}

  private static final long MAX_SECRET_BYTES = 64 << 10;

  /** What a path must be on disk when the file is loaded. */
  enum Expect {
    ANYTHING,
    EXISTING,
    DIRECTORY,
    FILE
  }

  private final String file;
  private final Map<String, String> env;
  private final Path baseDir;
  private final String userHome;
  private final List<Problem> problems = new ArrayList<>();

  ConfigReader(String file, Map<String, String> env, Path baseDir, String userHome) {
    this.file = file;
    this.env = env;
    this.baseDir = baseDir;
    this.userHome = userHome;
  }

  void problem(int line, String message) {
    problems.add(new Problem(Math.max(1, line), message));
  }

  /** Every problem, by line; those of one line in the order found. */
  List<String> problems() {
    return problems.stream()
        .sorted(Comparator.comparingInt(Problem::line))
        .map(p -> file + ":" + p.line() + ": " + p.message())
        .toList();
  }

  Map<String, String> env() {
    return env;
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * The entries of a mapping by key, in file order. Unknown keys (with a suggestion) and repeated
   * keys are problems; a null node is an empty mapping; anything else is a problem and yields an
   * empty map.
   */
  Map<String, Entry> fields(Node node, int line, String path, List<String> known) {
    Map<String, Entry> fields = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return fields;
    }
    if (node.kind() != Kind.MAP) {
      problem(
          line,
          (path.isEmpty() ? "the file" : path)
              + ": expected a mapping of "
              + String.join(", ", known)
              + ", not "
              + node.describe());
      return fields;
    }
    for (Entry e : node.entries()) {
      String where = path.isEmpty() ? "" : " in " + path;
      if (e.name() == null) {
        problem(e.line(), "a key" + where + " must be a plain name");
      } else if (e.name().equals("<<")) {
        problem(e.line(), "merge keys (<<) are not supported" + where + "; repeat the keys");
      } else if (!known.contains(e.name())) {
        String suggestion = Suggestions.closest(e.name(), known);
        problem(
            e.line(),
            "unknown key '"
                + Suggestions.shorten(e.name())
                + "'"
                + where
                + (suggestion != null
                    ? "; did you mean '" + suggestion + "'?"
                    : "; expected one of: " + String.join(", ", known)));
      } else if (fields.containsKey(e.name())) {
        problem(
            e.line(),
            "duplicate key '"
                + e.name()
                + "'"
                + where
                + " (first at line "
                + fields.get(e.name()).line()
                + ")");
      } else {
        fields.put(e.name(), e);
      }
    }
    return fields;
  }

  /** The expanded text of a scalar; null when not said, or (after a problem) not a scalar. */
  String text(Entry e, String path, String expected) {
    if (e == null) {
      return null;
    }
    return scalar(e.value(), e.line(), path, expected);
  }

  private String scalar(Node node, int line, String path, String expected) {
    if (node.kind() != Kind.SCALAR) {
      problem(line, path + ": expected " + expected + ", not " + node.describe());
      return null;
    }
    if (node.text() == null) {
      return null;
    }
    int before = problems.size();
    String value =
        EnvReferences.expand(
                node.text(), env, message -> problem(node.line(), path + ": " + message))
            .strip();
    // a value with a broken reference is not checked further: one problem is enough
    return value.isEmpty() || problems.size() > before ? null : value;
  }

  /** The text as the file writes it, short enough for a message. */
  static String shown(Entry e) {
    return e.value().text() == null ? "" : Suggestions.shorten(e.value().text());
  }

  Boolean bool(Entry e, String path) {
    String v = text(e, path, "true or false");
    if (v == null) {
      return null;
    }
    // YAML 1.1's yes/no/on/off are refused: a Norwegian "no" should not turn a check off
    switch (v) {
      case "true", "True", "TRUE" -> {
        return true;
      }
      case "false", "False", "FALSE" -> {
        return false;
      }
      default -> {
        problem(e.line(), path + ": expected true or false, not '" + shown(e) + "'");
        return null;
      }
    }
  }

  Integer integer(Entry e, String path, int min, int max) {
    String v = text(e, path, "a whole number");
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException ex) {
      // reported below
    }
    problem(
        e.line(),
        path
            + ": expected a whole number from "
            + min
            + " to "
            + (max == Integer.MAX_VALUE ? "2147483647" : max)
            + ", not '"
            + shown(e)
            + "'");
    return null;
  }

  /** A size as the connectors read it ({@code 512k}, {@code 5m}, {@code 1g}, bytes), as written. */
  String size(Entry e, String path) {
    String v = text(e, path, "a size");
    if (v == null) {
      return null;
    }
    try {
      Settings.of(Map.of("size", v)).bytes("size", 0);
      return v;
    } catch (ScanException ex) {
      problem(e.line(), path + ": expected a size such as 512k, 5m or 1g, not '" + shown(e) + "'");
      return null;
    }
  }

  String oneOf(Entry e, String path, List<String> allowed) {
    String v = text(e, path, "one of " + String.join(", ", allowed));
    if (v == null) {
      return null;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (allowed.contains(lower)) {
      return lower;
    }
    problem(
        e.line(),
        path + ": expected one of " + String.join(", ", allowed) + ", not '" + shown(e) + "'");
    return null;
  }

  /**
   * A list written as a YAML list or as one value; with {@code commas}, one value may also hold
   * several separated by commas (so that one variable can carry a list). Null when not said.
   */
  List<String> list(Entry e, String path, String noun, boolean commas) {
    if (e == null || e.value().isNull()) {
      return null;
    }
    Node node = e.value();
    List<String> values = new ArrayList<>();
    if (node.kind() == Kind.MAP) {
      problem(e.line(), path + ": expected a list of " + noun);
      return null;
    }
    List<Node> items = node.kind() == Kind.SEQ ? node.items() : List.of(node);
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String itemPath = node.kind() == Kind.SEQ ? path + "[" + i + "]" : path;
      String v = scalar(item, item.line(), itemPath, "one of the " + noun);
      if (v == null) {
        continue;
      }
      if (commas) {
        Arrays.stream(v.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .forEach(values::add);
      } else {
        values.add(v);
      }
    }
    return values;
  }

  /** Lines of a list's items, for problems about one item. */
  static int itemLine(Entry e, int index) {
    Node node = e.value();
    return node.kind() == Kind.SEQ && index < node.items().size()
        ? node.items().get(index).line()
        : e.line();
  }

  /** A path: {@code ~} is the user's home, a relative path is relative to the file's directory. */
  String path(Entry e, String path, Expect expect) {
    String v = text(e, path, "a path");
    return v == null ? null : resolve(v, e.line(), path, expect);
  }

  List<String> paths(Entry e, String path, String noun, Expect expect) {
    List<String> raw = list(e, path, noun, false);
    if (raw == null) {
      return null;
    }
    List<String> resolved = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String p = resolve(raw.get(i), itemLine(e, i), path, expect);
      if (p != null) {
        resolved.add(p);
      }
    }
    return resolved;
  }

  String resolve(String value, int line, String path, Expect expect) {
    Path p;
    try {
      if (value.equals("~") || value.startsWith("~/")) {
        p = Path.of(userHome).resolve(value.substring(Math.min(2, value.length())));
      } else {
        p = baseDir.resolve(value);
      }
    } catch (InvalidPathException ex) {
      problem(line, path + ": '" + Suggestions.shorten(value) + "' is not a valid path");
      return null;
    }
    p = p.normalize();
    String missing =
        switch (expect) {
          case ANYTHING -> null;
          case EXISTING -> Files.exists(p) ? null : "no such file or directory";
          case DIRECTORY -> Files.isDirectory(p) ? null : "no such directory";
          case FILE -> Files.isRegularFile(p) ? null : "no such file";
        };
    if (missing != null) {
      problem(line, path + ": " + p + ": " + missing);
    }
    return p.toString();
  }

  /**
   * A secret: {@code key} must be one {@code ${VARIABLE}} reference (the value never lives in the
   * file), or with {@code fileAllowed} {@code key-file} names a file holding it. Null when neither
   * is said (or the variable is set empty).
   */
  String secret(Map<String, Entry> fields, String key, String path, int line, boolean fileAllowed) {
    Entry value = fields.get(key);
    Entry file = fileAllowed ? fields.get(key + "-file") : null;
    String keyPath = child(path, key);
    if (value != null && file != null && !value.value().isNull() && !file.value().isNull()) {
      problem(value.line(), path + ": give " + key + " or " + key + "-file, not both");
      return null;
    }
    if (file != null && !file.value().isNull()) {
      return readSecretFile(file, child(path, key + "-file"));
    }
    if (value == null
        || value.value().isNull()
        || value.value().kind() == Kind.SCALAR && value.value().text().isBlank()) {
      return null;
    }
    String hint = fileAllowed ? "write ${VARIABLE} or " + key + "-file: FILE" : "write ${VARIABLE}";
    EnvReferences.Whole ref =
        value.value().kind() == Kind.SCALAR ? EnvReferences.whole(value.value().text()) : null;
    // a default would be a secret written in the file; an empty one only makes the secret optional
    if (ref == null || (ref.fallback() != null && !ref.fallback().isEmpty())) {
      problem(
          value.line(),
          keyPath
              + ": "
              + hint
              + "; a secret written in the file is readable by anyone who can read the file");
      return null;
    }
    return text(value, keyPath, "${VARIABLE}");
  }

  private String readSecretFile(Entry file, String path) {
    String resolved = path(file, path, Expect.ANYTHING);
    return resolved == null ? null : readSecret(resolved, file.line(), path);
  }

  /** The stripped content of a file holding a secret; null after a problem. */
  String readSecret(String resolved, int line, String path) {
    try {
      Path secretFile = Path.of(resolved);
      // a device or a huge file would hang or exhaust the load; a token is a few hundred bytes
      if (Files.exists(secretFile) && !Files.isRegularFile(secretFile)
          || Files.isRegularFile(secretFile) && Files.size(secretFile) > MAX_SECRET_BYTES) {
        problem(line, path + ": " + resolved + " is not a file of at most 64 KiB");
        return null;
      }
      String secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        problem(line, path + ": " + resolved + " is empty");
        return null;
      }
      return secret;
    } catch (IOException | RuntimeException ex) {
      problem(
          line,
          path + ": " + resolved + ": cannot read it (" + ex.getClass().getSimpleName() + ")");
      return null;
    }
  }
}
