package dev.aiscan.bench;

import dev.aiscan.rules.RuleEngine;
import dev.aiscan.testkit.SourceTextGenerator;
import dev.aiscan.testkit.SourceTextGenerator.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * The scan benchmark's workload: a deterministic synthetic monorepo, and the rules' literal tokens
 * for ripgrep.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.aiscan.bench.Monorepo generate DIR FILES [SEED]
 * java -cp bench/target/benchmarks.jar dev.aiscan.bench.Monorepo tokens FILE
 * </pre>
 *
 * <p>The monorepo is services of 100 files each, one language per service (Java, Python,
 * TypeScript, Go in turn), with their manifests and lockfiles (pom.xml; requirements.txt and
 * pyproject.toml; package.json and package-lock.json; go.mod and go.sum). Source files are 1 to 7
 * KB (4 KB on average, so 100,000 files are about 400 MB) of ordinary code; 2% of them also use an
 * AI SDK, and 2% of the manifests declare one. The same seed gives the same bytes.
 */
public final class Monorepo {
  private static final int FILES_PER_SERVICE = 100;
  private static final int FILES_PER_DIRECTORY = 20;
  private static final double AI_SHARE = 0.02;

  private Monorepo() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("generate")) {
      long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
      Stats stats = generate(Path.of(args[1]), Integer.parseInt(args[2]), seed);
      System.out.printf(
          Locale.ROOT,
          "files=%d bytes=%d ai_files=%d manifests=%d%n",
          stats.files,
          stats.bytes,
          stats.aiFiles,
          stats.manifests);
    } else if (args.length == 2 && args[0].equals("tokens")) {
      TreeSet<String> tokens = new TreeSet<>();
      for (String token : RuleEngine.loadDefault().prefilterTokens().keySet()) {
        // a bounded token (\bort\b) is not a literal: ripgrep -F could only look for "ort",
        // which is in every "report"; the prefilter matches it at word bounds only
        if (!token.contains("\\b")) {
          tokens.add(token);
        }
      }
      Files.write(Path.of(args[1]), tokens, StandardCharsets.UTF_8);
      System.out.println("tokens=" + tokens.size());
    } else {
      System.err.println("usage: Monorepo generate DIR FILES [SEED] | Monorepo tokens FILE");
      System.exit(2);
    }
  }

  /** What was generated. */
  static final class Stats {
    long files;
    long bytes;
    long aiFiles;
    long manifests;
  }

  static Stats generate(Path root, int files, long seed) throws IOException {
    Random random = new Random(seed);
    SourceTextGenerator text = new SourceTextGenerator(seed);
    Stats stats = new Stats();
    Language[] languages = Language.values();
    int services = Math.max(1, (files + FILES_PER_SERVICE - 1) / FILES_PER_SERVICE);
    int written = 0;
    for (int s = 0; s < services && written < files; s++) {
      Language language = languages[s % languages.length];
      Path service = root.resolve(String.format(Locale.ROOT, "services/svc-%05d", s));
      boolean aiDependency = random.nextDouble() < AI_SHARE * 5; // services hold 100 files
      written += manifests(service, language, aiDependency && random.nextBoolean(), stats);
      int sources = Math.min(FILES_PER_SERVICE - 2, files - written);
      for (int f = 0; f < sources; f++) {
        Path dir = service.resolve(sourceDir(language)).resolve("m" + (f / FILES_PER_DIRECTORY));
        Path file = dir.resolve(fileName(language, f));
        byte[] body = text.generate(language, 1024 + random.nextInt(6 * 1024));
        if (random.nextDouble() < AI_SHARE) {
          body = concat(aiUse(language, random).getBytes(StandardCharsets.US_ASCII), body);
          stats.aiFiles++;
        }
        Files.createDirectories(dir);
        Files.write(file, body);
        stats.files++;
        stats.bytes += body.length;
        written++;
      }
    }
    return stats;
  }

  private static int manifests(Path service, Language language, boolean ai, Stats stats)
      throws IOException {
    Files.createDirectories(service);
    String name = service.getFileName().toString();
    List<String[]> files =
        switch (language) {
          case JAVA -> List.<String[]>of(new String[] {"pom.xml", pom(name, ai)});
          case PYTHON ->
              List.of(
                  new String[] {"requirements.txt", requirements(ai)},
                  new String[] {"pyproject.toml", pyproject(name, ai)});
          case TYPESCRIPT ->
              List.of(
                  new String[] {"package.json", packageJson(name, ai)},
                  new String[] {"package-lock.json", packageLock(name, ai)});
          case GO ->
              List.of(new String[] {"go.mod", goMod(name, ai)}, new String[] {"go.sum", goSum(ai)});
        };
    for (String[] f : files) {
      byte[] body = f[1].getBytes(StandardCharsets.UTF_8);
      Files.write(service.resolve(f[0]), body);
      stats.files++;
      stats.manifests++;
      stats.bytes += body.length;
    }
    return files.size();
  }

  private static String sourceDir(Language language) {
    return switch (language) {
      case JAVA -> "src/main/java/com/example";
      case PYTHON -> "app";
      case TYPESCRIPT -> "src";
      case GO -> "internal";
    };
  }

  private static String fileName(Language language, int i) {
    return switch (language) {
      case JAVA -> "Handler" + i + ".java";
      case PYTHON -> "handler_" + i + ".py";
      case TYPESCRIPT -> "handler" + i + ".ts";
      case GO -> "handler" + i + ".go";
    };
  }

  /** A few lines that use an AI SDK the way real code does. */
  private static String aiUse(Language language, Random random) {
    boolean second = random.nextBoolean();
    return switch (language) {
      case JAVA ->
          second
              ? "import dev.langchain4j.model.openai.OpenAiChatModel;\n\n"
                  + "class Assistant {\n  OpenAiChatModel model = OpenAiChatModel.builder()"
                  + ".modelName(\"gpt-4o-mini\").build();\n}\n\n"
              : "import com.openai.client.OpenAIClient;\n"
                  + "import com.openai.client.okhttp.OpenAIOkHttpClient;\n\n"
                  + "class Summaries {\n  OpenAIClient client = OpenAIOkHttpClient.fromEnv();\n}\n\n";
      case PYTHON ->
          second
              ? "import anthropic\n\nclient = anthropic.Anthropic()\n"
                  + "reply = client.messages.create(model=\"claude-3-5-sonnet-20241022\","
                  + " max_tokens=512, messages=[])\n\n"
              : "from openai import OpenAI\n\nclient = OpenAI()\n"
                  + "answer = client.chat.completions.create(model=\"gpt-4o\", messages=[])\n\n";
      case TYPESCRIPT ->
          second
              ? "import Anthropic from '@anthropic-ai/sdk';\n\nconst anthropic = new Anthropic();\n"
                  + "await anthropic.messages.create({ model: 'claude-3-5-haiku-20241022',"
                  + " max_tokens: 256, messages: [] });\n\n"
              : "import OpenAI from 'openai';\n\nconst openai = new OpenAI();\n\n";
      case GO ->
          "package ai\n\nimport openai \"github.com/sashabaranov/go-openai\"\n\n"
              + "var client = openai.NewClient(\"\")\n\n";
    };
  }

  private static String pom(String name, boolean ai) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
        + "  <modelVersion>4.0.0</modelVersion>\n"
        + "  <groupId>com.example</groupId>\n"
        + "  <artifactId>"
        + name
        + "</artifactId>\n"
        + "  <version>1.0.0</version>\n"
        + "  <dependencies>\n"
        + (ai
            ? "    <dependency>\n      <groupId>dev.langchain4j</groupId>\n"
                + "      <artifactId>langchain4j-open-ai</artifactId>\n"
                + "      <version>1.0.0</version>\n    </dependency>\n"
            : "")
        + "  </dependencies>\n"
        + "</project>\n";
  }

  private static String requirements(boolean ai) {
    return "flask==3.0.3\nrequests==2.32.3\nsqlalchemy==2.0.35\n" + (ai ? "openai==1.51.0\n" : "");
  }

  private static String pyproject(String name, boolean ai) {
    return "[project]\nname = \""
        + name
        + "\"\nversion = \"1.0.0\"\ndependencies = [\n  \"flask>=3.0\",\n"
        + (ai ? "  \"anthropic>=0.40\",\n" : "")
        + "]\n";
  }

  private static String packageJson(String name, boolean ai) {
    return "{\n  \"name\": \""
        + name
        + "\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n"
        + "    \"express\": \"^4.21.0\""
        + (ai ? ",\n    \"openai\": \"^4.67.0\"" : "")
        + "\n  }\n}\n";
  }

  private static String packageLock(String name, boolean ai) {
    return "{\n  \"name\": \""
        + name
        + "\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n"
        + "  \"packages\": {\n"
        + "    \"\": {\"name\": \""
        + name
        + "\", \"version\": \"1.0.0\", \"dependencies\": {\"express\": \"^4.21.0\""
        + (ai ? ", \"openai\": \"^4.67.0\"" : "")
        + "}},\n"
        + "    \"node_modules/express\": {\"version\": \"4.21.0\"}"
        + (ai ? ",\n    \"node_modules/openai\": {\"version\": \"4.67.0\"}" : "")
        + "\n  }\n}\n";
  }

  private static String goMod(String name, boolean ai) {
    return "module example.com/"
        + name
        + "\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.1.0\n"
        + (ai ? "\tgithub.com/sashabaranov/go-openai v1.32.0\n" : "")
        + ")\n";
  }

  private static String goSum(boolean ai) {
    return "github.com/go-chi/chi/v5 v5.1.0 h1:acVI1TYaD+hhedDJ3r54HyA6sExp3HfXq7QWEEY/xMw=\n"
        + (ai
            ? "github.com/sashabaranov/go-openai v1.32.0"
                + " h1:Yk3iE9moX3RBXxrof3OBtUBkE7qZR0MtXpXvOm8VcZk=\n"
            : "");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
