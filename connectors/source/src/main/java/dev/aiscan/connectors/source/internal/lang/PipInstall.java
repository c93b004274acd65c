package dev.aiscan.connectors.source.internal.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages a notebook shell or magic line installs: {@code !pip install -q openai
 * "langchain[all]>=0.2"}, {@code %pip install}, {@code !pip3 install}, {@code !python -m pip
 * install}, {@code !uv pip install}, {@code %conda install -c conda-forge pytorch}, {@code !mamba
 * install}. Flags, local paths, URLs and requirement files are not packages and are skipped.
 */
final class PipInstall {

  /**
   * A requirement: its name, {@code pypi} or {@code conda}, and the version when pinned exactly.
   */
  record Requirement(String name, String ecosystem, String version) {}

  private static final Pattern PIP = Pattern.compile("(?:.*/)?pip(?:\\d+(?:\\.\\d+)?)?");
  private static final Set<String> CONDA = Set.of("conda", "mamba", "micromamba");

  /** Flags whose next word is their value, not a package. */
  private static final Set<String> VALUE_FLAGS =
      Set.of(
          "-r",
          "--requirement",
          "-c",
          "--constraint",
          "-e",
          "--editable",
          "-i",
          "--index-url",
          "--extra-index-url",
          "-f",
          "--find-links",
          "-t",
          "--target",
          "--prefix",
          "--root",
          "--platform",
          "--python-version",
          "--implementation",
          "--abi",
          "--upgrade-strategy",
          "--trusted-host",
          "--cache-dir",
          "--src",
          "--log",
          "--progress-bar",
          "-C",
          "--config-settings",
          "--global-option",
          "--no-binary",
          "--only-binary",
          "--report",
          "--python",
          "--channel",
          "-n",
          "--name",
          "-p",
          "--file",
          "--override-channels-from");

  /** A requirement's name, extras, and an exact pin ({@code ==1.2}, or conda's {@code =1.2}). */
  private static final Pattern REQUIREMENT =
      Pattern.compile(
          "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?:\\[[^\\]]*\\])?\\s*(?:(==?)\\s*([^,;=<>!~\\s]+)\\s*(?:$|;))?.*");

  private PipInstall() {}

  /** The requirements installed by one magic or shell line ({@code !…} or {@code %…}). */
  static List<Requirement> parse(String line) {
    List<Requirement> found = new ArrayList<>();
    String command = line.replaceFirst("^[!%]+", "");
    for (String segment : command.split("&&|\\|\\||;|\\|")) {
      install(words(segment), found);
    }
    return found;
  }

  private static void install(List<String> w, List<Requirement> found) {
    int i = 0;
    String ecosystem = null;
    for (; i + 1 < w.size() && ecosystem == null; i++) {
      String word = w.get(i).toLowerCase(Locale.ROOT);
      if (w.get(i + 1).equals("install")) {
        if (PIP.matcher(word).matches()) {
          ecosystem = "pypi";
        } else if (CONDA.contains(word)) {
          ecosystem = "conda";
        }
      }
    }
    if (ecosystem == null) {
      return;
    }
    for (i++; i < w.size(); i++) {
      String word = w.get(i);
      if (word.startsWith("#") || word.startsWith(">") || word.matches("\\d?>.*")) {
        return; // a comment or a redirection ends the arguments
      }
      if (word.startsWith("-")) {
        if (VALUE_FLAGS.contains(word)) {
          i++;
        }
        continue;
      }
      Requirement r = requirement(word, ecosystem);
      if (r != null) {
        found.add(r);
      }
    }
  }

  private static Requirement requirement(String word, String ecosystem) {
    String spec = word;
    int channel = spec.indexOf("::");
    if (channel >= 0) {
      spec = spec.substring(channel + 2);
    }
    // paths, URLs, archives, shell and Python substitutions are not package names
    if (spec.isEmpty()
        || spec.contains("/")
        || spec.contains("\\")
        || spec.contains(":")
        || spec.startsWith(".")
        || spec.startsWith("$")
        || spec.startsWith("{")
        || spec.equals("@")
        || spec.endsWith(".whl")
        || spec.endsWith(".zip")
        || spec.endsWith(".tar.gz")) {
      return null;
    }
    Matcher m = REQUIREMENT.matcher(spec);
    if (!m.matches()) {
      return null;
    }
    String version = m.group(3);
    boolean exact = "==".equals(m.group(2)) || "=".equals(m.group(2)) && ecosystem.equals("conda");
    return new Requirement(m.group(1), ecosystem, exact ? version : null);
  }

  /** Splits a shell command into words, honouring single and double quotes. */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
