package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken user packs fail with one line, {@code file:line: message}; valid ones extend the
 * catalogue.
 */
class PackLoaderTest {
  private static final String HEADER = "schemaVersion: 1\npack: mine\nrules:\n";
  private static final String VALID_RULE =
      """
        - id: acme-llm-sdk
          provider: acme-llm
          category: sdk
          confidence: high
          title: Acme LLM SDK
          description: The Acme LLM client.
          references: [https://example.com/acme]
          iso42001: [A.4.4]
          match:
            - import: {module: acme.llm, language: python}
          examples:
            positive:
              - {type: import, value: acme.llm.client, language: python}
            negative:
              - {type: import, value: acme.llmx, language: python}
      """;

  @TempDir Path dir;

  @Test
  void validUserPackExtendsTheBuiltInCatalogue() throws IOException {
    Path pack = write("mine.yaml", HEADER + VALID_RULE);

    RuleEngine engine = RuleEngine.load(List.of(pack));

    assertThat(engine.rule("acme-llm-sdk"))
        .get()
        .satisfies(
            r -> {
              assertThat(r.pack()).isEqualTo("mine");
              assertThat(r.source()).isEqualTo(pack + ":4");
              assertThat(r.matchers()).containsExactly("import");
            });
    assertThat(engine.rule("openai-sdk")).isPresent();
    assertThat(engine.testExamples(r -> !r.builtIn()))
        .extracting(RuleTestResult::line)
        .containsExactly("PASS acme-llm-sdk (2 examples)");
    assertThat(detect(engine, FactType.IMPORT, "acme.llm.client", "python"))
        .extracting(Finding::ruleId)
        .containsExactly("acme-llm-sdk");
  }

  @Test
  void directoryOfPacksIsLoadedInNameOrder() throws IOException {
    write("b.yml", HEADER + VALID_RULE.replace("acme-llm-sdk", "acme-b"));
    write("a.yaml", HEADER + VALID_RULE.replace("acme-llm-sdk", "acme-a"));
    write("notes.txt", "not a pack");

    RuleEngine engine = RuleEngine.load(List.of(dir));

    List<String> ids =
        engine.rules().stream().map(Rule::id).filter(id -> id.startsWith("acme-")).toList();
    assertThat(ids).containsExactly("acme-a", "acme-b");
  }

  @Test
  void badYamlReportsTheLine() throws IOException {
    Path pack = write("bad.yaml", HEADER + "  - id: x\n    provider: [openai\n    category: sdk\n");

    assertOneLine(pack, "bad.yaml:\\d+: invalid YAML: .+");
    assertThatThrownBy(() -> RuleEngine.load(List.of(pack))).hasMessageStartingWith(pack + ":6:");
  }

  @Test
  void duplicateYamlKeyIsAnError() throws IOException {
    Path pack =
        write(
            "dupkey.yaml",
            HEADER
                + VALID_RULE.replace("    title: Acme LLM SDK\n", "    title: A\n    title: B\n"));

    assertOneLine(pack, "dupkey.yaml:\\d+: invalid YAML: Duplicate field 'title'.*");
  }

  @Test
  void unknownMatcherNamesTheRuleAndTheLine() throws IOException {
    Path pack =
        write("unknown.yaml", HEADER + VALID_RULE.replace("- import: {module", "- imprt: {module"));

    assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
        .isInstanceOf(RuleFormatException.class)
        .isInstanceOf(ScanException.class)
        .hasMessage(pack + ":13: rule acme-llm-sdk: match[0]: unknown matcher 'imprt'");
  }

  @Test
  void missingFieldNamesTheRule() throws IOException {
    Path pack = write("missing.yaml", HEADER + VALID_RULE.replace("    provider: acme-llm\n", ""));

    assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
        .hasMessage(pack + ":4: rule acme-llm-sdk: required property 'provider' not found");
  }

  @Test
  void badEnumValuePointsAtItsLine() throws IOException {
    Path pack =
        write("enum.yaml", HEADER + VALID_RULE.replace("confidence: high", "confidence: hgh"));

    assertOneLine(pack, "enum.yaml:7: rule acme-llm-sdk: confidence: .*");
  }

  @Test
  void unknownExampleFieldDoesNotQuoteTheExample() throws IOException {
    String key = "sk-proj-" + "EXAMPLEKEYnotREAL".repeat(4);
    Path pack =
        write(
            "example.yaml",
            HEADER
                + VALID_RULE.replace(
                    "- {type: import, value: acme.llmx, language: python}",
                    "- {type: string-literal, value: " + key + ", colour: red}"));

    assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
        .hasMessage(pack + ":18: rule acme-llm-sdk: examples.negative[0]: unknown field 'colour'")
        .message()
        .doesNotContain(key);
  }

