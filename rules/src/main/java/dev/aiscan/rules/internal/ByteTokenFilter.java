package dev.aiscan.rules.internal;

import dev.aiscan.core.spi.ContentFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Does any of a set of tokens occur in a byte array? One Aho-Corasick automaton over bytes, ASCII
 * case-insensitive, stopped at the first occurrence.
 *
 * <p>A token may be <em>bounded</em>: it then only counts as a whole word, with no word character
 * ({@code [A-Za-z0-9_]}) right before or after it (the start and end of the content count as
 * boundaries). Short names ({@code ort}, {@code ai}, {@code mcp}) are bounded, so that {@code
 * import}, {@code sort} or {@code email} do not let a file through.
 *
 * <p>Layout, for a tight inner loop: bytes are mapped to a small alphabet of byte classes (one
 * class per distinct token byte, upper- and lowercase letters sharing a class; one class for other
 * name characters, one for everything else), and the complete transition function is one dense
 * {@code int[]} indexed by {@code state + class}, with states stored premultiplied by the alphabet
 * size. Transitions that complete a token are stored as {@code -1}, so the scan is two array reads
 * and one sign test per byte, and allocates nothing. Long inputs are scanned as four interleaved
 * lanes (one per quarter, overlapping by the longest token), which breaks the dependency of each
 * table load on the previous one. A bounded token's left boundary is part of its path (one variant
 * per boundary class); its right boundary is a transition to {@code -1} on boundary classes.
 * Immutable; safe for concurrent use.
 */
public final class ByteTokenFilter implements ContentFilter {
  /** A token, and whether it must stand as a whole word. */
  public record Token(String text, boolean bounded) {
    @Override
    public String toString() {
      return bounded ? "\\b" + text + "\\b" : text;
    }
  }

  private static final int OTHER = 0;
  private static final int OTHER_NAME = 1;

  private final List<Token> tokens;
  private final byte[] classOf = new byte[256];
  private final int classes;
  private final int[] delta;
  private final int start;
  private final boolean[] acceptAtEnd;
  private final boolean matchesEverything;

  /**
   * How far lanes after the first start before their quarter: the longest token with its
   * boundaries.
   */
  private final int overlap;

  /**
   * For {@link #firstToken}: raw targets (state * classes + class), and a token completed per
   * (state, class) or -1.
   */
  private final int[] targets;

  private final int[] completes;

  public ByteTokenFilter(Iterable<Token> tokens) {
    this.tokens = minimal(tokens);
    this.matchesEverything = this.tokens.stream().anyMatch(t -> t.text().isEmpty());
    List<byte[]> encoded = new ArrayList<>();
    int longest = 0;
    for (Token t : this.tokens) {
      byte[] e = fold(t.text().getBytes(StandardCharsets.UTF_8));
      encoded.add(e);
      longest = Math.max(longest, e.length);
    }
    this.overlap = longest + 2;
    if (overlap * 4 > LANES_FROM) {
      throw new IllegalArgumentException("token too long for the prefilter: " + longest + " bytes");
    }
    int next = 2;
    for (byte[] t : encoded) {
      for (byte b : t) {
        int u = b & 0xFF;
        if (classOf[u] == 0) {
          if (next > 127) {
            throw new IllegalStateException("too many distinct token bytes");
          }
          classOf[u] = (byte) next++;
          if (u >= 'a' && u <= 'z') {
            classOf[u - 32] = classOf[u];
          }
        }
      }
    }
    for (int u = 0; u < 256; u++) {
      if (classOf[u] == 0 && isNameByte(u)) {
        classOf[u] = OTHER_NAME;
      }
    }
    this.classes = next;
    boolean[] boundary = new boolean[classes];
    for (int u = 0; u < 256; u++) {
      if (!isNameByte(u)) {
        boundary[classOf[u]] = true;
      }
    }
    Built b = build(this.tokens, encoded, classOf, classes, boundary);
    this.delta = b.delta;
    this.targets = b.targets;
    this.completes = b.completes;
    this.acceptAtEnd = b.acceptAtEnd;
    // the start of the content is a boundary: begin as if a boundary byte had been read
    int s0 = b.targets[OTHER];
    this.start = s0 * classes;
  }

