package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Confidence;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the engine matches and what findings look like. */
class RuleEngineTest {
  private static final RuleEngine ENGINE = RuleEngine.loadDefault();

  @Test
  void loadDefaultReturnsOneSharedInstance() {
    assertThat(RuleEngine.loadDefault()).isSameAs(ENGINE);
    assertThat(RuleEngine.load(List.of())).isSameAs(ENGINE);
  }

  @Test
  void findingCarriesRuleMetadataLocationAndStableId() {
    Fact fact = fact(FactType.IMPORT, "openai", "python");

    Finding f = only(detect(fact), "openai-sdk");

    assertThat(f.provider()).isEqualTo("openai");
    assertThat(f.category().wireName()).isEqualTo("sdk");
    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.targetId()).isEqualTo(RuleExample.TARGET.id());
    assertThat(f.location()).isEqualTo(Location.file("src/app.py", 7));
    assertThat(f.evidence()).isEqualTo("import openai");
    assertThat(f.id())
        .isEqualTo(Finding.idOf("openai-sdk", f.targetId(), f.location(), null, null));
    assertThat(only(detect(fact), "openai-sdk").id()).isEqualTo(f.id());
  }

  @Test
  void evidenceIsShortAndHuman() {
    assertThat(
            only(
                    detect(
                        fact(
                            FactType.STRING_LITERAL,
                            "gpt-4o-mini",
                            "java",
                            "context",
                            "OpenAiChatModel.builder().modelName")),
                    "openai-model-gpt")
                .evidence())
        .isEqualTo("OpenAiChatModel.builder().modelName(\"gpt-4o-mini\")");
    assertThat(
            only(
                    detect(fact(FactType.STRING_LITERAL, "https://api.openai.com/v1", "java")),
                    "openai-api-endpoint")
                .evidence())
        .isEqualTo("\"https://api.openai.com/v1\"");
    assertThat(
            only(detect(fact(FactType.ENV_VAR, "OPENAI_API_KEY", "dotenv")), "openai-api-key-env")
                .evidence())
        .isEqualTo("env OPENAI_API_KEY");
    assertThat(
            only(
                    detect(fact(FactType.CONFIG_KEY, "spring.ai.openai.api-key", "properties")),
                    "spring-ai-openai")
                .evidence())
        .isEqualTo("spring.ai.openai.api-key");
    assertThat(
            only(
                    detect(fact(FactType.TYPE_REFERENCE, "com.openai.client.OpenAIClient", "java")),
                    "openai-sdk")
                .evidence())
        .isEqualTo("type com.openai.client.OpenAIClient");
    assertThat(
            only(
                    detect(
                        fact(
                            FactType.CALL,
                            "modelName",
                            "java",
                            "receiver",
                            "dev.langchain4j.model.openai.OpenAiChatModel",
                            "context",
                            "OpenAiChatModel.builder().modelName")),
                    "langchain4j-openai")
                .evidence())
        .isEqualTo("OpenAiChatModel.builder().modelName(…)");
  }

  @Test
  void longLiteralEvidenceIsAWindowAroundTheMatch() {
    String literal = "a".repeat(2000) + " use claude-3-5-sonnet-20241022 here " + "b".repeat(2000);

    Finding f =
        only(detect(fact(FactType.STRING_LITERAL, literal, "python")), "anthropic-model-claude");

    assertThat(f.evidence())
        .hasSizeLessThanOrEqualTo(160)
        .startsWith("\"…a")
        .endsWith("b…\"")
        .contains("claude-3-5-sonnet-20241022");
    assertThat(f.model()).isEqualTo("claude-3-5-sonnet-20241022");
  }

  @Test
  void eachModelInALiteralIsItsOwnFindingWithItsOwnId() {
    List<Finding> findings =
        detect(fact(FactType.STRING_LITERAL, "gpt-4o-mini,gpt-4o", "yaml", "key", "app.models"));

    List<Finding> gpt =
        findings.stream().filter(f -> f.ruleId().equals("openai-model-gpt")).toList();
    assertThat(gpt).extracting(Finding::model).containsExactlyInAnyOrder("gpt-4o-mini", "gpt-4o");
    assertThat(gpt).extracting(Finding::id).doesNotHaveDuplicates();
  }

  @Test
  void languageRestrictsImportMatchers() {
    assertThat(ruleIds(detect(fact(FactType.IMPORT, "openai", "java"))))
        .doesNotContain("openai-sdk");
    assertThat(ruleIds(detect(fact(FactType.IMPORT, "torch", "javascript")))).isEmpty();
  }

  @Test
  void factsWithoutALanguageMeetLanguageRestrictedMatchersWithoutFailing() {
    Fact noLanguage =
        new Fact(
            FactType.IMPORT,
            "openai",
            RuleExample.TARGET,
            Location.resource("arn:aws:lambda:eu-west-1:1:function:f"),
            Map.of());
    Fact cloud =
        new Fact(
            FactType.CLOUD_RESOURCE,
            "AWS::Bedrock::Agent",
            RuleExample.TARGET,
            Location.resource("arn:aws:bedrock:eu-west-1:1:agent/A"),
            Map.of());

    assertThat(ruleIds(detect(noLanguage))).doesNotContain("openai-sdk");
    assertThat(detect(cloud)).extracting(Finding::provider).contains("aws-bedrock");
  }

  @Test
  void importsMatchOnSegmentBoundaries() {
    assertThat(
            ruleIds(detect(fact(FactType.IMPORT, "github.com/openai/openai-go/v3/option", "go"))))
        .contains("openai-sdk");
    assertThat(ruleIds(detect(fact(FactType.IMPORT, "github.com/openai/openai-goodies", "go"))))
        .isEmpty();
    assertThat(
            ruleIds(
                detect(
                    fact(
                        FactType.IMPORT,
                        "@langchain/community/vectorstores/pgvector",
                        "typescript"))))
        .contains("langchain-framework");
    assertThat(ruleIds(detect(fact(FactType.IMPORT, "langchain_openai.chat_models", "python"))))
        .contains("langchain-framework", "langchain-openai");
  }

  @Test
  void pypiNamesCompareNormalised() {
    for (String name :
        List.of("LangChain_Core", "langchain.core", "langchain--core", "langchain-core==0.3.1")) {
      assertThat(ruleIds(detect(fact(FactType.PACKAGE, name, "python", "ecosystem", "pypi"))))
          .as(name)
          .contains("langchain-framework");
    }
    assertThat(
            ruleIds(
                detect(fact(FactType.PACKAGE, "langchain_core", "javascript", "ecosystem", "npm"))))
        .isEmpty();
  }

  @Test
  void packageWithoutEcosystemDoesNotMatch() {
    assertThat(detect(fact(FactType.PACKAGE, "openai", "python"))).isEmpty();
  }

  @Test
  void typeSimpleNameMatchesOnlyUnqualifiedValues() {
    assertThat(ruleIds(detect(fact(FactType.TYPE_REFERENCE, "AnthropicOkHttpClient", "java"))))
        .contains("anthropic-sdk");
    assertThat(
            ruleIds(
                detect(fact(FactType.TYPE_REFERENCE, "com.acme.AnthropicOkHttpClient", "java"))))
        .isEmpty();
  }

  @Test
  void hostsMatchExactWildcardAndPort() {
    assertThat(ruleIds(detect(fact(FactType.STRING_LITERAL, "HTTPS://API.OPENAI.COM/v1", "java"))))
        .contains("openai-api-endpoint");
    assertThat(
            ruleIds(
                detect(
                    fact(
                        FactType.STRING_LITERAL,
                        "https://user:pw@my-res.openai.azure.com:443/openai",
                        "java"))))
        .contains("azure-openai-endpoint");
    assertThat(
            ruleIds(
                detect(fact(FactType.STRING_LITERAL, "http://127.0.0.1:11434/api/chat", "python"))))
        .contains("ollama-endpoint");
    assertThat(
            ruleIds(
                detect(fact(FactType.STRING_LITERAL, "http://127.0.0.1:11435/api/chat", "python"))))
        .isEmpty();
    assertThat(
            ruleIds(
                detect(
                    fact(
                        FactType.STRING_LITERAL,
                        "see https://api.anthropic.com and https://api.openai.com",
                        "md"))))
        .contains("anthropic-api-endpoint", "openai-api-endpoint");
  }

  @Test
  void configKeysCompareCaseInsensitively() {
    assertThat(
            ruleIds(detect(fact(FactType.CONFIG_KEY, "Spring.AI.Ollama.Base-Url", "properties"))))
        .contains("spring-ai-framework", "spring-ai-ollama");
  }

  @Test
  void imagesIgnoreRegistryTagAndDigest() {
    for (String image :
        List.of(
            "ollama/ollama",
            "ollama/ollama:0.5.7",
            "docker.io/ollama/ollama@sha256:abc",
            "mirror.example.com:5000/ollama/ollama:latest")) {
      assertThat(ruleIds(detect(fact(FactType.CONTAINER_IMAGE, image, "yaml"))))
          .as(image)
          .contains("ollama-image");
    }
  }

  @Test
  void cloudResourceTypesMatchExactlyOrByPrefix() {
    assertThat(ruleIds(detect(fact(FactType.CLOUD_RESOURCE, "AWS::Bedrock::Guardrail", "yaml"))))
        .contains("aws-bedrock-cloud-resource");
    assertThat(
            ruleIds(
                detect(
                    fact(FactType.CLOUD_RESOURCE, "microsoft.cognitiveservices/accounts", "json"))))
        .containsExactly("azure-ai-services-cloud-resource");
  }

  @Test
  void matcherConfidenceOverridesTheRuleAndTheHigherWins(@TempDir Path dir) throws IOException {
    Path pack =
        Files.writeString(
            dir.resolve("conf.yaml"),
            """
        schemaVersion: 1
        pack: conf
        rules:
          - id: acme-model
            provider: acme
            category: model
            confidence: low
            title: Acme model
            description: Acme model ids, case-insensitive.
            references: [https://example.com/acme]
            iso42001: [A.4.2]
            match:
              - model: {pattern: '(?i)(?<model>acme-[0-9]+)'}
              - model: {pattern: '(?i)(?<model>acme-[0-9]+)', key: model, confidence: high}
            examples:
              positive:
                - {type: string-literal, value: Acme-7, model: acme-7}
              negative:
                - {type: string-literal, value: acme}
        """);
    RuleEngine engine = RuleEngine.load(List.of(pack));

    List<Finding> plain = detect(engine, fact(FactType.STRING_LITERAL, "ACME-42", "python"));
    List<Finding> keyed =
        detect(engine, fact(FactType.STRING_LITERAL, "ACME-42", "yaml", "key", "model"));

    assertThat(only(plain, "acme-model").confidence()).isEqualTo(Confidence.LOW);
    assertThat(only(plain, "acme-model").model()).isEqualTo("acme-42");
    assertThat(only(keyed, "acme-model").confidence()).isEqualTo(Confidence.HIGH);
  }

  @Test
  void concurrentDetectionGivesTheSameFindings() {
    List<Fact> facts =
        ENGINE.rules().stream()
            .flatMap(
                r ->
                    java.util.stream.Stream.concat(
                        r.positiveExamples().stream(), r.negativeExamples().stream()))
            .map(RuleExample::toFact)
            .toList();
    Set<String> sequential = new java.util.HashSet<>();
    facts.forEach(
        f ->
            ENGINE.detect(
                f, x -> sequential.add(x.ruleId() + "|" + x.evidence() + "|" + x.model())));

    Set<String> parallel = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < 4; round++) {
      facts.parallelStream()
          .forEach(
              f ->
                  ENGINE.detect(
                      f, x -> parallel.add(x.ruleId() + "|" + x.evidence() + "|" + x.model())));
    }

    assertThat(parallel).isEqualTo(sequential);
  }

  private static Finding only(List<Finding> findings, String ruleId) {
    List<Finding> of = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertThat(of).as("findings of %s in %s", ruleId, ruleIds(findings)).hasSize(1);
    return of.get(0);
  }

  private static Set<String> ruleIds(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).collect(Collectors.toSet());
  }

  private static List<Finding> detect(Fact fact) {
    return detect(ENGINE, fact);
  }

  private static List<Finding> detect(RuleEngine engine, Fact fact) {
    List<Finding> out = new ArrayList<>();
    engine.detect(fact, out::add);
    return out;
  }

  private static Fact fact(FactType type, String value, String language, String... attributes) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put(Fact.Attr.LANGUAGE, language);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      attrs.put(attributes[i], attributes[i + 1]);
    }
    Location location =
        type == FactType.CLOUD_RESOURCE ? Location.resource("r") : Location.file("src/app.py", 7);
    return new Fact(type, value, RuleExample.TARGET, location, attrs);
  }
}
