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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
   * The content as text. UTF-8 (a BOM is dropped), or UTF-16 or UTF-32 when a byte order mark says
   * so (Windows editors write C# and PowerShell that way); invalid input is reported once as a
   * warning and decoded with replacement characters, so what can still be read is still scanned. A
   * NUL byte in UTF-8 marks a binary file and raises a {@link ScanException}.
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
   * The content as bytes, read once: as on disk, except that UTF-16 and UTF-32 (with a byte order
   * mark) are given as UTF-8, as every extractor and the prefilter expect. A {@code SourceFile}
   * lives only while its file is extracted, so the bytes are never kept beyond that.
   */
  public byte[] bytes() {
    if (bytes == null) {
      Content c = asUtf8(read(null));
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
    c = asUtf8(c);
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
    // The walk resolved every link: a link found here was swapped in since, and may lead anywhere.
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
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
      throw unreadable(e);
    }
    return new Content(buffer, n);
  }

  /**
   * UTF-16 or UTF-32 content, known by its byte order mark, as UTF-8 (the mark dropped); anything
   * else as it is. Lines stay lines, so every location is unchanged.
   */
  private Content asUtf8(Content c) {
    java.nio.charset.Charset wide = wideCharset(c.buffer(), c.length());
    if (wide == null) {
      return c;
    }
    int mark = wide.name().startsWith("UTF-32") ? 4 : 2;
    ByteBuffer in = ByteBuffer.wrap(c.buffer(), mark, c.length() - mark);
    String decoded;
    try {
      decoded =
          wide.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(in)
              .toString();
    } catch (CharacterCodingException e) {
      problems.warn("invalid " + wide.name() + "; scanned with the bad bytes replaced");
      decoded = new String(c.buffer(), mark, c.length() - mark, wide);
    }
    byte[] utf8 = decoded.getBytes(StandardCharsets.UTF_8);
    return new Content(utf8, utf8.length);
  }

  /** The charset a UTF-16 or UTF-32 byte order mark names, or null. */
  private static java.nio.charset.Charset wideCharset(byte[] b, int n) {
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
      return java.nio.charset.Charset.forName("UTF-32BE");
    }
    if (n < 2) {
      return null;
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0xff && b1 == 0xfe) {
      return n >= 4 && b[2] == 0 && b[3] == 0
          ? java.nio.charset.Charset.forName("UTF-32LE")
          : StandardCharsets.UTF_16LE;
    }
    return b0 == 0xfe && b1 == 0xff ? StandardCharsets.UTF_16BE : null;
  }

  /** Up to {@code n} bytes from the start of the file, without reading the rest. */
  public byte[] header(int n) {
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw unreadable(e);
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

  private ScanException unreadable(IOException e) {
    if (Files.isSymbolicLink(path)) {
      return new ScanException(
          "cannot read: a symbolic link since the tree was walked; not followed");
    }
    return new ScanException("cannot read: " + e.getClass().getSimpleName() + reason(e), e);
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
  }

  @Override
  public String toString() {
    return relative;
  }
}
