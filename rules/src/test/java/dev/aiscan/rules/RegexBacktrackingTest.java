package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules' regular expressions run over what scanned code holds: string literals of any length (a
 * minified bundle holds megabytes in one). Java's regex engine backtracks, so a pattern with nested
 * or overlapping repetition could take quadratic or exponential time on a crafted literal and hold
 * a worker. Every regex of the built-in catalogue is run over long runs of its own fragments and of
 * the characters key and model names are made of, ending in a character that breaks the match.
 */
class RegexBacktrackingTest {
  private static final Path PACK_DIR = Path.of("src/main/resources/dev/aiscan/rules/packs");

  /** Keys whose values are regular expressions in a rule pack (see docs/rules.md). */
  private static final Set<String> REGEX_KEYS =
      Set.of("pattern", "context", "key", "name-pattern", "filter");

  /**
   * Long enough that quadratic work shows: {@code [a-z0-9-]+-x} over 50,000 characters of {@code
   * a-a-a-} takes about 10 s, twice the bound below, where every pattern of the catalogue takes a
   * few milliseconds.
   */
  private static final int LENGTH = 50_000;

  private static final List<String> GENERIC =
      List.of(
          "a", "A", "0", "-", "_", ".", "/", ":", "@", " ", "a-", "a_", "0.", "-0", "a.", "ab-12-",
          "AA", "\\", "'", "\"");

  static Stream<String> patterns() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Set<String> found = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(PACK_DIR)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        collect(yaml.readTree(file.toFile()), found);
      }
    }
    return found.stream();
  }

  private static void collect(JsonNode node, Set<String> found) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (REGEX_KEYS.contains(e.getKey()) && e.getValue().isTextual()) {
          found.add(e.getValue().asText());
        } else {
          collect(e.getValue(), found);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, found));
    }
  }

  @Test
  void everyPackIsSearchedForItsRegexes() throws IOException {
    assertThat(patterns()).hasSizeGreaterThan(80).contains("^(?:comprehendmedical)$");
  }

  @ParameterizedTest
  @MethodSource("patterns")
  void noRegexOfTheCatalogueBacktracksOnALongCraftedLiteral(String regex) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return; // a glob (package names), matched as a glob and never as a regex
    }
    List<String> units = new ArrayList<>(GENERIC);
    units.addAll(fragments(regex));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (String unit : units) {
            String input = unit.repeat(LENGTH / unit.length()) + "!";
            Matcher m = pattern.matcher(input);
            for (int matches = 0; matches < 100 && m.find(); matches++) {
              // as the rules do: every match, up to a cap
            }
          }
        },
        () -> "catastrophic backtracking in " + regex);
  }

  /**
   * The literal runs of the pattern ({@code claude-}, {@code gpt-4}, {@code sk-ant-}): repeated,
   * they make an input that nearly matches at every position.
   */
  private static List<String> fragments(String regex) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]+").matcher(regex.replace("\\.", "."));
    while (m.find() && out.size() < 16) {
      out.add(m.group());
      out.add(m.group() + "-");
    }
    return List.copyOf(out);
  }
}
