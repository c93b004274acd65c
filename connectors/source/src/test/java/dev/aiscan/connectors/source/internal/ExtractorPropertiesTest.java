package dev.aiscan.connectors.source.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.spi.ContentFilter;
import dev.aiscan.testkit.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every extractor, reached as the connector reaches it ({@link Extractors#forFile}, a {@link
 * SourceFile} on a real file, a {@link FactWriter}), over arbitrary bytes: random bytes, random
 * syntax, truncated and corrupted valid files, NUL bytes, invalid UTF-8, 100k-deep nesting. The
 * only allowed outcomes are facts, warnings, and the two failures the engine turns into a warning
 * naming the file by design: a {@link ScanException} (the file cannot be read) and a {@link
 * StackOverflowError} ("nesting too deep to analyse"). Any other exception is a bug.
 */
class ExtractorPropertiesTest {
  private static final Path ROOT = tempRoot();

  /** A small valid file per name, naming AI, so that the extractors get past their prefilter. */
  private static final Map<String, String> SAMPLES = samples();

  @AfterContainer
  static void deleteRoot() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Example
  void everyExtractorIsCoveredByTheseNames() {
    List<Extractor> covered = new ArrayList<>();
    for (String name : SAMPLES.keySet()) {
      covered.add(extractorFor(name));
    }
    assertThat(covered).containsAll(Extractors.all());
    // the samples the truncation property starts from do mean something to their extractor
    for (String name : SAMPLES.keySet()) {
      if (extractorFor(name).readsWholeFile()) {
        assertThat(check(name, SAMPLES.get(name).getBytes(StandardCharsets.UTF_8)).facts())
            .as(name)
            .isNotEmpty();
      }
    }
  }

  @Property(tries = 300)
  void randomBytesYieldOnlyFactsWarningsOrScanExceptions(
      @ForAll("names") String name, @ForAll("randomBytes") byte[] content) {
    check(name, content);
  }

  @Property(tries = 400)
  void randomSyntaxYieldsOnlyFactsWarningsOrScanExceptions(
      @ForAll("names") String name, @ForAll("syntax") String content) {
    check(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 500)
  void truncatedAndCorruptedValidFilesYieldOnlyFactsWarningsOrScanExceptions(
      @ForAll("names") String name,
      @ForAll("cuts") int cut,
      @ForAll("cuts") int at,
      @ForAll byte inserted,
      @ForAll("corruptions") int corruption) {
    byte[] valid = SAMPLES.get(name).getBytes(StandardCharsets.UTF_8);
    byte[] content = Arrays.copyOf(valid, cut % (valid.length + 1));
    if (content.length > 0) {
      int i = at % content.length;
      switch (corruption) {
        case 0 -> content[i] = inserted; // any byte: NUL, a lone continuation byte, ...
        case 1 -> content[i] = (byte) 0xC3; // a UTF-8 lead byte without its continuation
        case 2 -> content = insert(content, i, new byte[] {0});
        case 3 -> content = insert(content, i, SAMPLES.get(name).getBytes(StandardCharsets.UTF_8));
        default -> {} // only truncated
      }
    }
    check(name, content);
  }

  @Example
  void deepNestingYieldsOnlyFactsWarningsOrScanExceptions() {
    for (String open :
        List.of(
            "(", "[", "{", "[{", "{\"a\":", "<", "\"", "'''", "/*", "${", "`${", "f\"{", "- ",
            "a:")) {
      byte[] content = open.repeat(100_000).getBytes(StandardCharsets.UTF_8);
      for (String name : SAMPLES.keySet()) {
        check(name, content);
      }
    }
  }

  @Example
  void nulAndInvalidUtf8AfterAValidPrefixYieldOnlyFactsWarningsOrScanExceptions() {
    for (String name : SAMPLES.keySet()) {
      byte[] valid = SAMPLES.get(name).getBytes(StandardCharsets.UTF_8);
      check(name, insert(valid, valid.length / 2, new byte[] {(byte) 0xFF, (byte) 0xFE}));
      byte[] big = new byte[20_000];
      Arrays.fill(big, (byte) ' ');
      System.arraycopy(valid, 0, big, 0, valid.length);
      big[15_000] = 0; // past the NUL check of the first 8 KiB
      check(name, big);
    }
  }

  /** Runs the file through its extractor as the connector does, and judges the outcome. */
  private static RecordingContext check(String name, byte[] content) {
    Path file = ROOT.resolve(name);
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RecordingContext context = new RecordingContext();
    SourceFile source =
        new SourceFile(file, name, content.length, message -> context.warn(name, message));
    Extractor extractor = Extractors.forFile(source).orElseThrow();
    try {
      if (!extractor.readsWholeFile() || source.passes(ContentFilter.ALL)) {
        extractor.extract(
            source,
            new FactWriter(context, ExtractorHarness.TARGET, source, extractor.language(), name));
      }
    } catch (ScanException | StackOverflowError expected) {
      // the engine records these as a warning naming the file (EngineContext.runIsolated)
      assertThat(expected.getMessage()).isNotNull();
    } catch (Throwable unexpected) {
      fail(
          extractor.getClass().getSimpleName()
              + " on "
              + name
              + " ("
              + content.length
              + " bytes) threw "
              + unexpected,
          unexpected);
    }
    for (Fact f : context.facts()) {
      assertThat(f.value()).isNotNull();
      assertThat(f.target()).isEqualTo(ExtractorHarness.TARGET);
      assertThat(f.location().file()).isEqualTo(name);
    }
    assertThat(context.warnings()).allSatisfy(w -> assertThat(w.message()).isNotBlank());
    return context;
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(List.copyOf(SAMPLES.keySet()));
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 100_000);
  }

