package dev.aiscan.reports.internal;

import dev.aiscan.core.ScanException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report file whole or not at all: into {@code name.partial} first, then moved over the
 * old file in one step, so a reader never sees half a report.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** What writes the report's bytes. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code fileName} in {@code directory}.
   *
   * @throws ScanException when the file cannot be written
   */
  public static void write(Path directory, String fileName, Body body) {
    Path file = directory.resolve(fileName);
    Path partial = directory.resolve(fileName + ".partial");
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        body.writeTo(out);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the partial file is harmless; the error below is what matters
      }
      if (e instanceof ScanException se) {
        throw se;
      }
      throw new ScanException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
