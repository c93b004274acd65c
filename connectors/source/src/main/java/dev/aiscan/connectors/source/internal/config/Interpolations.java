package dev.aiscan.connectors.source.internal.config;

import java.util.ArrayDeque;
import java.util.Deque;

/** Skipping of {@code ${…}} interpolations, shared by the Terraform and Bicep scanners. */
final class Interpolations {
  private Interpolations() {}

  /** Where a skipped interpolation ends, and how many line breaks it held. */
  record Skipped(int end, int newlines) {}

  /**
   * Skips the interpolation whose opener ({@code $} or another of {@code openers}, then {@code {})
   * is at {@code start}, to just past its matching {@code }}. Nested braces and quoted strings
   * (delimited by {@code quote}, with interpolations of their own) are followed iteratively, so
   * that deep nesting cannot overflow the stack; an unterminated one ends at the end of the text.
   */
  static Skipped skip(String s, int start, char quote, String openers) {
    int n = s.length();
    int pos = start + 2;
    int newlines = 0;
    // Each entry is a brace depth inside an interpolation, or -1 for a string inside one.
    Deque<int[]> stack = new ArrayDeque<>();
    stack.push(new int[] {1});
    while (pos < n && !stack.isEmpty()) {
      char c = s.charAt(pos);
      int[] top = stack.peek();
      if (c == '\n') {
        newlines++;
      }
      if (top[0] < 0) {
        if (c == '\\') {
          pos++;
          if (pos < n && s.charAt(pos) == '\n') {
            newlines++;
          }
        } else if (c == quote) {
          stack.pop();
        } else if (openers.indexOf(c) >= 0 && pos + 1 < n && s.charAt(pos + 1) == '{') {
          stack.push(new int[] {1});
          pos++;
        }
      } else if (c == '{') {
        top[0]++;
      } else if (c == '}' && --top[0] == 0) {
        stack.pop();
      } else if (c == quote) {
        stack.push(new int[] {-1});
      }
      pos++;
    }
    return new Skipped(pos, newlines);
  }
}
