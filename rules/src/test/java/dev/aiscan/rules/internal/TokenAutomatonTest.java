package dev.aiscan.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAutomatonTest {
  private final TokenAutomaton automaton =
      new TokenAutomaton(List.of("gpt-", "claude-", "t3blbkfj", "pt-4", "aiza"));

  @Test
  void findsEveryTokenCaseInsensitivelyIncludingOverlaps() {
    boolean[] found = automaton.scan("use GPT-4o or Claude-3, key AIzaSy");

    assertThat(found).containsExactly(true, true, false, true, true);
  }

  @Test
  void returnsNullWhenNothingOccurs() {
    assertThat(automaton.scan("nothing to see here")).isNull();
    assertThat(automaton.scan("")).isNull();
    assertThat(automaton.scan("gpt partition — ünïcödé")).isNull();
  }

  @Test
  void nonAsciiResetsTheMatch() {
    assertThat(automaton.scan("gpt\u00e9-")).isNull();
    assertThat(automaton.scan("\u00e9gpt-")).containsExactly(true, false, false, false, false);
  }
}