  /** The tokens in the automaton: distinct, ASCII-lowercase, none implied by another. */
  public List<Token> tokens() {
    return tokens;
  }

  /** Number of automaton states (for diagnostics and benchmarks). */
  public int states() {
    return delta.length / classes;
  }

  public int byteClasses() {
    return classes;
  }

  @Override
  public boolean mayMatch(byte[] bytes, int offset, int length) {
    if (matchesEverything) {
      return true;
    }
    int end = offset + length;
    if (length < LANES_FROM) {
      int s = scan(bytes, offset, end, start);
      return s < 0 || acceptAtEnd[s / classes];
    }
    // Four lanes over four quarters, interleaved: the state chains are independent, so the CPU
    // overlaps their table loads. Each lane after the first starts `overlap` bytes early, so that
    // tokens spanning a quarter boundary are found.
    final int[] d = delta;
    final byte[] c = classOf;
    int quarter = length / 4;
    int p0 = offset;
    int p1 = offset + quarter - overlap;
    int p2 = offset + 2 * quarter - overlap;
    int p3 = offset + 3 * quarter - overlap;
    int n = quarter;
    // lanes 1 to 3 start at the root, not after a virtual boundary: a token whose left boundary
    // lies
    // before their first byte ends inside the previous quarter, where the previous lane finds it
    int s0 = start;
    int s1 = 0;
    int s2 = 0;
    int s3 = 0;
    for (int k = 0; k < n; k++) {
      s0 = d[s0 + c[bytes[p0 + k] & 0xFF]];
      s1 = d[s1 + c[bytes[p1 + k] & 0xFF]];
      s2 = d[s2 + c[bytes[p2 + k] & 0xFF]];
      s3 = d[s3 + c[bytes[p3 + k] & 0xFF]];
      if ((s0 | s1 | s2 | s3) < 0) {
        return true;
      }
    }
    // lanes 1 to 3 have `overlap` bytes left of their quarter, the last lane also the remainder
    if (scan(bytes, p1 + n, offset + 2 * quarter, s1) < 0
        || scan(bytes, p2 + n, offset + 3 * quarter, s2) < 0) {
      return true;
    }
    int s = scan(bytes, p3 + n, end, s3);
    return s < 0 || acceptAtEnd[s / classes];
  }

  /** Inputs shorter than this are scanned in one lane. */
  private static final int LANES_FROM = 1024;

  /**
   * Runs the automaton from state {@code s} over {@code [from, to)}: the final state, or -1 on a
   * hit.
   */
  private int scan(byte[] bytes, int from, int to, int s) {
    final int[] d = delta;
    final byte[] c = classOf;
    for (int i = from; i < to; i++) {
      s = d[s + c[bytes[i] & 0xFF]];
      if (s < 0) {
        return -1;
      }
    }
    return s;
  }

  /**
   * The first token found in the bytes, or null: the same scan as {@link #mayMatch}, slower, for
   * diagnostics (which token lets a file through).
   */
  public Token firstToken(byte[] bytes, int offset, int length) {
    int s = start / classes;
    for (int i = offset, end = offset + length; i < end; i++) {
      int at = s * classes + classOf[bytes[i] & 0xFF];
      if (completes[at] >= 0) {
        return tokens.get(completes[at]);
      }
      s = targets[at];
    }
    int atEnd = s * classes + OTHER;
    return acceptAtEnd[s] ? tokens.get(completes[atEnd]) : null;
  }

  private record Built(int[] delta, int[] targets, int[] completes, boolean[] acceptAtEnd) {}

