package dev.aiscan.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexTokensTest {
  @Test
  void longestRequiredLiteral() {
    assertThat(RegexTokens.derive("api\\.openai\\.com")).containsExactly("api.openai.com");
    assertThat(RegexTokens.derive("^bedrock:(?:Invoke|Converse|\\*)[A-Za-z*]*$"))
        .containsExactly("bedrock:invoke", "bedrock:converse", "bedrock:*");
    assertThat(RegexTokens.derive("sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}"))
        .containsExactly("t3blbkfj");
  }

  @Test
  void alternationsYieldOneTokenPerAlternative() {
    assertThat(RegexTokens.derive("(?<![a-z])(?<model>dall-e-[23]|gpt-image-1|whisper-1)(?![a-z])"))
        .containsExactlyInAnyOrder("dall-e-2", "dall-e-3", "gpt-image-1", "whisper-1");
    assertThat(RegexTokens.derive("(?i)^(?:foo|ba)r$")).containsExactlyInAnyOrder("foo", "ba");
  }

  @Test
  void aLiteralFollowedByARequiredGroupCarriesOnIntoEveryAlternative() {
    assertThat(RegexTokens.derive("amazon\\.(?:titan|nova|rerank)-[a-z0-9-]+"))
        .containsExactlyInAnyOrder("amazon.titan", "amazon.nova", "amazon.rerank");
    // an alternative that may start differently stops the crossing: the run alone stays
    assertThat(RegexTokens.derive("amazon\\.(?:t?itan|nova)-x")).containsExactly("amazon.");
    assertThat(
            RegexTokens.literalPrefixes("titan|nova-pro|x[ab]", 0, "titan|nova-pro|x[ab]".length()))
        .containsExactly("titan", "nova-pro", "x");
  }

  @Test
  void optionalPartsAreNotRequired() {
    assertThat(RegexTokens.derive("(?:us\\.)?anthropic\\.claude-[a-z]+"))
        .containsExactly("anthropic.claude-");
    assertThat(RegexTokens.derive("abcx?yz")).containsExactly("abc");
    assertThat(RegexTokens.derive("ab+cdef")).containsExactly("cdef");
  }

  @Test
  void smallClassesMultiplyTheRun() {
    assertThat(RegexTokens.derive("^o[134]$")).containsExactly("o1", "o3", "o4");
    assertThat(RegexTokens.derive("phi[1-4](?:\\.[0-9])?"))
        .containsExactly("phi1", "phi2", "phi3", "phi4");
    assertThat(RegexTokens.derive("[Gg]emini-")).containsExactly("gemini-");
    assertThat(RegexTokens.derive("ab[^c]def")).containsExactly("def");
    assertThat(RegexTokens.derive("x[a-z]yz")).containsExactly("yz");
    assertThat(RegexTokens.derive("v[0-9][0-9]-model")).containsExactly("-model");
  }

  @Test
  void givesUpWhenAnAlternativeHasNoLiteral() {
    assertThat(RegexTokens.derive("^o[0-9]+$")).isEmpty();
    assertThat(RegexTokens.derive("foo|[a-z]+")).isEmpty();
    assertThat(RegexTokens.derive("(?:gpt)?-\\d+")).isEmpty();
  }

  @Test
  void tokensAreAsciiAsThePrefilterComparesThem() {
    // a letter the prefilter cannot hold breaks the run, as a class does
    assertThat(RegexTokens.derive("zqxexample-é[0-9]+")).containsExactly("zqxexample-");
    assertThat(RegexTokens.derive("caf[éè]-model")).containsExactly("-model");
    assertThat(RegexTokens.derive("(?:café|thé)-bot")).containsExactly("-bot");
    // and when nothing ASCII is left of an alternative, nothing is derived (tokens must be given)
    assertThat(RegexTokens.derive("模型|llm")).isEmpty();
    assertThat(RegexTokens.derive("(?:模型|llm)x")).isEmpty();
  }
}
