package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Warning;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaExtractorTest {
  @TempDir Path root;

  private final JavaExtractor extractor = new JavaExtractor();

  private RecordingContext run(String relative, String source) {
    return ExtractorHarness.run(extractor, root, relative, source);
  }

  @Test
  void langChain4jSpringAiAndOpenAiSdk() {
    String source =
        """
        package com.example.ai;

        import dev.langchain4j.model.openai.OpenAiChatModel; // EXPECT: import dev.langchain4j.model.openai.OpenAiChatModel
        import dev.langchain4j.model.chat.ChatModel; // EXPECT: import dev.langchain4j.model.chat.ChatModel
        import org.springframework.ai.chat.client.ChatClient; // EXPECT: import org.springframework.ai.chat.client.ChatClient
        import org.springframework.beans.factory.annotation.Value; // EXPECT: import org.springframework.beans.factory.annotation.Value
        import org.springframework.stereotype.Service; // EXPECT: import org.springframework.stereotype.Service
        import org.springframework.web.servlet.ModelAndView; // EXPECT: import org.springframework.web.servlet.ModelAndView
        import com.openai.client.OpenAIClient; // EXPECT: import com.openai.client.OpenAIClient
        import com.openai.client.okhttp.OpenAIOkHttpClient; // EXPECT: import com.openai.client.okhttp.OpenAIOkHttpClient
        import com.openai.models.chat.completions.ChatCompletionCreateParams; // EXPECT: import com.openai.models.chat.completions.ChatCompletionCreateParams
        import static java.util.Objects.requireNonNull; // EXPECT: import java.util.Objects.requireNonNull flags=static
        import static org.assertj.core.api.Assertions.*; // EXPECT: import org.assertj.core.api.Assertions flags=static,wildcard
        import java.util.*; // EXPECT: import java.util flags=wildcard
        /* import commented.Out; */

        @Service // EXPECT: annotation org.springframework.stereotype.Service
        public class AssistantService extends BaseService implements Assistant, java.io.Serializable { // EXPECT: type-reference BaseService EXPECT: type-reference Assistant EXPECT: type-reference java.io.Serializable
          private static final String MODEL = "gpt-4o-mini"; // EXPECT: string-literal gpt-4o-mini key=MODEL
          private double temperature = 0.7;
          @Value("${spring.ai.openai.api-key}") // EXPECT: annotation org.springframework.beans.factory.annotation.Value EXPECT: string-literal ${spring.ai.openai.api-key}
          private String apiKey;
          private final ChatClient chatClient; // EXPECT: type-reference org.springframework.ai.chat.client.ChatClient

          public <T> T pick(List<T> all) { // EXPECT: type-reference List (wildcard imports do not qualify)
            return all.get(0);
          }

          public String ask(String question) { // EXPECT: type-reference String
            ChatModel model = OpenAiChatModel.builder().modelName("gpt-4o-mini").build(); // EXPECT: type-reference dev.langchain4j.model.chat.ChatModel EXPECT: type-reference dev.langchain4j.model.openai.OpenAiChatModel EXPECT: call builder receiver=dev.langchain4j.model.openai.OpenAiChatModel context=OpenAiChatModel.builder EXPECT: call modelName receiver=dev.langchain4j.model.openai.OpenAiChatModel context=OpenAiChatModel.builder().modelName EXPECT: string-literal gpt-4o-mini context=OpenAiChatModel.builder().modelName
            ChatModel other = OpenAiChatModel.builder() // EXPECT: call apiKey context=OpenAiChatModel.builder().apiKey EXPECT: call build receiver=dev.langchain4j.model.openai.OpenAiChatModel context=OpenAiChatModel.builder().apiKey().temperature().build (a chain is reported where it starts)
                .apiKey(System.getenv("OPENAI_API_KEY")) // EXPECT: env-var OPENAI_API_KEY origin=code EXPECT: string-literal OPENAI_API_KEY context=System.getenv EXPECT: call getenv receiver=System context=System.getenv
                .temperature(0.2)
                .build();
            OpenAIClient client = OpenAIOkHttpClient.fromEnv(); // EXPECT: call fromEnv receiver=com.openai.client.okhttp.OpenAIOkHttpClient
            var params = ChatCompletionCreateParams.builder().model("gpt-4.1").addUserMessage(question).build(); // EXPECT: string-literal gpt-4.1 context=ChatCompletionCreateParams.builder().model
            String reply = client.chat().completions().create(params).choices().get(0).message().content().orElse(""); // EXPECT: call create receiver=client context=client.chat().completions().create
            String system = \"""
                You are a helpful assistant.
                Answer in "one" line.\""";
            this.apiKey = "sk-" + question; // EXPECT: string-literal sk- key=apiKey
            return chatClient.prompt().system(system).user(question).call().content(); // EXPECT: call content receiver=chatClient context=chatClient.prompt().system().user().call().content
          }

          public ModelAndView page() { // EXPECT: type-reference org.springframework.web.servlet.ModelAndView
            log(AssistantService.class, new StringBuilder("a").append("b")); // EXPECT: type-reference AssistantService EXPECT: string-literal a context="new StringBuilder" EXPECT: call append receiver=StringBuilder context="new StringBuilder().append"
            return new ModelAndView("index"); // EXPECT: type-reference org.springframework.web.servlet.ModelAndView EXPECT: string-literal index context="new ModelAndView"
          }
        }
        """;
    RecordingContext ctx = run("src/main/java/com/example/ai/AssistantService.java", source);

    Expectations.assertMet(source, ctx.facts());
    Expectations.assertOnly(FactType.IMPORT, source, ctx.facts());
    assertThat(ctx.facts(FactType.TYPE_REFERENCE)).noneMatch(f -> f.value().equals("T"));
    assertThat(ctx.facts(FactType.STRING_LITERAL))
        .filteredOn(f -> "system".equals(f.attribute(Fact.Attr.KEY)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.value())
                  .isEqualTo("You are a helpful assistant.\nAnswer in \"one\" line.");
              assertThat(f.location().line()).isEqualTo(38);
            });
    assertThat(ctx.facts()).allMatch(f -> "java".equals(f.attribute(Fact.Attr.LANGUAGE)));
    assertThat(ctx.warnings()).isEmpty();
  }

  @Test
  void syntaxErrorStillYieldsImportsAndWarnsWithTheLine() {
    String source =
        """
        package com.example;

        import dev.langchain4j.model.openai.OpenAiChatModel; // EXPECT: import dev.langchain4j.model.openai.OpenAiChatModel
        /* import commented.Out; */
        // import line.Comment;
        import static org.junit.jupiter.api.Assertions.*; // EXPECT: import org.junit.jupiter.api.Assertions flags=static,wildcard
        import com.openai.client.OpenAIClient // EXPECT: import com.openai.client.OpenAIClient

        class Broken {
          String s = "import fake.Inside;";
          void f() {
            int x = ; String key = "sk-do-not-log";
            OpenAiChatModel.builder().modelName("gpt-4o");
          }
        }
        """;
    RecordingContext ctx = run("src/Broken.java", source);

    Expectations.assertMet(source, ctx.facts());
    Expectations.assertOnly(FactType.IMPORT, source, ctx.facts());
    assertThat(ctx.warnings()).hasSize(1);
    Warning w = ctx.warnings().get(0);
    assertThat(w.message())
        .startsWith("Java syntax error: ")
        .contains("line 7")
        .doesNotContain("sk-")
        .doesNotContain("\n");
    assertThat(w.source()).isEqualTo("test/src/Broken.java:7");
  }

  @Test
  void errorInsideABodyKeepsTheRestOfTheFile() {
    String source =
        """
        import dev.langchain4j.model.openai.OpenAiChatModel; // EXPECT: import dev.langchain4j.model.openai.OpenAiChatModel

        class Half {
          void f() {
            int x = ;
          }
          Object g() {
            return OpenAiChatModel.builder().modelName("gpt-4o"); // EXPECT: call modelName receiver=dev.langchain4j.model.openai.OpenAiChatModel EXPECT: string-literal gpt-4o
          }
        }
        """;
    RecordingContext ctx = run("Half.java", source);

    Expectations.assertMet(source, ctx.facts());
    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.source()).endsWith("Half.java:5"));
  }

  @Test
  void deepNestingDoesNotEscapeAsAnError() {
    String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
    String source =
        "import dev.langchain4j.model.openai.OpenAiChatModel;\nclass Deep { int x = "
            + deep
            + "; }\n";
    RecordingContext ctx = run("Deep.java", source);

    assertThat(ctx.values(FactType.IMPORT))
        .containsExactly("dev.langchain4j.model.openai.OpenAiChatModel");
    assertThat(ctx.warnings()).allSatisfy(w -> assertThat(w.message()).startsWith("Java "));
  }
}
