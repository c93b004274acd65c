package dev.aiscan.register.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class SeedYamlTest {
  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  @TempDir Path dir;

  private ScanResult result;
  private List<SeedDraft> drafts;
  private String yaml;

  @BeforeEach
  void seed() {
    result = SeedFixtures.scan(SeedFixtures.writeEstate(dir));
    drafts = RegisterSeeder.seed(result, SeedFixtures.register());
    yaml = RegisterSeeder.toYaml(SeedFixtures.register(), drafts, SeedFixtures.SCAN_ID, DAY);
  }

  @Test
  void theSeededRegisterReadsAsExpected() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/seed/seeded-register.yaml")) {
      assertThat(yaml).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theHeaderNamesTheScanAndTheDate() {
    assertThat(yaml)
        .startsWith(
            "# AI register seeded by aiscan from scan scan-20250601T100000Z-7f3a on 2025-06-01:"
                + " review every TODO.\nversion: 1\nentries:\n");
    assertThat(RegisterSeeder.toYaml(Register.NONE, List.of()))
        .startsWith("# AI register seeded by aiscan on ")
        .endsWith(": review every TODO.\nversion: 1\nentries: []\n");
  }

  @Test
  void existingEntriesComeFirstThenTheDraftsById() {
    assertThat(entries(yaml))
        .extracting(e -> e.get("id"))
        .containsExactly(
            "billing-assistant",
            "kb-search-ai",
            "docs-bot-ai",
            "hiring-portal-ai",
            "prod-aws-bedrock",
            "support-desk-ai");
    assertThat(parse(yaml).get("version")).isEqualTo(1);
  }

  @Test
  void everyFieldOfAnExistingEntrySurvives() {
    Register register =
        new Register(
            "ai-register.yaml",
            List.of(
                SeedFixtures.billingAssistant(), SeedFixtures.kbSearch(), SeedFixtures.tricky()));

    List<Map<String, Object>> back = entries(RegisterSeeder.toYaml(register, List.of(), "s", DAY));

    assertThat(back).hasSize(3);
    for (int i = 0; i < 3; i++) {
      RegisterEntry original = register.entries().get(i);
      assertThat(entry(back.get(i)))
          .isEqualTo(
              new RegisterEntry(
                  original.id(),
                  original.name(),
                  original.purpose(),
                  original.owner(),
                  original.businessUnit(),
                  original.lifecycle(),
                  original.riskLevel(),
                  original.impactOnIndividuals(),
                  original.personalData(),
                  original.humanOversight(),
                  original.supplier(),
                  original.models(),
                  original.dataSources(),
                  original.reviewDate(),
                  original.selectors(),
                  RegisterEntry.Origin.NONE));
    }
  }

  @Test
  void existingEntriesAreWrittenWithTheirWireNames() {
    Map<String, Object> billing = entries(yaml).get(0);
    assertThat(billing.get("lifecycle")).isEqualTo("operation");
    assertThat(billing.get("riskLevel")).isEqualTo("limited");
    assertThat(billing.get("personalData"))
        .isEqualTo(
            Map.of("processed", true, "categories", List.of("contact details", "financial")));
    assertThat(entries(yaml).get(1).get("personalData")).isEqualTo(false);
    assertThat(yaml).contains("    reviewDate: 2026-03-31\n");
    assertThat(yaml).contains("      tags: {cost-center: \"0042\", env: prod}\n");
  }

  @Test
  void draftsCarryTodosOwnersAndTheSuggestedRisk() {
    Map<String, Object> support = entries(yaml).get(5);
    assertThat(support)
        .containsEntry("id", "support-desk-ai")
        .containsEntry("name", "support-desk AI use")
        .containsEntry("purpose", "TODO")
        .containsEntry("owner", "@acme/support-team")
        .containsEntry("businessUnit", "TODO")
        .containsEntry("lifecycle", "TODO")
        .containsEntry("riskLevel", "TODO")
        .containsEntry("impactOnIndividuals", "TODO")
        .containsEntry("personalData", "TODO")
        .containsEntry("humanOversight", "TODO")
        .containsEntry("supplier", "Anthropic, OpenAI")
        .containsEntry("models", List.of("claude-3-5-sonnet-20241022", "gpt-4o-mini"))
        .containsEntry("dataSources", "TODO")
        .containsEntry("reviewDate", "TODO")
        .containsEntry(
            "selectors",
            Map.of(
                "repositories",
                List.of("support-desk"),
                "providers",
                List.of("anthropic", "openai")));
    assertThat(support.get("owners"))
        .isEqualTo(
            List.of(
                Map.of(
                    "owner",
                    "@acme/support-team",
                    "source",
                    ".github/CODEOWNERS line 3 (/support/ @acme/support-team)"),
                Map.of(
                    "owner",
                    "@acme/frontend",
                    "source",
                    ".github/CODEOWNERS line 4 (*.ts @acme/support-team @acme/frontend)"),
                Map.of(
                    "owner",
                    "@acme/platform",
                    "source",
                    ".github/CODEOWNERS line 2 (* @acme/platform)")));
    assertThat(support.get("suggestedRisk"))
        .isEqualTo(
            Map.of(
                "level",
                "limited",
                "reasons",
                List.of(
                    "personal data indicators (email in support/reply.py)",
                    "sends data to a third-party AI API (anthropic, openai)",
                    "generative AI (anthropic, openai)")));

    Map<String, Object> docs = entries(yaml).get(2);
    assertThat(docs).containsEntry("owner", "TODO").doesNotContainKey("owners");
    assertThat(docs).containsEntry("supplier", null).containsEntry("models", List.of());

    Map<String, Object> aws = entries(yaml).get(4);
    assertThat(aws.get("selectors"))
        .isEqualTo(
            Map.of("cloudAccounts", List.of("123456789012"), "providers", List.of("aws-bedrock")));
    assertThat(aws.get("models")).isEqualTo(List.of("anthropic.claude-3-haiku-20240307-v1:0"));
  }

  @Test
  void seedingTheSeededRegisterAddsNothing() {
    Register reread = register(yaml);
    assertThat(reread.entries())
        .extracting(RegisterEntry::id)
        .containsExactly(
            "billing-assistant",
            "kb-search-ai",
            "docs-bot-ai",
            "hiring-portal-ai",
            "prod-aws-bedrock",
            "support-desk-ai");

    List<SeedDraft> again = RegisterSeeder.seed(result, reread);
    assertThat(again).isEmpty();

    String twice = RegisterSeeder.toYaml(reread, again, SeedFixtures.SCAN_ID, DAY);
    assertThat(entries(twice))
        .extracting(e -> e.get("id"))
        .containsExactlyElementsOf(reread.entries().stream().map(RegisterEntry::id).toList());
    assertThat(register(twice).entries()).isEqualTo(reread.entries());
  }

  @Test
  void scalarsAreQuotedWhenYamlNeedsIt() {
    assertThat(SeedYaml.scalar("support-desk")).isEqualTo("support-desk");
    assertThat(SeedYaml.scalar("Microsoft (Azure OpenAI)")).isEqualTo("Microsoft (Azure OpenAI)");
    assertThat(SeedYaml.scalar("@acme/x")).isEqualTo("\"@acme/x\"");
    assertThat(SeedYaml.scalar("a: b")).isEqualTo("\"a: b\"");
    assertThat(SeedYaml.scalar("No")).isEqualTo("\"No\"");
    assertThat(SeedYaml.scalar("4o")).isEqualTo("\"4o\"");
    assertThat(SeedYaml.scalar("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(SeedYaml.flow(List.of("a, b", "c"))).isEqualTo("[\"a, b\", c]");
  }

  // --- reading back, as the register reader would ---

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text) {
    return (Map<String, Object>) new Yaml().load(text);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(String text) {
    return (List<Map<String, Object>>) parse(text).get("entries");
  }

  private static Register register(String text) {
    return new Register("seeded.yaml", entries(text).stream().map(SeedYamlTest::entry).toList());
  }

  @SuppressWarnings("unchecked")
  private static RegisterEntry entry(Map<String, Object> m) {
    Map<String, Object> s = (Map<String, Object>) m.get("selectors");
    return new RegisterEntry(
        (String) m.get("id"),
        (String) m.get("name"),
        (String) m.get("purpose"),
        (String) m.get("owner"),
        (String) m.get("businessUnit"),
        enumOf(RegisterEntry.Lifecycle.class, m.get("lifecycle")),
        enumOf(RegisterEntry.RiskLevel.class, m.get("riskLevel")),
        (String) m.get("impactOnIndividuals"),
        personalData(m.get("personalData")),
        (String) m.get("humanOversight"),
        (String) m.get("supplier"),
        list(m.get("models")),
        list(m.get("dataSources")),
        m.get("reviewDate") instanceof Date d
            ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
            : null,
        new Selectors(
            list(s.get("repositories")),
            list(s.get("paths")),
            list(s.get("packages")),
            list(s.get("cloudAccounts")),
            list(s.get("cloudResources")),
            (Map<String, String>) s.get("tags"),
            list(s.get("saasTenants")),
            list(s.get("saasApps")),
            list(s.get("apiKeys")),
            list(s.get("providers")),
            list(s.get("models"))),
        null);
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object o) {
    return o instanceof List<?> l ? (List<String>) l : null;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, Object o) {
    if (!(o instanceof String s) || s.equals("TODO")) {
      return null;
    }
    return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
  }

  @SuppressWarnings("unchecked")
  private static RegisterEntry.PersonalData personalData(Object o) {
    if (o instanceof Boolean b) {
      return new RegisterEntry.PersonalData(b, List.of());
    }
    if (o instanceof Map<?, ?> m) {
      return new RegisterEntry.PersonalData(
          (Boolean) m.get("processed"), (List<String>) m.get("categories"));
    }
    return RegisterEntry.PersonalData.UNKNOWN;
  }
}
