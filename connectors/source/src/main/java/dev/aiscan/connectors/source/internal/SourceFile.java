package dev.aiscan.connectors.source.internal;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.ContentFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One file of a source tree as extractors see it: its path relative to the target root, its name
 * and extension, and its content read on demand (text decoded once, bytes never held beyond the
 * extraction of this file).
 */
public final class SourceFile {
  /** The largest array the JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** Per-thread buffer for {@link #passes}; a buffer grown beyond this is not kept. */
  private static final int SCRATCH_LIMIT = 1 << 20;

  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[1 << 16]);

  private final Path path;
  private final String relative;
  private final long size;
  private final Problems problems;
  private byte[] bytes;
  private String text;
  private String name;
  private String extension;

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
    if (name == null) {
      int slash = relative.lastIndexOf('/');
      name = slash < 0 ? relative : relative.substring(slash + 1);
    }
    return name;
  }

  /** Lower-case extension without the dot, or "" (e.g. {@code py}, {@code ipynb}). */
  public String extension() {
    if (extension == null) {
      String n = name();
      int dot = n.lastIndexOf('.');
      extension = dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
    return extension;
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
      Content c = read(null);
      bytes = c.length() == c.buffer().length ? c.buffer() : Arrays.copyOf(c.buffer(), c.length());
    }
    return bytes;
  }

  /**
   * Does {@code filter} let the content through? The file is read into a buffer of this thread, so
   * that the many files the filter turns away are never copied; the content of one it lets through
   * is kept for the extractor ({@link #bytes}).
   */
  public boolean passes(ContentFilter filter) {
    if (bytes != null) {
      return filter.mayMatch(bytes);
    }
    byte[] scratch = SCRATCH.get();
    Content c = read(scratch);
    if (c.buffer() != scratch && c.buffer().length <= SCRATCH_LIMIT) {
      SCRATCH.set(c.buffer());
    }
    if (!filter.mayMatch(c.buffer(), 0, c.length())) {
      return false;
    }
    bytes = Arrays.copyOf(c.buffer(), c.length());
    return true;
  }

  private record Content(byte[] buffer, int length) {}

  /**
   * Reads the whole file into {@code into} when it is large enough, else into a new array. The size
   * the walk saw is only a hint: one byte more is asked for, so that a file that grew since is read
   * whole, and a file of exactly that size needs no read past its end.
   */
  private Content read(byte[] into) {
    if (size >= MAX_ARRAY) {
      throw new ScanException("cannot read: file of " + size + " bytes too large to read whole");
    }
    long want = size + 1;
    byte[] buffer = into != null && into.length >= want ? into : new byte[(int) want];
    int n = 0;
    try (FileChannel channel = FileChannel.open(path)) {
      while (true) {
        if (n == buffer.length) {
          if (buffer.length == MAX_ARRAY) {
            throw new ScanException("cannot read: file too large for one array");
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, MAX_ARRAY));
        }
        int r = channel.read(ByteBuffer.wrap(buffer, n, buffer.length - n));
        if (r < 0) {
          break;
        }
        n += r;
        if (n == size && n < buffer.length) {
          break; // all the walk saw, and a read asking for more got no more: the end
        }
      }
    } catch (IOException e) {
      throw new ScanException("cannot read: " + e.getClass().getSimpleName() + reason(e), e);
    }
    return new Content(buffer, n);
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
    if (ascii(bytes, start)) {
      // nearly all source files: every byte is a character as it stands
      return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
    }
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

  private static boolean ascii(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
  }

  @Override
  public String toString() {
    return relative;
  }
}
