package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.model.Confidence;
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

/** User packs overriding and disabling built-in rules, and testing custom packs. */
class OverrideTest {
  private static final String OVERRIDE =
      """
      schemaVersion: 1
      pack: tuned
      rules:
        - id: openai-sdk
          override: true
          provider: openai
          category: sdk
          confidence: medium
          title: OpenAI SDK (Python only)
          description: Our tuned version.
          references: [https://example.com/openai]
          iso42001: [A.4.4]
          match:
            - import: {module: openai, language: python}
          examples:
            positive:
              - {type: import, value: openai, language: python}
            negative:
              - {type: import, value: openai, language: javascript}
      """;

  @TempDir Path dir;

  @Test
  void overrideReplacesTheBuiltInRuleEntirely() throws IOException {
    Path pack = write("tuned.yaml", OVERRIDE);

    RuleEngine engine = RuleEngine.load(List.of(pack));

    Rule rule = engine.rule("openai-sdk").orElseThrow();
    assertThat(rule.origin()).isEqualTo(Rule.Origin.OVERRIDE);
    assertThat(rule.pack()).isEqualTo("tuned");
    assertThat(engine.rules().stream().filter(r -> r.id().equals("openai-sdk"))).hasSize(1);
    int builtInPosition =
        RuleEngine.loadDefault()
            .rules()
            .indexOf(RuleEngine.loadDefault().rule("openai-sdk").orElseThrow());
    assertThat(engine.rules().indexOf(rule))
        .as("keeps the built-in's place")
        .isEqualTo(builtInPosition);

    assertThat(ids(engine, FactType.IMPORT, "openai", "python")).containsExactly("openai-sdk");
    assertThat(confidence(engine, FactType.IMPORT, "openai", "python", "openai-sdk"))
        .isEqualTo(Confidence.MEDIUM);
    assertThat(ids(engine, FactType.IMPORT, "openai", "javascript"))
        .as("built-in matchers are gone")
        .doesNotContain("openai-sdk");
    assertThat(ids(RuleEngine.loadDefault(), FactType.IMPORT, "openai", "javascript"))
        .contains("openai-sdk");

    assertThat(engine.overrides())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.ruleId()).isEqualTo("openai-sdk");
              assertThat(o.action()).isEqualTo(RuleOverride.Action.OVERRIDDEN);
              assertThat(o.source()).isEqualTo(pack + ":4");
              assertThat(o.builtIn().builtIn()).isTrue();
              assertThat(o.builtIn().source()).startsWith("openai.yaml:");
            });
    assertThat(engine.testExamples(r -> !r.builtIn())).allMatch(RuleTestResult::passed);
  }

  @Test
  void disableSwitchesBuiltInRulesOff() throws IOException {
    Path pack =
        write(
            "off.yaml",
            "schemaVersion: 1\npack: switched-off\ndisable:\n  - openai-sdk\n  - openai-api-key-env\n");

    RuleEngine engine = RuleEngine.load(List.of(pack));

    assertThat(engine.rule("openai-sdk")).isEmpty();
    assertThat(engine.rule("openai-api-key-env")).isEmpty();
    assertThat(engine.rules()).hasSize(RuleEngine.loadDefault().rules().size() - 2);
    assertThat(ids(engine, FactType.IMPORT, "openai", "python")).doesNotContain("openai-sdk");
    assertThat(engine.overrides())
        .extracting(RuleOverride::ruleId, RuleOverride::action, RuleOverride::source)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "openai-sdk", RuleOverride.Action.DISABLED, pack + ":4"),
            org.assertj.core.groups.Tuple.tuple(
                "openai-api-key-env", RuleOverride.Action.DISABLED, pack + ":5"));
    assertThat(RuleEngine.loadDefault().rule("openai-sdk"))
        .as("the shared default engine is untouched")
        .isPresent();
    assertThat(RuleEngine.loadDefault().overrides()).isEmpty();
  }

  @Test
  void disablingAnUnknownIdIsAnError() throws IOException {
    Path pack =
        write(
            "off.yaml",
            "schemaVersion: 1\npack: switched-off\ndisable: [openai-sdk, no-such-rule]\n");

    assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
        .isInstanceOf(RuleFormatException.class)
        .hasMessage(pack + ":3: disable: 'no-such-rule' is not a built-in rule id");
  }

  @Test
  void overrideWithoutABuiltInIsAnError() throws IOException {
    Path pack = write("tuned.yaml", OVERRIDE.replace("id: openai-sdk", "id: acme-sdk"));

    assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
        .hasMessage(
            pack + ":4: rule acme-sdk: override: true but there is no built-in rule with this id");
  }

  @Test
  void overrideAndDisableOfTheSameRuleConflict() throws IOException {
    write("a.yaml", OVERRIDE);
    Path off = write("b.yaml", "schemaVersion: 1\npack: switched-off\ndisable: [openai-sdk]\n");

    assertThatThrownBy(() -> RuleEngine.load(List.of(dir)))
        .hasMessageStartingWith(
            off
                + ":3: disable: 'openai-sdk' is also overridden at "
                + dir.resolve("a.yaml")
                + ":4");
  }

  @Test
  void twoOverridesOfOneRuleConflict() throws IOException {
    write("a.yaml", OVERRIDE);
    Path second = write("b.yaml", OVERRIDE.replace("pack: tuned", "pack: tuned2"));

    assertThatThrownBy(() -> RuleEngine.load(List.of(dir)))
        .hasMessage(
            second
                + ":4: rule openai-sdk: duplicate id (first defined at "
                + dir.resolve("a.yaml")
                + ":4)");
  }

  @Test
  void builtInPacksCannotOverrideOrDisable() {
    var loader = new dev.aiscan.rules.internal.PackLoader();
    var builtIn = new ArrayList<>(loader.defaultPacks());
    builtIn.add(
        loader.read(
            "extra.yaml", OVERRIDE.replace("id: openai-sdk", "id: openai-sdk-2"), true, null));

    assertThatThrownBy(() -> dev.aiscan.rules.internal.Assembler.assemble(builtIn))
        .hasMessage(
            "extra.yaml:4: rule openai-sdk-2: override: only user packs can override rules");
  }

  @Test
  void aFailedLoadLeavesNothingHalfLoaded() throws IOException {
    write("a.yaml", OVERRIDE);
    write("b.yaml", "schemaVersion: 1\npack: switched-off\ndisable: [nope]\n");

    assertThatThrownBy(() -> RuleEngine.load(List.of(dir))).isInstanceOf(RuleFormatException.class);
    assertThat(RuleEngine.loadDefault().rule("openai-sdk").orElseThrow().builtIn()).isTrue();
  }

  @Test
  void testPacksRunsTheUserRulesExamplesOnePerRule() throws IOException {
    write("tuned.yaml", OVERRIDE);
    write(
        "broken.yaml",
        """
        schemaVersion: 1
        pack: broken
        rules:
          - id: acme-sdk
            provider: acme
            category: sdk
            confidence: high
            title: Acme
            description: Acme SDK.
            references: [https://example.com/acme]
            iso42001: [A.4.4]
            match:
              - import: {module: acme}
            examples:
              positive:
                - {type: import, value: acme.client}
                - {type: import, value: acmex}
              negative:
                - {type: import, value: acme}
        """);

    List<RuleTestResult> results = RuleEngine.testPacks(List.of(dir));

    assertThat(results)
        .extracting(RuleTestResult::line)
        .containsExactly("PASS openai-sdk (2 examples)", "FAIL acme-sdk (2 of 3 failed)");
    assertThat(results.get(1).failures())
        .containsExactly(
            dir.resolve("broken.yaml")
                + ":4: rule acme-sdk: positive example 2 (import) does not match",
            dir.resolve("broken.yaml") + ":4: rule acme-sdk: negative example 1 (import) matches");
    assertThat(results.get(1).rule().origin()).isEqualTo(Rule.Origin.CUSTOM);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<String> ids(RuleEngine engine, FactType type, String value, String language) {
    return detect(engine, type, value, language).stream().map(Finding::ruleId).toList();
  }

  private static Confidence confidence(
      RuleEngine engine, FactType type, String value, String language, String rule) {
    return detect(engine, type, value, language).stream()
        .filter(f -> f.ruleId().equals(rule))
        .findFirst()
        .orElseThrow()
        .confidence();
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
