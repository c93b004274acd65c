package dev.aiscan.core;

/**
 * The one unchecked exception family of aiscan. Thrown inside a unit of work (a file, an API call)
 * and isolated by the engine, which turns it into a {@link dev.aiscan.core.model.Warning}. Messages
 * are one line and never contain secrets.
 */
public class ScanException extends RuntimeException {
  public ScanException(String message) {
    super(message);
  }

  public ScanException(String message, Throwable cause) {
    super(message, cause);
  }
}
