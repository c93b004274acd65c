package dev.aiscan.rules;

import dev.aiscan.core.ScanException;

/**
 * A rule pack that cannot be loaded: bad YAML, a schema violation, a duplicate id, an invalid
 * regular expression. The message is one line, {@code file:line: message}, and never quotes an
 * example value (examples of credential rules are key-shaped).
 */
public class RuleFormatException extends ScanException {
  public RuleFormatException(String message) {
    super(message);
  }

  public RuleFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
