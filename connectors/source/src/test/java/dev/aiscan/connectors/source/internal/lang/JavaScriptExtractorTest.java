package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaScriptExtractorTest {
  @TempDir Path root;

  private final JavaScriptExtractor extractor = new JavaScriptExtractor();

  @Test
  void typeScriptAnthropicClient() {
    String source =
        """
        #!/usr/bin/env -S npx tsx
        import Anthropic from '@anthropic-ai/sdk'; // EXPECT: import @anthropic-ai/sdk
        import type { MessageParam } from "@anthropic-ai/sdk/resources/messages"; // EXPECT: import @anthropic-ai/sdk/resources/messages
        import { ChatOpenAI,
          OpenAIEmbeddings as Embeddings } from "@langchain/openai"; // EXPECT: import @langchain/openai
        import "dotenv/config"; // EXPECT: import dotenv/config
        import fs = require("fs"); // EXPECT: import fs
        export { z } from 'zod'; // EXPECT: import zod
        export * as tools from './tools'; // EXPECT: import ./tools
        export const version = "1.0"; // EXPECT: string-literal 1.0 key=version
        const OpenAI = require('openai'); // EXPECT: import openai
        /* import fake from 'commented-out';
           const x = require("also-commented"); */
        // import other from 'line-comment';
        const banner = "import nope from 'inside-string'"; // EXPECT: string-literal "import nope from 'inside-string'" key=banner
        const quoteRe = /["'`]+/g; const after = "still-lexed"; // EXPECT: string-literal still-lexed key=after
        const slashRe = /\\/\\*[^/]*\\*\\//; const after2 = 'after-regex'; // EXPECT: string-literal after-regex key=after2
        const css = width / 2 + "px" / 1; // EXPECT: string-literal px
        const apiKey = process.env.ANTHROPIC_API_KEY; // EXPECT: env-var ANTHROPIC_API_KEY origin=code
        const base = process.env["OPENAI_BASE_URL"] ?? 'https://api.openai.com/v1'; // EXPECT: env-var OPENAI_BASE_URL EXPECT: string-literal https://api.openai.com/v1
        const { GROQ_API_KEY, MISTRAL_API_KEY: mistral, ...rest } = process.env; // EXPECT: env-var GROQ_API_KEY EXPECT: env-var MISTRAL_API_KEY
        const viteKey = import.meta.env.VITE_OPENAI_KEY; // EXPECT: env-var VITE_OPENAI_KEY
        const client = new Anthropic({ apiKey });

        export async function main(topic: string): Promise<string> {
          const { default: Groq } = await import("groq-sdk"); // EXPECT: import groq-sdk
          const plugin = await import(`./plugins/${topic}.js`); // EXPECT: string-literal ./plugins/ EXPECT: string-literal .js
          const msg = await client.messages.create({
            model: "claude-3-5-sonnet-20241022", // EXPECT: string-literal claude-3-5-sonnet-20241022 key=model
            max_tokens: 1024,
            messages: [{ role: "user", content: `About ${topic.replace(/'/g, "")} in ${`nested ${1}`} words` }], // EXPECT: string-literal "About " EXPECT: string-literal " in " EXPECT: string-literal "nested " EXPECT: string-literal " words" EXPECT: string-literal user key=role
          });
          const plain = `gpt-4o-mini`; // EXPECT: string-literal gpt-4o-mini key=plain
          const multi = `line one
        line two`;
          return "end"; // EXPECT: string-literal end
        }
        """;
    RecordingContext ctx = ExtractorHarness.run(extractor, root, "src/agent.ts", source);

    Expectations.assertMet(source, ctx.facts());
    Expectations.assertOnly(FactType.IMPORT, source, ctx.facts());
    Expectations.assertOnly(FactType.ENV_VAR, source, ctx.facts());
    assertThat(ctx.facts()).allMatch(f -> "typescript".equals(f.attribute(Fact.Attr.LANGUAGE)));
    assertThat(ctx.facts(FactType.STRING_LITERAL))
        .noneMatch(f -> f.value().contains("commented") || f.value().equals("@anthropic-ai/sdk"))
        .anyMatch(f -> f.value().equals("line one\nline two") && f.location().line() == 34);
  }

  @Test
  void commonJsIsJavaScript() {
    String source =
        """
        'use strict';
        const { OpenAI } = require("openai"); // EXPECT: import openai
        const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); // EXPECT: env-var OPENAI_API_KEY
        module.exports = { model: 'gpt-4o' }; // EXPECT: string-literal gpt-4o key=model
        """;
    RecordingContext ctx = ExtractorHarness.run(extractor, root, "lib/index.cjs", source);

    Expectations.assertMet(source, ctx.facts());
    assertThat(ctx.facts()).allMatch(f -> "javascript".equals(f.attribute(Fact.Attr.LANGUAGE)));
  }

  @Test
  void jsxTextWithApostropheCostsOnlyItsLine() {
    String source =
        """
        import React from "react"; // EXPECT: import react
        export const Hint = () => (
          <p>Don't paste your key here</p>
        );
        const label = "after jsx"; // EXPECT: string-literal "after jsx" key=label
        """;
    RecordingContext ctx = ExtractorHarness.run(extractor, root, "ui/Hint.jsx", source);

    Expectations.assertMet(source, ctx.facts());
  }

  @ParameterizedTest
  @CsvSource({
    "src/a.js, true",
    "src/a.mjs, true",
    "src/a.cjs, true",
    "src/A.jsx, true",
    "src/a.ts, true",
    "src/a.mts, true",
    "src/a.cts, true",
    "src/A.tsx, true",
    "dist/app.min.js, false",
    "types/index.d.ts, false",
    "types/index.d.mts, false",
    "src/a.json, false"
  })
  void acceptsSourcesButNotBundlesOrDeclarations(String path, boolean accepted) {
    assertThat(extractor.accepts(new SourceFile(root.resolve(path), path, 0, m -> {})))
        .isEqualTo(accepted);
  }
}
