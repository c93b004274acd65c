package dev.aiscan.connectors.dependencies.internal.python;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 508 requirement reduced to what we report: name, version specifier (null for a URL or
 * none).
 */
record Pep508(String name, String spec) {
  private static final Pattern REQUIREMENT =
      Pattern.compile(
          "^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)$",
          Pattern.DOTALL);

  /** Parses a requirement, or returns null when it is not one. */
  static Pep508 parse(String text) {
    String s = text.strip();
    int marker = s.indexOf(';');
    if (marker >= 0) {
      s = s.substring(0, marker).strip();
    }
    Matcher m = REQUIREMENT.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String rest = m.group(3).strip();
    if (rest.startsWith("(") && rest.endsWith(")")) {
      rest = rest.substring(1, rest.length() - 1).strip();
    }
    if (rest.isEmpty()) {
      return new Pep508(m.group(1), null);
    }
    if (rest.startsWith("@")) {
      return new Pep508(m.group(1), null);
    }
    if ("<>=!~".indexOf(rest.charAt(0)) < 0) {
      return null;
    }
    return new Pep508(m.group(1), rest.replaceAll("\\s+", ""));
  }

  /** PEP 503 normalised name: lower case, runs of {@code -_.} as one {@code -}. */
  static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