  @Test
  void invalidRegexIsReportedAtLoad() throws IOException {
    Path pack =
        write(
            "regex.yaml",
            HEADER
                + VALID_RULE.replace(
                    "- import: {module: acme.llm, language: python}",
                    "- literal: {pattern: 'acme-(llm'}"));

    assertOneLine(
        pack,
        "regex.yaml:13: rule acme-llm-sdk: invalid regex in 'pattern': Unclosed group near index \\d+");
  }

  @Test
  void regexWithoutPrefilterTokenMustDeclareTokens() throws IOException {
    Path pack =
        write(
            "tokens.yaml",
            HEADER
                + VALID_RULE.replace(
                    "- import: {module: acme.llm, language: python}",
                    "- literal: {pattern: '^[a-z]\\d+$'}"));

    assertOneLine(
        pack,
        "tokens.yaml:13: rule acme-llm-sdk: cannot derive a prefilter token from pattern .*: declare 'tokens'");
  }

  @Test
  void keyFormatOnlyInCredentialRules() throws IOException {
    Path pack =
        write(
            "key.yaml",
            HEADER
                + VALID_RULE.replace(
                    "- import: {module: acme.llm, language: python}",
                    "- key-format: {pattern: 'acme_[a-z0-9]{32}'}"));

    assertOneLine(
        pack,
        "key.yaml:13: rule acme-llm-sdk: key-format matchers belong in rules of category credential");
  }

  @Test
  void negativeExampleCannotNameAModel() throws IOException {
    Path pack =
        write(
            "model.yaml",
            HEADER
                + VALID_RULE.replace(
                    "- {type: import, value: acme.llmx, language: python}",
                    "- {type: import, value: acme.llmx, language: python, model: x}"));

    assertOneLine(pack, "model.yaml:18: rule acme-llm-sdk: negative examples cannot name a model");
  }

  @Test
  void invalidHostPatternIsReported() throws IOException {
    Path pack =
        write(
            "host.yaml",
            HEADER
                + VALID_RULE.replace(
                    "- import: {module: acme.llm, language: python}", "- host: {host: '*.com'}"));

    assertOneLine(
        pack,
        "host.yaml:13: rule acme-llm-sdk: host pattern '\\*\\.com' needs at least two labels after '\\*\\.'");
  }

  @Test
  void userRuleCannotReuseABuiltInIdWithoutOverride() throws IOException {
    Path pack = write("dup.yaml", HEADER + VALID_RULE.replace("acme-llm-sdk", "openai-sdk"));

    assertOneLine(
        pack,
        "dup.yaml:4: rule openai-sdk: duplicate id \\(built-in openai.yaml:\\d+\\); add override: true to replace it");
  }

  @Test
  void duplicateIdWithinAPackIsAnError() throws IOException {
    Path pack = write("twice.yaml", HEADER + VALID_RULE + VALID_RULE);

    assertOneLine(
        pack,
        "twice.yaml:19: rule acme-llm-sdk: duplicate id \\(first defined at .*twice.yaml:4\\)");
  }

  @Test
  void duplicateIdAcrossUserPacksIsAnError() throws IOException {
    write("a.yaml", HEADER + VALID_RULE);
    write("b.yaml", HEADER + VALID_RULE);

    assertThatThrownBy(() -> RuleEngine.load(List.of(dir)))
        .isInstanceOf(RuleFormatException.class)
        .hasMessage(
            dir.resolve("b.yaml")
                + ":4: rule acme-llm-sdk: duplicate id (first defined at "
                + dir.resolve("a.yaml")
                + ":4)");
  }

  @Test
  void unknownKeysAreRejectedAtEveryLevel() throws IOException {
    assertOneLine(
        write("k1.yaml", HEADER.replace("pack: mine", "pack: mine\nauthor: me") + VALID_RULE),
        "k1.yaml:3: unknown field 'author'");
    assertOneLine(
        write(
            "k2.yaml",
            HEADER
                + VALID_RULE.replace(
                    "    title: Acme LLM SDK\n", "    title: Acme LLM SDK\n    owner: me\n")),
        "k2.yaml:9: rule acme-llm-sdk: unknown field 'owner'");
    assertOneLine(
        write(
            "k3.yaml",
            HEADER + VALID_RULE.replace("{module: acme.llm,", "{module: acme.llm, modules: x,")),
        "k3.yaml:13: rule acme-llm-sdk: match\\[0\\].import: unknown field 'modules'");
    assertOneLine(
        write(
            "k4.yaml",
            HEADER + VALID_RULE.replace("    examples:\n", "    examples:\n      neutral: []\n")),
        "k4.yaml:15: rule acme-llm-sdk: examples: unknown field 'neutral'");
    assertOneLine(
        write(
            "k5.yaml",
            HEADER
                + VALID_RULE.replace(
                    "{type: import, value: acme.llmx,",
                    "{type: import, vaule: acme.llmx, value: x,")),
        "k5.yaml:18: rule acme-llm-sdk: examples.negative\\[0\\]: unknown field 'vaule'");
  }

