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

class DockerfileExtractorTest {
  private final DockerfileExtractor extractor = new DockerfileExtractor();
  @TempDir Path root;

  @Test
  void multiStageBuild() {
    String content =
        """
        # syntax=docker/dockerfile:1
        ARG PYTHON_VERSION=3.12
        FROM --platform=linux/amd64 python:${PYTHON_VERSION}-slim AS builder
        ENV PIP_NO_CACHE_DIR=1 \\
            HF_HOME="/models/hugging face"
        RUN pip install --prefix=/install \\
        # a comment inside a continuation
            openai langchain
        RUN <<EOF
        FROM not-an-image
        ENV NOT_A_VAR=1
        EOF

        FROM builder AS test
        FROM scratch AS empty
        FROM ollama/ollama:0.3.12
        COPY --from=builder /install /usr/local
        ENV OLLAMA_MODELS /root/.ollama/models
        ARG OPENAI_API_KEY
        ENV MODEL=llama3.1:8b OLLAMA_HOST=0.0.0.0
        """;

    RecordingContext context = ExtractorHarness.run(extractor, root, "Dockerfile", content);

    assertThat(context.values(FactType.CONTAINER_IMAGE))
        .containsExactly("python:${PYTHON_VERSION}-slim", "ollama/ollama:0.3.12");
    Fact python = one(context, FactType.CONTAINER_IMAGE, "python:${PYTHON_VERSION}-slim");
    assertThat(line(python)).isEqualTo(3);
    assertThat(python.attributes())
        .containsEntry("origin", "dockerfile")
        .containsEntry("language", "dockerfile");
    assertThat(line(one(context, FactType.CONTAINER_IMAGE, "ollama/ollama:0.3.12"))).isEqualTo(16);

    assertThat(context.values(FactType.ENV_VAR))
        .containsExactly(
            "PYTHON_VERSION",
            "PIP_NO_CACHE_DIR",
            "HF_HOME",
            "OLLAMA_MODELS",
            "OPENAI_API_KEY",
            "MODEL",
            "OLLAMA_HOST");
    Fact hfHome = one(context, FactType.ENV_VAR, "HF_HOME");
    assertThat(line(hfHome)).isEqualTo(4);
    assertThat(hfHome.attribute("origin")).isEqualTo("dockerfile");
    assertThat(line(literal(context, "/models/hugging face", "HF_HOME"))).isEqualTo(4);
    assertThat(line(literal(context, "3.12", "PYTHON_VERSION"))).isEqualTo(2);
    assertThat(line(literal(context, "/root/.ollama/models", "OLLAMA_MODELS"))).isEqualTo(18);
    assertThat(line(one(context, FactType.ENV_VAR, "OPENAI_API_KEY"))).isEqualTo(19);
    assertThat(line(literal(context, "llama3.1:8b", "MODEL"))).isEqualTo(20);
    assertThat(context.warnings()).isEmpty();
  }

  @Test
  void escapeDirectiveForWindowsImages() {
    String content =
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV MODEL_DIR=C:\\models `\n    MODEL=phi-3\n";

    RecordingContext context = ExtractorHarness.run(extractor, root, "win.dockerfile", content);

    assertThat(context.values(FactType.CONTAINER_IMAGE))
        .containsExactly("mcr.microsoft.com/windows/servercore:ltsc2022");
    assertThat(literal(context, "C:\\models", "MODEL_DIR")).isNotNull();
    assertThat(line(literal(context, "phi-3", "MODEL"))).isEqualTo(3);
  }

  @Test
  void garbageDoesNotThrow() {
    RecordingContext context =
        ExtractorHarness.run(
            extractor,
            root,
            "Containerfile",
            "FROM\nENV\nARG =\nENV \"unclosed\nFROM --platform=x\n\\\n");
    assertThat(context.warnings()).isEmpty();
    assertThat(context.facts(FactType.CONTAINER_IMAGE)).isEmpty();
  }

  @Test
  void acceptsDockerfileNames() {
    assertThat(extractor.accepts(file("Dockerfile"))).isTrue();
    assertThat(extractor.accepts(file("docker/Dockerfile.gpu"))).isTrue();
    assertThat(extractor.accepts(file("api.dockerfile"))).isTrue();
    assertThat(extractor.accepts(file("Containerfile"))).isTrue();
    assertThat(extractor.accepts(file("Dockerfile-notes.md"))).isFalse();
    assertThat(extractor.accepts(file(".dockerignore"))).isFalse();
  }

  private static SourceFile file(String relative) {
    return new SourceFile(Path.of(relative), relative, 0, m -> {});
  }
}
