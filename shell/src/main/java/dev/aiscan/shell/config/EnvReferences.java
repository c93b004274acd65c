package dev.aiscan.shell.config;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} in the values of {@code aiscan.yaml}, as a shell
 * would expand them: the default applies when the variable is unset or empty. {@code $${} writes a
 * literal {@code ${}. Messages quote the reference as written, never a variable's value.
 */
final class EnvReferences {
  private EnvReferences() {}

  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  /**
   * A value that is one reference and nothing else.
   *
   * @param name the variable
   * @param fallback the text after {@code :-}, or null when there is none
   */
  record Whole(String name, String fallback) {}

  /** The reference {@code text} consists of, or null when it is anything else. */
  static Whole whole(String text) {
    Matcher m = REFERENCE.matcher(text.strip());
    return m.matches() ? new Whole(m.group(1), m.group(2)) : null;
  }

  /**
   * {@code text} with every reference replaced; each unset variable without a default, and each
   * {@code ${} that is not a reference, goes to {@code problems} (and expands to nothing).
   */
  static String expand(String text, Map<String, String> env, Consumer<String> problems) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        Matcher m = REFERENCE.matcher(text).region(i, text.length());
        if (!m.lookingAt()) {
          int end = text.indexOf('}', i);
          String shown = end < 0 ? text.substring(i) : text.substring(i, end + 1);
          problems.accept(
              "'"
                  + shorten(shown)
                  + "' is not a variable reference: write ${NAME} or ${NAME:-default}, or $${"
                  + " for a literal ${");
          i = end < 0 ? text.length() : end + 1;
          continue;
        }
        String value = env.get(m.group(1));
        if (value == null || value.isEmpty()) {
          if (m.group(2) != null) {
            value = m.group(2);
          } else if (value == null) {
            problems.accept("${" + m.group(1) + "} is not set");
            value = "";
          }
        }
        out.append(value);
        i = m.end();
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
