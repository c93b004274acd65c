package dev.aiscan.connectors.source.internal;

import dev.aiscan.core.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One file of a source tree as extractors see it: its path relative to the target root, its name
 * and extension, and its content read on demand (text decoded once, bytes never held beyond the
 * extraction of this file).
 */
public final class SourceFile {
  private final Path path;
  private final String relative;
  private final long size;
  private final Problems problems;
  private byte[] bytes;
  private String text;

  /** Where decoding problems are reported, as warnings naming the file. */
  public interface Problems {
    void warn(String message);
  }

  public SourceFile(Path path, String relative, long size, Problems problems) {
    this.path = path;
    this.relative = relative;
    this.size = size;
    this.problems = problems;
  }

  /** Absolute path on disk. */
  public Path path() {
    return path;
  }

  /** Path relative to the target root, {@code /}-separated. */
  public String relative() {
    return relative;
  }

  /** File name, e.g. {@code docker-compose.yml}. */
  public String name() {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? relative : relative.substring(slash + 1);
  }

  /** Lower-case extension without the dot, or "" (e.g. {@code py}, {@code ipynb}). */
  public String extension() {
    String n = name();
    int dot = n.lastIndexOf('.');
    return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public long size() {
    return size;
  }

  /**
   * The content as text. UTF-8 (a BOM is dropped); invalid UTF-8 is reported once as a warning and
   * decoded with replacement characters, so what can still be read is still scanned. A NUL byte
   * marks a binary file and raises a {@link ScanException}.
   */
  public String text() {
    if (text == null) {
      byte[] bytes = bytes();
      for (int i = 0, n = Math.min(bytes.length, 8192); i < n; i++) {
        if (bytes[i] == 0) {
          throw new ScanException("binary content (NUL byte) in a text file; skipped");
        }
      }
      text = decode(bytes);
    }
    return text;
  }

  /**
   * The raw bytes, read once. A {@code SourceFile} lives only while its file is extracted, so the
   * bytes are never kept beyond that.
   */
  public byte[] bytes() {
    if (bytes == null) {
      try {
        bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new ScanException("cannot read: " + e.getClass().getSimpleName() + reason(e), e);
      }
    }
    return bytes;
  }

  /** Up to {@code n} bytes from the start of the file, without reading the rest. */
  public byte[] header(int n) {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new ScanException("cannot read: " + e.getClass().getSimpleName() + reason(e), e);
    }
  }

  private String decode(byte[] bytes) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (CharacterCodingException e) {
      problems.warn("invalid UTF-8; scanned with the bad bytes replaced");
      return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
  }

  @Override
  public String toString() {
    return relative;
  }
}
