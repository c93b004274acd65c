package dev.aiscan.core.model;

import java.util.Objects;

/**
 * Something that went wrong but did not stop the scan: a file that could not be parsed, a call that
 * was denied. The message is one line and never holds a secret.
 *
 * @param source the file ({@code target-name/path:line}), resource or connector concerned
 * @param message what happened, one line
 */
public record Warning(String source, String message) {
  public Warning {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }
}
