package dev.aiscan.connectors.source.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.util.List;

/** Lookups over recorded facts for the configuration extractor tests. */
final class Facts {
  private Facts() {}

  static List<Fact> all(RecordingContext context, FactType type, String value) {
    return context.facts(type).stream().filter(f -> f.value().equals(value)).toList();
  }

  /** The one fact of this type and value; fails when there is none or several. */
  static Fact one(RecordingContext context, FactType type, String value) {
    List<Fact> found = all(context, type, value);
    assertThat(found).as("%s facts valued %s", type.wireName(), value).hasSize(1);
    return found.get(0);
  }

  /** The one string literal with this value and key. */
  static Fact literal(RecordingContext context, String value, String key) {
    List<Fact> found =
        all(context, FactType.STRING_LITERAL, value).stream()
            .filter(
                f ->
                    key == null
                        ? f.attribute(Fact.Attr.KEY) == null
                        : key.equals(f.attribute(Fact.Attr.KEY)))
            .toList();
    assertThat(found).as("literal %s keyed %s", value, key).hasSize(1);
    return found.get(0);
  }

  /** The 1-based line of the first occurrence of {@code needle} in a fixture. */
  static int lineOf(String content, String needle) {
    int at = content.indexOf(needle);
    assertThat(at).as("fixture contains %s", needle).isNotNegative();
    return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  static int line(Fact fact) {
    return fact.location().line();
  }
}