  @Provide
  Arbitrary<Integer> corruptions() {
    return Arbitraries.integers().between(0, 4);
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Combinators.combine(Arbitraries.integers().between(0, 5000), Arbitraries.longs())
        .as(
            (n, seed) -> {
              byte[] b = new byte[n];
              new Random(seed).nextBytes(b);
              return b;
            })
        .edgeCases(e -> e.add(new byte[0]).add(new byte[] {0}).add(new byte[] {(byte) 0xC3}));
  }

  @Provide
  Arbitrary<String> syntax() {
    return Arbitraries.strings()
        .withChars(
            "\"'`\\${}[]()<>:=#!/*-.,;|&?@%~ \t\n\r\n"
                + "abcEOFimportfromusingrequireenvopenaigpt-4o\u00e9\u20ac\uFEFF\u00000123456789_")
        .ofMaxLength(600);
  }

  private static Extractor extractorFor(String name) {
    return Extractors.forFile(new SourceFile(ROOT.resolve(name), name, 0, m -> {})).orElseThrow();
  }

  private static byte[] insert(byte[] into, int at, byte[] what) {
    byte[] r = new byte[into.length + what.length];
    System.arraycopy(into, 0, r, 0, at);
    System.arraycopy(what, 0, r, at, what.length);
    System.arraycopy(into, at, r, at + what.length, into.length - at);
    return r;
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("aiscan-extractor-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> samples() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(
        "App.java",
        "package a;\nimport com.openai.client.OpenAIClient;\n@Ai class App {\n"
            + "  void m() { var c = OpenAIClient.builder().model(\"gpt-4o\").build();"
            + " String k = System.getenv(\"OPENAI_API_KEY\"); }\n}\n");
    s.put(
        "app.py",
        "import openai\nfrom anthropic import Anthropic\nc = Anthropic()\n"
            + "m = c.messages.create(model=f\"claude-{x}\", max_tokens=1)\n"
            + "k = os.getenv('OPENAI_API_KEY')\n\"\"\"doc\"\"\"\n");
    s.put(
        "app.ts",
        "import OpenAI from 'openai';\nconst { x } = require(\"@anthropic-ai/sdk\");\n"
            + "const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n"
            + "const m = `gpt-${v}`;\nexport { c };\n");
    s.put("app.jsx", "import { OpenAI } from \"openai\";\nconst a = <div>{`gpt-4o`}</div>;\n");
    s.put(
        "main.go",
        "package main\nimport (\n\t\"fmt\"\n\topenai \"github.com/sashabaranov/go-openai\"\n)\n"
            + "func main() { c := openai.NewClient(os.Getenv(\"OPENAI_API_KEY\")); fmt.Println(`gpt-4o`) }\n");
    s.put(
        "App.cs",
        "using OpenAI.Chat;\nnamespace A { class B { void M() { var c = new ChatClient(\"gpt-4o\","
            + " Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")); var s = $\"{x}\"; } } }\n");
    s.put(
        "nb.ipynb",
        "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import openai\\n\","
            + " \"openai.OpenAI()\"]}, {\"cell_type\": \"markdown\", \"source\": \"# gpt\"}],"
            + " \"metadata\": {\"kernelspec\": {\"language\": \"python\"}}, \"nbformat\": 4}\n");
    s.put(
        "main.bicep",
        "resource acct 'Microsoft.CognitiveServices/accounts@2023-05-01' = {\n"
            + "  name: 'x'\n  kind: 'OpenAI'\n  properties: { model: { name: 'gpt-4o' } }\n}\n");
    s.put(
        "Dockerfile",
        "FROM ollama/ollama:latest\nENV OPENAI_API_KEY=x \\\n  MODEL=gpt-4o\nRUN pip install openai\n");
    s.put(".env", "OPENAI_API_KEY=sk-abc\nexport ANTHROPIC_API_KEY=\"x\"\nMODEL='gpt-4o'\n");
    s.put(
        "config.json",
        "{\"openai\": {\"model\": \"gpt-4o\", \"endpoint\": \"https://api.openai.com/v1\"},"
            + " \"list\": [1, true, null, {\"a\": \"claude-3\"}]}\n");
    s.put(
        "application.properties",
        "spring.ai.openai.api-key=${OPENAI_API_KEY}\nspring.ai.openai.chat.model=gpt-4o\\\n  -mini\n");
    s.put(
        "main.tf",
        "resource \"aws_bedrock_custom_model\" \"m\" {\n  base_model_identifier = \"anthropic.claude\"\n"
            + "  tags = { a = \"${var.x}\" }\n}\nvariable \"x\" { default = <<EOT\ngpt-4o\nEOT\n}\n");
    s.put(
        "values.yaml",
        "spring:\n  ai:\n    openai:\n      api-key: ${OPENAI_API_KEY}\nimage: ollama/ollama\n"
            + "list: [a, {b: gpt-4o}]\nanchor: &x {k: v}\nref: *x\n");
    s.put("m.gguf", "GGUF\u0003\u0000\u0000\u0000general.architecture llama");
    s.put(
        "m.safetensors",
        "\u0040\u0000\u0000\u0000\u0000\u0000\u0000\u0000{\"__metadata__\":{\"format\":\"pt\"}}");
    s.put("m.onnx", "\u0008\u0007\u0012\u0007pytorch\u001a\u00032.0:\u0010\n");
    s.put("m.pt", "PK\u0003\u0004archive/data.pkl\u0080\u0002}q\u0000.");
    s.put("m.h5", "\u0089HDF\r\n\u001a\n\u0000\u0000\u0000\u0000\u0000\u0008\u0008\u0000");
    s.put("m.pkl", "\u0080\u0004\u0095\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000}\u0094.");
    s.put("m.keras", "PK\u0003\u0004config.json{}");
    s.put("m.tflite", "\u0018\u0000\u0000\u0000TFL3\u0000\u0000\u0000\u0000");
    s.put("m.mlmodel", "\u0008\u0004\u0012\u0002\n\u0000");
    s.put("m.joblib", "\u0080\u0004\u0095joblib");
    return s;
  }
}
