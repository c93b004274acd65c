package dev.aiscan.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Field names of the register format, their snake_case aliases, and "did you mean" suggestions. */
final class Names {
  private Names() {}

  /** What {@code register seed} writes for what it does not know: "not known yet". */
  static final String TODO = "TODO";

  static final List<String> ROOT = List.of("version", "entries");

  static final List<String> ENTRY =
      List.of(
          "id",
          "name",
          "purpose",
          "owner",
          "businessUnit",
          "lifecycle",
          "riskLevel",
          "impactOnIndividuals",
          "personalData",
          "humanOversight",
          "supplier",
          "models",
          "dataSources",
          "reviewDate",
          "selectors",
          // notes for the compliance lead, written by seeding; accepted and ignored
          "suggestedRisk",
          "owners");

  static final List<String> SELECTORS =
      List.of(
          "repositories",
          "paths",
          "packages",
          "cloudAccounts",
          "cloudResources",
          "tags",
          "saasTenants",
          "saasApps",
          "apiKeys",
          "providers",
          "models");

  static final List<String> PERSONAL_DATA = List.of("processed", "categories");

  /** The CSV columns, in their canonical (camelCase) spelling. */
  static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "name",
          "purpose",
          "owner",
          "businessUnit",
          "lifecycle",
          "riskLevel",
          "impactOnIndividuals",
          "personalData",
          "personalDataCategories",
          "humanOversight",
          "supplier",
          "models",
          "dataSources",
          "reviewDate",
          "repositories",
          "paths",
          "packages",
          "cloudAccounts",
          "cloudResources",
          "tags",
          "saasTenants",
          "saasApps",
          "apiKeys",
          "providers");

  /**
   * The canonical name of {@code written} among {@code names}, accepting the snake_case spelling of
   * a camelCase name; null when unknown.
   */
  static String canonical(String written, List<String> names) {
    for (String name : names) {
      if (name.equals(written) || snake(name).equals(written)) {
        return name;
      }
    }
    return null;
  }

  /** Every accepted spelling of {@code names}: the names, then their snake_case aliases. */
  static List<String> spellings(List<String> names) {
    List<String> all = new ArrayList<>(names);
    for (String name : names) {
      String s = snake(name);
      if (!s.equals(name)) {
        all.add(s);
      }
    }
    return all;
  }

  static String snake(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code " (did you mean 'x'?)"} for the closest candidate within edit distance 2, or "". */
  static String didYouMean(String unknown, Collection<String> candidates) {
    String best = suggest(unknown, candidates);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** The candidate closest to {@code unknown} within edit distance 2 (first on ties), or null. */
  static String suggest(String unknown, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(unknown, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    boolean close =
        best != null
            && bestDistance <= 2
            && bestDistance < best.length()
            && bestDistance < unknown.length();
    return close ? best : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** A value as it may appear in a message: one line, at most {@code max} characters. */
  static String show(String value, int max) {
    StringBuilder b = new StringBuilder(Math.min(value.length(), max + 3));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    String s = b.toString();
    return s.length() > max ? s.substring(0, max) + "..." : s;
  }

  static String show(String value) {
    return show(value, 60);
  }

  /** Strict booleans of YAML, JSON and spreadsheets; null when not one. */
  static Boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> Boolean.TRUE;
      case "false", "no" -> Boolean.FALSE;
      default -> null;
    };
  }
}
