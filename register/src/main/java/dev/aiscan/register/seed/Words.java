package dev.aiscan.register.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word-boundary, case-insensitive matching of keywords in identifiers and text: {@code
 * dateOfBirth}, {@code date_of_birth} and {@code Date of birth} are all the words {@code date of
 * birth}.
 */
final class Words {
  private Words() {}

  /**
   * The words of a text, lower case: runs of letters and digits, split where camelCase starts a new
   * word ({@code candidateResume} is {@code candidate resume}, {@code HTTPServer} is {@code http
   * server}); digits stay with their word ({@code cv2}).
   */
  static List<String> of(CharSequence text) {
    List<String> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        char c = text.charAt(i);
        if (i > start && Character.isUpperCase(c)) {
          char prev = text.charAt(i - 1);
          boolean nextLower = i + 1 < n && Character.isLowerCase(text.charAt(i + 1));
          if (Character.isLowerCase(prev)
              || Character.isDigit(prev)
              || (Character.isUpperCase(prev) && nextLower)) {
            words.add(text.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
            start = i;
          }
        }
        i++;
      }
      if (i > start) {
        words.add(text.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  /**
   * A keyword: a phrase of one or more words (its last word may be plural), with a label to report
   * and a weight.
   *
   * @param label what to report when it matches
   * @param words the phrase, lower case
   * @param weight how much it counts
   * @param notAfter words that, right before the phrase, make it mean something else ({@code ip
   *     address})
   */
  record Keyword(String label, List<String> words, int weight, Set<String> notAfter) {}

  static Keyword keyword(String label, String phrase, int weight, String... notAfter) {
    return new Keyword(label, of(phrase), weight, Set.of(notAfter));
  }

  /** A set of keywords to look for. */
  static final class Lexicon {
    private final Map<String, List<Keyword>> byFirstForm = new HashMap<>();

    Lexicon(List<Keyword> keywords) {
      for (Keyword k : keywords) {
        List<String> firstForms =
            k.words().size() == 1 ? forms(k.words().get(0)) : List.of(k.words().get(0));
        for (String form : firstForms) {
          byFirstForm.computeIfAbsent(form, f -> new ArrayList<>()).add(k);
        }
      }
    }

    /**
     * The keywords found in these words, in the order they first occur. Where phrases of different
     * length start at the same word, only the longest counts: {@code credit score} is not also
     * {@code credit}.
     */
    Set<Keyword> find(List<String> words) {
      Set<Keyword> found = new LinkedHashSet<>();
      for (int i = 0; i < words.size(); i++) {
        List<Keyword> candidates = byFirstForm.get(words.get(i));
        if (candidates == null) {
          continue;
        }
        int longest = 0;
        List<Keyword> matched = new ArrayList<>();
        for (Keyword k : candidates) {
          if (k.words().size() >= longest && matchesAt(k, words, i)) {
            if (k.words().size() > longest) {
              matched.clear();
              longest = k.words().size();
            }
            matched.add(k);
          }
        }
        found.addAll(matched);
      }
      return found;
    }

    private static boolean matchesAt(Keyword k, List<String> words, int i) {
      List<String> phrase = k.words();
      if (i + phrase.size() > words.size()) {
        return false;
      }
      for (int j = 1; j < phrase.size(); j++) {
        String w = words.get(i + j);
        boolean last = j == phrase.size() - 1;
        if (last ? !forms(phrase.get(j)).contains(w) : !phrase.get(j).equals(w)) {
          return false;
        }
      }
      return i == 0 || !k.notAfter().contains(words.get(i - 1));
    }
  }

  /**
   * A word and its plurals: {@code resume, resumes}, {@code salary, salaries}, {@code diagnoses}.
   */
  static List<String> forms(String word) {
    List<String> forms = new ArrayList<>(List.of(word, word + "s", word + "es"));
    if (word.endsWith("y") && word.length() > 1) {
      forms.add(word.substring(0, word.length() - 1) + "ies");
    }
    if (word.endsWith("is")) {
      forms.add(word.substring(0, word.length() - 2) + "es");
    }
    return forms;
  }
}
