package dev.aiscan.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The whole source connector over random small trees on disk: nested directories with names that
 * hold spaces, unicode, dots and leading dashes; the file types the connector reads, model files,
 * {@code .gitignore} files with random patterns, empty, random, truncated and real AI files. The
 * connector never throws and no extractor fails but with the two failures the engine turns into a
 * warning by design ({@code ScanException}, {@code StackOverflowError}); every fact is located at a
 * regular file of the tree by a relative path; every warning names the tree or one of its files; a
 * planted {@code import openai} that nothing ignores is an {@code import} fact of its file; and
 * scanning twice gives the same facts.
 */
class SourceConnectorPropertiesTest {
  private static final Path ROOT = tempRoot();
  private static int run;

  /** Directory names: the walk's default skip list, hidden, dashed, spaced, dotted, unicode. */
  private static final List<String> DIRS =
      List.of(
          "src",
          "lib",
          "a b",
          "-dash",
          "--x",
          ".hidden",
          "x.y",
          "ünï",
          "日本",
          "Src",
          "gen",
          "skip",
          "node_modules",
          "build",
          "..dots",
          "trailing.",
          " lead",
          "#hash",
          "!bang",
          "[br]",
          "*star");

  /** File stems: the same kinds of odd names. */
  private static final List<String> STEMS =
      List.of(
          "app",
          "main",
          "my file",
          "-lead",
          "--",
          ".dot",
          "x.y.z",
          "ünïcode",
          "日本語",
          "a#b",
          "[x]",
          "*",
          "?q",
          "!neg",
          "  spaced  ",
          "\\back",
          "e\u0301");

  private static final List<String> EXTENSIONS =
      List.of(
          ".py", ".java", ".ts", ".js", ".go", ".cs", ".ipynb", ".json", ".yaml", ".toml", ".env");

  /** Names that pick their extractor by the whole name. */
  private static final List<String> WHOLE_NAMES =
      List.of(
          ".env",
          "Dockerfile",
          "CLAUDE.md",
          "model.gguf",
          "weights.safetensors",
          "m.onnx",
          "net.pt",
          "clf.pkl",
          "app.yml",
          "package.json");

  private static final List<String> IGNORE_PATTERNS =
      List.of(
          "*.py",
          "*.json",
          "*.log",
          "build/",
          "/src",
          "src/",
          "gen",
          "!keep.py",
          "!*.py",
          "**/gen",
          "a b",
          "# comment",
          "",
          "\\#hash",
          "[",
          "[a-",
          "*",
          "**",
          "ünï/",
          "-dash",
          "app.*",
          "/**/x.y",
          "\\",
          "!",
          "/",
          "**/",
          "a/**/b",
          " trailing ",
          "日本/");

  private static final Pattern UNEXPECTED =
      Pattern.compile("^([A-Z][A-Za-z0-9]*(?:Exception|Error)): ");
  private static final Set<String> EXPECTED_FAILURES =
      Set.of("ScanException", "StackOverflowError");

  private static final String OPENAI = "import openai\nclient = openai.OpenAI()\n";

  private final SourceConnector connector = new SourceConnector();

  @AfterContainer
  static void deleteRoot() throws IOException {
    delete(ROOT);
  }

  /** A file of the generated tree: path relative to the root with '/', and its bytes. */
  record Spec(String path, byte[] content) {
    @Override
    public String toString() {
      return path + " (" + content.length + " bytes)";
    }
  }

  /** One generated tree: its files, and whether {@code **}{@code /skip/**} is excluded. */
  record TreeSpec(List<Spec> files, boolean exclude) {
    @Override
    public String toString() {
      return (exclude ? "exclude **/skip/**, " : "") + files;
    }
  }

  /** The tree on disk, and what was planted in it. */
  record Planted(Path root, Target target, Map<String, byte[]> files, Settings settings) {}

