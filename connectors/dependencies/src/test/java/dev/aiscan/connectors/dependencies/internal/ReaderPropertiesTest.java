package dev.aiscan.connectors.dependencies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.core.ScanException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * Every ecosystem reader, through {@link EcosystemReader#read} as {@code DependencyConnector} calls
 * it, over arbitrary, truncated and corrupted manifests and lockfiles (alone, and next to a valid
 * companion file): packages or warnings, never an exception escaping {@code read} (the connector
 * would turn it into "dependencies stopped early" and lose the ecosystem for the whole target).
 * Inside the readers' {@code forEach}, a {@link ScanException} is the one failure an item may end
 * with: the engine records it as a warning naming the file.
 */
class ReaderPropertiesTest {
  private static final Path ROOT = tempDir();
  private static int run;

  /** A valid file per name, and the companion it is usually read with (or null). */
  private static final Map<String, String[]> SAMPLES = samples();

  @AfterContainer
  static void deleteRoot() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Example
  void everyReaderIsCoveredAndEverySampleYieldsPackages() {
    List<EcosystemReader> covered = new ArrayList<>();
    for (String name : SAMPLES.keySet()) {
      covered.addAll(readersOf(name));
      byte[] valid = SAMPLES.get(name)[0].getBytes(StandardCharsets.UTF_8);
      StrictOutput out = check(name, valid, true);
      assertThat(out.dependencies).as("%s, warnings %s", name, out.warnings).isNotEmpty();
    }
    assertThat(covered).containsAll(Readers.all());
  }

  @Property(tries = 300)
  void randomBytesYieldOnlyPackagesOrWarnings(
      @ForAll("names") String name,
      @ForAll("randomBytes") byte[] content,
      @ForAll boolean withCompanion) {
    check(name, content, withCompanion);
  }

  @Property(tries = 300)
  void randomSyntaxYieldsOnlyPackagesOrWarnings(
      @ForAll("names") String name,
      @ForAll("syntax") String content,
      @ForAll boolean withCompanion) {
    check(name, content.getBytes(StandardCharsets.UTF_8), withCompanion);
  }

  @Property(tries = 500)
  void truncatedAndCorruptedManifestsYieldOnlyPackagesOrWarnings(
      @ForAll("names") String name,
      @ForAll("cuts") int cut,
      @ForAll("cuts") int at,
      @ForAll("fragments") String fragment,
      @ForAll("corruptions") int corruption,
      @ForAll boolean withCompanion) {
    byte[] valid = SAMPLES.get(name)[0].getBytes(StandardCharsets.UTF_8);
    byte[] content = Arrays.copyOf(valid, cut % (valid.length + 1));
    if (content.length > 0) {
      int i = at % content.length;
      switch (corruption) {
        case 0 -> content[i] = (byte) (at & 0xFF); // any byte, NUL and invalid UTF-8 included
        case 1 -> content = insert(content, i, fragment.getBytes(StandardCharsets.UTF_8));
        case 2 -> content = insert(content, i, valid); // a second copy in the middle
        default -> {} // only truncated
      }
    }
    check(name, content, withCompanion);
  }

  @Example
  void deepNestingYieldsOnlyPackagesOrWarnings() {
    for (String open : List.of("[", "{", "{\"a\":", "<a>", "(", "[[", "- ", "a.")) {
      byte[] content = open.repeat(100_000).getBytes(StandardCharsets.UTF_8);
      for (String name : SAMPLES.keySet()) {
        check(name, content, true);
      }
    }
  }

  /** Writes the file (and maybe its companion) into a fresh tree and reads it as the connector. */
  private static StrictOutput check(String name, byte[] content, boolean withCompanion) {
    Path root = ROOT.resolve("t" + run++);
    List<String> files = new ArrayList<>();
    try {
      Files.createDirectories(root);
      Files.write(root.resolve(name), content);
      files.add(name);
      String companion = withCompanion ? SAMPLES.get(name)[1] : null;
      if (companion != null) {
        String companionName = companion.substring(0, companion.indexOf('\n'));
        Files.writeString(
            root.resolve(companionName), companion.substring(companion.indexOf('\n') + 1));
        files.add(companionName);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Collections.sort(files);
    DependencySettings settings =
        new DependencySettings(true, null, ROOT.resolve("m2"), ROOT.resolve("home"));
    StrictOutput out = new StrictOutput();
    for (EcosystemReader reader : readersOf(name)) {
      List<String> wanted =
          files.stream().filter(f -> reader.wants(f, f.substring(f.lastIndexOf('/') + 1))).toList();
      try {
        reader.read(root, wanted, settings, out);
      } catch (Throwable unexpected) {
        fail(
            reader.ecosystem()
                + " reader on "
                + name
                + " ("
                + content.length
                + " bytes) threw "
                + unexpected,
            unexpected);
      }
    }
    for (Dependency d : out.dependencies) {
      assertThat(d.name()).isNotNull();
      assertThat(d.path()).isNotEmpty();
    }
    assertThat(out.warnings).allSatisfy(w -> assertThat(w).isNotBlank());
    return out;
  }

  /** Records packages and warnings; lets only a ScanException end an item. */
  static final class StrictOutput implements DependencyOutput {
    final List<Dependency> dependencies = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void emit(Dependency dependency) {
      dependencies.add(dependency);
    }

    @Override
    public void warn(String manifest, Integer line, String message) {
      warnings.add(manifest + (line == null ? "" : ":" + line) + " " + message);
    }

    @Override
    public <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work) {
      items.forEachRemaining(
          item -> {
            try {
              work.accept(item);
            } catch (ScanException e) {
              warn(label.apply(item), null, e.getMessage());
            }
          });
    }
  }

  private static List<EcosystemReader> readersOf(String name) {
    return Readers.all().stream().filter(r -> r.wants(name, name)).toList();
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
    return Arbitraries.integers().between(0, 3);
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.of(
        "\u0000",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "<",
        ">",
        "</",
        "<!--",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        "&e;",
        "${",
        "@",
        "==",
        "\\",
        "\n",
        "\r",
        "=",
        ":",
        "#",
        "-",
        " ",
        "\uFEFF",
        "null",
        "[[",
        "\"\"\"",
        "-e ",
        "-r ",
        "=> ",
        "// indirect",
        "/go.mod",
        "(",
        ")");
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Combinators.combine(Arbitraries.integers().between(0, 4000), Arbitraries.longs())
        .as(
            (n, seed) -> {
              byte[] b = new byte[n];
              new Random(seed).nextBytes(b);
              return b;
            })
        .edgeCases(e -> e.add(new byte[0]).add(new byte[] {0}).add(new byte[] {(byte) 0xFF}));
  }

  @Provide
  Arbitrary<String> syntax() {
    return Arbitraries.strings()
        .withChars(
            "\"'`\\${}[]()<>:=#!/*-.,;|&?@%~^ \t\n\r\n"
                + "abcnamversiondependencieslockfileVersionrequiregoopenai\u00e9\uFEFF\u00000123456789_")
        .ofMaxLength(600);
  }

  private static byte[] insert(byte[] into, int at, byte[] what) {
    byte[] r = new byte[into.length + what.length];
    System.arraycopy(into, 0, r, 0, at);
    System.arraycopy(what, 0, r, at, what.length);
    System.arraycopy(into, at, r, at + what.length, into.length - at);
    return r;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("aiscan-reader-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String[]> samples() {
    String packageJson =
        "package.json\n{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\":"
            + " {\"openai\": \"^4.0.0\"}, \"devDependencies\": {\"left-pad\": \"1.0.0\"}}\n";
    Map<String, String[]> s = new LinkedHashMap<>();
    s.put(
        "package-lock.json",
        new String[] {
          "{\"name\": \"app\", \"version\": \"1.0.0\", \"lockfileVersion\": 3, \"packages\": {"
              + "\"\": {\"name\": \"app\", \"dependencies\": {\"openai\": \"^4.0.0\"}},"
              + " \"node_modules/openai\": {\"version\": \"4.1.0\", \"dependencies\":"
              + " {\"node-fetch\": \"^2\"}}, \"node_modules/node-fetch\": {\"version\": \"2.7.0\"}}}\n",
          packageJson
        });
    s.put(
        "package.json",
        new String[] {
          packageJson.substring(packageJson.indexOf('\n') + 1),
          "yarn.lock\n# yarn lockfile v1\n\nopenai@^4.0.0:\n  version \"4.1.0\"\n"
        });
    s.put(
        "yarn.lock",
        new String[] {
          "# yarn lockfile v1\n\n\"openai@^4.0.0\":\n  version \"4.1.0\"\n  dependencies:\n"
              + "    node-fetch \"^2\"\n\nnode-fetch@^2:\n  version \"2.7.0\"\n",
          packageJson
        });
    s.put(
        "pnpm-lock.yaml",
        new String[] {
          "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      openai:\n"
              + "        specifier: ^4.0.0\n        version: 4.1.0\npackages:\n  openai@4.1.0:\n"
              + "    resolution: {integrity: sha512-x}\nsnapshots:\n  openai@4.1.0: {}\n",
          packageJson
        });
    String pyproject =
        "[project]\nname = \"app\"\nversion = \"1.0\"\ndependencies = [\n  \"openai>=1.0\",\n"
            + "  \"anthropic[bedrock]==0.40.0 ; python_version >= '3.8'\",\n]\n"
            + "[project.optional-dependencies]\ndev = [\"pytest\"]\n"
            + "[tool.poetry.dependencies]\npython = \"^3.10\"\ntorch = {version = \"2.0\"}\n";
    s.put(
        "pyproject.toml",
        new String[] {
          pyproject,
          "uv.lock\nversion = 1\n[[package]]\nname = \"openai\"\nversion = \"1.2.0\"\n"
              + "dependencies = [{ name = \"httpx\" }]\n[[package]]\nname = \"httpx\"\nversion = \"0.27\"\n"
        });
    s.put(
        "poetry.lock",
        new String[] {
          "[[package]]\nname = \"openai\"\nversion = \"1.2.0\"\n[package.dependencies]\nhttpx = \"*\"\n"
              + "[[package]]\nname = \"httpx\"\nversion = \"0.27\"\n",
          "pyproject.toml\n" + pyproject
        });
    s.put(
        "requirements.txt",
        new String[] {
          "# comment\nopenai==1.2.0\nanthropic[vertex]>=0.40 ; python_version > \"3.8\"\n"
              + "-r other.txt\n-e git+https://github.com/x/y.git#egg=y\ntorch @ https://x/torch.whl\n"
              + "transformers \\\n  ==4.0\n",
          null
        });
    s.put(
        "Pipfile.lock",
        new String[] {
          "{\"_meta\": {}, \"default\": {\"openai\": {\"version\": \"==1.2.0\"}},"
              + " \"develop\": {\"pytest\": {\"version\": \"==8.0\"}}}\n",
          "Pipfile\n[packages]\nopenai = \"*\"\n[dev-packages]\npytest = \"*\"\n"
        });
    s.put(
        "go.mod",
        new String[] {
          "module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/sashabaranov/go-openai v1.20.0\n"
              + "\tgolang.org/x/net v0.1.0 // indirect\n)\nrequire github.com/a/b v1.0.0\n"
              + "replace github.com/a/b => ../b\nexclude github.com/c/d v1.0.0\n",
          "go.sum\ngithub.com/sashabaranov/go-openai v1.20.0 h1:x=\n"
              + "github.com/sashabaranov/go-openai v1.20.0/go.mod h1:y=\n"
        });
    s.put(
        "go.sum",
        new String[] {
          "github.com/sashabaranov/go-openai v1.20.0 h1:x=\n"
              + "github.com/sashabaranov/go-openai v1.20.0/go.mod h1:y=\n",
          "go.mod\nmodule example.com/app\n\ngo 1.22\n\nrequire github.com/sashabaranov/go-openai v1.20.0\n"
        });
    s.put(
        "App.csproj",
        new String[] {
          "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n"
              + "    <PackageReference Include=\"Azure.AI.OpenAI\" Version=\"2.0.0\" />\n"
              + "    <PackageReference Include=\"Microsoft.SemanticKernel\">\n"
              + "      <Version>1.0.0</Version>\n    </PackageReference>\n  </ItemGroup>\n</Project>\n",
          "packages.lock.json\n{\"version\": 1, \"dependencies\": {\"net8.0\": {\"Azure.AI.OpenAI\":"
              + " {\"type\": \"Direct\", \"requested\": \"[2.0.0, )\", \"resolved\": \"2.0.0\","
              + " \"dependencies\": {\"Azure.Core\": \"1.0.0\"}}, \"Azure.Core\": {\"type\":"
              + " \"Transitive\", \"resolved\": \"1.0.0\"}}}}\n"
        });
    s.put(
        "packages.config",
        new String[] {
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n"
              + "  <package id=\"Azure.AI.OpenAI\" version=\"1.0.0-beta.5\" targetFramework=\"net48\" />\n"
              + "</packages>\n",
          null
        });
    s.put(
        "pom.xml",
        new String[] {
          "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n"
              + "  <groupId>a</groupId>\n  <artifactId>app</artifactId>\n  <version>1</version>\n"
              + "  <dependencies>\n    <dependency>\n      <groupId>dev.langchain4j</groupId>\n"
              + "      <artifactId>langchain4j-open-ai</artifactId>\n      <version>1.0.0</version>\n"
              + "    </dependency>\n  </dependencies>\n</project>\n",
          null
        });
    s.put(
        "Cargo.lock",
        new String[] {
          "version = 3\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n"
              + " \"async-openai\",\n]\n[[package]]\nname = \"async-openai\"\nversion = \"0.20.0\"\n"
              + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
          "Cargo.toml\n[package]\nname = \"app\"\nversion = \"0.1.0\"\n[dependencies]\n"
              + "async-openai = \"0.20\"\n"
        });
    s.put(
        "Gemfile.lock",
        new String[] {
          "GEM\n  remote: https://rubygems.org/\n  specs:\n    ruby-openai (7.0.0)\n"
              + "      faraday (>= 1)\n    faraday (2.0.0)\n\nPLATFORMS\n  ruby\n\n"
              + "DEPENDENCIES\n  ruby-openai\n",
          "Gemfile\nsource 'https://rubygems.org'\ngem 'ruby-openai'\n"
        });
    s.put(
        "build.gradle",
        new String[] {
          "plugins { id 'java' }\ndependencies {\n"
              + "  implementation 'dev.langchain4j:langchain4j-open-ai:1.0.0'\n"
              + "  testImplementation(\"org.junit:junit:4.13\")\n"
              + "  implementation libs.openai\n}\n",
          "gradle.lockfile\ndev.langchain4j:langchain4j-open-ai:1.0.0=compileClasspath,runtimeClasspath\n"
              + "empty=\n"
        });
    s.put(
        "gradle.lockfile",
        new String[] {
          "# lockfile\ndev.langchain4j:langchain4j-open-ai:1.0.0=compileClasspath,runtimeClasspath\n"
              + "empty=annotationProcessor\n",
          "build.gradle\ndependencies { implementation 'dev.langchain4j:langchain4j-open-ai:1.0.0' }\n"
        });
    return s;
  }
}
