package dev.aiscan.register;

import dev.aiscan.core.ScanException;
import java.util.List;

/**
 * A register file that cannot be used: carries every problem found, each {@code file:line:
 * message}. The message is one line: the first problem, plus {@code (and N more)} when there are
 * more.
 */
public class RegisterFormatException extends ScanException {
  private final List<String> problems;

  public RegisterFormatException(List<String> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, {@code file:line: message}, in file order. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    if (problems.isEmpty()) {
      return "invalid register";
    }
    String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
    return problems.get(0) + more;
  }
}
