package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code file}, {@code cloud-resource} (with {@code kind}) and {@code saas-app} matchers. */
class MatcherKindsTest {
  @TempDir Path dir;

  private RuleEngine engine(
      String id, String category, String match, String positive, String negative)
      throws IOException {
    String pack =
        """
        schemaVersion: 1
        pack: kinds
        rules:
          - id: %s
            provider: acme
            category: %s
            confidence: medium
            title: T
            description: D
            references: [https://example.com]
            iso42001: [A.4.4]
            match:
              - %s
            examples:
              positive:
                - %s
              negative:
                - %s
        """
            .formatted(id, category, match, positive, negative);
    RuleEngine engine =
        RuleEngine.load(List.of(Files.writeString(dir.resolve(id + ".yaml"), pack)));
    assertThat(engine.testExamples(r -> !r.builtIn())).allMatch(RuleTestResult::passed);
    return engine;
  }

  @Test
  void fileMatcherByExactNameAndByPathGlob() throws IOException {
    RuleEngine e =
        engine(
            "acme-assistant",
            "coding-assistant",
            "file: {name: [CLAUDE.md, .cursorrules], path: [.github/copilot-instructions.md, '**/.cursor/mcp.json', 'docs/*/AGENTS.md']}",
            "{type: file, value: sub/dir/CLAUDE.md}",
            "{type: file, value: claude.md}");

    assertThat(hits(e, "CLAUDE.md")).containsExactly("acme-assistant");
    assertThat(hits(e, "a/b/.cursorrules")).containsExactly("acme-assistant");
    assertThat(hits(e, "claude.md")).isEmpty();
    assertThat(hits(e, "CLAUDE.md.bak")).isEmpty();
    assertThat(hits(e, ".github/copilot-instructions.md")).containsExactly("acme-assistant");
    assertThat(hits(e, "x/.github/copilot-instructions.md")).isEmpty();
    assertThat(hits(e, ".cursor/mcp.json"))
        .as("**/ matches at the root")
        .containsExactly("acme-assistant");
    assertThat(hits(e, "apps/web/.cursor/mcp.json")).containsExactly("acme-assistant");
    assertThat(hits(e, "apps/web/cursor/mcp.json")).isEmpty();
    assertThat(hits(e, "apps/x.cursor/mcp.json")).isEmpty();
    assertThat(hits(e, "docs/en/AGENTS.md")).containsExactly("acme-assistant");
    assertThat(hits(e, "docs/en/v1/AGENTS.md")).as("* stays within a segment").isEmpty();

    Finding f =
        detect(
                e,
                fact(
                    FactType.FILE,
                    ".github/copilot-instructions.md",
                    Map.of(Fact.Attr.NAME, "copilot-instructions.md")))
            .get(0);
    assertThat(f.evidence()).isEqualTo("file .github/copilot-instructions.md");
    assertThat(f.category().wireName()).isEqualTo("coding-assistant");
  }

  @Test
  void fileNameComesFromTheAttributeWhenPresent() throws IOException {
    RuleEngine e =
        engine(
            "acme-rules-file",
            "coding-assistant",
            "file: {name: .windsurfrules}",
            "{type: file, value: .windsurfrules}",
            "{type: file, value: windsurfrules}");

    assertThat(
            detect(
                e,
                fact(FactType.FILE, "x/.windsurfrules", Map.of(Fact.Attr.NAME, ".windsurfrules"))))
        .hasSize(1);
    assertThat(detect(e, fact(FactType.FILE, "x/.windsurfrules", Map.of()))).hasSize(1);
  }

