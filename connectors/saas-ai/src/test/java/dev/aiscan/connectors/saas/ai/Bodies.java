package dev.aiscan.connectors.saas.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.testkit.RecordingContext;
import dev.aiscan.testkit.VendorFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Answer bodies for the tests: the vendors' published examples read in place from {@code
 * ../shared/fixtures/vendor/}, and the hand-written ones of {@code src/test/resources/wire/} (see
 * its README).
 */
final class Bodies {
  private Bodies() {}

  /** A published example, {@code openai/projects/list_projects.json}. */
  static String vendor(String path) {
    return VendorFixtures.read(path);
  }

  /** A hand-written body. */
  static String wire(String name) {
    try (InputStream in = Bodies.class.getResourceAsStream("/wire/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key is in no fact (value or attribute) and no warning. */
  static void assertNoToken(RecordingContext ctx, String token) {
    for (Fact f : ctx.facts()) {
      assertThat(f.value()).doesNotContain(token);
      assertThat(f.attributes().values()).noneMatch(v -> v.contains(token));
      assertThat(f.location().resource()).doesNotContain(token);
    }
    assertThat(ctx.warnings()).noneMatch(w -> w.message().contains(token));
  }
}
