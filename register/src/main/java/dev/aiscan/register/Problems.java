package dev.aiscan.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems of one register file, reported as {@code file:line: message} in line order. */
final class Problems {
  private record Problem(int line, String message) {}

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void add(int line, String message) {
    problems.add(new Problem(Math.max(1, line), message));
  }

  /** Sorted by line; problems on one line keep the order they were found in. */
  List<String> lines() {
    return problems.stream()
        .sorted(Comparator.comparingInt(Problem::line))
        .map(p -> file + ":" + p.line() + ": " + p.message())
        .toList();
  }
}
