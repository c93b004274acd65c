package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expectations written inside a fixture, Error Prone style: a comment {@code EXPECT: import openai}
 * on a line expects a fact of that type and value on that line; attributes follow as {@code
 * key=value} ({@code flags=alias}); values with spaces are double-quoted. Several {@code EXPECT:}
 * may share a line.
 */
final class Expectations {
  private static final Pattern EXPECT =
      Pattern.compile(
          "EXPECT: ([a-z-]+) (\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)((?: [a-z]+=(?:\"[^\"]*\"|[^\\s\"]+))*)");
  private static final Pattern ATTR = Pattern.compile(" ([a-z]+)=(\"[^\"]*\"|[^\\s\"]+)");

  /** One expected fact. */
  record Expected(FactType type, String value, int line, Map<String, String> attributes) {
    boolean matches(Fact f) {
      return f.type() == type
          && f.value().equals(value)
          && Objects.equals(f.location().line(), line)
          && attributes.entrySet().stream()
              .allMatch(a -> a.getValue().equals(f.attribute(a.getKey())));
    }

    @Override
    public String toString() {
      return type.wireName()
          + " '"
          + value
          + "' at line "
          + line
          + (attributes.isEmpty() ? "" : " " + attributes);
    }
  }

  private Expectations() {}

  static List<Expected> parse(String fixture) {
    List<Expected> expected = new ArrayList<>();
    String[] lines = fixture.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      while (m.find()) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher a = ATTR.matcher(m.group(3));
        while (a.find()) {
          attrs.put(a.group(1), unquote(a.group(2)));
        }
        FactType type = FactType.valueOf(m.group(1).toUpperCase().replace('-', '_'));
        expected.add(new Expected(type, unquote(m.group(2)), i + 1, attrs));
      }
    }
    assertThat(expected).as("fixture has EXPECT markers").isNotEmpty();
    return expected;
  }

  /** Asserts every expectation of the fixture is met by some fact. */
  static void assertMet(String fixture, List<Fact> facts) {
    for (Expected e : parse(fixture)) {
      assertThat(facts.stream().anyMatch(e::matches))
          .as("expected %s; facts on that line: %s", e, describe(facts, e.line()))
          .isTrue();
    }
  }

  /**
   * Asserts that the facts of {@code type} are exactly those the fixture expects (no extra ones).
   */
  static void assertOnly(FactType type, String fixture, List<Fact> facts) {
    List<Expected> expected = parse(fixture).stream().filter(e -> e.type() == type).toList();
    List<String> unexpected =
        facts.stream()
            .filter(f -> f.type() == type && expected.stream().noneMatch(e -> e.matches(f)))
            .map(f -> f.value() + "@" + f.location().line() + " " + f.attributes())
            .toList();
    assertThat(unexpected).as("unexpected %s facts", type.wireName()).isEmpty();
  }

  private static String describe(List<Fact> facts, int line) {
    return facts.stream()
        .filter(f -> f.location().line() != null && f.location().line() == line)
        .map(f -> f.type().wireName() + " '" + f.value() + "' " + f.attributes())
        .toList()
        .toString();
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }
}
