package dev.aiscan.shell.config;

import dev.aiscan.shell.UsageException;
import java.util.List;

/**
 * An {@code aiscan.yaml} that cannot be used: every problem found, each as {@code FILE:LINE:
 * message}. Exit code 2, like any bad usage. The message is the problems, one a line; none of them
 * holds a secret's value.
 */
public class ConfigException extends UsageException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, by line. */
  public List<String> problems() {
    return problems;
  }
}