  private static Built build(
      List<Token> tokens, List<byte[]> encoded, byte[] classOf, int k, boolean[] boundary) {
    // trie over class sequences; a bounded token is inserted once per left-boundary class
    List<int[]> go = new ArrayList<>();
    List<Integer> ends = new ArrayList<>(); // token ending here, unbounded: accept on arrival
    List<Integer> endsBounded =
        new ArrayList<>(); // bounded token ending here: accept on a boundary class next
    go.add(row(k));
    ends.add(-1);
    endsBounded.add(-1);
    for (int id = 0; id < tokens.size(); id++) {
      byte[] t = encoded.get(id);
      List<int[]> paths = new ArrayList<>();
      if (tokens.get(id).bounded()) {
        for (int c = 0; c < k; c++) {
          if (boundary[c]) {
            int[] p = new int[t.length + 1];
            p[0] = c;
            for (int i = 0; i < t.length; i++) {
              p[i + 1] = classOf[t[i] & 0xFF];
            }
            paths.add(p);
          }
        }
      } else {
        int[] p = new int[t.length];
        for (int i = 0; i < t.length; i++) {
          p[i] = classOf[t[i] & 0xFF];
        }
        paths.add(p);
      }
      for (int[] p : paths) {
        int s = 0;
        for (int c : p) {
          if (go.get(s)[c] < 0) {
            go.get(s)[c] = go.size();
            go.add(row(k));
            ends.add(-1);
            endsBounded.add(-1);
          }
          s = go.get(s)[c];
        }
        if (tokens.get(id).bounded()) {
          endsBounded.set(s, id);
        } else {
          ends.set(s, id);
        }
      }
    }
    int n = go.size();
    int[] fail = new int[n];
    int[] accept = new int[n];
    int[] acceptBounded = new int[n];
    for (int s = 0; s < n; s++) {
      accept[s] = ends.get(s);
      acceptBounded[s] = endsBounded.get(s);
    }
    int[] target = new int[n * k];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < k; c++) {
      int child = go.get(0)[c];
      target[c] = Math.max(child, 0);
      if (child > 0) {
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      if (accept[s] < 0) {
        accept[s] = accept[fail[s]];
      }
      if (acceptBounded[s] < 0) {
        acceptBounded[s] = acceptBounded[fail[s]];
      }
      for (int c = 0; c < k; c++) {
        int child = go.get(s)[c];
        if (child > 0) {
          fail[child] = target[fail[s] * k + c];
          target[s * k + c] = child;
          queue.add(child);
        } else {
          target[s * k + c] = target[fail[s] * k + c];
        }
      }
    }
    int[] delta = new int[n * k];
    int[] completes = new int[n * k];
    boolean[] acceptAtEnd = new boolean[n];
    for (int s = 0; s < n; s++) {
      acceptAtEnd[s] = acceptBounded[s] >= 0;
      for (int c = 0; c < k; c++) {
        int i = s * k + c;
        int t = target[i];
        int done =
            accept[t] >= 0
                ? accept[t]
                : boundary[c] && acceptBounded[s] >= 0 ? acceptBounded[s] : -1;
        completes[i] = done;
        delta[i] = done >= 0 ? -1 : t * k;
      }
    }
    return new Built(delta, target, completes, acceptAtEnd);
  }

  private static boolean isNameByte(int u) {
    return u >= 'a' && u <= 'z' || u >= 'A' && u <= 'Z' || u >= '0' && u <= '9' || u == '_';
  }

  private static int[] row(int k) {
    int[] r = new int[k];
    Arrays.fill(r, -1);
    return r;
  }

  private static byte[] fold(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] >= 'A' && b[i] <= 'Z') {
        b[i] += 32;
      }
    }
    return b;
  }

  /**
   * Lowercases ASCII letters only: the scan folds ASCII only, so other letters must stay as
   * written.
   */
  static String asciiLower(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, (char) (c + 32));
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * Distinct lowercase tokens without those another one implies: a token containing an unbounded
   * token adds nothing (bounded or not), and an unbounded token makes the bounded one of the same
   * text redundant.
   */
  static List<Token> minimal(Iterable<Token> tokens) {
    Map<String, Boolean> distinct = new LinkedHashMap<>();
    for (Token t : tokens) {
      distinct.merge(asciiLower(t.text()), t.bounded(), Boolean::logicalAnd);
    }
    List<Token> all = new ArrayList<>();
    distinct.forEach((text, bounded) -> all.add(new Token(text, bounded)));
    all.sort(Comparator.comparingInt((Token t) -> t.text().length()).thenComparing(Token::text));
    List<Token> kept = new ArrayList<>();
    for (Token t : all) {
      boolean redundant = false;
      for (Token u : kept) {
        if (!u.bounded() && t.text().contains(u.text())) {
          redundant = true;
          break;
        }
      }
      if (!redundant) {
        kept.add(t);
      }
    }
    return List.copyOf(kept);
  }
}
