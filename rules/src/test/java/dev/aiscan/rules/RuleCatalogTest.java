package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Category;
import dev.aiscan.rules.internal.PackLoader;
import dev.aiscan.rules.internal.PackReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Meta-tests over the built-in rule data (PMD-style): the catalogue itself must be well-formed. */
class RuleCatalogTest {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern ANNEX_A = Pattern.compile("A\\.(?:[2-9]|10)\\.[0-9](?:\\.[0-9])?");
  private static final Path PACK_DIR = Path.of("src/main/resources/dev/aiscan/rules/packs");
  private static final Path DOC = Path.of("../docs/rules.md");

  private final RuleEngine engine = RuleEngine.loadDefault();
  private final List<Rule> rules = engine.rules();

  @Test
  void catalogueIsNotEmpty() {
    assertThat(rules).hasSizeGreaterThan(50);
  }

  @Test
  void idsAreUniqueAndKebabCase() {
    Set<String> seen = new HashSet<>();
    assertThat(rules)
        .allSatisfy(
            r -> {
              assertThat(r.id()).matches(KEBAB);
              assertThat(seen.add(r.id())).as("duplicate id %s", r.id()).isTrue();
            });
  }

  @Test
  void everyRuleHasPositiveAndNegativeExamples() {
    assertThat(rules)
        .allSatisfy(
            r -> {
              assertThat(r.positiveExamples()).as(r.id()).isNotEmpty();
              assertThat(r.negativeExamples()).as(r.id()).isNotEmpty();
            });
  }

  @Test
  void everyProviderIsADocumentedId() throws IOException {
    Set<String> providers = Set.copyOf(providerIds());

    assertThat(rules).allSatisfy(r -> assertThat(providers).as(r.id()).contains(r.provider()));
  }

  @Test
  void everyRuleHasHttpsReferencesAndAnnexAControls() {
    assertThat(rules)
        .allSatisfy(
            r -> {
              assertThat(r.references())
                  .as(r.id())
                  .isNotEmpty()
                  .allSatisfy(
                      u -> {
                        URI uri = URI.create(u);
                        assertThat(uri.getScheme()).isEqualTo("https");
                        assertThat(uri.getHost()).contains(".");
                      });
              assertThat(r.iso42001())
                  .as(r.id())
                  .isNotEmpty()
                  .allSatisfy(c -> assertThat(c).matches(ANNEX_A));
              assertThat(r.title()).isNotBlank();
              assertThat(r.description()).isNotBlank();
            });
  }

  @Test
  void everyBuiltInPackIsSchemaValid() {
    PackReader reader = new PackReader();
    for (String name : PackLoader.defaultPackNames()) {
      var root = reader.read(name, PackLoader.defaultPackText(name));
      assertThat(reader.validate(name, root)).as(name).isEmpty();
    }
  }

  @Test
  void everyPackFileIsListedInTheIndex() throws IOException {
    try (Stream<Path> files = Files.list(PACK_DIR)) {
      List<String> onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .sorted()
              .toList();
      assertThat(PackLoader.defaultPackNames()).containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }

  @Test
  void credentialKeyRulesAreTheSecretPatterns() {
    long keyRules = rules.stream().filter(r -> r.matchers().contains("key-format")).count();

    assertThat(keyRules).isGreaterThanOrEqualTo(4);
    assertThat(engine.secretPatterns()).hasSizeGreaterThanOrEqualTo((int) keyRules);
    assertThat(rules)
        .filteredOn(r -> r.matchers().contains("key-format"))
        .allSatisfy(r -> assertThat(r.category()).isEqualTo(Category.CREDENTIAL));
  }

  @Test
  void modelRulesNameTheModelInTheirExamples() {
    assertThat(rules)
        .filteredOn(r -> r.matchers().contains("model"))
        .allSatisfy(
            r ->
                assertThat(r.positiveExamples())
                    .as(r.id())
                    .anySatisfy(e -> assertThat(e.model()).isNotNull()));
  }

  @Test
  void everyRulePassesItsOwnExamples() {
    assertThat(engine.verifyExamples()).isEmpty();
  }

  @Test
  void docsListEveryProviderAndPack() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);

    assertThat(providerIds()).allSatisfy(p -> assertThat(doc).contains("`" + p + "`"));
    assertThat(PackLoader.defaultPackNames())
        .allSatisfy(p -> assertThat(doc).contains("`" + p + "`"));
  }

  @Test
  void theCompleteRuleInTheDocsLoadsAndPassesItsExamples(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int section = doc.indexOf("### A complete rule");
    int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
    String yaml =
        doc.substring(start, doc.indexOf("```", start))
            .replace("id: anthropic-", "id: doc-anthropic-");
    Path pack = Files.writeString(dir.resolve("doc.yaml"), yaml);

    RuleEngine withDoc = RuleEngine.load(List.of(pack));

    assertThat(withDoc.rule("doc-anthropic-model-claude")).isPresent();
    assertThat(withDoc.testExamples(r -> !r.builtIn())).allMatch(RuleTestResult::passed);
  }

  private static List<String> providerIds() throws IOException {
    try (InputStream in =
        RuleCatalogTest.class.getResourceAsStream("/dev/aiscan/rules/providers.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }
}
