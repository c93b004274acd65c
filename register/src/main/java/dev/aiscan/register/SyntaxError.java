package dev.aiscan.register;

/** A register file that cannot be parsed at all: one problem at one line. */
final class SyntaxError extends Exception {
  private final int line;
  private final String problem;

  SyntaxError(int line, String problem) {
    super(problem, null, false, false);
    this.line = line;
    this.problem = problem;
  }

  int line() {
    return line;
  }

  String problem() {
    return problem;
  }
}