  @Test
  void unknownCategoryAndExampleTypeAreRejected() throws IOException {
    assertOneLine(
        write("c.yaml", HEADER + VALID_RULE.replace("category: sdk", "category: chatbot")),
        "c.yaml:6: rule acme-llm-sdk: category: .*");
    assertOneLine(
        write(
            "t.yaml",
            HEADER
                + VALID_RULE.replace(
                    "{type: import, value: acme.llmx,", "{type: importt, value: acme.llmx,")),
        "t.yaml:18: rule acme-llm-sdk: examples.negative\\[0\\].type: .*");
  }

  @Test
  void badRegexesInEveryRegexFieldAreRejected() throws IOException {
    for (String matcher :
        List.of(
            "literal: {pattern: 'acme-llm', context: 'a(('}",
            "model: {pattern: 'acme-[a-z]+', key: '[x'}",
            "config-key: {pattern: 'acme.(llm'}",
            "env: {pattern: 'ACME_(KEY'}")) {
      Path pack =
          write(
              "re.yaml",
              HEADER
                  + VALID_RULE.replace(
                      "- import: {module: acme.llm, language: python}", "- " + matcher));
      assertOneLine(
          pack, "re.yaml:13: rule acme-llm-sdk: invalid regex in '(pattern|context|key)': .*");
    }
  }

  @Test
  void builtInPacksMustUseKnownProvidersButUserPacksMayAddTheirOwn() {
    var loader = new dev.aiscan.rules.internal.PackLoader();
    String text = HEADER + VALID_RULE;

    assertThatThrownBy(
            () ->
                loader.read(
                    "mine.yaml", text, true, dev.aiscan.rules.internal.PackLoader.providerIds()))
        .isInstanceOf(RuleFormatException.class)
        .hasMessage(
            "mine.yaml:5: rule acme-llm-sdk: unknown provider 'acme-llm' (built-in rules use the ids in providers.txt)");
    assertThat(loader.read("mine.yaml", text, false, null).rules()).hasSize(1);
  }

  @Test
  void emptyAndMissingFilesAreReported() throws IOException {
    Path empty = write("empty.yaml", "");

    assertOneLine(empty, "empty.yaml:1: empty rule pack");
    assertThatThrownBy(() -> RuleEngine.load(List.of(dir.resolve("absent.yaml"))))
        .isInstanceOf(RuleFormatException.class)
        .hasMessageContaining("absent.yaml:1: cannot read rule pack");
  }

  @Test
  void aPatternWithLettersBeyondAsciiLoadsAndMatches() throws IOException {
    // found by RulePackPropertiesTest: the derived prefilter token once held the é, and the
    // prefilter refused it with an IllegalArgumentException instead of a one-line error
    String rule =
        """
          - id: acme-cafe-model
            provider: acme-llm
            category: model
            confidence: high
            title: Acme café models
            description: Model names of the café series.
            references: [https://example.com/acme]
            iso42001: [A.4.4]
            match:
              - literal: {pattern: 'acme-café-[0-9]+'}
            examples:
              positive:
                - {type: string-literal, value: "acme-café-7"}
              negative:
                - {type: string-literal, value: "acme-cafe-7"}
        """;
    RuleEngine engine = RuleEngine.load(List.of(write("cafe.yaml", HEADER + rule)));

    assertThat(detect(engine, FactType.STRING_LITERAL, "acme-café-7", "python"))
        .extracting(Finding::ruleId)
        .containsExactly("acme-cafe-model");
    assertThat(detect(engine, FactType.STRING_LITERAL, "acme-cafe-7", "python")).isEmpty();
  }

  @Test
  void wrongSchemaVersionIsRejected() throws IOException {
    Path pack =
        write("v2.yaml", HEADER.replace("schemaVersion: 1", "schemaVersion: 2") + VALID_RULE);

    assertOneLine(pack, "v2.yaml:1: schemaVersion: .*");
  }

  private void assertOneLine(Path pack, String regex) {
    assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
        .isInstanceOf(RuleFormatException.class)
        .satisfies(
            e -> {
              String m = e.getMessage();
              assertThat(m).doesNotContain("\n").startsWith(dir.toString());
              assertThat(m.substring(dir.toString().length() + 1)).matches(regex);
            });
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<Finding> detect(
      RuleEngine engine, FactType type, String value, String language) {
    List<Finding> out = new ArrayList<>();
    engine.detect(
        new Fact(
            type,
            value,
            RuleExample.TARGET,
            Location.file("x", 1),
            Map.of(Fact.Attr.LANGUAGE, language)),
        out::add);
    return out;
  }
}
