package dev.aiscan.connectors.source.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.ContentFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileTest {
  @TempDir Path dir;
  final List<String> problems = new ArrayList<>();

  private SourceFile file(Path path, long sizeSeenByTheWalk) {
    return new SourceFile(path, path.getFileName().toString(), sizeSeenByTheWalk, problems::add);
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void readsTheWholeFileWhateverItsSizeWasWhenTheTreeWasWalked() throws IOException {
    byte[] content = random(300_000, 1);
    Path p = write("blob.py", content);
    // the size the walk saw: right, stale and smaller (the file grew), stale and larger (it shrank)
    assertThat(file(p, content.length).bytes()).isEqualTo(content);
    assertThat(file(p, 10).bytes()).isEqualTo(content);
    assertThat(file(p, 0).bytes()).isEqualTo(content);
    assertThat(file(p, 1_000_000).bytes()).isEqualTo(content);
    assertThat(file(write("empty.py", new byte[0]), 0).bytes()).isEmpty();
  }

  @Test
  void aFileTheFilterTurnsAwayIsNotKeptAndOneItLetsThroughIsKeptExactly() throws IOException {
    ContentFilter mentionsOpenAi =
        (bytes, offset, length) ->
            new String(bytes, offset, length, StandardCharsets.ISO_8859_1).contains("openai");
    Path plain = write("plain.py", "import os\n".getBytes(StandardCharsets.UTF_8));
    Path ai = write("ai.py", "import openai\n".getBytes(StandardCharsets.UTF_8));
    // a large file first, so that the per-thread buffer holds older, longer content
    byte[] large = random(200_000, 2);
    assertThat(file(write("large.bin", large), large.length).passes((b, o, l) -> false)).isFalse();

    assertThat(file(plain, Files.size(plain)).passes(mentionsOpenAi)).isFalse();
    SourceFile through = file(ai, Files.size(ai));
    assertThat(through.passes(mentionsOpenAi)).isTrue();
    assertThat(through.text()).isEqualTo("import openai\n");
    assertThat(through.bytes()).hasSize(14);
  }

  @Test
  void theFilterSeesOnlyThisFilesBytesNeverWhatABufferHeldBefore() throws IOException {
    byte[] first = "openai ".repeat(1000).getBytes(StandardCharsets.UTF_8);
    Path firstPath = write("first.txt", first);
    Path second = write("second.txt", "short".getBytes(StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    ContentFilter record =
        (bytes, offset, length) -> {
          seen.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
          return false;
        };
    file(firstPath, first.length).passes(record);
    file(second, 5).passes(record);
    assertThat(seen.get(1)).isEqualTo("short");
  }

  @Test
  void aFileThatVanishedIsAOneLineProblemNamingWhy() {
    SourceFile gone = file(dir.resolve("gone.py"), 10);
    assertThatThrownBy(gone::bytes)
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("cannot read: NoSuchFileException");
  }

  @Test
  void textIsUtf8WithoutItsByteOrderMarkAndBadBytesAreReplacedWithOneWarning() throws IOException {
    Path ascii = write("a.py", "import openai\n".getBytes(StandardCharsets.UTF_8));
    Path accents = write("b.py", "# café ☕\nimport openai\n".getBytes(StandardCharsets.UTF_8));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '=', '1'};
    Path withBom = write("c.py", bom);
    byte[] bad = {'k', '=', '"', (byte) 0xC3, '"', '\n'};
    Path invalid = write("d.py", bad);

    assertThat(file(ascii, 14).text()).isEqualTo("import openai\n");
    assertThat(file(accents, Files.size(accents)).text()).isEqualTo("# café ☕\nimport openai\n");
    assertThat(file(withBom, 6).text()).isEqualTo("x=1");
    assertThat(problems).isEmpty();
    assertThat(file(invalid, 6).text()).isEqualTo("k=\"\uFFFD\"\n");
    assertThat(problems).containsExactly("invalid UTF-8; scanned with the bad bytes replaced");
  }

  private static byte[] withMark(byte[] mark, String text, java.nio.charset.Charset charset) {
    byte[] body = text.getBytes(charset);
    byte[] all = java.util.Arrays.copyOf(mark, mark.length + body.length);
    System.arraycopy(body, 0, all, mark.length, body.length);
    return all;
  }

  @Test
  void utf16AndUtf32WithAByteOrderMarkAreReadAsTheTextTheyHold() throws IOException {
    String code = "using OpenAI; // café ☕ 🤖\r\nvar c = new OpenAIClient(key);\r\n";
    java.nio.charset.Charset utf32le = java.nio.charset.Charset.forName("UTF-32LE");
    java.nio.charset.Charset utf32be = java.nio.charset.Charset.forName("UTF-32BE");
    List<Path> files =
        List.of(
            write("le.cs", withMark(new byte[] {-1, -2}, code, StandardCharsets.UTF_16LE)),
            write("be.cs", withMark(new byte[] {-2, -1}, code, StandardCharsets.UTF_16BE)),
            write("le32.cs", withMark(new byte[] {-1, -2, 0, 0}, code, utf32le)),
            write("be32.cs", withMark(new byte[] {0, 0, -2, -1}, code, utf32be)));
    ContentFilter mentionsOpenAi =
        (bytes, offset, length) ->
            new String(bytes, offset, length, StandardCharsets.UTF_8).contains("OpenAIClient");

    for (Path p : files) {
      SourceFile f = file(p, Files.size(p));
      // the prefilter and the extractors see UTF-8, as for any other file
      assertThat(f.passes(mentionsOpenAi)).as(p.toString()).isTrue();
      assertThat(f.text()).as(p.toString()).isEqualTo(code);
      assertThat(f.bytes()).isEqualTo(code.getBytes(StandardCharsets.UTF_8));
      assertThat(file(p, Files.size(p)).bytes()).isEqualTo(code.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void brokenUtf16IsScannedWithTheBadBytesReplacedAndOneWarning() throws IOException {
    // a lone high surrogate, then an odd trailing byte
    byte[] broken = withMark(new byte[] {-1, -2}, "import openai\n", StandardCharsets.UTF_16LE);
    broken = java.util.Arrays.copyOf(broken, broken.length + 3);
    broken[broken.length - 3] = 0x00;
    broken[broken.length - 2] = (byte) 0xD8;
    broken[broken.length - 1] = 'x';
    Path p = write("broken.py", broken);

    String text = file(p, broken.length).text();

    assertThat(text).startsWith("import openai\n").contains("\uFFFD");
    assertThat(problems).containsExactly("invalid UTF-16LE; scanned with the bad bytes replaced");
  }

  @Test
  void aFileSwappedForALinkAfterTheWalkIsNotFollowed() throws IOException {
    Path outside = Files.writeString(dir.resolve("outside-secret.txt"), "import openai\n");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Path swapped = Files.writeString(tree.resolve("app.py"), "import os\n");
    SourceFile seenByTheWalk = file(swapped, 10);
    SourceFile headerOnly = file(swapped, 10);
    Files.delete(swapped);
    Files.createSymbolicLink(swapped, outside);

    assertThatThrownBy(seenByTheWalk::bytes)
        .isInstanceOf(ScanException.class)
        .hasMessage("cannot read: a symbolic link since the tree was walked; not followed");
    assertThatThrownBy(() -> headerOnly.header(16))
        .hasMessage("cannot read: a symbolic link since the tree was walked; not followed");
  }

  @Test
  void nameAndExtension() {
    SourceFile f = new SourceFile(dir.resolve("x"), "src/Web/App.Config.YML", 0, problems::add);
    assertThat(f.name()).isEqualTo("App.Config.YML");
    assertThat(f.extension()).isEqualTo("yml");
    assertThat(new SourceFile(dir, ".env", 0, problems::add).extension()).isEmpty();
  }
}
