package dev.aiscan.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The register's parsers on arbitrary text: {@code Tree.yaml}, {@code Tree.json} and {@code
 * CsvTable.parse} end in a tree (or table) or a {@link SyntaxError}, nothing else; {@link
 * RegisterFiles#validate} never throws for content; {@link RegisterFiles#read} throws nothing but a
 * {@link RegisterFormatException}.
 */
class RegisterPropertiesTest {
  private static final Path ROOT = tempDir();
  private static final Set<String> PROVIDERS =
      Set.of(
          "openai", "anthropic", "azure-openai", "github-copilot", "aws-sagemaker", "aws-bedrock");
  private static final Map<String, String> VALID =
      Map.of(
          "yaml", resource("/registers/valid.yaml"),
          "json", resource("/registers/valid.json"),
          "csv", resource("/registers/valid.csv"));
  private static int run;

  @AfterContainer
  static void deleteRoot() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Example
  void theValidSamplesAreValid() {
    for (String format : VALID.keySet()) {
      assertThat(read(format, VALID.get(format).getBytes(StandardCharsets.UTF_8)))
          .as(format)
          .isEmpty();
    }
  }

  @Property(tries = 400)
  void parsersEndInATreeOrASyntaxError(
      @ForAll("formats") String format, @ForAll("texts") String text) {
    parse(format, text);
  }

  @Property(tries = 300)
  void arbitraryFilesAreReadOrRejectedWithProblems(
      @ForAll("formats") String format, @ForAll("randomBytes") byte[] content) {
    read(format, content);
  }

  @Property(tries = 400)
  void truncatedAndCorruptedRegistersAreReadOrRejectedWithProblems(
      @ForAll("formats") String format,
      @ForAll("cuts") int cut,
      @ForAll("cuts") int at,
      @ForAll("fragments") String fragment,
      @ForAll boolean replace) {
    String valid = VALID.get(format);
    String text = valid.substring(0, cut % (valid.length() + 1));
    if (!text.isEmpty()) {
      int i = at % text.length();
      text = text.substring(0, i) + fragment + text.substring(replace ? i + 1 : i);
    }
    parse(format, text);
    read(format, text.getBytes(StandardCharsets.UTF_8));
  }

  @Example
  void deepNestingAndAliasBombsAreSyntaxErrorsOrProblems() {
    String bomb =
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            + "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
    for (String text :
        List.of(
            "[".repeat(100_000),
            "{".repeat(100_000),
            "{\"a\":".repeat(100_000),
            "- ".repeat(100_000),
            "a:\n".repeat(100_000),
            "\"".repeat(100_000),
            "&a ".repeat(10_000),
            bomb)) {
      for (String format : VALID.keySet()) {
        parse(format, text);
        read(format, text.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** Parses with the format's parser: a result, or a SyntaxError with a line and a problem. */
  private static void parse(String format, String text) {
    try {
      switch (format) {
        case "yaml" -> Tree.yaml(text);
        case "json" -> Tree.json(text);
        default -> assertThat(CsvTable.parse(text)).isNotNull();
      }
    } catch (SyntaxError e) {
      assertThat(e.line()).isPositive();
      assertThat(e.problem()).isNotNull();
    } catch (Throwable unexpected) {
      fail(format + " parser threw " + unexpected, unexpected);
    }
  }

  /**
   * Validates and reads a register file: problems as {@code file:line: message}, or a register;
   * read throws only RegisterFormatException, with the same problems.
   */
  private static List<String> read(String format, byte[] content) {
    Path file = ROOT.resolve("r" + run++ + "." + format);
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems;
    try {
      problems = RegisterFiles.validate(file, PROVIDERS);
    } catch (Throwable unexpected) {
      fail("validate of a " + format + " register threw " + unexpected, unexpected);
      return List.of();
    }
    assertThat(problems).allSatisfy(p -> assertThat(p).startsWith(file.toString() + ":"));
    try {
      assertThat(RegisterFiles.read(file, PROVIDERS)).isNotNull();
      assertThat(problems).isEmpty();
    } catch (RegisterFormatException e) {
      assertThat(problems).isNotEmpty();
    } catch (Throwable unexpected) {
      fail("read of a " + format + " register threw " + unexpected, unexpected);
    }
    return problems;
  }

  @Provide
  Arbitrary<String> formats() {
    return Arbitraries.of("yaml", "json", "csv");
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 100_000);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> syntax =
        Arbitraries.strings()
            .withChars(
                "\"'`\\{}[]:,-#&*!|>?%@ \t\n\r\n"
                    + "abcentriesnameprovidersownertrue0123456789\u00e9\uFEFF\u0000\uD800")
            .ofMaxLength(400);
    return Arbitraries.oneOf(syntax, Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.of(
        "",
        "\u0000",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\n",
        "\r",
        "\t",
        "- ",
        "&a ",
        "*a",
        "*b",
        "!!binary ",
        "!!python/object:x ",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "? ",
        "|",
        ">",
        "#",
        "\\",
        "\uFEFF",
        "\uD800",
        "\"\"",
        "null",
        "~",
        "<<: *a\n");
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Combinators.combine(Arbitraries.integers().between(0, 3000), Arbitraries.longs())
        .as(
            (n, seed) -> {
              byte[] b = new byte[n];
              new Random(seed).nextBytes(b);
              return b;
            })
        .edgeCases(
            e ->
                e.add(new byte[0])
                    .add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                    .add(new byte[] {(byte) 0xFF}));
  }

  private static String resource(String name) {
    try (InputStream in = RegisterPropertiesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("aiscan-register-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
