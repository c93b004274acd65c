package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoExtractorTest {
  @TempDir Path root;

  @Test
  void goOpenAiClient() {
    String source =
        """
        package main

        import (
        	"context" // EXPECT: import context
        	"fmt"; "strings" // EXPECT: import fmt EXPECT: import strings
        	openai "github.com/sashabaranov/go-openai" // EXPECT: import github.com/sashabaranov/go-openai flags=alias
        	_ "embed" // EXPECT: import embed flags=alias
        	"os" // EXPECT: import os
        )

        import "github.com/anthropics/anthropic-sdk-go" // EXPECT: import github.com/anthropics/anthropic-sdk-go

        /* import "commented/out" */
        //go:embed prompt.txt
        var prompt string

        var fallback string = "gpt-4o" // EXPECT: string-literal gpt-4o key=fallback

        func main() {
        	client := openai.NewClient(os.Getenv("OPENAI_API_KEY")) // EXPECT: env-var OPENAI_API_KEY origin=code EXPECT: string-literal OPENAI_API_KEY
        	key, ok := os.LookupEnv("ANTHROPIC_API_KEY") // EXPECT: env-var ANTHROPIC_API_KEY origin=code
        	quote := '"'
        	tmpl := `{"model": "gpt-4o",
        "note": "raw \\n stays"}`
        	resp, err := client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
        		Model: "gpt-4o-mini", // EXPECT: string-literal gpt-4o-mini key=Model
        		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Hi\\tthere"}}, // EXPECT: string-literal "Hi\tthere" key=Content
        	})
        	fmt.Println("done", resp, err, key, ok, quote, tmpl) // EXPECT: string-literal done
        }
        """;
    RecordingContext ctx = ExtractorHarness.run(new GoExtractor(), root, "cmd/main.go", source);

    Expectations.assertMet(source, ctx.facts());
    Expectations.assertOnly(FactType.IMPORT, source, ctx.facts());
    Expectations.assertOnly(FactType.ENV_VAR, source, ctx.facts());
    assertThat(ctx.facts(FactType.STRING_LITERAL))
        .anyMatch(
            f ->
                f.value().equals("{\"model\": \"gpt-4o\",\n\"note\": \"raw \\n stays\"}")
                    && f.location().line() == 23)
        .noneMatch(f -> f.value().equals("os") || f.value().contains("commented"));
    assertThat(ctx.facts()).allMatch(f -> "go".equals(f.attribute(Fact.Attr.LANGUAGE)));
  }
}
