package dev.aiscan.connectors.source.internal.config;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.FactType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dockerfiles and Containerfiles: {@code FROM} images as {@code container-image} (not {@code
 * scratch} nor earlier stages), {@code ENV} and {@code ARG} names as {@code env-var} with their
 * values as keyed {@code string-literal}s. Handles continuation lines, the {@code escape} parser
 * directive and BuildKit heredocs (whose bodies are skipped).
 */
public final class DockerfileExtractor implements Extractor {
  private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([A-Za-z]+)\\s*=\\s*(\\S+)\\s*");
  private static final Pattern HEREDOC =
      Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
  private static final String ORIGIN = "dockerfile";

  @Override
  public String language() {
    return "dockerfile";
  }

  @Override
  public boolean accepts(SourceFile file) {
    String name = file.name().toLowerCase(Locale.ROOT);
    return name.equals("dockerfile")
        || name.equals("containerfile")
        || name.startsWith("dockerfile.")
        || name.startsWith("containerfile.")
        || file.extension().equals("dockerfile");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    String[] lines = ConfigFacts.lines(file.text());
    char escape = '\\';
    int i = 0;
    for (; i < lines.length; i++) {
      Matcher d = DIRECTIVE.matcher(lines[i].strip());
      if (!d.matches()) {
        break;
      }
      if (d.group(1).equalsIgnoreCase("escape") && d.group(2).length() == 1) {
        escape = d.group(2).charAt(0);
      }
    }
    Set<String> stages = new HashSet<>();
    for (; i < lines.length; i++) {
      String first = lines[i].strip();
      if (first.isEmpty() || first.charAt(0) == '#') {
        continue;
      }
      int line = i + 1;
      StringBuilder logical = new StringBuilder();
      String current = lines[i].stripTrailing();
      while (!current.isEmpty()
          && current.charAt(current.length() - 1) == escape
          && i + 1 < lines.length) {
        logical.append(current, 0, current.length() - 1);
        i++;
        // Comment lines inside a continued instruction are dropped, as Docker does.
        while (i + 1 < lines.length && lines[i].strip().startsWith("#")) {
          i++;
        }
        current = lines[i].strip().startsWith("#") ? "" : lines[i].stripTrailing();
      }
      logical.append(current);
      String instruction = logical.toString().strip();
      i = skipHeredocs(instruction, lines, i);
      instruction(instruction, line, escape, stages, out);
    }
  }

  private static void instruction(
      String text, int line, char escape, Set<String> stages, FactWriter out) {
    int space = 0;
    while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
      space++;
    }
    String keyword = text.substring(0, space).toUpperCase(Locale.ROOT);
    String args = text.substring(space).strip();
    switch (keyword) {
      case "FROM" -> from(args, line, stages, out);
      case "ENV" -> env(words(args, escape), args, line, out);
      case "ARG" -> {
        for (String word : words(args, escape)) {
          int eq = word.indexOf('=');
          emitVariable(
              eq < 0 ? word : word.substring(0, eq),
              eq < 0 ? "" : word.substring(eq + 1),
              line,
              out);
        }
      }
      default -> {
        // Other instructions carry no facts this extractor reports.
      }
    }
  }

  private static void from(String args, int line, Set<String> stages, FactWriter out) {
    String[] tokens = args.split("\\s+");
    int k = 0;
    while (k < tokens.length && tokens[k].startsWith("--")) {
      k++;
    }
    if (k >= tokens.length || tokens[k].isEmpty()) {
      return;
    }
    String image = tokens[k];
    String lower = image.toLowerCase(Locale.ROOT);
    if (!lower.equals("scratch") && !stages.contains(lower)) {
      out.emit(FactType.CONTAINER_IMAGE, image, line, ConfigFacts.origin(ORIGIN));
    }
    if (k + 2 < tokens.length && tokens[k + 1].equalsIgnoreCase("as")) {
      stages.add(tokens[k + 2].toLowerCase(Locale.ROOT));
    }
  }

  private static void env(List<String> words, String raw, int line, FactWriter out) {
    if (words.isEmpty()) {
      return;
    }
    if (words.get(0).indexOf('=') > 0) {
      for (String word : words) {
        int eq = word.indexOf('=');
        if (eq > 0) {
          emitVariable(word.substring(0, eq), word.substring(eq + 1), line, out);
        }
      }
    } else {
      // Legacy form "ENV KEY value with spaces": one variable, the rest of the line its value.
      emitVariable(words.get(0), String.join(" ", words.subList(1, words.size())), line, out);
    }
  }

  private static void emitVariable(String name, String value, int line, FactWriter out) {
    if (name.isEmpty()) {
      return;
    }
    ConfigFacts.envVar(out, name, line, ORIGIN);
    ConfigFacts.literal(out, value, line, name);
  }

  /** Splits arguments into shell-like words: quotes removed, escapes applied. */
  static List<String> words(String s, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == escape && quote == '"' && i + 1 < s.length()) {
          w.append(s.charAt(++i));
        } else {
          w.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == escape && i + 1 < s.length()) {
          w.append(s.charAt(++i));
        } else {
          w.append(c);
        }
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  /**
   * Skips the bodies of heredocs opened by an instruction; returns the index of the last line used.
   */
  private static int skipHeredocs(String instruction, String[] lines, int last) {
    if (instruction.indexOf("<<") < 0) {
      return last;
    }
    Matcher m = HEREDOC.matcher(instruction);
    Deque<String> delimiters = new ArrayDeque<>();
    while (m.find()) {
      delimiters.add(m.group(3));
    }
    int i = last;
    while (!delimiters.isEmpty() && i + 1 < lines.length) {
      i++;
      if (lines[i].strip().equals(delimiters.peekFirst())) {
        delimiters.removeFirst();
      }
    }
    return i;
  }
}
