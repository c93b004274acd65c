package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * User rule packs ({@link RuleEngine#load}) on random YAML: valid packs of random rules, and the
 * same packs mutated (fields removed, values of the wrong type, unknown keys, duplicate ids, bad
 * regexes, huge strings, deep nesting, anchors and aliases, random bytes, truncation). Loading
 * either succeeds or throws a {@link RuleFormatException} whose message is one line {@code
 * file:line: message} that never quotes an example value; nothing else, and never a hang. A valid
 * pack loads with exactly the rule ids it gives, in its order.
 */
class RulePackPropertiesTest {
  private static final Path ROOT = tempRoot();
  private static final ExecutorService LOADER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "rule-pack-properties");
            t.setDaemon(true);
            return t;
          });

  /** Planted in every example value: a load failure must never quote it. */
  private static final String EXAMPLE_MARK = "zqxexample";

  private static int run;

  @AfterContainer
  static void deleteRoot() throws IOException {
    LOADER.shutdownNow();
    try (Stream<Path> walk = Files.walk(ROOT)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A generated rule: its id and matcher kind. */
  record RuleSpec(String id, int kind) {}

  @Property(tries = 60)
  void aValidPackLoadsWithTheRulesItGives(@ForAll("ruleLists") List<RuleSpec> rules) {
    Path file = write(pack(rules).getBytes(StandardCharsets.UTF_8));
    RuleEngine engine = load(file);
    assertThat(engine).as("a valid pack loads: %s", file).isNotNull();
    assertThat(engine.rules().stream().filter(r -> !r.builtIn()).map(Rule::id))
        .containsExactlyElementsOf(rules.stream().map(RuleSpec::id).toList());
    for (RuleSpec r : rules) {
      assertThat(engine.rule(r.id()).orElseThrow().source()).startsWith(file + ":");
    }
    assertThat(engine.testExamples(r -> !r.builtIn()))
        .allSatisfy(t -> assertThat(t.failures()).as(t.line()).isEmpty());
  }

  @Property(tries = 250)
  void aMutatedPackLoadsOrFailsWithOneLineNamingTheFile(
      @ForAll("ruleLists") List<RuleSpec> rules,
      @ForAll("mutations") List<Mutation> mutations,
      @ForAll("seeds") long seed) {
    String text = pack(rules);
    Random random = new Random(seed);
    for (Mutation m : mutations) {
      text = m.apply(text, random);
    }
    RuleEngine engine = load(write(text.getBytes(StandardCharsets.UTF_8)));
    Statistics.label("loaded").collect(engine != null);
  }

  @Property(tries = 100)
  void randomBytesFailWithOneLineNamingTheFile(@ForAll("randomBytes") byte[] content) {
    load(write(content));
  }

  @Example
  void hostileDocumentsFailWithOneLineNamingTheFile() {
    String bomb =
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "rules: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    String header = "schemaVersion: 1\npack: hostile\n";
    for (String text :
        List.of(
            "",
            "\uFEFF",
            "---\n...\n",
            "null",
            "~",
            "[]",
            "42",
            "\"x\"",
            "[".repeat(100_000),
            "{".repeat(100_000),
            "- ".repeat(100_000),
            "a:\n".repeat(50_000),
            "&a ".repeat(10_000),
            "*a",
            bomb,
            header + bomb,
            header + "rules:\n" + "  - ".repeat(20_000),
            header + "rules: " + "[".repeat(50_000) + "]".repeat(50_000),
            header + "description: " + "x".repeat(2_000_000) + "\nrules: []\n",
            header + "rules: !!python/object:os.system [ls]\n",
            header + "rules: !!binary aGVsbG8=\n",
            "%YAML 1.1\n%TAG ! tag:x,2000:\n---\n" + header,
            header + "rules:\n  - <<: {id: a}\n",
            pack(List.of(new RuleSpec("zz-a", 0))) + "---\n" + header,
            pack(List.of(new RuleSpec("zz-a", 0))).replace("\n", "\r"),
            pack(List.of(new RuleSpec("zz-a", 0))).replace("  ", "\t"))) {
      load(write(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /**
   * Loads the pack on a worker with a time bound: the engine, or null after a {@link
   * RuleFormatException} of one line {@code file:line: message}; anything else fails.
   */
  private static RuleEngine load(Path file) {
    try {
      return loadOrFail(file);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left for deleteRoot
      }
    }
  }

  private static RuleEngine loadOrFail(Path file) {
    Future<RuleEngine> loading = LOADER.submit(() -> RuleEngine.load(List.of(file)));
    try {
      return loading.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      loading.cancel(true);
      fail("loading " + file + " did not end within 60 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuleFormatException r) {
        String m = r.getMessage();
        assertThat(m).as("message of %s", file).isNotNull();
        assertThat(m)
            .as("one line naming the file and line")
            .matches(
                Pattern.quote(file.toString()) + ":[1-9][0-9]*: [^\\r\\n\\u0085\\u2028\\u2029]+");
        assertThat(m).as("never quotes an example value").doesNotContain(EXAMPLE_MARK);
        assertThat(m.length()).as("message length").isLessThan(2_000);
        return null;
      }
      fail("loading " + file + " threw " + cause, cause);
    }
    return null;
  }

  private static String pack(List<RuleSpec> rules) {
    StringBuilder y =
        new StringBuilder("schemaVersion: 1\npack: generated\ndescription: Random rules\nrules:\n");
    for (RuleSpec r : rules) {
      y.append(rule(r));
    }
    return y.toString();
  }

  private static String rule(RuleSpec r) {
    String m = EXAMPLE_MARK;
    String[] match =
        switch (r.kind()) {
          case 0 ->
              new String[] {
                "- import: {module: " + m + ".llm, language: python}",
                "{type: import, value: " + m + ".llm.client, language: python}",
                "{type: import, value: " + m + ".llmx, language: python}"
              };
          case 1 ->
              new String[] {
                "- literal: {pattern: '" + m + "-[0-9]+'}",
                "{type: string-literal, value: \"" + m + "-42\"}",
                "{type: string-literal, value: \"other-" + "42\"}"
              };
          case 2 ->
              new String[] {
                "- env: {name: " + m.toUpperCase() + "_KEY}",
                "{type: env-var, value: " + m.toUpperCase() + "_KEY}",
                "{type: env-var, value: OTHER_" + m.toUpperCase() + "}"
              };
          case 3 ->
              new String[] {
                "- host: {host: api." + m + ".example}",
                "{type: string-literal, value: \"https://api." + m + ".example/v1\"}",
                "{type: string-literal, value: \"https://api." + m + ".example.org/v1\"}"
              };
          default ->
              new String[] {
                "- config-key: {prefix: " + m + ".ai}",
                "{type: config-key, value: " + m + ".ai.key}",
                "{type: config-key, value: " + m + ".aix.key}"
              };
        };
    return "  - id: "
        + r.id()
        + "\n    provider: "
        + m
        + "-provider\n    category: sdk\n    confidence: high\n    title: Rule "
        + r.id()
        + "\n    description: A generated rule.\n    references: [https://example.com/"
        + r.id()
        + "]\n    iso42001: [A.4.4]\n    match:\n      "
        + match[0]
        + "\n    examples:\n      positive:\n        - "
        + match[1]
        + "\n      negative:\n        - "
        + match[2]
        + "\n";
  }

  /** A change to a pack's text. */
  interface Mutation {
    String apply(String text, Random random);
  }

  private static Mutation named(String name, Mutation m) {
    return new Mutation() {
      @Override
      public String apply(String text, Random random) {
        return m.apply(text, random);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static final List<String> FIELDS =
      List.of(
          "schemaVersion",
          "pack",
          "description",
          "rules",
          "id",
          "provider",
          "category",
          "confidence",
          "title",
          "references",
          "iso42001",
          "match",
          "examples",
          "positive",
          "negative",
          "module",
          "pattern",
          "language",
          "type",
          "value");

  private static final List<String> VALUES =
      List.of(
          "[1, 2]",
          "{a: b}",
          "123",
          "-1",
          "1.5e300",
          "true",
          "null",
          "~",
          "''",
          "\"\"",
          "[]",
          "{}",
          "'([a-'",
          "'(?<model>'",
          "'\\\\'",
          "'a{99999999999}'",
          "'(a+)+$'",
          "\"\\uD800\"",
          "\"\\x00\"",
          "!!binary aGk=",
          "!!int x",
          "!custom x",
          "&x y",
          "*x",
          "*undefined",
          "openai-sdk",
          "Not-Kebab",
          "'" + "x".repeat(100_000) + "'",
          "|\n  block\n  text",
          ">-\n  folded",
          "2025-01-01",
          "0x1F",
          ".inf",
          "yes",
          "\"" + EXAMPLE_MARK + "\"");

  private static final List<String> FRAGMENTS =
      List.of(
          "\n",
          "\t",
          "\r",
          ":",
          "- ",
          "#",
          "&a ",
          "*a",
          "<<: *a\n",
          "? ",
          "|",
          ">",
          "!",
          "%",
          "@",
          "`",
          "\"",
          "'",
          "[",
          "]",
          "{",
          "}",
          ",",
          "\u0000",
          "\uFEFF",
          "\u2028",
          "---\n",
          "...\n",
          "  ",
          "unknownKey: 1\n",
          "    extra: x\n");

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    List<Mutation> all = new ArrayList<>();
    all.add(
        named(
            "remove a line",
            (t, r) -> {
              List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
              lines.remove(r.nextInt(lines.size()));
              return String.join("\n", lines);
            }));
    all.add(
        named(
            "remove a field",
            (t, r) -> {
              String f = FIELDS.get(r.nextInt(FIELDS.size()));
              return t.replaceFirst("(?m)^(\\s*-?\\s*)" + f + ": [^\\n]*\\n?", "$1");
            }));
    all.add(
        named(
            "wrong type",
            (t, r) -> {
              String f = FIELDS.get(r.nextInt(FIELDS.size()));
              String v = VALUES.get(r.nextInt(VALUES.size()));
              return t.replaceFirst(
                  "\\b" + f + ": [^\\n,}]*",
                  java.util.regex.Matcher.quoteReplacement(f + ": " + v));
            }));
    all.add(
        named(
            "unknown key",
            (t, r) ->
                t.replaceFirst(
                    "(?m)^(\\s+)(" + String.join("|", FIELDS) + "): ",
                    "$1unknownField" + r.nextInt(3) + ": 1\n$1$2: ")));
    all.add(
        named(
            "duplicate rule",
            (t, r) -> {
              int i = t.indexOf("  - id: ");
              return i < 0 ? t : t + t.substring(i);
            }));
    all.add(
        named(
            "duplicate key",
            (t, r) -> t.replaceFirst("(?m)^(\\s+)title: ", "$1title: Twice\n$1title: ")));
    all.add(
        named(
            "built-in id",
            (t, r) ->
                t.replaceFirst("id: [a-z0-9-]+", r.nextBoolean() ? "id: openai-sdk" : "id: x")));
    all.add(
        named("override", (t, r) -> t.replaceFirst("(?m)^(\\s+)id: ", "$1override: true\n$1id: ")));
    all.add(
        named(
            "disable",
            (t, r) ->
                t.replaceFirst(
                    "rules:\n",
                    r.nextBoolean()
                        ? "disable: [openai-sdk]\nrules:\n"
                        : "disable: [nope]\nrules:\n")));
    all.add(
        named(
            "bad regex",
            (t, r) ->
                t.replaceFirst(
                    "- (import|env|host|config-key): \\{[^}]*}",
                    java.util.regex.Matcher.quoteReplacement(
                        List.of(
                                "- literal: {pattern: '([a-'}",
                                "- model: {pattern: '(?<model>'}",
                                "- literal: {pattern: '.*'}",
                                "- literal: {pattern: 'a', tokens: ['']}",
                                "- key-format: {pattern: 'sk-[a-z]{20}'}",
                                "- literal: {pattern: '(a+)+$', context: '('}",
                                "- host: {host: '*.com'}",
                                "- file: {path: '[' }",
                                "- imprt: {module: x}",
                                "- import: {}")
                            .get(r.nextInt(10))))));
    all.add(
        named(
            "huge string",
            (t, r) -> t.replaceFirst("title: [^\\n]*", "title: " + "x".repeat(200_000))));
    all.add(
        named(
            "deep nesting",
            (t, r) -> {
              int depth = 1 + r.nextInt(20_000);
              return t.replaceFirst(
                  "description: [^\\n]*", "description: " + "[".repeat(depth) + "]".repeat(depth));
            }));
    all.add(
        named(
            "alias",
            (t, r) ->
                t.replaceFirst("(?m)^(\\s+)provider: ", "$1provider: &p ")
                    .replaceFirst("(?m)^(\\s+)category: [^\\n]*", "$1category: *p")));
    all.add(
        named(
            "merge key",
            (t, r) -> t.replaceFirst("(?m)^(\\s+)match:", "$1<<: {title: merged}\n$1match:")));
    all.add(named("truncate", (t, r) -> t.substring(0, r.nextInt(t.length() + 1))));
    all.add(
        named(
            "insert fragment",
            (t, r) -> {
              int i = r.nextInt(t.length() + 1);
              return t.substring(0, i)
                  + FRAGMENTS.get(r.nextInt(FRAGMENTS.size()))
                  + t.substring(i);
            }));
    all.add(
        named(
            "replace a character",
            (t, r) -> {
              if (t.isEmpty()) {
                return t;
              }
              int i = r.nextInt(t.length());
              return t.substring(0, i) + (char) r.nextInt(0x3000) + t.substring(i + 1);
            }));
    all.add(
        named(
            "indent",
            (t, r) -> {
              List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
              int i = r.nextInt(lines.size());
              lines.set(i, (r.nextBoolean() ? " " : "") + lines.get(i).replaceFirst("^ ", ""));
              return String.join("\n", lines);
            }));
    return Arbitraries.of(all).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<RuleSpec>> ruleLists() {
    Arbitrary<String> id =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .ofMinLength(1)
            .ofMaxLength(12)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(parts -> "zz-" + String.join("-", parts));
    return Combinators.combine(id, Arbitraries.integers().between(0, 4))
        .as(RuleSpec::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .uniqueElements(RuleSpec::id);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Combinators.combine(Arbitraries.integers().between(0, 3000), Arbitraries.longs())
        .as(
            (n, seed) -> {
              byte[] b = new byte[n];
              new Random(seed).nextBytes(b);
              return b;
            })
        .edgeCases(
            e ->
                e.add(new byte[0])
                    .add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                    .add(new byte[] {(byte) 0xFF})
                    .add(new byte[] {0}));
  }

  private static Path write(byte[] content) {
    Path file = ROOT.resolve("pack-" + run++ + ".yaml");
    try {
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("aiscan-rule-pack-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
