package dev.aiscan.register.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.RegisterEntry.RiskLevel;
import dev.aiscan.testkit.FixtureTree;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterSeederTest {
  @TempDir Path dir;

  private SeedFixtures.Estate estate;
  private ScanResult result;
  private Map<String, SeedDraft> drafts;
  private List<SeedDraft> seeded;

  @BeforeEach
  void seed() {
    estate = SeedFixtures.writeEstate(dir);
    result = SeedFixtures.scan(estate);
    seeded = RegisterSeeder.seed(result, SeedFixtures.register());
    drafts =
        seeded.stream()
            .collect(Collectors.toMap(d -> d.entry().id(), Function.identity(), (a, b) -> a));
  }

  @Test
  void oneDraftPerSourceTreeAndPerCloudProviderSortedById() {
    assertThat(seeded)
        .extracting(d -> d.entry().id())
        .containsExactly("docs-bot-ai", "hiring-portal-ai", "prod-aws-bedrock", "support-desk-ai");
    assertThat(drafts.get("support-desk-ai").assetIds())
        .containsExactly("a-support-anthropic", "a-support-openai");
    assertThat(drafts.get("hiring-portal-ai").assetIds())
        .containsExactly("a-hiring-anthropic", "a-hiring-openai");
    assertThat(drafts.get("docs-bot-ai").assetIds()).containsExactly("a-docs-langchain");
    assertThat(drafts.get("prod-aws-bedrock").assetIds()).containsExactly("a-aws-bedrock");
  }

  @Test
  void registeredAssetsAndDraftsWhoseIdIsTakenAreNotSeeded() {
    assertThat(seeded)
        .flatExtracting(SeedDraft::assetIds)
        .doesNotContain("a-billing-openai", "a-kb-openai");
    assertThat(seeded)
        .extracting(d -> d.entry().id())
        .doesNotContain("kb-search-ai", "billing-ai", "billing-assistant");
  }

  @Test
  void everyDraftCoversExactlyItsAssetsAndNothingElseOfTheScan() {
    for (SeedDraft d : seeded) {
      assertThat(SeedFixtures.covered(result, d.entry()))
          .as(d.entry().id())
          .containsExactlyInAnyOrderElementsOf(d.assetIds());
    }
  }

  @Test
  void sourceDraftsSelectTheRepositoryAndItsProviders() {
    RegisterEntry e = drafts.get("support-desk-ai").entry();
    assertThat(e.name()).isEqualTo("support-desk AI use");
    assertThat(e.selectors().repositories()).containsExactly("support-desk");
    assertThat(e.selectors().providers()).containsExactly("anthropic", "openai");
    assertThat(e.selectors().models()).isEmpty();
    assertThat(e.models()).containsExactly("claude-3-5-sonnet-20241022", "gpt-4o-mini");
    assertThat(e.supplier()).isEqualTo("Anthropic, OpenAI");
    assertThat(e.selectors().cloudAccounts()).isEmpty();
  }

  @Test
  void whatAPersonDecidesIsLeftOpen() {
    RegisterEntry e = drafts.get("support-desk-ai").entry();
    assertThat(e.purpose()).isNull();
    assertThat(e.businessUnit()).isNull();
    assertThat(e.lifecycle()).isNull();
    assertThat(e.riskLevel()).isNull();
    assertThat(e.impactOnIndividuals()).isNull();
    assertThat(e.humanOversight()).isNull();
    assertThat(e.dataSources()).isEmpty();
    assertThat(e.reviewDate()).isNull();
    assertThat(e.personalData()).isEqualTo(RegisterEntry.PersonalData.UNKNOWN);
  }

  @Test
  void frameworkOnlyTreesAreInHouseWithoutModels() {
    RegisterEntry e = drafts.get("docs-bot-ai").entry();
    assertThat(e.supplier()).isNull();
    assertThat(e.models()).isEmpty();
    assertThat(e.selectors().providers()).containsExactly("langchain");
    assertThat(e.owner()).isNull();
    assertThat(drafts.get("docs-bot-ai").owners()).isEmpty();
    assertThat(drafts.get("docs-bot-ai").risk().level()).isEqualTo(RiskLevel.MINIMAL);
  }

  @Test
  void cloudDraftsSelectTheAccountAndTheProvider() {
    RegisterEntry e = drafts.get("prod-aws-bedrock").entry();
    assertThat(e.name()).isEqualTo("aws-bedrock in prod");
    assertThat(e.selectors().cloudAccounts()).containsExactly("123456789012");
    assertThat(e.selectors().repositories()).isEmpty();
    assertThat(e.selectors().providers()).containsExactly("aws-bedrock");
    assertThat(e.models()).containsExactly("anthropic.claude-3-haiku-20240307-v1:0");
    assertThat(e.supplier()).isEqualTo("Amazon Web Services (Bedrock)");
    assertThat(drafts.get("prod-aws-bedrock").risk().level()).isEqualTo(RiskLevel.LIMITED);
    // the account and the provider already cover exactly its assets: no tags selector
    assertThat(e.selectors().tags()).isEmpty();
  }

  @Test
  void cloudOwnersComeFromTheTagsOfTheResourcesTheFindingsAreAt() {
    SeedDraft d = drafts.get("prod-aws-bedrock");
    // the agent is tagged Owner (and team): the owner tag wins; the foundation model has no tags
    assertThat(d.owners())
        .containsExactly(
            new OwnerSuggestion(
                "claims-automation@acme.test", "tag Owner on " + SeedFixtures.CLAIMS_AGENT));
    assertThat(d.entry().owner()).isEqualTo("claims-automation@acme.test");

    // without the resources the scan reported, nothing says who owns it
    ScanResult bare =
        new ScanResult(
            result.scan(), result.findings(), result.assets(), List.of(), 0, List.of(), Set.of());
    SeedDraft untagged =
        RegisterSeeder.seed(bare, SeedFixtures.register()).stream()
            .filter(x -> x.entry().id().equals("prod-aws-bedrock"))
            .findFirst()
            .orElseThrow();
    assertThat(untagged.owners()).isEmpty();
    assertThat(untagged.entry().owner()).isNull();
  }

  @Test
  void anotherAccountsResourceWithTheSameIdSuggestsNobody() {
    Target staging = new Target("aws:210987654321", "aws", "staging", "210987654321");
    var f =
        SeedFixtures.finding(
            "aws-bedrock-cloud-resource",
            "aws-bedrock",
            Category.CLOUD_SERVICE,
            staging,
            Location.resource(SeedFixtures.CLAIMS_AGENT),
            "AWS::Bedrock::Agent",
            null);
    ScanResult scan =
        new ScanResult(
            new Scan("s-staging", Instant.EPOCH, Instant.EPOCH, List.of(staging), "0.1.0"),
            List.of(f),
            List.of(
                SeedFixtures.asset(
                    "a-staging",
                    "aws-bedrock",
                    "cloud-resource",
                    staging,
                    List.of(f),
                    AssetStatus.SHADOW,
                    null)),
            List.of(),
            0,
            List.of(),
            Set.of(),
            null,
            SeedFixtures.resources());

    assertThat(RegisterSeeder.seed(scan, Register.NONE))
        .singleElement()
        .satisfies(d -> assertThat(d.owners()).isEmpty());
  }

  @Test
  void ownersComeFromCodeOwnersAndTheBestIsTheEntrysOwner() {
    SeedDraft d = drafts.get("support-desk-ai");
    assertThat(d.owners())
        .extracting(OwnerSuggestion::owner)
        .containsExactly("@acme/support-team", "@acme/frontend", "@acme/platform");
    assertThat(d.owners().get(0).source())
        .isEqualTo(".github/CODEOWNERS line 3 (/support/ @acme/support-team)");
    assertThat(d.entry().owner()).isEqualTo("@acme/support-team");
  }

  @Test
  void riskIsSuggestedFromWhatTheFilesDo() {
    assertThat(drafts.get("hiring-portal-ai").risk())
        .isEqualTo(
            new RiskSuggestion(
                RiskLevel.HIGH,
                List.of(
                    "decision domain: hiring (candidate, resume in jobs/screen.py)",
                    "sends data to a third-party AI API (anthropic, openai)",
                    "generative AI (anthropic, openai)")));
    assertThat(drafts.get("support-desk-ai").risk())
        .isEqualTo(
            new RiskSuggestion(
                RiskLevel.LIMITED,
                List.of(
                    "personal data indicators (email in support/reply.py)",
                    "sends data to a third-party AI API (anthropic, openai)",
                    "generative AI (anthropic, openai)")));
  }

  @Test
  void seedingTheSameScanTwiceGivesTheSameDrafts() {
    assertThat(RegisterSeeder.seed(result, SeedFixtures.register())).isEqualTo(seeded);
  }

  @Test
  void withoutARegisterEveryShadowAssetIsSeeded() {
    List<SeedDraft> all = RegisterSeeder.seed(result, Register.NONE);
    assertThat(all)
        .extracting(d -> d.entry().id())
        .containsExactly(
            "docs-bot-ai",
            "hiring-portal-ai",
            "kb-search-ai",
            "prod-aws-bedrock",
            "support-desk-ai");
  }

  @Test
  void treesWithTheSameNameAreSelectedByLocationAndGetDistinctIds() {
    Path a = dir.resolve("team-a/api");
    Path b = dir.resolve("team-b/API");
    FixtureTree.in(a).file("main.py", "import openai\n");
    FixtureTree.in(b).file("main.py", "import anthropic\n");
    Target ta = SeedFixtures.source(a);
    Target tb = SeedFixtures.source(b);
    var fa =
        SeedFixtures.finding(
            "openai-python-import",
            "openai",
            Category.SDK,
            ta,
            Location.file("main.py", 1),
            "import openai",
            null);
    var fb =
        SeedFixtures.finding(
            "anthropic-python-import",
            "anthropic",
            Category.SDK,
            tb,
            Location.file("main.py", 1),
            "import anthropic",
            null);
    ScanResult twins =
        new ScanResult(
            new Scan("s-twins", Instant.EPOCH, Instant.EPOCH, List.of(ta, tb), "0.1.0"),
            List.of(fa, fb),
            List.of(
                SeedFixtures.asset(
                    "a-1", "openai", "ai-integration", ta, List.of(fa), AssetStatus.SHADOW, null),
                SeedFixtures.asset(
                    "a-2",
                    "anthropic",
                    "ai-integration",
                    tb,
                    List.of(fb),
                    AssetStatus.SHADOW,
                    null)),
            List.of(),
            0);

    List<SeedDraft> d = RegisterSeeder.seed(twins, Register.NONE);

    assertThat(d).extracting(x -> x.entry().id()).containsExactlyInAnyOrder("api-ai", "api-ai-2");
    assertThat(d)
        .flatExtracting(x -> x.entry().selectors().repositories())
        .containsExactlyInAnyOrder(a.toString(), b.toString());
    for (SeedDraft x : d) {
      assertThat(SeedFixtures.covered(twins, x.entry())).isEqualTo(x.assetIds());
    }
  }

  @Test
  void slugsAreLowerCaseAsciiWithDashes() {
    assertThat(RegisterSeeder.slug("Support Desk")).isEqualTo("support-desk");
    assertThat(RegisterSeeder.slug("Café_Bot (v2)")).isEqualTo("cafe-bot-v2");
    assertThat(RegisterSeeder.slug("--")).isEqualTo("system");
  }

  @Test
  void suppliersFollowTheProviders() {
    assertThat(RegisterSeeder.supplier(java.util.Set.of("azure-openai")))
        .isEqualTo("Microsoft (Azure OpenAI)");
    assertThat(RegisterSeeder.supplier(java.util.Set.of("google-gemini", "google-vertex-ai")))
        .isEqualTo("Google");
    assertThat(RegisterSeeder.supplier(java.util.Set.of("ollama", "pytorch"))).isNull();
    assertThat(RegisterSeeder.supplier(java.util.Set.of("openai", "acme-llm")))
        .isEqualTo("OpenAI, TODO");
  }
}
