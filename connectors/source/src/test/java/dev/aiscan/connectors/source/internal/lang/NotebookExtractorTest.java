package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookExtractorTest {
  @TempDir Path root;

  private final NotebookExtractor extractor = new NotebookExtractor();

  @Test
  void codeCellsAreScannedWithCellLocations() {
    String notebook =
        """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "metadata": {},
           "source": ["# RAG demo\\n", "import not_code\\n", "!pip install not-a-package"]
          },
          {
           "cell_type": "code",
           "execution_count": 1,
           "metadata": {},
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["import from_output\\n"]},
                       {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo="}}],
           "source": [
            "%pip install -q openai==1.40.0 \\"langchain[all]>=0.2\\" -U --index-url https://example.org/simple\\n",
            "import openai\\n",
            "client = openai.OpenAI()"
           ]
          },
          {
           "cell_type": "code",
           "execution_count": 2,
           "metadata": {},
           "outputs": [],
           "source": "!pip3 install anthropic transformers torch --quiet  # deps\\nfrom anthropic import Anthropic\\n%matplotlib inline\\nkey = os.environ['ANTHROPIC_API_KEY']\\n%conda install -c conda-forge faiss-cpu=1.8.0 -y"
          },
          {"cell_type": "raw", "metadata": {}, "source": "import raw_cell"}
         ],
         "metadata": {
          "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
          "language_info": {"name": "python", "version": "3.11.4"}
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;
    RecordingContext ctx = ExtractorHarness.run(extractor, root, "notebooks/rag.ipynb", notebook);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.facts(FactType.PACKAGE))
        .extracting(
            Fact::value,
            f -> f.attribute(Fact.Attr.ECOSYSTEM),
            f -> f.attribute(Fact.Attr.VERSION),
            f -> f.location().cell(),
            f -> f.location().line())
        .containsExactly(
            tuple("openai", "pypi", "1.40.0", 2, 1),
            tuple("langchain", "pypi", null, 2, 1),
            tuple("anthropic", "pypi", null, 3, 1),
            tuple("transformers", "pypi", null, 3, 1),
            tuple("torch", "pypi", null, 3, 1),
            tuple("faiss-cpu", "conda", "1.8.0", 3, 5));
    assertThat(ctx.facts(FactType.IMPORT))
        .extracting(Fact::value, f -> f.location().cell(), f -> f.location().line())
        .containsExactly(
            tuple("openai", 2, 2), tuple("anthropic", 3, 2), tuple("anthropic.Anthropic", 3, 2));
    assertThat(ctx.facts(FactType.ENV_VAR))
        .extracting(
            Fact::value,
            f -> f.location().cell(),
            f -> f.location().line(),
            f -> f.attribute(Fact.Attr.ORIGIN))
        .containsExactly(tuple("ANTHROPIC_API_KEY", 3, 4, "code"));
    assertThat(ctx.facts())
        .allMatch(
            f ->
                "notebooks/rag.ipynb".equals(f.location().file())
                    && "python".equals(f.attribute(Fact.Attr.LANGUAGE)))
        .noneMatch(
            f ->
                f.value().contains("not_code")
                    || f.value().contains("from_output")
                    || f.value().contains("raw_cell"));
  }

  @Test
  void shellCellMagicAndNbformat3() {
    String notebook =
        """
        {"metadata": {"name": "old"}, "nbformat": 3, "worksheets": [{"cells": [
          {"cell_type": "code", "language": "python", "input": ["%%bash\\n", "pip install --upgrade google-generativeai\\n", "echo done"]},
          {"cell_type": "code", "language": "python", "input": "import vertexai"}
        ]}]}
        """;
    RecordingContext ctx = ExtractorHarness.run(extractor, root, "old.ipynb", notebook);

    assertThat(ctx.facts(FactType.PACKAGE))
        .extracting(Fact::value, f -> f.location().cell(), f -> f.location().line())
        .containsExactly(tuple("google-generativeai", 1, 2));
    assertThat(ctx.facts(FactType.IMPORT))
        .extracting(Fact::value, f -> f.location().cell())
        .containsExactly(tuple("vertexai", 2));
  }

  @Test
  void otherKernelsAreSkipped() {
    String notebook =
        """
        {"cells": [{"cell_type": "code", "source": "library(openai)\\nx <- 'gpt-4o'"}],
         "metadata": {"kernelspec": {"language": "R", "name": "ir"}}}
        """;
    RecordingContext ctx = ExtractorHarness.run(extractor, root, "r.ipynb", notebook);

    assertThat(ctx.facts()).isEmpty();
    assertThat(ctx.warnings()).isEmpty();
  }

  @Test
  void malformedJsonIsOneLineScanExceptionWithTheLine() {
    String notebook =
        "{\n \"cells\": [\n  {\"cell_type\": \"code\", \"source\": sk-secret-value}\n ]\n}\n";
    RecordingContext ctx = ExtractorHarness.run(extractor, root, "bad.ipynb", notebook);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.message())
                  .startsWith("ScanException: invalid notebook JSON at line 3: ")
                  .doesNotContain("sk-secret")
                  .doesNotContain("\n");
              assertThat(w.source()).isEqualTo("bad.ipynb");
            });
  }

  @Test
  void truncatedJsonAndHugeCellsAreHandled() {
    String cut = "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"import openai";
    assertThat(ExtractorHarness.run(extractor, root, "cut.ipynb", cut).warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .contains("invalid notebook JSON")
                    .contains("unexpected end of input"));

    String big = "x = 1\\n".repeat(200_000) + "import openai";
    RecordingContext ctx =
        ExtractorHarness.run(
            extractor,
            root,
            "big.ipynb",
            "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"import torch\\n" + big + "\"}]}");
    assertThat(ctx.values(FactType.IMPORT)).containsExactly("torch");
    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> assertThat(w.message()).contains("cell 1").contains("only its start was scanned"));
  }
}
