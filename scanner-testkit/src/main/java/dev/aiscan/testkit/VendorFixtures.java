package dev.aiscan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The vendors' published example responses in {@code ../shared/fixtures/vendor/}, beside the
 * repository's clone (see its README): tests read them in place, never from a copy.
 */
public final class VendorFixtures {
  private VendorFixtures() {}

  /** The {@code shared/fixtures/vendor} directory beside an ancestor of the working directory. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("fixtures").resolve("vendor");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("../shared/fixtures/vendor not found beside the repository");
  }

  /** The text of one published body, e.g. {@code slack/web-api/admin.apps.approved.list.json}. */
  public static String read(String path) {
    Path file = root().resolve(path);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("vendor fixture " + path + " unreadable", e);
    }
  }
}
