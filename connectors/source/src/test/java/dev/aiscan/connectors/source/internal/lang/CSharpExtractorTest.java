package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CSharpExtractorTest {
  @TempDir Path root;

  @Test
  void semanticKernelService() {
    String source =
        """
        global using System.Text.Json; // EXPECT: import System.Text.Json
        using System; // EXPECT: import System
        using static System.Console; // EXPECT: import System.Console flags=static
        using OAI = Azure.AI.OpenAI; // EXPECT: import Azure.AI.OpenAI flags=alias
        using Maps = global::System.Collections.Generic.Dictionary<string, string>; // EXPECT: import System.Collections.Generic.Dictionary flags=alias
        using Azure.AI.OpenAI; // EXPECT: import Azure.AI.OpenAI
        using Microsoft.SemanticKernel; // EXPECT: import Microsoft.SemanticKernel
        // using Commented.Out;
        #region Don't break on apostrophes
        namespace Demo
        {
            using OpenAI.Chat; // EXPECT: import OpenAI.Chat

            public class ChatService
            {
                private const string Deployment = "gpt-4o"; // EXPECT: string-literal gpt-4o key=Deployment

                public async Task RunAsync(Document doc, int n)
                {
                    using var http = new HttpClient();
                    using (var stream = File.OpenRead("in.txt")) { } // EXPECT: string-literal in.txt
                    using HttpClient other = new();
                    await using var conn = Open();
                    var key = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY"); // EXPECT: env-var AZURE_OPENAI_API_KEY origin=code
                    var endpoint = new Uri(@"https://my.openai.azure.com/""q\"\"\"); // EXPECT: string-literal "https://my.openai.azure.com/\\"q\\""
                    char quote = '"';
                    var prompt = $"Summarise {doc.Title} in {n} words, {{braces}}"; // EXPECT: string-literal "Summarise " EXPECT: string-literal " in " EXPECT: string-literal " words, {braces}"
                    var path = $@"C:\\data\\{doc.Id}.json"; // EXPECT: string-literal "C:\\\\data\\\\" EXPECT: string-literal .json
                    var raw = \"\"\"
                        {"model": "gpt-4o-mini"}
                        \"\"\";
                    string json = $$\"\"\"{"deployment": "{{Deployment}}"}\"\"\"; // EXPECT: string-literal "{\\"deployment\\": \\"" EXPECT: string-literal "\\"}"
                    var escaped = "tab\\there \\u0041"; // EXPECT: string-literal "tab\there A" key=escaped
                }
            }
        }
        """;
    RecordingContext ctx =
        ExtractorHarness.run(new CSharpExtractor(), root, "src/ChatService.cs", source);

    Expectations.assertMet(source, ctx.facts());
    Expectations.assertOnly(FactType.IMPORT, source, ctx.facts());
    assertThat(ctx.facts(FactType.STRING_LITERAL))
        .anyMatch(
            f -> f.value().equals("{\"model\": \"gpt-4o-mini\"}") && f.location().line() == 29);
    assertThat(ctx.facts()).allMatch(f -> "csharp".equals(f.attribute(Fact.Attr.LANGUAGE)));
  }
}
