package dev.aiscan.connectors.dependencies.internal.go;

import static dev.aiscan.connectors.dependencies.internal.RecordingOutput.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoModReaderTest {
  @TempDir Path root;
  private final GoModReader reader = new GoModReader();
  private final RecordingOutput out = new RecordingOutput();

  @Test
  void requireBlocksIndirectAndReplace() {
    write(
        root,
        "svc/go.mod",
        """
        module github.com/acme/chatbot

        go 1.22

        require github.com/sashabaranov/go-openai v1.26.0

        require (
        \tgithub.com/gin-gonic/gin v1.10.0
        \tgolang.org/x/net v0.25.0 // indirect
        )

        replace github.com/gin-gonic/gin v1.10.0 => github.com/gin-gonic/gin v1.10.1
        replace github.com/acme/local => ../local
        """);
    write(
        root,
        "svc/go.sum",
        """
        github.com/sashabaranov/go-openai v1.26.0 h1:aaa=
        github.com/sashabaranov/go-openai v1.26.0/go.mod h1:bbb=
        github.com/gin-gonic/gin v1.10.1 h1:ccc=
        golang.org/x/net v0.25.0/go.mod h1:ddd=
        """);

    assertThat(reader.wants("svc/go.mod", "go.mod")).isTrue();
    reader.read(root, List.of("svc/go.mod", "svc/go.sum"), null, out);

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("github.com/sashabaranov/go-openai"))
        .isEqualTo(
            new Dependency(
                "go",
                "github.com/sashabaranov/go-openai",
                "v1.26.0",
                null,
                true,
                List.of("github.com/acme/chatbot", "github.com/sashabaranov/go-openai@v1.26.0"),
                "svc/go.mod",
                5));
    assertThat(out.one("github.com/gin-gonic/gin"))
        .extracting(Dependency::version, Dependency::line)
        .containsExactly("v1.10.1", 8);
    assertThat(out.one("golang.org/x/net"))
        .isEqualTo(
            new Dependency(
                "go",
                "golang.org/x/net",
                "v0.25.0",
                null,
                false,
                List.of("github.com/acme/chatbot", "golang.org/x/net@v0.25.0"),
                "svc/go.mod",
                9));
  }

  @Test
  void badLinesAndMissingSumsAreWarnings() {
    write(
        root,
        "go.mod",
        """
        module example.com/m
        require (
        \tgithub.com/sashabaranov/go-openai
        \tgithub.com/pkg/errors v0.9.1
        )
        """);
    write(root, "go.sum", "");

    reader.read(root, List.of("go.mod", "go.sum"), null, out);

    assertThat(out.warnings)
        .containsExactly(
            "go.mod:3 cannot read the require on this line",
            "go.mod:4 go.sum has no entry for github.com/pkg/errors v0.9.1");
    assertThat(out.one("github.com/pkg/errors").direct()).isTrue();
  }
}
