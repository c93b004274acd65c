package dev.aiscan.graph;

import dev.aiscan.core.ScanException;

/**
 * The graph cannot be opened: the store is in use or unwritable, the server is unreachable or
 * refuses the credentials. The message is one line naming the store or the URI, never a password.
 */
public class GraphUnavailableException extends ScanException {
  public GraphUnavailableException(String message) {
    super(message);
  }

  public GraphUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
