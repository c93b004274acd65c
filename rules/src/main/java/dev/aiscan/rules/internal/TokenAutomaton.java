package dev.aiscan.rules.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over ASCII tokens, case-insensitive: one pass over a literal tells which
 * tokens occur in it. Built once, immutable, shared by all threads.
 */
public final class TokenAutomaton {
  private static final int ALPHABET = 128;

  private final int tokenCount;

  /** Transition table, {@code next[state * ALPHABET + c]}, completed with failure links. */
  private final int[] next;

  /** Token ids ending at each state, including those reached through failure links. */
  private final int[][] out;

  /**
   * @param tokens ASCII tokens; the id of a token is its index
   */
  public TokenAutomaton(List<String> tokens) {
    this.tokenCount = tokens.size();
    List<int[]> gotoRows = new ArrayList<>();
    List<List<Integer>> outputs = new ArrayList<>();
    gotoRows.add(newRow());
    outputs.add(new ArrayList<>());
    for (int id = 0; id < tokens.size(); id++) {
      String t = tokens.get(id);
      int s = 0;
      for (int i = 0; i < t.length(); i++) {
        int c = fold(t.charAt(i));
        if (c < 0) {
          throw new IllegalArgumentException("token is not ASCII");
        }
        if (gotoRows.get(s)[c] < 0) {
          gotoRows.get(s)[c] = gotoRows.size();
          gotoRows.add(newRow());
          outputs.add(new ArrayList<>());
        }
        s = gotoRows.get(s)[c];
      }
      outputs.get(s).add(id);
    }
    int states = gotoRows.size();
    int[] fail = new int[states];
    next = new int[states * ALPHABET];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int child = gotoRows.get(0)[c];
      next[c] = Math.max(child, 0);
      if (child > 0) {
        fail[child] = 0;
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      outputs.get(s).addAll(outputs.get(fail[s]));
      for (int c = 0; c < ALPHABET; c++) {
        int child = gotoRows.get(s)[c];
        if (child > 0) {
          fail[child] = next[fail[s] * ALPHABET + c];
          next[s * ALPHABET + c] = child;
          queue.add(child);
        } else {
          next[s * ALPHABET + c] = next[fail[s] * ALPHABET + c];
        }
      }
    }
    out = new int[states][];
    for (int s = 0; s < states; s++) {
      out[s] = outputs.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
    }
  }

  public int tokenCount() {
    return tokenCount;
  }

  /** Which tokens occur in {@code text}: a flag per token id, or null when none does. */
  public boolean[] scan(CharSequence text) {
    boolean[] found = null;
    int s = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      int c = fold(text.charAt(i));
      if (c < 0) {
        s = 0;
        continue;
      }
      s = next[s * ALPHABET + c];
      int[] ids = out[s];
      if (ids.length > 0) {
        if (found == null) {
          found = new boolean[tokenCount];
        }
        for (int id : ids) {
          found[id] = true;
        }
      }
    }
    return found;
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }

  private static int fold(char c) {
    if (c >= ALPHABET) {
      return -1;
    }
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
}
