package dev.aiscan.core;

/**
 * A target that cannot be scanned at all (a missing directory, an unknown target kind). Raised
 * before any work starts; the CLI reports it on one line and exits with code 2.
 */
public class InvalidTargetException extends ScanException {
  public InvalidTargetException(String message) {
    super(message);
  }
}
