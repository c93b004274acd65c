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

class DotEnvExtractorTest {
  private final DotEnvExtractor extractor = new DotEnvExtractor();
  @TempDir Path root;

  @Test
  void exportsQuotesAndComments() {
    String content =
        """
        # API keys for local development
        OPENAI_API_KEY=sk-test-0000
        export ANTHROPIC_API_KEY="sk-ant-\\"quoted\\"\\n"

        MODEL = 'gpt-4o-mini'   # default model
        OLLAMA_HOST=http://localhost:11434 # trailing comment
        HASH_IN_VALUE=abc#def
        SYSTEM_PROMPT="You are
        a helpful assistant"
        EMPTY=
        not a variable line
        """;

    RecordingContext context = ExtractorHarness.run(extractor, root, ".env", content);

    Fact openai = one(context, FactType.ENV_VAR, "OPENAI_API_KEY");
    assertThat(line(openai)).isEqualTo(2);
    assertThat(openai.attributes())
        .containsEntry("origin", "dotenv")
        .containsEntry("language", "dotenv");
    assertThat(line(literal(context, "sk-test-0000", "OPENAI_API_KEY"))).isEqualTo(2);
    assertThat(line(literal(context, "sk-ant-\"quoted\"\n", "ANTHROPIC_API_KEY"))).isEqualTo(3);
    assertThat(line(literal(context, "gpt-4o-mini", "MODEL"))).isEqualTo(5);
    assertThat(literal(context, "http://localhost:11434", "OLLAMA_HOST")).isNotNull();
    assertThat(literal(context, "abc#def", "HASH_IN_VALUE")).isNotNull();
    assertThat(line(literal(context, "You are\na helpful assistant", "SYSTEM_PROMPT")))
        .isEqualTo(8);
    assertThat(context.values(FactType.ENV_VAR))
        .containsExactly(
            "OPENAI_API_KEY",
            "ANTHROPIC_API_KEY",
            "MODEL",
            "OLLAMA_HOST",
            "HASH_IN_VALUE",
            "SYSTEM_PROMPT",
            "EMPTY");
    assertThat(line(one(context, FactType.ENV_VAR, "EMPTY"))).isEqualTo(10);
    assertThat(context.warnings()).isEmpty();
  }

  @Test
  void unterminatedQuoteWarnsAndLaterLinesStillCount() {
    String content = "A=\"never closed\nB=2\nC='x'\n";

    RecordingContext context = ExtractorHarness.run(extractor, root, ".env.local", content);

    assertThat(context.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("test/.env.local:1");
              assertThat(w.message()).doesNotContain("never closed");
            });
    assertThat(literal(context, "never closed", "A")).isNotNull();
    assertThat(line(literal(context, "2", "B"))).isEqualTo(2);
    assertThat(literal(context, "x", "C")).isNotNull();
  }

  @Test
  void acceptsDotEnvNames() {
    assertThat(extractor.accepts(file(".env"))).isTrue();
    assertThat(extractor.accepts(file("app/.env.production"))).isTrue();
    assertThat(extractor.accepts(file("config/prod.env"))).isTrue();
    assertThat(extractor.accepts(file("environment.yml"))).isFalse();
    assertThat(extractor.accepts(file("src/env.py"))).isFalse();
  }

  private static SourceFile file(String relative) {
    return new SourceFile(Path.of(relative), relative, 0, m -> {});
  }
}
