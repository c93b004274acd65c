package dev.aiscan.graph;

import dev.aiscan.core.ScanException;

/** A query the graph refused: a syntax error, a write in a read-only query. One line. */
public class GraphQueryException extends ScanException {
  public GraphQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
