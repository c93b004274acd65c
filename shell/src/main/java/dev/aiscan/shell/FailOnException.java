package dev.aiscan.shell;

/**
 * The {@code --fail-on} condition was met: the scan completed and reports were written; exit code
 * 3.
 */
public class FailOnException extends RuntimeException {
  public FailOnException(String message) {
    super(message);
  }
}
