package dev.aiscan.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void editDistance() {
    assertThat(Names.distance("purpse", "purpose")).isEqualTo(1);
    assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Names.distance("", "abc")).isEqualTo(3);
    assertThat(Names.distance("same", "same")).isZero();
  }

  @Test
  void suggestsOnlyCloseNames() {
    List<String> entry = Names.spellings(Names.ENTRY);
    assertThat(Names.didYouMean("reviewdate", entry)).isEqualTo(" (did you mean 'reviewDate'?)");
    assertThat(Names.didYouMean("buisness_unit", entry))
        .isEqualTo(" (did you mean 'business_unit'?)");
    assertThat(Names.didYouMean("x", entry)).isEmpty();
    assertThat(Names.didYouMean("criticality", entry)).isEmpty();
  }

  @Test
  void snakeCaseSpellingsAreAliases() {
    assertThat(Names.canonical("impact_on_individuals", Names.ENTRY))
        .isEqualTo("impactOnIndividuals");
    assertThat(Names.canonical("api_keys", Names.SELECTORS)).isEqualTo("apiKeys");
    assertThat(Names.canonical("ApiKeys", Names.SELECTORS)).isNull();
  }

  @Test
  void messagesShowValuesOnOneShortLine() {
    assertThat(Names.show("a\nb")).isEqualTo("a b");
    assertThat(Names.show("x".repeat(100))).hasSize(63).endsWith("...");
  }
}
