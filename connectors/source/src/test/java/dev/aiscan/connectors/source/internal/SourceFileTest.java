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

  @Test
  void nameAndExtension() {
    SourceFile f = new SourceFile(dir.resolve("x"), "src/Web/App.Config.YML", 0, problems::add);
    assertThat(f.name()).isEqualTo("App.Config.YML");
    assertThat(f.extension()).isEqualTo("yml");
    assertThat(new SourceFile(dir, ".env", 0, problems::add).extension()).isEmpty();
  }
}
