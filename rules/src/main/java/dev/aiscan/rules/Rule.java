package dev.aiscan.rules;

import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import java.util.List;
import java.util.Objects;

/**
 * One detection rule as written in a rule pack: its metadata and its own examples. The matchers are
 * compiled into the {@link RuleEngine}'s indexes and are not part of this value.
 *
 * @param id stable, globally unique kebab-case id, never reused
 * @param pack the name of the pack that defines it
 * @param source where it is defined, {@code file:line}
 * @param provider canonical provider id, e.g. {@code openai}
 * @param category what kind of AI use a match shows
 * @param confidence the rule's default confidence (a matcher may override it)
 * @param title short human title
 * @param description what a match means and what it does not
 * @param references vendor documentation or registry pages
 * @param iso42001 ISO/IEC 42001 Annex A controls the finding is evidence for, e.g. {@code A.4.4}
 * @param matchers the matcher kinds the rule uses, e.g. {@code import}, {@code package}
 * @param positiveExamples facts the rule must match
 * @param negativeExamples near misses the rule must not match
 * @param origin whether the rule is built in, from a user pack, or a user rule that replaces a
 *     built-in one
 */
public record Rule(
    String id,
    String pack,
    String source,
    String provider,
    Category category,
    Confidence confidence,
    String title,
    String description,
    List<String> references,
    List<String> iso42001,
    List<String> matchers,
    List<RuleExample> positiveExamples,
    List<RuleExample> negativeExamples,
    Origin origin) {

  /** Where a rule comes from. */
  public enum Origin {
    /** Shipped in the rules jar ({@code packs/index.txt}). */
    BUILT_IN,
    /** From a user pack ({@code --rules}), with a new id. */
    CUSTOM,
    /** From a user pack, replacing the built-in rule with the same id ({@code override: true}). */
    OVERRIDE;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(origin, "origin");
    references = List.copyOf(references);
    iso42001 = List.copyOf(iso42001);
    matchers = List.copyOf(matchers);
    positiveExamples = List.copyOf(positiveExamples);
    negativeExamples = List.copyOf(negativeExamples);
  }

  public boolean builtIn() {
    return origin == Origin.BUILT_IN;
  }

  /** Does not print examples, which may be key-shaped. */
  @Override
  public String toString() {
    return id + " (" + provider + ", " + category.wireName() + ", " + confidence.wireName() + ")";
  }
}
