package dev.aiscan.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.rules.internal.ByteTokenFilter.Token;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteTokenFilterTest {
  private static final List<Token> TOKENS =
      List.of(
          new Token("openai", false),
          new Token("gpt-", false),
          new Token("ort", true),
          new Token("ai", true),
          new Token("spring.ai", true),
          new Token("T3BlbkFJ", false));
  private static final ByteTokenFilter FILTER = new ByteTokenFilter(TOKENS);

  @Test
  void unboundedTokensMatchAnywhereCaseInsensitively() {
    assertThat(may("x = OpenAI()")).isTrue();
    assertThat(may("model: GPT-4o")).isTrue();
    assertThat(may("sk-xxxxt3blbkfjxxxx")).isTrue();
    assertThat(may("openapi gpt4 t3blbk")).isFalse();
  }

  @Test
  void boundedTokensMatchOnlyAsWholeWords() {
    assertThat(may("import sort report portal")).isFalse();
    assertThat(may("email detail maintain")).isFalse();
    assertThat(may("ort = \"2\"")).as("at the start").isTrue();
    assertThat(may("[dependencies]\nort.workspace = true")).isTrue();
    assertThat(may("x ort")).as("at the end").isTrue();
    assertThat(may("spring:\n  ai:\n")).isTrue();
    assertThat(may("\"AI\"")).isTrue();
    assertThat(may("ai_x x_ai ai9")).as("_ and digits are word characters").isFalse();
    assertThat(may("ai-x")).as("- is not").isTrue();
    assertThat(may("ort")).isTrue();
    assertThat(may("orta")).isFalse();
  }

  @Test
  void tokensImpliedByOthersAreDropped() {
    List<Token> minimal =
        ByteTokenFilter.minimal(
            List.of(
                new Token("openai", false),
                new Token("api.openai.com", false),
                new Token("OpenAI", true),
                new Token("xort", true),
                new Token("ort", true)));
    assertThat(minimal)
        .containsExactlyInAnyOrder(
            new Token("ort", true), new Token("openai", false), new Token("xort", true));
  }

  @Test
  void agreesWithANaiveSearchWhereverTheTokenIsPlantedIncludingLaneBoundaries() {
    Random random = new Random(3);
    String alphabet = "abcdefghijklmnopqrstuvwxyz_ .\n:=-(){}\"'0123456789";
    for (int round = 0; round < 300; round++) {
      int length = random.nextInt(5000) + 1;
      char[] text = new char[length];
      for (int i = 0; i < length; i++) {
        text[i] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String plain =
          new String(text).replace("ai", "xx").replace("ort", "oxt").replace("gpt-", "gpx-");
      if (random.nextBoolean()) {
        String token =
            List.of(" ort ", "openai", "gpt-", "(ai)", "xorty", "spring.ai\n", "aai ")
                .get(random.nextInt(7));
        int quarter = length / 4;
        int at =
            random.nextBoolean()
                ? Math.max(
                    0, quarter * (1 + random.nextInt(3)) - random.nextInt(token.length() + 1))
                : random.nextInt(length);
        plain =
            plain.substring(0, Math.min(at, plain.length()))
                + token
                + plain.substring(Math.min(at, plain.length()));
      }
      byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
      assertThat(FILTER.mayMatch(bytes))
          .as("round %d, length %d", round, bytes.length)
          .isEqualTo(naive(plain));
      assertThat(FILTER.firstToken(bytes, 0, bytes.length) != null).isEqualTo(naive(plain));
    }
  }

  @Test
  void honoursOffsetAndLength() {
    byte[] b = "openai|xxxxxxxxxxxxxxxxxxxxx|openai".getBytes(StandardCharsets.US_ASCII);
    assertThat(FILTER.mayMatch(b, 6, b.length - 12)).isFalse();
    assertThat(FILTER.mayMatch(b, 5, b.length - 10)).isFalse();
    assertThat(FILTER.mayMatch(b, 0, 6)).isTrue();
    byte[] big = new byte[10_000];
    java.util.Arrays.fill(big, (byte) 'x');
    System.arraycopy(b, 0, big, 5000, b.length);
    assertThat(FILTER.mayMatch(big, 5006, 25)).isFalse();
    assertThat(FILTER.mayMatch(big, 1000, 4006)).as("ends exactly after a token").isTrue();
    assertThat(FILTER.mayMatch(big, 1000, 4005)).isFalse();
  }

  @Test
  void anEmptyTokenMatchesEverything() {
    assertThat(new ByteTokenFilter(List.of(new Token("", false))).mayMatch(new byte[0])).isTrue();
    assertThat(
            new ByteTokenFilter(List.of()).mayMatch("anything".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
  }

  private static boolean may(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    boolean result = FILTER.mayMatch(b);
    assertThat(result).isEqualTo(naive(s));
    return result;
  }

  /** The same question, answered by brute force. */
  private static boolean naive(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    for (Token token : TOKENS) {
      String k = token.text().toLowerCase(Locale.ROOT);
      for (int i = t.indexOf(k); i >= 0; i = t.indexOf(k, i + 1)) {
        if (!token.bounded()) {
          return true;
        }
        int after = i + k.length();
        if ((i == 0 || !word(t.charAt(i - 1))) && (after == t.length() || !word(t.charAt(after)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean word(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
  }
}
