package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonExtractorTest {
  @TempDir Path root;

  private final PythonExtractor extractor = new PythonExtractor();

  private RecordingContext run(String relative, String source) {
    return ExtractorHarness.run(extractor, root, relative, source);
  }

  @Test
  void llmClientModule() {
    String source =
        """
        \"\"\"Chat helpers.

        Example:
            import fake_in_docstring
            from fake.docstring import thing
        \"\"\"
        import os  # EXPECT: import os
        import json, sys as system  # EXPECT: import json EXPECT: import sys flags=alias
        from openai import OpenAI  # EXPECT: import openai EXPECT: import openai.OpenAI
        from anthropic import (  # EXPECT: import anthropic
            Anthropic,  # EXPECT: import anthropic.Anthropic
            AsyncAnthropic as Async,  # EXPECT: import anthropic.AsyncAnthropic flags=alias
        )
        from langchain_openai import ChatOpenAI; import tiktoken  # EXPECT: import langchain_openai EXPECT: import langchain_openai.ChatOpenAI EXPECT: import tiktoken
        from transformers import *  # EXPECT: import transformers
        import torch.nn as nn, torch.nn.functional as F  # EXPECT: import torch.nn flags=alias EXPECT: import torch.nn.functional flags=alias
        from . import helpers
        from .prompts import SYSTEM
        from ..util import retry
        # import commented_out
        # from commented import out

        try:
            import google.generativeai as genai  # EXPECT: import google.generativeai flags=alias
        except ImportError:
            genai = None

        API_KEY = os.getenv("OPENAI_API_KEY")  # EXPECT: env-var OPENAI_API_KEY origin=code EXPECT: string-literal OPENAI_API_KEY
        BASE = os.environ["ANTHROPIC_BASE_URL"]  # EXPECT: env-var ANTHROPIC_BASE_URL origin=code
        ORG = os.environ.get('OPENAI_ORG', "none")  # EXPECT: env-var OPENAI_ORG EXPECT: string-literal none
        PROMPT = '''You are helpful.
        import not_an_import
        '''
        MODEL = "gpt-4o-mini"  # EXPECT: string-literal gpt-4o-mini key=MODEL
        model_id: str = "meta-llama/Llama-3-8B"  # EXPECT: string-literal meta-llama/Llama-3-8B key=model_id

        client = OpenAI(api_key=API_KEY)


        def ask(q: str) -> str:
            r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])  # EXPECT: string-literal gpt-4o key=model EXPECT: string-literal user key=role
            return f"Answer: {r.choices[0].message.content!r:>10} via {os.getenv('X_MODEL')}"  # EXPECT: string-literal "Answer: " EXPECT: string-literal " via " EXPECT: env-var X_MODEL


        claude = Anthropic()
        msg = claude.messages.create(model='claude-3-5-sonnet-latest', max_tokens=1024)  # EXPECT: string-literal claude-3-5-sonnet-latest key=model
        path = r"C:\\new\\table"  # EXPECT: string-literal "C:\\\\new\\\\table"
        nl = "a\\tb"  # EXPECT: string-literal "a\tb"
        star = f"\\N{COMET} {nl}"  # EXPECT: string-literal "☄ "
        joined = ("first "  # EXPECT: string-literal "first "
                  'second')  # EXPECT: string-literal second
        done = Rb'\\d+"' + "after"  # EXPECT: string-literal "\\\\d+\\"" EXPECT: string-literal after
        """;
    RecordingContext ctx = run("app/chat.py", source);

    Expectations.assertMet(source, ctx.facts());
    Expectations.assertOnly(FactType.IMPORT, source, ctx.facts());
    Expectations.assertOnly(FactType.ENV_VAR, source, ctx.facts());
    assertThat(ctx.facts()).allMatch(f -> "python".equals(f.attribute(Fact.Attr.LANGUAGE)));
    assertThat(ctx.warnings()).isEmpty();
  }

  @Test
  void multiLineStringsKeepLineNumbers() {
    String source =
        """
        DOC = \"\"\"line 1
        line 2 'with quotes' "and more"
        line 3\"\"\"
        other = '''x
        y'''  # EXPECT: string-literal "x\\ny" key=other
        import after_strings  # EXPECT: import after_strings
        s = "continued \\
        here"
        import after_continuation  # EXPECT: import after_continuation
        x = 1 + \\
            2; import after_line_join  # EXPECT: import after_line_join
        f = f\"\"\"{
            os.getenv("IN_HOLE")  # EXPECT: env-var IN_HOLE (a comment inside a replacement field)
        } tail\"\"\"  # EXPECT: string-literal " tail"
        import after_fstring  # EXPECT: import after_fstring
        """;
    RecordingContext ctx = run("lines.py", source);

    Expectations.assertMet(
        source.replace("# EXPECT: string-literal \"x\\ny\" key=other", ""), ctx.facts());
    assertThat(ctx.facts(FactType.STRING_LITERAL))
        .anySatisfy(
            f -> {
              assertThat(f.value()).isEqualTo("x\ny");
              assertThat(f.location().line()).isEqualTo(4);
              assertThat(f.attribute(Fact.Attr.KEY)).isEqualTo("other");
            })
        .anySatisfy(
            f -> {
              assertThat(f.value()).isEqualTo("continued here");
              assertThat(f.location().line()).isEqualTo(7);
              assertThat(f.attribute(Fact.Attr.KEY)).isEqualTo("s");
            })
        .anySatisfy(
            f -> {
              assertThat(f.value()).startsWith("line 1\nline 2");
              assertThat(f.location().line()).isEqualTo(1);
            });
  }

  @Test
  void djangoModelsAreOrdinaryFacts() {
    String source =
        """
        from django.db import models  # EXPECT: import django.db EXPECT: import django.db.models


        class Model(models.Model):
            temperature = models.FloatField(default=0.7)
            name = models.CharField(max_length=100, help_text="model name")  # EXPECT: string-literal "model name" key=help_text
        """;
    RecordingContext ctx = run("shop/models.py", source);

    Expectations.assertMet(source, ctx.facts());
    Expectations.assertOnly(FactType.IMPORT, source, ctx.facts());
  }

  @Test
  void unbalancedBracketDoesNotHideLaterImports() {
    String source =
        """
        x = call(1, 2
        import openai  # EXPECT: import openai
        def f():
            return "ok"  # EXPECT: string-literal ok
        """;
    RecordingContext ctx = run("broken.py", source);

    Expectations.assertMet(source, ctx.facts());
  }

  @Test
  void stubFilesAreAccepted() {
    RecordingContext ctx = run("openai/__init__.pyi", "from typing import Any  # typed\n");

    assertThat(ctx.values(FactType.IMPORT)).containsExactly("typing", "typing.Any");
  }
}
