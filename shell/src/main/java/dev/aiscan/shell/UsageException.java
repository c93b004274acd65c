package dev.aiscan.shell;

/** Bad usage or configuration: reported on one line, exit code 2. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