  @Test
  void fileMatcherRejectsBadNamesAndGlobs() throws IOException {
    for (String bad :
        List.of(
            "file: {name: a/CLAUDE.md}",
            "file: {path: /abs/x.md}",
            "file: {path: 'a/**x/b'}",
            "file: {path: 'a//b'}")) {
      Path pack =
          Files.writeString(
              dir.resolve("bad.yaml"),
              """
          schemaVersion: 1
          pack: bad
          rules:
            - id: acme-bad
              provider: acme
              category: coding-assistant
              confidence: medium
              title: T
              description: D
              references: [https://example.com]
              iso42001: [A.4.4]
              match:
                - %s
              examples:
                positive: [{type: file, value: x}]
                negative: [{type: file, value: y}]
          """
                  .formatted(bad));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
          .isInstanceOf(RuleFormatException.class)
          .hasMessageStartingWith(pack + ":13: rule acme-bad: ")
          .message()
          .doesNotContain("\n");
    }
  }

  @Test
  void cloudResourceKindFiltersOnTheKindAttribute() throws IOException {
    RuleEngine e =
        engine(
            "acme-openai-account",
            "cloud-service",
            "cloud-resource: {type: [Microsoft.CognitiveServices/accounts, 'aws_bedrock*'], kind: [OpenAI, AIServices]}",
            "{type: cloud-resource, value: Microsoft.CognitiveServices/accounts, attributes: {kind: OpenAI}}",
            "{type: cloud-resource, value: Microsoft.CognitiveServices/accounts, attributes: {kind: SpeechServices}}");

    assertThat(
            detect(
                e,
                fact(
                    FactType.CLOUD_RESOURCE,
                    "microsoft.cognitiveservices/accounts",
                    Map.of(Fact.Attr.KIND, "openai"))))
        .hasSize(1);
    assertThat(
            detect(
                e,
                fact(
                    FactType.CLOUD_RESOURCE,
                    "Microsoft.CognitiveServices/accounts",
                    Map.of(Fact.Attr.KIND, "AIServices"))))
        .hasSize(1);
    assertThat(
            detect(
                e, fact(FactType.CLOUD_RESOURCE, "Microsoft.CognitiveServices/accounts", Map.of())))
        .as("no kind: no match")
        .isEmpty();
    assertThat(
            detect(
                e,
                fact(
                    FactType.CLOUD_RESOURCE,
                    "Microsoft.CognitiveServices/accounts",
                    Map.of(Fact.Attr.KIND, "Face"))))
        .isEmpty();
    assertThat(
            detect(
                e,
                fact(
                    FactType.CLOUD_RESOURCE,
                    "aws_bedrock_agent",
                    Map.of(Fact.Attr.KIND, "OpenAI"))))
        .hasSize(1);
    assertThat(detect(e, fact(FactType.CLOUD_RESOURCE, "aws_bedrock_agent", Map.of()))).isEmpty();
  }

  @Test
  void cloudResourceWithoutKindMatchesAnyKind() throws IOException {
    RuleEngine e =
        engine(
            "acme-any-account",
            "cloud-service",
            "cloud-resource: {type: Microsoft.CognitiveServices/accounts}",
            "{type: cloud-resource, value: Microsoft.CognitiveServices/accounts}",
            "{type: cloud-resource, value: Microsoft.Storage/storageAccounts}");

    assertThat(
            detect(
                e,
                fact(
                    FactType.CLOUD_RESOURCE,
                    "Microsoft.CognitiveServices/accounts",
                    Map.of(Fact.Attr.KIND, "Face"))))
        .hasSize(1);
  }

