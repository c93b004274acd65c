package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A key planted in any fact never reaches a finding: credential rules report a fingerprint only.
 */
class SecretsTest {
  private static final RuleEngine ENGINE = RuleEngine.loadDefault();
  private static final String FINGERPRINT = "\\S{4}…\\S{4} sha256:[0-9a-f]{8}";

  private static final String B = "EXAMPLEKEYnotREAL";
  static final String OPENAI_PROJECT = "sk-proj-" + B.repeat(4) + "x1y2";
  static final String OPENAI_LEGACY =
      "sk-" + (B + B).substring(0, 20) + "T3BlbkFJ" + (B + B).substring(3, 23);
  static final String ANTHROPIC = "sk-ant-api03-" + B.repeat(6).substring(0, 93) + "AA";
  static final String GOOGLE = "AIza" + ("Sy" + B.repeat(3)).substring(0, 35);
  static final String HUGGING_FACE = "hf_" + B.repeat(3).substring(0, 34);

  static Stream<Arguments> plantedKeys() {
    List<Arguments> cases = new ArrayList<>();
    for (String key : List.of(OPENAI_PROJECT, OPENAI_LEGACY, ANTHROPIC, GOOGLE, HUGGING_FACE)) {
      String name = key.substring(0, 6) + "…";
      cases.add(Arguments.of(name + " alone", key, literal(key)));
      cases.add(
          Arguments.of(
              name + " in a builder",
              key,
              literal(key, "context", "OpenAiChatModel.builder().apiKey")));
      cases.add(
          Arguments.of(
              name + " as a config value", key, literal(key, "key", "spring.ai.openai.api-key")));
      cases.add(
          Arguments.of(
              name + " in a URL",
              key,
              literal(
                  "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash?key="
                      + key)));
      cases.add(
          Arguments.of(
              name + " next to a model name",
              key,
              literal("model=gpt-4o-mini api_key=" + key + " endpoint=https://api.openai.com/v1")));
      cases.add(
          Arguments.of(
              name + " in a long literal",
              key,
              literal(
                  "x".repeat(3000)
                      + " claude-3-5-sonnet-20241022 "
                      + key
                      + " "
                      + "y".repeat(600))));
      // Glued to other text the key pattern does not match (its boundary), yet evidence hides it.
      cases.add(
          Arguments.of(
              name + " glued to a model name in a long literal",
              key,
              literal("z".repeat(70) + " gpt-4o x" + key + "q".repeat(2000))));
      cases.add(
          Arguments.of(
              name + " in a Bedrock ARN literal",
              key,
              literal("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2 " + key)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plantedKeys")
  void noFindingFieldContainsThePlantedKey(String label, String key, Fact fact) {
    List<Finding> findings = new ArrayList<>();

    ENGINE.detect(fact, findings::add);

    if (!label.contains("glued")) {
      assertThat(findings)
          .as("a credential finding")
          .anySatisfy(
              f -> {
                assertThat(f.category().wireName()).isEqualTo("credential");
                assertThat(f.fingerprint())
                    .isEqualTo(Secrets.fingerprint(key))
                    .matches(FINGERPRINT);
                assertThat(f.evidence()).isEqualTo(f.fingerprint());
                assertThat(f.model()).isNull();
              });
    } else {
      assertThat(findings).as("the model finding").isNotEmpty();
    }
    for (Finding f : findings) {
      for (String field :
          List.of(
              f.toString(),
              f.id(),
              f.evidence(),
              String.valueOf(f.model()),
              String.valueOf(f.fingerprint()),
              f.location().toString())) {
        assertNoPartOfKey(field, key);
      }
    }
  }

  @Test
  void fingerprintShowsFourAndFourCharactersAndAShortHash() {
    String fp = Secrets.fingerprint(ANTHROPIC);

    assertThat(fp).matches(FINGERPRINT).startsWith("sk-a…").contains("…EKAA ");
  }

  @Test
  void secretPatternsMaskEveryPlantedKey() {
    Secrets secrets = new Secrets(ENGINE.secretPatterns());

    for (String key : List.of(OPENAI_PROJECT, OPENAI_LEGACY, ANTHROPIC, GOOGLE, HUGGING_FACE)) {
      String masked = secrets.mask("token: " + key + ";");
      assertNoPartOfKey(masked, key);
      assertThat(masked).contains("[redacted " + Secrets.fingerprint(key) + "]");
    }
  }

  @Test
  void rulesAndExamplesDoNotPrintExampleValues() {
    for (Rule r : ENGINE.rules()) {
      for (RuleExample e : r.positiveExamples()) {
        if (e.value().length() > 20) {
          assertThat(r.toString()).doesNotContain(e.value());
          assertThat(e.toString()).doesNotContain(e.value());
        }
      }
    }
    assertThat(ENGINE.verifyExamples()).isEmpty();
  }

  /** Neither the key nor any 12 characters of it beyond the 4 + 4 a fingerprint shows. */
  private static void assertNoPartOfKey(String text, String key) {
    assertThat(text).doesNotContain(key);
    String hidden = key.substring(4, key.length() - 4);
    for (int i = 0; i + 12 <= hidden.length(); i++) {
      String part = hidden.substring(i, i + 12);
      // The fixture repeats a pattern; only flag parts that are not also generic fixture text.
      if (!B.repeat(3).contains(part)) {
        assertThat(text).doesNotContain(part);
      }
    }
    assertThat(text).doesNotContain(hidden.substring(0, Math.min(24, hidden.length())));
  }

  private static Fact literal(String value, String... attributes) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put(Fact.Attr.LANGUAGE, "java");
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      attrs.put(attributes[i], attributes[i + 1]);
    }
    return new Fact(
        FactType.STRING_LITERAL,
        value,
        RuleExample.TARGET,
        Location.file("src/App.java", 3),
        attrs);
  }
}
