package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the OpenAI and Anthropic connectors report of an organisation: the {@code api-key} matcher
 * over provider key inventories (findings fingerprinted by the provider's hint), and the built-in
 * rules for projects, workspaces and usage reports. Hints are in the vendors' published formats
 * ({@code ../shared/fixtures/vendor/{openai,anthropic}}).
 */
class ApiKeyInventoryTest {
  private static final RuleEngine ENGINE = RuleEngine.loadDefault();
  private static final String HINT = "sk-ant-api03-R2D...igAA";
  private static final String KEY_AT =
      "anthropic:acme/workspace/wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ/api_key/apikey_01Rj2N8SVvo6BePZj99NhmiT";

  @TempDir Path dir;

  @Test
  void anAnthropicKeyIsACredentialFingerprintedByItsHint() {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("origin", "anthropic");
    attrs.put("name", "Developer Key");
    attrs.put("project", "Workspace Name");
    attrs.put("owner", "alice@example.com");
    attrs.put("last-used", "2025-08-01T09:30:00Z");
    attrs.put("created", "2024-10-30T23:58:27.427722Z");
    attrs.put("state", "active");

    Finding f = only(detect(key(HINT, attrs)), "anthropic-admin-api-key");

    assertThat(f.provider()).isEqualTo("anthropic");
    assertThat(f.category()).isEqualTo(Category.CREDENTIAL);
    assertThat(f.fingerprint()).isEqualTo(HINT);
    assertThat(f.location()).isEqualTo(Location.resource(KEY_AT));
    assertThat(f.evidence())
        .isEqualTo(
            "API key Developer Key (sk-ant-api03-R2D...igAA) in workspace Workspace Name, owner"
                + " alice@example.com, last used 2025-08-01");
    assertThat(f.id())
        .isEqualTo(Finding.idOf("anthropic-admin-api-key", f.targetId(), f.location(), null, HINT));
  }

  @Test
  void anOpenAiKeyNamesItsProjectAndAKeyWithoutDetailIsItsHint() {
    Finding full =
        only(
            detect(
                key(
                    "sk-abc...def",
                    Map.of(
                        "origin", "openai", "name", "My API Key", "project", "Project example"))),
            "openai-admin-api-key");
    assertThat(full.evidence())
        .isEqualTo("API key My API Key (sk-abc...def) in project Project example");
    assertThat(full.fingerprint()).isEqualTo("sk-abc...def");

    Finding bare =
        only(detect(key("sk-abc...def", Map.of("origin", "OpenAI"))), "openai-admin-api-key");
    assertThat(bare.evidence()).isEqualTo("API key sk-abc...def");
  }

  @Test
  void keysMatchOnlyTheirOwnProvidersRule() {
    assertThat(ruleIds(detect(key(HINT, Map.of("origin", "anthropic")))))
        .containsExactly("anthropic-admin-api-key");
    assertThat(ruleIds(detect(key("sk-abc...def", Map.of("origin", "openai")))))
        .containsExactly("openai-admin-api-key");
    assertThat(detect(key(HINT, Map.of()))).as("no origin").isEmpty();
    assertThat(detect(key(HINT, Map.of("origin", "mistral")))).isEmpty();
  }

  @Test
  void projectsWorkspacesAndUsageReportsAreTheirProvidersCloudServices() {
    Fact project =
        new Fact(
            FactType.CLOUD_RESOURCE,
            "OpenAI::Project",
            RuleExample.TARGET,
            Location.resource("openai:org-acme/project/proj_abc"),
            Map.of("name", "Project example", "origin", "openai"));
    assertThat(only(detect(project), "openai-organization-project").evidence())
        .isEqualTo("resource OpenAI::Project Project example");

    Fact usage =
        new Fact(
            FactType.USAGE_EVENT,
            "anthropic:messages",
            RuleExample.TARGET,
            Location.resource(KEY_AT),
            Map.of(
                "principal", KEY_AT,
                "model", "claude-sonnet-4-20250514",
                "input-tokens", "3200",
                "output-tokens", "500",
                "origin", "anthropic"));
    Finding u = only(detect(usage), "anthropic-organization-usage");
    assertThat(u.model()).isEqualTo("claude-sonnet-4-20250514");
    assertThat(u.evidence()).isEqualTo("anthropic:messages by " + KEY_AT);
  }

  @Test
  void apiKeyMatchersBelongInCredentialRules() throws IOException {
    Path pack =
        Files.writeString(
            dir.resolve("keys.yaml"),
            """
            schemaVersion: 1
            pack: keys
            rules:
              - id: acme-key-inventory
                provider: acme
                category: cloud-service
                confidence: high
                title: T
                description: D
                references: [https://example.com]
                iso42001: [A.4.5]
                match:
                  - api-key: {origin: acme}
                examples:
                  positive:
                    - {type: api-key, value: "ak-1...z", attributes: {origin: acme}}
                  negative:
                    - {type: api-key, value: "ak-1...z", attributes: {origin: other}}
            """);

    assertThatThrownBy(() -> RuleEngine.load(List.of(pack)))
        .isInstanceOf(RuleFormatException.class)
        .hasMessageStartingWith(pack + ":13: rule acme-key-inventory: ")
        .hasMessageEndingWith("api-key matchers belong in rules of category credential");

    Files.writeString(pack, Files.readString(pack).replace("cloud-service", "credential"));
    assertThat(RuleEngine.testPacks(List.of(pack)))
        .extracting(RuleTestResult::line)
        .containsExactly("PASS acme-key-inventory (2 examples)");
  }

  @Test
  void apiKeyExamplesAreLocatedAtAResource() {
    RuleExample e =
        new RuleExample(FactType.API_KEY, HINT, Map.of("origin", "anthropic"), null, null);
    assertThat(e.toFact().location()).isEqualTo(Location.resource("example"));
  }

  private static Fact key(String hint, Map<String, String> attrs) {
    return new Fact(FactType.API_KEY, hint, RuleExample.TARGET, Location.resource(KEY_AT), attrs);
  }

  private static List<Finding> detect(Fact fact) {
    List<Finding> out = new ArrayList<>();
    ENGINE.detect(fact, out::add);
    return out;
  }

  private static List<String> ruleIds(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).toList();
  }

  private static Finding only(List<Finding> findings, String ruleId) {
    List<Finding> of = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertThat(of).as("findings of %s", ruleId).hasSize(1);
    return of.get(0);
  }
}
