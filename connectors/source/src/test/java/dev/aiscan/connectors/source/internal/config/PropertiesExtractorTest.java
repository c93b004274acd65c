package dev.aiscan.connectors.source.internal.config;

import static dev.aiscan.connectors.source.internal.config.Facts.line;
import static dev.aiscan.connectors.source.internal.config.Facts.literal;
import static dev.aiscan.connectors.source.internal.config.Facts.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesExtractorTest {
  private final PropertiesExtractor extractor = new PropertiesExtractor();
  @TempDir Path root;

  @Test
  void springAndLangChain4jProperties() {
    String content =
        """
        # LangChain4j with OpenAI
        ! also a comment
        langchain4j.open-ai.chat-model.api-key=${OPENAI_API_KEY}
        langchain4j.open-ai.chat-model.model-name=gpt-4o-mini
        spring.ai.openai.base-url : https://api.openai.com
        server.port 8080

        empty.value=
        """;

    RecordingContext context =
        ExtractorHarness.run(extractor, root, "src/main/resources/application.properties", content);

    Fact key = one(context, FactType.CONFIG_KEY, "langchain4j.open-ai.chat-model.model-name");
    assertThat(line(key)).isEqualTo(4);
    assertThat(key.attributes())
        .containsEntry("origin", "properties")
        .containsEntry("language", "properties");
    assertThat(key.location().file()).isEqualTo("src/main/resources/application.properties");
    assertThat(line(literal(context, "gpt-4o-mini", "langchain4j.open-ai.chat-model.model-name")))
        .isEqualTo(4);
    assertThat(
            line(literal(context, "${OPENAI_API_KEY}", "langchain4j.open-ai.chat-model.api-key")))
        .isEqualTo(3);
    assertThat(line(literal(context, "https://api.openai.com", "spring.ai.openai.base-url")))
        .isEqualTo(5);
    assertThat(line(literal(context, "8080", "server.port"))).isEqualTo(6);
    assertThat(context.values(FactType.CONFIG_KEY))
        .containsExactly(
            "langchain4j.open-ai.chat-model.api-key",
            "langchain4j.open-ai.chat-model.model-name",
            "spring.ai.openai.base-url",
            "server.port",
            "empty.value");
    assertThat(context.facts(FactType.STRING_LITERAL)).hasSize(4);
    assertThat(context.warnings()).isEmpty();
  }

  @Test
  void continuationsAndEscapes() {
    String content =
        "a.prompt=You are \\\n"
            + "    a helpful \\\n"
            + "\tassistant\n"
            + "b.key\\:with\\=separators = tab\\there \\u0041\\\\\n"
            + "c.windows=C:\\\\models\\\\llama.gguf\r\n"
            + "# comment ending with backslash \\\n"
            + "d.after=comment\n";

    RecordingContext context = ExtractorHarness.run(extractor, root, "app.properties", content);

    assertThat(line(literal(context, "You are a helpful assistant", "a.prompt"))).isEqualTo(1);
    assertThat(line(literal(context, "tab\there A\\", "b.key:with=separators"))).isEqualTo(4);
    assertThat(line(literal(context, "C:\\models\\llama.gguf", "c.windows"))).isEqualTo(5);
    assertThat(line(literal(context, "comment", "d.after"))).isEqualTo(7);
    assertThat(context.warnings()).isEmpty();
  }

  @Test
  void malformedUnicodeEscapeWarnsWithTheLineAndGoesOn() {
    String content = "good=1\nbad=\\u12G4\nnext=2\n";

    RecordingContext context = ExtractorHarness.run(extractor, root, "x.properties", content);

    assertThat(context.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("test/x.properties:2");
              assertThat(w.message()).contains("\\uxxxx").doesNotContain("12G4");
            });
    assertThat(context.values(FactType.CONFIG_KEY)).containsExactly("good", "bad", "next");
  }

  @Test
  void continuationAtEndOfFileAndGarbage() {
    RecordingContext context = ExtractorHarness.run(extractor, root, "y.properties", "k=v\\");
    assertThat(literal(context, "v", "k")).isNotNull();

    RecordingContext garbage =
        ExtractorHarness.run(extractor, root, "z.properties", "=\n:::\n\\\n\u00ff\u1234 \\u\n");
    assertThat(garbage.warnings()).hasSize(1);
  }

  @Test
  void acceptsPropertiesFilesOnly() {
    assertThat(extractor.accepts(file("config/application-prod.properties"))).isTrue();
    assertThat(extractor.accepts(file("application.yml"))).isFalse();
  }

  private static SourceFile file(String relative) {
    return new SourceFile(Path.of(relative), relative, 0, m -> {});
  }
}
