package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every extractor survives hostile input: random text and bytes, unterminated strings and comments,
 * 10k-deep nesting. Nothing but a {@code ScanException} may escape (as the engine would record it),
 * and scanning stays linear (300 KB of a pathological pattern within seconds).
 */
class GarbageInputTest {
  @TempDir Path root;

  private static final List<Object[]> EXTRACTORS =
      List.of(
          new Object[] {new JavaExtractor(), "x/Garbage.java"},
          new Object[] {new PythonExtractor(), "x/garbage.py"},
          new Object[] {new JavaScriptExtractor(), "x/garbage.ts"},
          new Object[] {new JavaScriptExtractor(), "x/garbage.jsx"},
          new Object[] {new GoExtractor(), "x/garbage.go"},
          new Object[] {new CSharpExtractor(), "x/Garbage.cs"},
          new Object[] {new NotebookExtractor(), "x/garbage.ipynb"});

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Object[] e : EXTRACTORS) {
      for (Object[] input : inputs()) {
        cases.add(Arguments.of(e[0], e[1], input[0], input[1]));
      }
    }
    return cases.stream();
  }

  private static List<Object[]> inputs() {
    List<Object[]> inputs = new ArrayList<>();
    inputs.add(
        new Object[] {
          "random tricky text",
          randomText(new Random(42), 300_000).getBytes(java.nio.charset.StandardCharsets.UTF_8)
        });
    inputs.add(new Object[] {"random bytes", randomBytes(new Random(7), 300_000)});
    for (String s :
        List.of(
            "\"abc",
            "'''abc\nimport x",
            "/* never closed",
            "`abc ${ x",
            "@\"abc",
            "$\"\"\"abc {",
            "f\"{",
            "f'''{x:{",
            "r\"\\",
            "\"\\",
            "'\\u",
            "$$\"\"\"{{",
            "import (",
            "from a import (",
            "using",
            "import",
            "require(",
            "process.env[",
            "os.getenv(",
            "{\"cells\": [{\"source\": [")) {
      inputs.add(
          new Object[] {"unterminated " + s, s.getBytes(java.nio.charset.StandardCharsets.UTF_8)});
    }
    for (String unit :
        List.of(
            "(/[",
            "'\\N{",
            "export {a,",
            "import ",
            "using ",
            "from a import (b,",
            "} = process.env ",
            "f\"{x:{",
            "$\"{",
            "`${",
            "'\"",
            "a.b.",
            "\"\"\"")) {
      inputs.add(
          new Object[] {
            "300 KB of " + unit,
            unit.repeat(300_000 / unit.length()).getBytes(java.nio.charset.StandardCharsets.UTF_8)
          });
    }
    for (String open :
        List.of("(", "[", "{", "`${", "f\"{", "$\"{", "${", "\"\"\"{", "[{\"cells\":", "/*(")) {
      inputs.add(
          new Object[] {
            "10k deep " + open,
            ("x = " + open.repeat(10_000) + "1").getBytes(java.nio.charset.StandardCharsets.UTF_8)
          });
    }
    return inputs;
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("cases")
  void survives(Extractor extractor, String path, String description, byte[] content) {
    RecordingContext ctx =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> ExtractorHarness.run(extractor, root, path, content));

    assertThat(ctx.warnings())
        .allSatisfy(
            w ->
                assertThat(w.message())
                    .matches("(ScanException: |Java |invalid UTF-8).*")
                    .doesNotContain("\n"));
  }

  private static String randomText(Random random, int length) {
    String alphabet =
        "abcdefimportfromusingrequireenv.,;:=()[]{}<>\"'`\\/*#@$%!?+-&|^~ \t\n\n\r0123456789_";
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        b[i] = 1;
      }
    }
    return b;
  }
}
