package dev.aiscan.connectors.dependencies.internal.python;

import dev.aiscan.connectors.dependencies.internal.DependencyOutput;
import dev.aiscan.connectors.dependencies.internal.LockGraph.Direct;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pip requirements file and its {@code -r} includes; {@code -c} constraints declare
 * nothing.
 */
final class Requirements {
  private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
  private static final Pattern EGG = Pattern.compile("#egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
  private static final Pattern OPTIONS = Pattern.compile("\\s+--?[A-Za-z].*$");

  private final Path root;
  private final DependencyOutput out;

  Requirements(Path root, DependencyOutput out) {
    this.root = root;
    this.out = out;
  }

  /** Declarations of {@code relative} and what it includes, in order. */
  void read(String relative, List<Direct> into) {
    read(relative, new ArrayDeque<>(), into, null, null);
  }

  private void read(
      String relative, Deque<String> stack, List<Direct> into, String from, Integer fromLine) {
    if (stack.contains(relative)) {
      out.warn(from, fromLine, "requirements include cycle back to " + relative);
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(root.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      if (from == null) {
        out.warn(
            relative, null, "cannot read the requirements file: " + e.getClass().getSimpleName());
      } else {
        out.warn(from, fromLine, "requirements include not found: " + relative);
      }
      return;
    }
    stack.push(relative);
    StringBuilder logical = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String physical = lines.get(i);
      if (logical.isEmpty()) {
        start = i + 1;
      }
      String stripped = COMMENT.matcher(physical).replaceFirst("");
      if (stripped.endsWith("\\")) {
        logical.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      logical.append(stripped);
      line(relative, start, logical.toString().strip(), stack, into);
      logical.setLength(0);
    }
    if (!logical.isEmpty()) {
      line(relative, start, logical.toString().strip(), stack, into);
    }
    stack.pop();
  }

  private void line(
      String relative, int number, String text, Deque<String> stack, List<Direct> into) {
    if (text.isEmpty()) {
      return;
    }
    if (text.startsWith("-")) {
      String[] parts = text.split("[\\s=]+", 2);
      String option = parts[0];
      String value = parts.length > 1 ? parts[1].strip() : "";
      if (option.startsWith("-r") && !option.equals("-r") && option.length() > 2) {
        value = option.substring(2);
        option = "-r";
      }
      switch (option) {
        case "-r", "--requirement" -> include(relative, number, value, stack, into);
        case "-e", "--editable" -> url(relative, number, value, into);
        default -> {} // -c constraints, index options, --hash on its own line: no declaration
      }
      return;
    }
    String requirement = OPTIONS.matcher(text).replaceFirst("").strip();
    if (!requirement.matches("^[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*@.*")
        && looksLikeUrl(requirement)) {
      url(relative, number, requirement, into);
      return;
    }
    Pep508 parsed = Pep508.parse(requirement);
    if (parsed == null) {
      out.warn(relative, number, "cannot read the requirement on this line");
      return;
    }
    into.add(
        new Direct(
            parsed.name(), Pep508.normalize(parsed.name()), parsed.spec(), null, relative, number));
  }

  private static boolean looksLikeUrl(String s) {
    return s.contains("://") || s.startsWith(".") || s.startsWith("/") || s.matches("^[a-z]+\\+.*");
  }

  private void url(String relative, int number, String url, List<Direct> into) {
    Matcher egg = EGG.matcher(url);
    if (egg.find()) {
      String name = egg.group(1);
      into.add(new Direct(name, Pep508.normalize(name), null, null, relative, number));
    } else if (!looksLikeUrl(url)) {
      Pep508 parsed = Pep508.parse(url);
      if (parsed != null) {
        into.add(
            new Direct(
                parsed.name(),
                Pep508.normalize(parsed.name()),
                parsed.spec(),
                null,
                relative,
                number));
      }
    }
    // a local path or URL without #egg= names no distribution we can report
  }

  private void include(
      String relative, int number, String target, Deque<String> stack, List<Direct> into) {
    if (target.isEmpty()) {
      out.warn(relative, number, "requirements include without a file");
      return;
    }
    Path parent = Path.of(relative).getParent();
    Path resolved = (parent == null ? Path.of(target) : parent.resolve(target)).normalize();
    String included = resolved.toString().replace('\\', '/');
    if (resolved.isAbsolute() || included.startsWith("..")) {
      out.warn(relative, number, "requirements include outside the target is not read");
      return;
    }
    read(included, stack, into, relative, number);
  }
}
