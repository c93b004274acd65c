package dev.aiscan.rules.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives prefilter tokens from a regular expression: a set of literal strings such that every
 * match of the expression contains at least one of them. A literal is skipped by the prefilter
 * unless one of its regexes' tokens occurs in it (compared ASCII case-insensitively), so only a
 * handful of regexes ever run on a literal.
 *
 * <p>The derivation is conservative: it reads concatenations of plain characters, recurses into
 * required groups and alternations, and treats everything else (classes, {@code .}, escapes like
 * {@code \d}, optional parts, lookarounds) as a break. When some alternative yields no literal of
 * at least {@value #MIN_LENGTH} characters it gives up and returns an empty list; the rule must
 * then declare {@code tokens} itself.
 */
public final class RegexTokens {
  public static final int MIN_LENGTH = 2;

  private RegexTokens() {}

  /** Lowercase tokens, or an empty list when none can be derived. */
  public static List<String> derive(String regex) {
    try {
      Set<String> tokens = alternation(regex, 0, regex.length());
      return tokens == null ? List.of() : List.copyOf(tokens);
    } catch (RuntimeException e) {
      // Unusual syntax the reader does not follow: fall back to declared tokens.
      return List.of();
    }
  }

  private static Set<String> alternation(String re, int from, int to) {
    Set<String> all = new LinkedHashSet<>();
    int start = from;
    int depth = 0;
    for (int i = from; i < to; i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = endOfClass(re, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        if (!addSequence(re, start, i, all)) {
          return null;
        }
        start = i + 1;
      }
    }
    return addSequence(re, start, to, all) ? all : null;
  }

  private static boolean addSequence(String re, int from, int to, Set<String> into) {
    Set<String> s = sequence(re, from, to);
    if (s == null) {
      return false;
    }
    into.addAll(s);
    return true;
  }

  /** The strongest token set of a concatenation: the one whose shortest token is longest. */
  private static Set<String> sequence(String re, int from, int to) {
    Set<String> best = null;
    StringBuilder run = new StringBuilder();
    int i = from;
    while (i < to) {
      char c = re.charAt(i);
      String literal = null;
      Set<String> group = null;
      int atomEnd;
      if (c == '\\') {
        char e = re.charAt(i + 1);
        atomEnd = i + 2;
        if (!Character.isLetterOrDigit(e)) {
          literal = String.valueOf(e);
        } else if (e == 'p' || e == 'P') {
          atomEnd = re.charAt(i + 2) == '{' ? re.indexOf('}', i) + 1 : i + 3;
        }
      } else if (c == '[') {
        atomEnd = endOfClass(re, i);
      } else if (c == '(') {
        int close = closingParen(re, i);
        atomEnd = close + 1;
        int contentFrom = groupContentStart(re, i);
        if (contentFrom >= 0 && isRequired(re, atomEnd, to)) {
          group = alternation(re, contentFrom, close);
        }
      } else if (c == '.' || c == '^' || c == '$') {
        atomEnd = i + 1;
      } else {
        literal = String.valueOf(c);
        atomEnd = i + 1;
      }
      int min = quantifierMin(re, atomEnd, to);
      int next = quantifierEnd(re, atomEnd, to);
      if (literal != null && min != 0) {
        run.append(literal);
        if (next != atomEnd) {
          best = stronger(best, run);
          run.setLength(0);
        }
      } else {
        best = stronger(best, run);
        run.setLength(0);
        if (group != null) {
          best = stronger(best, group);
        }
      }
      i = next;
    }
    return stronger(best, run);
  }

  private static Set<String> stronger(Set<String> best, CharSequence run) {
    if (run.length() < MIN_LENGTH) {
      return best;
    }
    return stronger(best, Set.of(run.toString().toLowerCase(Locale.ROOT)));
  }

  private static Set<String> stronger(Set<String> best, Set<String> candidate) {
    if (candidate.isEmpty() || shortest(candidate) < MIN_LENGTH) {
      return best;
    }
    return best == null || shortest(candidate) > shortest(best) ? candidate : best;
  }

  private static int shortest(Set<String> tokens) {
    return tokens.stream().mapToInt(String::length).min().orElse(0);
  }

  /** Start of a group's content, or -1 for lookarounds and inline flags (zero-width). */
  private static int groupContentStart(String re, int open) {
    if (re.charAt(open + 1) != '?') {
      return open + 1;
    }
    char k = re.charAt(open + 2);
    if (k == ':' || k == '>') {
      return open + 3;
    }
    if (k == '=' || k == '!') {
      return -1;
    }
    if (k == '<') {
      char n = re.charAt(open + 3);
      return n == '=' || n == '!' ? -1 : re.indexOf('>', open) + 1;
    }
    // (?i) flags only, or (?i:...) flags with content
    for (int j = open + 2; j < re.length(); j++) {
      char f = re.charAt(j);
      if (f == ')') {
        return -1;
      }
      if (f == ':') {
        return j + 1;
      }
    }
    return -1;
  }

  private static boolean isRequired(String re, int afterAtom, int to) {
    return quantifierMin(re, afterAtom, to) != 0;
  }

  /** The minimum repetition of the quantifier at {@code i}: 1 when there is none. */
  private static int quantifierMin(String re, int i, int to) {
    if (i >= to) {
      return 1;
    }
    char q = re.charAt(i);
    if (q == '?' || q == '*') {
      return 0;
    }
    if (q == '{') {
      int end = re.indexOf('}', i);
      String body = re.substring(i + 1, end);
      int comma = body.indexOf(',');
      return Integer.parseInt((comma < 0 ? body : body.substring(0, comma)).trim());
    }
    return 1;
  }

  private static int quantifierEnd(String re, int i, int to) {
    if (i >= to) {
      return i;
    }
    char q = re.charAt(i);
    int end;
    if (q == '?' || q == '*' || q == '+') {
      end = i + 1;
    } else if (q == '{') {
      end = re.indexOf('}', i) + 1;
    } else {
      return i;
    }
    if (end < to && (re.charAt(end) == '?' || re.charAt(end) == '+')) {
      end++;
    }
    return end;
  }

  static int endOfClass(String re, int open) {
    int depth = 0;
    int i = open;
    while (i < re.length()) {
      char c = re.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        depth++;
        if (i + 1 < re.length() && re.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    throw new IllegalArgumentException("unclosed class");
  }

  private static int closingParen(String re, int open) {
    int depth = 0;
    for (int i = open; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = endOfClass(re, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("unclosed group");
  }
}
