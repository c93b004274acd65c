package dev.aiscan.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.rules.internal.ByteTokenFilter.Token;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The prefilter against a brute-force search, on random token sets and random bytes (short ones
 * scanned in one lane, long ones in four): ASCII case-insensitive, bounded tokens only as whole
 * words, any byte value, any sub-range.
 */
class ByteTokenFilterPropertiesTest {

  /**
   * Token bytes: letters of both cases, a word digit and underscore, separators, a UTF-8 letter.
   */
  private static final String TOKEN_ALPHABET = "abcAB9_-.é";

  /** Content bytes: the token bytes, other word and non-word bytes, NUL, high bytes. */
  private static final byte[] CONTENT_BYTES = contentBytes();

  @Property(tries = 400)
  void mayMatchAgreesWithANaiveSearch(
      @ForAll("tokenSets") List<Token> tokens, @ForAll("contents") byte[] content) {
    ByteTokenFilter filter = new ByteTokenFilter(tokens);
    boolean expected = naive(tokens, content, 0, content.length);
    Statistics.label("match").collect(expected);
    Statistics.label("match")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p > 10);
              c.check(false).percentage(p -> p > 10);
            });
    Statistics.label("four lanes").collect(content.length >= 1024);
    Statistics.label("four lanes").coverage(c -> c.check(true).percentage(p -> p > 10));
    assertThat(filter.mayMatch(content)).as("mayMatch, tokens %s", tokens).isEqualTo(expected);
    assertThat(filter.firstToken(content, 0, content.length) != null)
        .as("firstToken, tokens %s", tokens)
        .isEqualTo(expected);
  }

  @Property(tries = 300)
  void aSubRangeIsJudgedLikeACopyOfIt(
      @ForAll("tokenSets") List<Token> tokens,
      @ForAll("contents") byte[] content,
      @ForAll @IntRange(min = 0, max = 10_000) int a,
      @ForAll @IntRange(min = 0, max = 10_000) int b) {
    ByteTokenFilter filter = new ByteTokenFilter(tokens);
    int from = content.length == 0 ? 0 : a % (content.length + 1);
    int length = (content.length - from) == 0 ? 0 : b % (content.length - from + 1);
    byte[] copy = Arrays.copyOfRange(content, from, from + length);
    boolean onCopy = filter.mayMatch(copy);
    assertThat(filter.mayMatch(content, from, length))
        .as("range [%d, +%d) of %d bytes, tokens %s", from, length, content.length, tokens)
        .isEqualTo(onCopy)
        .isEqualTo(naive(tokens, content, from, length));
    assertThat(filter.firstToken(content, from, length) != null).isEqualTo(onCopy);
  }

  @Property(tries = 200)
  void tokensPlantedAtLaneBoundariesAreFound(
      @ForAll("tokenSets") List<Token> tokens,
      @ForAll @IntRange(min = 1024, max = 6000) int length,
      @ForAll @IntRange(min = 0, max = 3) int lane,
      @ForAll @IntRange(min = -12, max = 12) int shift,
      @ForAll @IntRange(min = 0, max = 100) int pick) {
    // filler that contains no token byte at all, so that only the planted token can match
    byte[] content = new byte[length];
    Arrays.fill(content, (byte) ' ');
    Token t = tokens.get(pick % tokens.size());
    byte[] text = t.text().getBytes(StandardCharsets.UTF_8);
    int at = Math.max(0, Math.min(length - text.length, lane * (length / 4) + shift));
    System.arraycopy(text, 0, content, at, text.length);
    ByteTokenFilter filter = new ByteTokenFilter(tokens);
    assertThat(naive(tokens, content, 0, length)).isTrue();
    assertThat(filter.mayMatch(content)).as("%s at %d of %d", t, at, length).isTrue();
  }

  @Example
  void anEmptyTokenLetsEverythingThrough() {
    ByteTokenFilter filter = new ByteTokenFilter(List.of(new Token("", false)));
    assertThat(filter.mayMatch(new byte[0])).isTrue();
    assertThat(filter.mayMatch(new byte[] {0, (byte) 0xFF}, 1, 0)).isTrue();
  }

  @Example
  void noTokensLetNothingThrough() {
    ByteTokenFilter filter = new ByteTokenFilter(List.of());
    assertThat(filter.mayMatch(new byte[2048])).isFalse();
    assertThat(filter.firstToken(new byte[3], 0, 3)).isNull();
  }

  @Provide
  Arbitrary<List<Token>> tokenSets() {
    Arbitrary<String> text =
        Arbitraries.strings().withChars(TOKEN_ALPHABET.toCharArray()).ofMinLength(1).ofMaxLength(6);
    Arbitrary<Token> token = Combinators.combine(text, Arbitraries.of(true, false)).as(Token::new);
    return token.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<byte[]> contents() {
    Arbitrary<byte[]> small =
        Arbitraries.of(toObjects(CONTENT_BYTES))
            .list()
            .ofMaxSize(60)
            .map(ByteTokenFilterPropertiesTest::toBytes);
    // long enough for the four-lane scan; drawn from a seed (shrinking a 4 KB list is slow)
    Arbitrary<byte[]> large =
        Combinators.combine(Arbitraries.integers().between(1024, 4200), Arbitraries.longs())
            .as(
                (n, seed) -> {
                  java.util.Random random = new java.util.Random(seed);
                  byte[] b = new byte[n];
                  for (int i = 0; i < n; i++) {
                    b[i] = CONTENT_BYTES[random.nextInt(CONTENT_BYTES.length)];
                  }
                  return b;
                });
    Arbitrary<byte[]> anyBytes =
        Arbitraries.bytes().list().ofMaxSize(2500).map(ByteTokenFilterPropertiesTest::toBytes);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, small),
        net.jqwik.api.Tuple.of(3, large),
        net.jqwik.api.Tuple.of(1, anyBytes));
  }

  /**
   * The documented semantics, by brute force: a token occurs where its UTF-8 bytes occur with ASCII
   * letters folded; a bounded one only with no {@code [A-Za-z0-9_]} byte right before or after.
   */
  static boolean naive(List<Token> tokens, byte[] content, int offset, int length) {
    byte[] c = fold(Arrays.copyOfRange(content, offset, offset + length));
    for (Token t : tokens) {
      byte[] k = fold(t.text().getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i + k.length <= c.length; i++) {
        if (!Arrays.equals(c, i, i + k.length, k, 0, k.length)) {
          continue;
        }
        if (!t.bounded()) {
          return true;
        }
        int after = i + k.length;
        if ((i == 0 || !word(c[i - 1])) && (after == c.length || !word(c[after]))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean word(byte b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_';
  }

  private static byte[] fold(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] >= 'A' && b[i] <= 'Z') {
        b[i] += 32;
      }
    }
    return b;
  }

  private static byte[] contentBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] tokenBytes = TOKEN_ALPHABET.getBytes(StandardCharsets.UTF_8);
    // token bytes weigh more, so that tokens occur often enough
    for (int i = 0; i < 4; i++) {
      out.writeBytes(tokenBytes);
    }
    out.writeBytes("Cc zZ0\n\t(\"".getBytes(StandardCharsets.UTF_8));
    out.write(0);
    out.write(0x80);
    out.write(0xC9); // 0xC3 0xA9 is é: a lone lead byte and a byte that differs from it by 32
    out.write(0xFF);
    return out.toByteArray();
  }

  private static Byte[] toObjects(byte[] b) {
    Byte[] r = new Byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[i];
    }
    return r;
  }

  private static byte[] toBytes(List<Byte> list) {
    byte[] b = new byte[list.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = list.get(i);
    }
    return b;
  }
}
