package dev.aiscan.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.ContentFilter;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.FixtureTree;
import dev.aiscan.testkit.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceConnectorTest {
  @TempDir Path dir;
  final SourceConnector connector = new SourceConnector();

  @Test
  void aMissingOrNonDirectorySourceIsRefusedWithOneLineNamingIt() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> connector.validate(SourceConnector.target(missing)))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage("--source " + missing + ": no such directory");
    FixtureTree.in(dir).file("file.txt", "x");
    assertThatThrownBy(() -> connector.validate(SourceConnector.target(dir.resolve("file.txt"))))
        .hasMessageEndingWith("file.txt: not a directory");
  }

  @Test
  void badFilesBecomeWarningsNamingThemAndTheRestIsStillScanned() {
    Path root = dir.resolve("shop");
    byte[] invalidUtf8 =
        "import openai\nNAME = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
    FixtureTree.in(root)
        .file("big.py", "import anthropic\n" + "x = 1\n".repeat(400))
        .bytes("binary.py", new byte[] {'i', 'm', 'p', 0, 0, 1, 2})
        .bytes("latin1.py", invalidUtf8)
        .file("ok.py", "import transformers\n");
    Target target = SourceConnector.target(root);
    RecordingContext ctx =
        new RecordingContext(Settings.of(Map.of("connectors.source.max-file-size", "1k")));

    connector.collect(target, ctx);

    assertThat(ctx.values(FactType.IMPORT)).containsExactly("openai", "transformers");
    assertThat(ctx.facts(FactType.IMPORT).get(0).location().toString()).isEqualTo("latin1.py:1");
    assertThat(ctx.warnings())
        .extracting(Warning::source)
        .containsExactlyInAnyOrder("shop/big.py", "shop/binary.py", "shop/latin1.py");
    assertThat(ctx.warnings())
        .extracting(Warning::message)
        .anyMatch(m -> m.startsWith("file of 2417 bytes is over the size limit of 1024 bytes"))
        .anyMatch(m -> m.contains("binary content"))
        .anyMatch(m -> m.contains("invalid UTF-8"));
    assertThat(ctx.units()).isEqualTo(2);
  }

  @Test
  void everyFileIsAFactByItsPresenceAndContentTheFilterRejectsIsNotParsed() {
    Path root = dir.resolve("repo");
    FixtureTree.in(root)
        .file("CLAUDE.md", "# Notes for the assistant\n")
        .file(".github/copilot-instructions.md", "Use records.\n")
        .file("src/plain.py", "import os\nNAME = 'svc'\n")
        .file("src/ai.py", "import openai\n");
    ContentFilter onlyOpenAi =
        (bytes, offset, length) ->
            new String(bytes, offset, length, StandardCharsets.UTF_8).contains("openai");
    RecordingContext ctx = new RecordingContext().withContentFilter(onlyOpenAi);

    connector.collect(SourceConnector.target(root), ctx);

    assertThat(ctx.facts(FactType.FILE))
        .extracting(f -> f.value() + " " + f.attribute("name"))
        .containsExactlyInAnyOrder(
            ".github/copilot-instructions.md copilot-instructions.md",
            "CLAUDE.md CLAUDE.md",
            "src/ai.py ai.py",
            "src/plain.py plain.py");
    assertThat(ctx.values(FactType.IMPORT)).containsExactly("openai");
    assertThat(ctx.values(FactType.STRING_LITERAL)).doesNotContain("svc");
    assertThat(ctx.units()).isEqualTo(2);
  }

  @Test
  void sourceSavedAsUtf16ByAWindowsEditorIsScannedWithItsLines() {
    Path root = dir.resolve("desktop");
    String cs = "// Assistant.cs\r\nusing OpenAI.Chat;\r\n\r\nclass Assistant { }\r\n";
    String ps = "# deploy.ps1\r\nImport-Module Az\r\n";
    byte[] csBytes = cs.getBytes(StandardCharsets.UTF_16); // big-endian, with its mark
    byte[] mark = {(byte) 0xFF, (byte) 0xFE};
    byte[] py = "import os\nimport openai\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] pyBytes = java.util.Arrays.copyOf(mark, mark.length + py.length);
    System.arraycopy(py, 0, pyBytes, mark.length, py.length);
    FixtureTree.in(root)
        .bytes("Assistant.cs", csBytes)
        .bytes("tools/ask.py", pyBytes)
        .bytes("deploy.ps1", ps.getBytes(StandardCharsets.UTF_16));
    RecordingContext ctx =
        new RecordingContext()
            .withContentFilter(
                (bytes, offset, length) ->
                    new String(bytes, offset, length, StandardCharsets.UTF_8).contains("penAI")
                        || new String(bytes, offset, length, StandardCharsets.UTF_8)
                            .contains("openai"));

    connector.collect(SourceConnector.target(root), ctx);

    assertThat(ctx.facts(FactType.IMPORT))
        .extracting(f -> f.value() + " @ " + f.location())
        .contains("OpenAI.Chat @ Assistant.cs:2", "openai @ tools/ask.py:2");
    assertThat(ctx.warnings()).isEmpty();
  }

  @Test
  void targetsAreNamedByTheirDirectoryAndIdentifiedByTheirAbsolutePath() {
    Target t = SourceConnector.target(Path.of("relative/dir/shop"));
    assertThat(t.name()).isEqualTo("shop");
    assertThat(t.kind()).isEqualTo("source");
    assertThat(t.id()).isEqualTo("source:" + Path.of("relative/dir/shop").toAbsolutePath());
  }
}
