package dev.aiscan.connectors.source.internal.config;

/**
 * Follows {@code key = "value"} and {@code key: 'value'} in a token stream, so that the literal
 * after an assignment is keyed by the name before it.
 */
final class KeyTracker {
  private String candidate;
  private String assigned;

  /**
   * A name-like token (identifier or string); it may be the key of what follows only when it starts
   * a statement, so that {@code a ? 'b' : 'c'} keys nothing.
   */
  void token(String value, boolean statementStart) {
    candidate = statementStart ? value : null;
    assigned = null;
  }

  /** An {@code =} or {@code :}: the previous token, if any, becomes the key. */
  void assign() {
    assigned = candidate;
    candidate = null;
  }

  /** Any other token, or a line break. */
  void reset() {
    candidate = null;
    assigned = null;
  }

  /** The key of a literal read now, or null. */
  String assignedKey() {
    return assigned;
  }
}
