package dev.aiscan.rules.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation of the names facts and rules compare: package names, image references, globs. */
public final class Names {
  private static final Pattern PEP503_RUNS = Pattern.compile("[-_.]+");

  private Names() {}

  /** PEP 503: lowercase, and every run of {@code -}, {@code _}, {@code .} becomes one {@code -}. */
  public static String pep503(String name) {
    return PEP503_RUNS.matcher(name.trim()).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  /**
   * A package name made comparable within its ecosystem: PEP 503 for PyPI (extras and version
   * specifiers cut off first), lowercase for npm, NuGet and the rest; Maven and Go keep their case.
   */
  public static String packageName(String ecosystem, String name) {
    String n = name.trim();
    return switch (ecosystem) {
      case "pypi" -> pep503(cutPythonRequirement(n));
      case "maven", "go" -> n;
      default -> n.toLowerCase(Locale.ROOT);
    };
  }

  /** {@code openai[datalib]>=1.0; python_version>"3.8"} -> {@code openai}. */
  private static String cutPythonRequirement(String requirement) {
    for (int i = 0; i < requirement.length(); i++) {
      char c = requirement.charAt(i);
      if (c == '[' || c == '=' || c == '<' || c == '>' || c == '~' || c == '!' || c == ';'
          || c == '@' || c == ' ' || c == '(') {
        return requirement.substring(0, i);
      }
    }
    return requirement;
  }

  /**
   * The repository path of a container image reference, lowercase, without registry host, tag or
   * digest, and without Docker Hub's {@code library/}: {@code ghcr.io/huggingface/tgi:2.0} ->
   * {@code huggingface/tgi}; {@code docker.io/library/python:3} -> {@code python}.
   */
  public static String imagePath(String reference) {
    String r = reference.trim().toLowerCase(Locale.ROOT);
    int at = r.indexOf('@');
    if (at >= 0) {
      r = r.substring(0, at);
    }
    int slash = r.lastIndexOf('/');
    int colon = r.indexOf(':', slash + 1);
    if (colon >= 0) {
      r = r.substring(0, colon);
    }
    int first = r.indexOf('/');
    if (first > 0) {
      String head = r.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        r = r.substring(first + 1);
      }
    }
    if (r.startsWith("library/") && r.length() > "library/".length()) {
      r = r.substring("library/".length());
    }
    return r;
  }

  /** A glob ({@code *} any run of characters, everything else literal) as an anchored regex. */
  public static Pattern glob(String glob) {
    StringBuilder sb = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (sb.length() > 0) {
        sb.append(".*");
      }
      sb.append(Pattern.quote(part));
    }
    return Pattern.compile(sb.toString());
  }

  /** The literal text before the first {@code *} of a glob. */
  public static String globPrefix(String glob) {
    int star = glob.indexOf('*');
    return star < 0 ? glob : glob.substring(0, star);
  }

  public static boolean isGlob(String s) {
    return s.indexOf('*') >= 0;
  }

  /**
   * The last {@code .}-separated segment: {@code a.b.OpenAiChatModel} -> {@code OpenAiChatModel}.
   */
  public static String simpleName(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }
}
