package dev.aiscan.connectors.source.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.core.model.Warning;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration extractor over seeded random text made of its own syntax characters: no
 * exception other than a {@code ScanException} escapes (the harness records escaped exceptions as
 * warnings named after their class), and large inputs finish quickly.
 */
class GarbageInputTest {
  private static final String ALPHABET =
      "\"'`\\${}[]()<>:=#!/*-.,|&?@%~ \t\n\r\nabcEOF\u00e9\u20ac0123456789";
  @TempDir Path root;

  static List<Arguments> extractors() {
    return List.of(
        Arguments.of(new PropertiesExtractor(), "x.properties"),
        Arguments.of(new YamlExtractor(), "x.yaml"),
        Arguments.of(new DotEnvExtractor(), ".env"),
        Arguments.of(new DockerfileExtractor(), "Dockerfile"),
        Arguments.of(new JsonConfigExtractor(), "x.json"),
        Arguments.of(new TerraformExtractor(), "x.tf"),
        Arguments.of(new BicepExtractor(), "x.bicep"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("extractors")
  void randomSyntaxNeverEscapesAsAnUnexpectedException(Extractor extractor, String name) {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      String text = random(random, 1 + random.nextInt(400));
      RecordingContext context = ExtractorHarness.run(extractor, root, name, text);
      assertThat(context.warnings())
          .extracting(Warning::message)
          .noneMatch(m -> m.matches("^(?!Scan)[A-Za-z]*(Exception|Error):.*"));
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("extractors")
  void largeRandomInputIsLinear(Extractor extractor, String name) {
    String text = random(new Random(7), 2_000_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> ExtractorHarness.run(extractor, root, name, text));
  }

  private static String random(Random random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
