package dev.aiscan.rules.internal;

import java.util.ArrayList;
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
 * <p>The derivation is conservative: it reads concatenations of plain characters and small classes
 * ({@code phi[1-4]} gives {@code phi1} ... {@code phi4}), recurses into required groups and
 * alternations, and treats everything else (other classes, {@code .}, escapes like {@code \d},
 * optional parts, lookarounds) as a break. When some alternative yields no literal of at least
 * {@value #MIN_LENGTH} characters it gives up and returns an empty list; the rule must then declare
 * {@code tokens} itself.
 */
public final class RegexTokens {
  public static final int MIN_LENGTH = 2;

  private RegexTokens() {}

  /** Lowercase tokens, or an empty list when none can be derived. */
  public static List<String> derive(String regex) {
    try {
      Set<String> tokens = alternation(regex, 0, regex.length());
      // the prefilter compares bytes ASCII case-insensitively: a token it cannot hold is no token
      return tokens == null || !tokens.stream().allMatch(RegexTokens::ascii)
          ? List.of()
          : List.copyOf(tokens);
    } catch (RuntimeException e) {
      // Unusual syntax the reader does not follow: fall back to declared tokens.
      return List.of();
    }
  }

  private static boolean ascii(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
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
    // the current run of required literals: its alternatives, all of one length (a small class such
    // as [1-4] multiplies them: phi[1-4] -> phi1, phi2, phi3, phi4)
    List<String> run = new ArrayList<>(List.of(""));
    int i = from;
    while (i < to) {
      char c = re.charAt(i);
      String literal = null;
      List<String> chars = null;
      Set<String> group = null;
      List<String> groupPrefixes = null;
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
        chars = classChars(re, i, atomEnd);
      } else if (c == '(') {
        int close = closingParen(re, i);
        atomEnd = close + 1;
        int contentFrom = groupContentStart(re, i);
        if (contentFrom >= 0 && isRequired(re, atomEnd, to)) {
          group = alternation(re, contentFrom, close);
          groupPrefixes = literalPrefixes(re, contentFrom, close);
        }
      } else if (c == '.' || c == '^' || c == '$') {
        atomEnd = i + 1;
      } else {
        literal = String.valueOf(c);
        atomEnd = i + 1;
      }
      int min = quantifierMin(re, atomEnd, to);
      int next = quantifierEnd(re, atomEnd, to);
      if (literal != null) {
        chars = List.of(literal);
      }
      if (chars != null && !chars.stream().allMatch(RegexTokens::ascii)) {
        chars = null; // café: the run breaks at the é, as at any class it cannot spell out
      }
      if (chars != null && min != 0 && run.size() * chars.size() <= MAX_ALTERNATIVES) {
        List<String> longer = new ArrayList<>();
        for (String r : run) {
          for (String ch : chars) {
            longer.add(r + ch);
          }
        }
        run = longer;
        if (next != atomEnd) {
          best = stronger(best, run);
          run = new ArrayList<>(List.of(""));
        }
      } else {
        best = stronger(best, run);
        if (groupPrefixes != null
            && !run.get(0).isEmpty()
            && run.size() * groupPrefixes.size() <= MAX_ALTERNATIVES) {
          // amazon\.(?:titan|nova) -> amazon.titan, amazon.nova: the run, then the start of every
          // alternative, is in every match; stronger than the run alone.
          List<String> crossed = new ArrayList<>();
          for (String r : run) {
            for (String p : groupPrefixes) {
              crossed.add(r + p);
            }
          }
          best = stronger(best, crossed);
        }
        run = new ArrayList<>(List.of(""));
        if (group != null) {
          best = stronger(best, group);
        }
      }
      i = next;
    }
    return stronger(best, run);
  }

  /**
   * The literal start of every top-level alternative of a group's content ({@code titan|nova-pro}
   * gives {@code titan}, {@code nova-pro}): plain characters up to the first that is not certain
   * ({@code a?}, a class, {@code .}, a group). Null when some alternative starts uncertain.
   */
  static List<String> literalPrefixes(String re, int from, int to) {
    List<String> out = new ArrayList<>();
    StringBuilder prefix = new StringBuilder();
    boolean open = true;
    int depth = 0;
    for (int i = from; i <= to; i++) {
      if (i == to || (re.charAt(i) == '|' && depth == 0)) {
        if (prefix.length() == 0) {
          return null;
        }
        out.add(prefix.toString().toLowerCase(Locale.ROOT));
        prefix.setLength(0);
        open = true;
        continue;
      }
      char c = re.charAt(i);
      if (c == '\\') {
        char e = re.charAt(i + 1);
        if (open && !Character.isLetterOrDigit(e) && certain(re, i + 2, to)) {
          prefix.append(e);
        } else {
          open = false;
        }
        i++;
      } else if (c == '(') {
        depth++;
        open = false;
      } else if (c == ')') {
        depth--;
      } else if (c == '[') {
        i = endOfClass(re, i) - 1;
        open = false;
      } else if (open
          && depth == 0
          && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '/' || c == ':')
          && certain(re, i + 1, to)) {
        prefix.append(c);
      } else {
        open = false;
      }
    }
    return out;
  }

  /** Whether the atom ending before {@code at} occurs exactly once (no quantifier follows it). */
  private static boolean certain(String re, int at, int to) {
    if (at >= to) {
      return true;
    }
    char q = re.charAt(at);
    return q != '?' && q != '*' && q != '+' && q != '{';
  }

  /** At most this many alternatives of a run (a small class multiplies them). */
  private static final int MAX_ALTERNATIVES = 16;

  /**
   * The characters of a small, plain class ({@code [134]}, {@code [1-4]}, {@code [xX]}), lowercase
   * and distinct; null for negated, large or escaped-class ones.
   */
  static List<String> classChars(String re, int open, int end) {
    int i = open + 1;
    int close = end - 1;
    if (i >= close || re.charAt(i) == '^') {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    while (i < close) {
      char c = re.charAt(i);
      if (c == '[' || c == '&') {
        return null;
      }
      if (c == '\\') {
        char e = re.charAt(i + 1);
        if (Character.isLetterOrDigit(e)) {
          return null;
        }
        c = e;
        i++;
      }
      if (i + 2 < close && re.charAt(i + 1) == '-' && re.charAt(i + 2) != '\\') {
        char hi = re.charAt(i + 2);
        if (hi < c || hi - c > 8) {
          return null;
        }
        for (char x = c; x <= hi; x++) {
          out.add(String.valueOf(x).toLowerCase(Locale.ROOT));
        }
        i += 3;
      } else {
        out.add(String.valueOf(c).toLowerCase(Locale.ROOT));
        i++;
      }
      if (out.size() > 8) {
        return null;
      }
    }
    return List.copyOf(out);
  }

  private static Set<String> stronger(Set<String> best, List<String> run) {
    if (run.isEmpty() || run.get(0).length() < MIN_LENGTH) {
      return best;
    }
    Set<String> lower = new LinkedHashSet<>();
    run.forEach(r -> lower.add(r.toLowerCase(Locale.ROOT)));
    return stronger(best, lower);
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