  @Property(tries = 50)
  void scanningARandomTreeYieldsFactsOfItsFilesAndWarningsNamingThem(
      @ForAll("trees") TreeSpec spec) {
    Planted tree = plant(spec);
    try {
      RecordingContext first = scan(tree);
      checkFactsAndWarnings(tree, first);
      checkPlantedImports(tree, spec, first);
      Statistics.label("imports").collect(!first.facts(FactType.IMPORT).isEmpty());
      Statistics.label("warnings").collect(!first.warnings().isEmpty());

      RecordingContext second = scan(tree);
      assertThat(sorted(second.facts()))
          .as("facts of a second scan")
          .isEqualTo(sorted(first.facts()));
    } finally {
      delete(tree.root());
    }
  }

  @Example
  void anUnignoredOpenAiImportIsFoundInEveryOddlyNamedDirectory() {
    List<Spec> files = new ArrayList<>();
    for (String dir : DIRS) {
      if (!Set.of("skip", "node_modules", "build").contains(dir)) {
        files.add(new Spec(dir + "/" + dir + ".py", OPENAI.getBytes(StandardCharsets.UTF_8)));
      }
    }
    for (String stem : STEMS) {
      files.add(new Spec("lib/" + stem + ".py", OPENAI.getBytes(StandardCharsets.UTF_8)));
    }
    TreeSpec spec = new TreeSpec(files, false);
    Planted tree = plant(spec);
    try {
      RecordingContext ctx = scan(tree);
      checkFactsAndWarnings(tree, ctx);
      checkPlantedImports(tree, spec, ctx);
      assertThat(ctx.facts(FactType.IMPORT)).hasSizeGreaterThanOrEqualTo(files.size());
    } finally {
      delete(tree.root());
    }
  }

  private RecordingContext scan(Planted tree) {
    RecordingContext ctx = new RecordingContext(tree.settings());
    try {
      connector.validate(tree.target());
      connector.collect(tree.target(), ctx);
    } catch (Throwable unexpected) {
      fail("the source connector threw " + unexpected + " on " + tree.files().keySet(), unexpected);
    }
    return ctx;
  }

  private static void checkFactsAndWarnings(Planted tree, RecordingContext ctx) {
    for (Fact f : ctx.facts()) {
      String file = f.location().file();
      assertThat(f.target()).isEqualTo(tree.target());
      assertThat(f.value()).as("value of %s", f).isNotNull();
      assertThat(file).as("location of %s", f).isNotNull().isNotEmpty();
      assertThat(file).as("location of %s", f).doesNotStartWith("/");
      assertThat(Arrays.asList(file.split("/", -1)))
          .as("segments of the location of %s", f)
          .doesNotContain("..", ".", "");
      Path p = tree.root().resolve(file);
      assertThat(p.normalize().startsWith(tree.root())).as("%s inside the tree", file).isTrue();
      assertThat(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .as("%s is a regular file of the tree (fact %s)", file, f.type())
          .isTrue();
    }
    String name = tree.target().name();
    for (Warning w : ctx.warnings()) {
      assertThat(w.message()).as("warning %s", w).isNotBlank();
      Matcher m = UNEXPECTED.matcher(w.message());
      if (m.find() && !EXPECTED_FAILURES.contains(m.group(1))) {
        fail("an extractor threw on " + w.source() + ": " + w.message());
      }
      String source = w.source();
      if (source.equals(name)) {
        continue;
      }
      assertThat(source).as("warning %s names the tree", w).startsWith(name + "/");
      String relative = source.substring(name.length() + 1);
      assertThat(relative).as("warning %s", w).doesNotStartWith("/");
      assertThat(Arrays.asList(relative.split("/", -1))).doesNotContain("..", "");
      // a warning about a place in a file names it file:line
      boolean exists =
          Files.exists(tree.root().resolve(relative), LinkOption.NOFOLLOW_LINKS)
              || Files.isRegularFile(
                  tree.root().resolve(relative.replaceFirst(":\\d+$", "")),
                  LinkOption.NOFOLLOW_LINKS);
      assertThat(exists).as("warning %s names a file of the tree", w).isTrue();
    }
  }

  /**
   * Every planted {@code import openai} file the walk reads is an import fact of that file; one
   * that no {@code .gitignore} applies to and no skipped or excluded directory holds is read.
   */
  private static void checkPlantedImports(Planted tree, TreeSpec spec, RecordingContext ctx) {
    Set<String> read = new TreeSet<>(ctx.values(FactType.FILE));
    Set<String> imported = new TreeSet<>();
    for (Fact f : ctx.facts(FactType.IMPORT)) {
      if (f.value().equals("openai")) {
        imported.add(f.location().file());
      }
    }
    Set<String> dirsWithIgnore = new TreeSet<>();
    for (String path : tree.files().keySet()) {
      if (path.equals(".gitignore") || path.endsWith("/.gitignore")) {
        dirsWithIgnore.add(path.substring(0, Math.max(0, path.length() - ".gitignore".length())));
      }
    }
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      String path = file.getKey();
      if (!path.endsWith(".py")
          || !new String(file.getValue(), StandardCharsets.UTF_8).equals(OPENAI)) {
        continue;
      }
      if (read.contains(path)) {
        assertThat(imported).as("import openai in %s, read", path).contains(path);
      }
      boolean ignorable =
          dirsWithIgnore.stream().anyMatch(path::startsWith)
              || Arrays.stream(path.split("/"))
                  .anyMatch(s -> Set.of("node_modules", "build").contains(s))
              || (spec.exclude() && Arrays.asList(path.split("/")).contains("skip"));
      if (!ignorable) {
        assertThat(imported).as("import openai in %s, nothing ignores it", path).contains(path);
      }
      if (spec.exclude() && Arrays.asList(path.split("/")).contains("skip")) {
        assertThat(read).as("%s is excluded", path).doesNotContain(path);
      }
    }
  }

