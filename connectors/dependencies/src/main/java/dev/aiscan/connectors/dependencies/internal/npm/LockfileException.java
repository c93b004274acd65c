package dev.aiscan.connectors.dependencies.internal.npm;

import dev.aiscan.core.ScanException;

/** A lockfile that cannot be read; the message names the fault, never the file's content. */
final class LockfileException extends ScanException {
  private static final long serialVersionUID = 1L;
  private final Integer line;

  LockfileException(Integer line, String message) {
    super(message);
    this.line = line;
  }

  Integer line() {
    return line;
  }
}
