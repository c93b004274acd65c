package dev.aiscan.register.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CODEOWNERS file with GitHub's semantics: the first of {@code .github/CODEOWNERS}, {@code
 * CODEOWNERS} and {@code docs/CODEOWNERS} that exists; for a file, the last matching line wins.
 * Patterns follow gitignore: {@code *} within a path segment, {@code **} across segments, a leading
 * or inner {@code /} anchors at the root, a trailing {@code /} means everything under a directory,
 * and a pattern without a slash matches at any depth.
 *
 * @param file the CODEOWNERS file, relative to the root with {@code /} separators
 * @param rules its lines with a pattern, in file order
 */
record CodeOwners(String file, List<Rule> rules) {

  /** Where GitHub looks, in order. */
  static final List<String> LOCATIONS =
      List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

  /** Files larger than this are not CODEOWNERS files GitHub would read (it stops at 3 MB). */
  private static final long MAX_BYTES = 3L * 1024 * 1024;

  /**
   * One line.
   *
   * @param line 1-based line number
   * @param text the pattern and its owners, without comment
   * @param pattern the pattern as a regex over paths relative to the root
   * @param owners its owners; empty when the line says the files have none
   */
  record Rule(int line, String text, Pattern pattern, List<String> owners) {}

  /** The CODEOWNERS file of a tree, or null when it has none or it cannot be read. */
  static CodeOwners find(Path root) {
    for (String location : LOCATIONS) {
      Path p = root.resolve(location);
      try {
        if (Files.isRegularFile(p) && Files.size(p) <= MAX_BYTES) {
          return parse(location, Files.readString(p, StandardCharsets.UTF_8));
        }
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  static CodeOwners parse(String file, String text) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> tokens = new ArrayList<>();
      for (String token : line.split("\\s+")) {
        if (!tokens.isEmpty() && token.startsWith("#")) {
          break; // a comment to the end of the line
        }
        tokens.add(token);
      }
      String pattern = tokens.get(0);
      if (pattern.startsWith("!") || pattern.contains("[")) {
        continue; // negation and character ranges: GitHub ignores such lines
      }
      List<String> owners = List.copyOf(tokens.subList(1, tokens.size()));
      rules.add(new Rule(i + 1, String.join(" ", tokens), compile(pattern), owners));
    }
    return new CodeOwners(file, List.copyOf(rules));
  }

  /** The rule that decides who owns a file (the last that matches), or null. */
  Rule ruleFor(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    p = p.startsWith("/") ? p.substring(1) : p;
    for (int i = rules.size() - 1; i >= 0; i--) {
      if (rules.get(i).pattern().matcher(p).matches()) {
        return rules.get(i);
      }
    }
    return null;
  }

  /** A gitignore-style pattern as a regex over relative paths. */
  static Pattern compile(String pattern) {
    String p = pattern.replace("\\#", "#");
    boolean directoryOnly = p.endsWith("/");
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    boolean anchored = p.startsWith("/") || p.contains("/");
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.isEmpty() || p.equals("/")) {
      return Pattern.compile(".*"); // "/" alone: the whole tree
    }
    StringBuilder re = new StringBuilder(anchored || p.startsWith("**/") ? "" : "(?:.*/)?");
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (p.startsWith("**/", i) && (i == 0 || p.charAt(i - 1) == '/')) {
        re.append("(?:.*/)?");
        i += 3;
      } else if (p.startsWith("**", i)
          && i + 2 == p.length()
          && (i == 0 || p.charAt(i - 1) == '/')) {
        re.append(".*");
        i += 2;
      } else if (c == '*') {
        re.append("[^/]*");
        i++;
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    String last = p.substring(p.lastIndexOf('/') + 1);
    if (directoryOnly) {
      re.append("/.*");
    } else if (!last.contains("*") && !last.contains("?")) {
      re.append("(?:/.*)?"); // a file, or a directory and everything under it
    }
    return Pattern.compile(re.toString());
  }
}