  private static List<String> sorted(List<Fact> facts) {
    return facts.stream()
        .map(
            f ->
                f.type()
                    + "|"
                    + f.value()
                    + "|"
                    + f.location()
                    + "|"
                    + new java.util.TreeMap<>(f.attributes()))
        .sorted()
        .toList();
  }

  private static Planted plant(TreeSpec spec) {
    Path root = ROOT.resolve("tree " + run++);
    Map<String, byte[]> planted = new LinkedHashMap<>();
    try {
      Files.createDirectories(root);
      for (Spec s : spec.files()) {
        Path file = root.resolve(s.path());
        try {
          Files.createDirectories(file.getParent());
          if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            continue; // a name generated twice, or a directory of the same name: the first stays
          }
          Files.write(file, s.content());
          planted.put(s.path(), s.content());
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.NotDirectoryException e) {
          // a directory where a file of the same name was generated before: left out
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Settings settings =
        spec.exclude()
            ? Settings.of(Map.of("connectors.source.exclude", "**/skip/**"))
            : Settings.empty();
    return new Planted(root, SourceConnector.target(root), planted, settings);
  }

  @Provide
  Arbitrary<TreeSpec> trees() {
    Arbitrary<String> dir = Arbitraries.of(DIRS).list().ofMaxSize(3).map(l -> String.join("/", l));
    Arbitrary<String> fileName =
        Arbitraries.oneOf(
            Combinators.combine(Arbitraries.of(STEMS), Arbitraries.of(EXTENSIONS))
                .as((s, e) -> s + e),
            Arbitraries.of(WHOLE_NAMES));
    Arbitrary<Spec> file =
        Combinators.combine(
                dir, fileName, Arbitraries.integers().between(0, 9), Arbitraries.longs())
            .as(
                (d, n, kind, seed) -> {
                  String path = d.isEmpty() ? n : d + "/" + n;
                  return new Spec(path, content(n, kind, new Random(seed)));
                });
    Arbitrary<Spec> gitignore =
        Combinators.combine(dir, Arbitraries.of(IGNORE_PATTERNS).list().ofMaxSize(5))
            .as(
                (d, patterns) ->
                    new Spec(
                        d.isEmpty() ? ".gitignore" : d + "/.gitignore",
                        String.join("\n", patterns).getBytes(StandardCharsets.UTF_8)));
    Arbitrary<Spec> any =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, file), net.jqwik.api.Tuple.of(1, gitignore));
    return Combinators.combine(any.list().ofMinSize(1).ofMaxSize(30), Arbitraries.of(true, false))
        .as(TreeSpec::new);
  }