  @Test
  void saasAppByNameDomainOrClientId() throws IOException {
    RuleEngine e =
        engine(
            "acme-notetaker",
            "saas-app",
            "saas-app: {name: Acme Notes, domain: acme-notes.ai, client-id: 0000-1111}",
            "{type: saas-app, value: acme notes}",
            "{type: saas-app, value: Acme Notes Helper, attributes: {domain: notacme-notes.ai}}");

    assertThat(
            detect(
                e,
                fact(
                    FactType.SAAS_APP, "Something", Map.of(Fact.Attr.DOMAIN, "app.acme-notes.ai"))))
        .hasSize(1);
    assertThat(
            detect(
                e, fact(FactType.SAAS_APP, "Something", Map.of(Fact.Attr.DOMAIN, "ACME-NOTES.AI"))))
        .hasSize(1);
    assertThat(
            detect(
                e,
                fact(
                    FactType.SAAS_APP,
                    "Something",
                    Map.of(Fact.Attr.DOMAIN, "acme-notes.ai.evil.com"))))
        .isEmpty();
    assertThat(
            detect(
                e, fact(FactType.SAAS_APP, "Something", Map.of(Fact.Attr.CLIENT_ID, "0000-1111"))))
        .hasSize(1);
    assertThat(
            detect(
                e, fact(FactType.SAAS_APP, "Something", Map.of(Fact.Attr.CLIENT_ID, "0000-11112"))))
        .isEmpty();
  }

  @Test
  void pypiPackageMatchersAlsoApplyToPythonImports() throws IOException {
    RuleEngine e =
        engine(
            "acme-sklearn",
            "ml-framework",
            "package: {ecosystem: pypi, name: [scikit-learn, langchain-openai], confidence: high}",
            "{type: import, value: sklearn.linear_model, language: python}",
            "{type: import, value: sklearn, language: javascript}");

    Finding f = detect(e, lang(FactType.IMPORT, "sklearn", "python")).get(0);
    assertThat(f.evidence()).isEqualTo("import sklearn");
    assertThat(f.confidence()).isEqualTo(dev.aiscan.core.model.Confidence.HIGH);
    assertThat(detect(e, lang(FactType.IMPORT, "langchain_openai.chat_models", "python")))
        .hasSize(1);
    assertThat(detect(e, lang(FactType.IMPORT, "scikit_learn", "python")))
        .as("PEP 503 of the top-level name")
        .hasSize(1);
    assertThat(detect(e, lang(FactType.IMPORT, "sklearnx", "python"))).isEmpty();
    assertThat(detect(e, lang(FactType.IMPORT, "myapp.sklearn", "python"))).isEmpty();
    assertThat(detect(e, lang(FactType.IMPORT, "sklearn", "javascript"))).isEmpty();
    assertThat(
            detect(
                e,
                lang(FactType.PACKAGE, "Scikit_Learn>=1.4", "python", Fact.Attr.ECOSYSTEM, "pypi")))
        .hasSize(1);
  }

  @Test
  void otherEcosystemsDoNotApplyToPythonImports() throws IOException {
    RuleEngine e =
        engine(
            "acme-npm-only",
            "sdk",
            "package: {ecosystem: npm, name: acmeai}",
            "{type: package, value: acmeai, ecosystem: npm}",
            "{type: import, value: acmeai, language: python}");

    assertThat(detect(e, lang(FactType.IMPORT, "acmeai", "python"))).isEmpty();
  }

  private static Fact lang(FactType type, String value, String language, String... more) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put(Fact.Attr.LANGUAGE, language);
    for (int i = 0; i < more.length; i += 2) {
      attrs.put(more[i], more[i + 1]);
    }
    return new Fact(type, value, RuleExample.TARGET, Location.file("x.py", 1), attrs);
  }

  private static List<String> hits(RuleEngine e, String path) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put(Fact.Attr.NAME, path.substring(path.lastIndexOf('/') + 1));
    return detect(e, fact(FactType.FILE, path, attrs)).stream().map(Finding::ruleId).toList();
  }

  private static Fact fact(FactType type, String value, Map<String, String> attributes) {
    Location location = type == FactType.FILE ? Location.file(value, null) : Location.resource("r");
    return new Fact(type, value, RuleExample.TARGET, location, attributes);
  }

  private static List<Finding> detect(RuleEngine e, Fact fact) {
    List<Finding> out = new ArrayList<>();
    e.detect(
        fact,
        f -> {
          if (f.ruleId().startsWith("acme-")) {
            out.add(f);
          }
        });
    return out;
  }
}