  /**
   * A file's content: empty, {@code import openai}, a real AI snippet for its type, the snippet
   * truncated or corrupted, random bytes, or random syntax.
   */
  private static byte[] content(String name, int kind, Random random) {
    String snippet = snippet(name);
    byte[] valid = snippet.getBytes(StandardCharsets.UTF_8);
    return switch (kind) {
      case 0 -> new byte[0];
      case 1, 2 -> name.endsWith(".py") ? OPENAI.getBytes(StandardCharsets.UTF_8) : valid;
      case 3 -> valid;
      case 4 -> Arrays.copyOf(valid, random.nextInt(valid.length + 1));
      case 5 -> {
        byte[] b = valid.clone();
        if (b.length > 0) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        yield b;
      }
      case 6 -> {
        byte[] b = new byte[random.nextInt(2000)];
        random.nextBytes(b);
        yield b;
      }
      case 7 ->
          (snippet + snippet.substring(0, random.nextInt(snippet.length() + 1)))
              .getBytes(StandardCharsets.UTF_8);
      default -> {
        String alphabet = "\"'`\\${}[]()<>:=#!/*-.,;|&? \t\n\r\nimportopenaigpt-4o\u00e9\u0000_";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(400);
        for (int i = 0; i < n; i++) {
          s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        yield s.toString().getBytes(StandardCharsets.UTF_8);
      }
    };
  }

  private static String snippet(String name) {
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : name;
    return switch (ext) {
      case ".py" ->
          "import openai\nfrom anthropic import Anthropic\nc = Anthropic()\n"
              + "m = c.messages.create(model='claude-3-5-sonnet', max_tokens=1)\n";
      case ".java" ->
          "package a;\nimport com.openai.client.OpenAIClient;\nclass App {\n"
              + "  String m = \"gpt-4o\"; String k = System.getenv(\"OPENAI_API_KEY\");\n}\n";
      case ".ts", ".js" ->
          "import OpenAI from 'openai';\n"
              + "const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconst m = 'gpt-4o';\n";
      case ".go" ->
          "package main\nimport (\n\topenai \"github.com/sashabaranov/go-openai\"\n)\n"
              + "func main() { _ = openai.NewClient(\"x\"); _ = \"gpt-4o\" }\n";
      case ".cs" ->
          "using OpenAI.Chat;\nclass B { void M() { var c = new ChatClient(\"gpt-4o\", k); } }\n";
      case ".ipynb" ->
          "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import openai\\n\"]}],"
              + " \"metadata\": {}, \"nbformat\": 4}\n";
      case ".json" ->
          "{\"openai\": {\"model\": \"gpt-4o\", \"endpoint\": \"https://api.openai.com/v1\"}}\n";
      case ".yaml", ".yml" ->
          "spring:\n  ai:\n    openai:\n      api-key: ${OPENAI_API_KEY}\n"
              + "image: ollama/ollama\nanchor: &x {k: v}\nref: *x\n";
      case ".toml" -> "[tool.poetry.dependencies]\nopenai = \"^1.0\"\n";
      case ".env" -> "OPENAI_API_KEY=sk-abc\nexport ANTHROPIC_API_KEY=\"x\"\n";
      case "Dockerfile" ->
          "FROM ollama/ollama:latest\nENV OPENAI_API_KEY=x\nRUN pip install openai\n";
      case ".md" -> "# Notes for the assistant\n";
      case ".gguf" -> "GGUF\u0003\u0000\u0000\u0000general.architecture llama";
      case ".safetensors" ->
          "\u0040\u0000\u0000\u0000\u0000\u0000\u0000\u0000{\"__metadata__\":{}}";
      case ".onnx" -> "\u0008\u0007\u0012\u0007pytorch\u001a\u00032.0:\u0010\n";
      case ".pt" -> "PK\u0003\u0004archive/data.pkl\u0080\u0002}q\u0000.";
      case ".pkl" -> "\u0080\u0004\u0095\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000}\u0094.";
      default -> "openai gpt-4o\n";
    };
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("aiscan-source-connector-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
