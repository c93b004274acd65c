package dev.aiscan.register.seed;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import dev.aiscan.testkit.FixtureTree;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A realistic scan of four repositories and an AWS account, the register they are reconciled with,
 * and a check of register selectors with the reconciler's matching semantics.
 */
final class SeedFixtures {
  static final String SCAN_ID = "scan-20250601T100000Z-7f3a";

  private SeedFixtures() {}

  /** The trees the scan read, under a temporary directory. */
  record Estate(Path supportDesk, Path hiringPortal, Path docsBot, Path billing, Path kbSearch) {
    List<Path> all() {
      return List.of(supportDesk, hiringPortal, docsBot, billing, kbSearch);
    }
  }

  static Estate writeEstate(Path dir) {
    FixtureTree.in(dir.resolve("support-desk"))
        .file(
            ".github/CODEOWNERS",
            """
            # Owners of the support desk; the last matching pattern wins.
            *                     @acme/platform
            /support/             @acme/support-team
            *.ts                  @acme/support-team @acme/frontend
            /docs/                # nobody owns the docs
            """)
        .file(
            "support/reply.py",
            """
            from openai import OpenAI

            client = OpenAI()


            def draft_reply(ticket):
                \"\"\"Drafts an answer to a support ticket for an agent to edit.\"\"\"
                response = client.chat.completions.create(
                    model="gpt-4o-mini",
                    messages=[
                        {"role": "system", "content": "You answer support tickets politely."},
                        {"role": "user", "content": f"From: {ticket.customer_email}\\n\\n{ticket.body}"},
                    ],
                )
                return response.choices[0].message.content
            """)
        .file(
            "config/settings.py",
            """
            import os

            OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
            TICKET_QUEUE = "support"
            """)
        .file(
            "web/summarize.ts",
            """
            import Anthropic from "@anthropic-ai/sdk";

            const client = new Anthropic();

            export async function summarize(thread: string): Promise<string> {
              const msg = await client.messages.create({
                model: "claude-3-5-sonnet-20241022",
                max_tokens: 512,
                messages: [{ role: "user", content: `Summarize this thread:\\n${thread}` }],
              });
              return msg.content[0].type === "text" ? msg.content[0].text : "";
            }
            """);
    FixtureTree.in(dir.resolve("hiring-portal"))
        .file(
            "jobs/screen.py",
            """
            import anthropic

            client = anthropic.Anthropic()


            def score_candidate(resume_text: str, job_description: str) -> int:
                \"\"\"Scores how well a candidate's resume fits the job, 0 to 100.\"\"\"
                message = client.messages.create(
                    model="claude-3-5-haiku-20241022",
                    max_tokens=16,
                    messages=[{"role": "user", "content": job_description + "\\n\\n" + resume_text}],
                )
                return int(message.content[0].text)
            """)
        .file(
            "jobs/notify.py",
            """
            from openai import OpenAI

            client = OpenAI()


            def rejection_letter(candidate_name: str) -> str:
                completion = client.chat.completions.create(
                    model="gpt-4o",
                    messages=[{"role": "user", "content": f"Write a kind rejection for {candidate_name}"}],
                )
                return completion.choices[0].message.content
            """);
    FixtureTree.in(dir.resolve("docs-bot"))
        .file(
            "docs_bot/chain.py",
            """
            from langchain.chains import RetrievalQA
            from langchain_community.vectorstores import FAISS


            def build_chain(llm, index_dir):
                store = FAISS.load_local(index_dir, allow_dangerous_deserialization=True)
                return RetrievalQA.from_chain_type(llm=llm, retriever=store.as_retriever())
            """);
    FixtureTree.in(dir.resolve("billing"))
        .file(
            "src/assistant/answer.py",
            """
            from openai import OpenAI

            client = OpenAI()
            MODEL = "gpt-4o"
            """);
    FixtureTree.in(dir.resolve("kb-search"))
        .file(
            "search/embed.py",
            """
            from openai import OpenAI

            client = OpenAI()
            vectors = client.embeddings.create(model="text-embedding-3-small", input=["hello"])
            """);
    return new Estate(
        dir.resolve("support-desk"),
        dir.resolve("hiring-portal"),
        dir.resolve("docs-bot"),
        dir.resolve("billing"),
        dir.resolve("kb-search"));
  }

  static Target source(Path root) {
    return new Target("source:" + root, "source", root.getFileName().toString(), root.toString());
  }

  static final Target AWS_PROD = new Target("aws:123456789012", "aws", "prod", "123456789012");

  static Finding finding(
      String ruleId,
      String provider,
      Category category,
      Target target,
      Location location,
      String evidence,
      String model) {
    return new Finding(
        Finding.idOf(ruleId, target.id(), location, model, null),
        ruleId,
        provider,
        category,
        Confidence.HIGH,
        target.id(),
        location,
        evidence,
        model,
        null,
        null);
  }

  static Asset asset(
      String id,
      String provider,
      String kind,
      Target target,
      List<Finding> findings,
      AssetStatus status,
      String registerId) {
    return new Asset(
        id,
        provider,
        kind,
        provider + " in " + target.name(),
        target.id(),
        findings.stream().map(Finding::model).filter(m -> m != null).distinct().sorted().toList(),
        findings.stream().map(Finding::category).distinct().sorted().toList(),
        Confidence.HIGH,
        false,
        findings.stream().map(Finding::id).sorted().toList(),
        status,
        registerId,
        registerId == null ? "no register entry covers it" : "entry " + registerId + " covers it");
  }

  /** The scan of the estate, reconciled with {@link #register()}. */
  static ScanResult scan(Estate e) {
    Target support = source(e.supportDesk());
    Target hiring = source(e.hiringPortal());
    Target docs = source(e.docsBot());
    Target billing = source(e.billing());
    Target kb = source(e.kbSearch());
    List<Finding> findings = new ArrayList<>();
    List<Asset> assets = new ArrayList<>();

    List<Finding> supportOpenai =
        List.of(
            finding(
                "openai-python-import",
                "openai",
                Category.SDK,
                support,
                Location.file("support/reply.py", 1),
                "from openai import OpenAI",
                null),
            finding(
                "openai-model-literal",
                "openai",
                Category.MODEL,
                support,
                Location.file("support/reply.py", 9),
                "model=\"gpt-4o-mini\"",
                "gpt-4o-mini"),
            finding(
                "openai-api-key-env",
                "openai",
                Category.CREDENTIAL,
                support,
                Location.file("config/settings.py", 3),
                "os.environ[\"OPENAI_API_KEY\"]",
                null));
    List<Finding> supportAnthropic =
        List.of(
            finding(
                "anthropic-js-import",
                "anthropic",
                Category.SDK,
                support,
                Location.file("web/summarize.ts", 1),
                "import Anthropic from \"@anthropic-ai/sdk\"",
                null),
            finding(
                "anthropic-model-literal",
                "anthropic",
                Category.MODEL,
                support,
                Location.file("web/summarize.ts", 7),
                "model: \"claude-3-5-sonnet-20241022\"",
                "claude-3-5-sonnet-20241022"));
    List<Finding> hiringAnthropic =
        List.of(
            finding(
                "anthropic-python-import",
                "anthropic",
                Category.SDK,
                hiring,
                Location.file("jobs/screen.py", 1),
                "import anthropic",
                null),
            finding(
                "anthropic-model-literal",
                "anthropic",
                Category.MODEL,
                hiring,
                Location.file("jobs/screen.py", 9),
                "model=\"claude-3-5-haiku-20241022\"",
                "claude-3-5-haiku-20241022"));
    List<Finding> hiringOpenai =
        List.of(
            finding(
                "openai-python-import",
                "openai",
                Category.SDK,
                hiring,
                Location.file("jobs/notify.py", 1),
                "from openai import OpenAI",
                null),
            finding(
                "openai-model-literal",
                "openai",
                Category.MODEL,
                hiring,
                Location.file("jobs/notify.py", 8),
                "model=\"gpt-4o\"",
                "gpt-4o"));
    List<Finding> docsLangchain =
        List.of(
            finding(
                "langchain-python-import",
                "langchain",
                Category.FRAMEWORK,
                docs,
                Location.file("docs_bot/chain.py", 1),
                "from langchain.chains import RetrievalQA",
                null));
    List<Finding> billingOpenai =
        List.of(
            finding(
                "openai-python-import",
                "openai",
                Category.SDK,
                billing,
                Location.file("src/assistant/answer.py", 1),
                "from openai import OpenAI",
                null),
            finding(
                "openai-model-literal",
                "openai",
                Category.MODEL,
                billing,
                Location.file("src/assistant/answer.py", 4),
                "MODEL = \"gpt-4o\"",
                "gpt-4o"));
    List<Finding> kbOpenai =
        List.of(
            finding(
                "openai-python-import",
                "openai",
                Category.SDK,
                kb,
                Location.file("search/embed.py", 1),
                "from openai import OpenAI",
                null));
    List<Finding> awsBedrock =
        List.of(
            finding(
                "aws-bedrock-cloud-resource",
                "aws-bedrock",
                Category.CLOUD_SERVICE,
                AWS_PROD,
                Location.resource(CLAIMS_AGENT),
                "AWS::Bedrock::Agent",
                "anthropic.claude-3-haiku-20240307-v1:0"),
            finding(
                "aws-bedrock-model-invocation",
                "aws-bedrock",
                Category.CLOUD_SERVICE,
                AWS_PROD,
                Location.resource(
                    "arn:aws:bedrock:eu-central-1::foundation-model/"
                        + "anthropic.claude-3-haiku-20240307-v1:0"),
                "InvokeModel anthropic.claude-3-haiku-20240307-v1:0",
                "anthropic.claude-3-haiku-20240307-v1:0"));

    assets.add(
        asset(
            "a-support-openai", "openai", "ai-integration", support, supportOpenai, SHADOW, null));
    assets.add(
        asset(
            "a-support-anthropic",
            "anthropic",
            "ai-integration",
            support,
            supportAnthropic,
            SHADOW,
            null));
    assets.add(
        asset(
            "a-hiring-anthropic",
            "anthropic",
            "ai-integration",
            hiring,
            hiringAnthropic,
            SHADOW,
            null));
    assets.add(
        asset("a-hiring-openai", "openai", "ai-integration", hiring, hiringOpenai, SHADOW, null));
    assets.add(
        asset(
            "a-docs-langchain", "langchain", "ai-integration", docs, docsLangchain, SHADOW, null));
    assets.add(
        asset(
            "a-billing-openai",
            "openai",
            "ai-integration",
            billing,
            billingOpenai,
            AssetStatus.REGISTERED,
            "billing-assistant"));
    assets.add(asset("a-kb-openai", "openai", "ai-integration", kb, kbOpenai, SHADOW, null));
    assets.add(
        asset(
            "a-aws-bedrock", "aws-bedrock", "cloud-resource", AWS_PROD, awsBedrock, SHADOW, null));
    for (List<Finding> f :
        List.of(
            supportOpenai,
            supportAnthropic,
            hiringAnthropic,
            hiringOpenai,
            docsLangchain,
            billingOpenai,
            kbOpenai,
            awsBedrock)) {
      findings.addAll(f);
    }
    Scan scan =
        new Scan(
            SCAN_ID,
            Instant.parse("2025-06-01T10:00:00Z"),
            Instant.parse("2025-06-01T10:00:42Z"),
            List.of(support, hiring, docs, billing, kb, AWS_PROD),
            "0.1.0");
    return new ScanResult(
        scan, findings, assets, List.of(), 0, List.of(), java.util.Set.of(), null, resources());
  }

  /** The claims team's Bedrock agent in the AWS account, tagged as the team tags its resources. */
  static final String CLAIMS_AGENT = "arn:aws:bedrock:eu-central-1:123456789012:agent/CLAIMS1";

  static final String HAIKU_ARN =
      "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0";

  /** The resources of the AWS account the Bedrock findings are located at. */
  static List<CloudResource> resources() {
    return List.of(
        new CloudResource(
            AWS_PROD.id(),
            HAIKU_ARN,
            "AWS::Bedrock::FoundationModel",
            "anthropic.claude-3-haiku-20240307-v1:0",
            "eu-central-1",
            null),
        new CloudResource(
            AWS_PROD.id(),
            CLAIMS_AGENT,
            "AWS::Bedrock::Agent",
            "claims-triage",
            "eu-central-1",
            Map.of("Owner", "claims-automation@acme.test", "team", "claims", "env", "prod")));
  }

  private static final AssetStatus SHADOW = AssetStatus.SHADOW;

  /** An entry with every field given, including ones that need quoting in YAML. */
  static RegisterEntry billingAssistant() {
    return new RegisterEntry(
        "billing-assistant",
        "Billing assistant",
        "Answers billing questions: refunds, invoices and dunning",
        "@acme/billing",
        "Finance",
        RegisterEntry.Lifecycle.OPERATION,
        RegisterEntry.RiskLevel.LIMITED,
        "Customers get answers faster; a person approves every refund",
        new RegisterEntry.PersonalData(true, List.of("contact details", "financial")),
        "Agents approve refunds over 100 EUR # by hand",
        "OpenAI",
        List.of("gpt-4o", "gpt-4o-mini"),
        List.of("invoices", "#billing channel"),
        LocalDate.of(2026, 3, 31),
        new Selectors(
            List.of("billing"),
            List.of("src/assistant/**"),
            List.of("pypi:openai"),
            null,
            null,
            Map.of("env", "prod", "cost-center", "0042"),
            null,
            null,
            List.of("BILLING_OPENAI_KEY"),
            List.of("openai"),
            List.of("gpt-4o*")),
        new RegisterEntry.Origin("ai-register.yaml", 3));
  }

  /** An entry for the knowledge base, written for a repository name the scan does not use. */
  static RegisterEntry kbSearch() {
    return new RegisterEntry(
        "kb-search-ai",
        "Knowledge base search",
        null,
        null,
        null,
        RegisterEntry.Lifecycle.DEVELOPMENT,
        null,
        null,
        new RegisterEntry.PersonalData(false, List.of()),
        null,
        null,
        List.of(),
        List.of(),
        null,
        new Selectors(
            List.of("knowledge-base"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("openai"),
            null),
        new RegisterEntry.Origin("ai-register.yaml", 30));
  }

  /** Values YAML would read as something else unless quoted. */
  static RegisterEntry tricky() {
    return new RegisterEntry(
        "legacy-ml",
        "yes",
        "1.5",
        "Jane \"JD\" Doe <jane@acme.test>",
        "line one\nline two",
        RegisterEntry.Lifecycle.RETIRED,
        RegisterEntry.RiskLevel.HIGH,
        "[scores]: {maybe}, * all",
        new RegisterEntry.PersonalData(null, List.of("health")),
        "  leading and trailing spaces  ",
        "null",
        List.of("model: v2", "~"),
        List.of("2024-01-01", "true"),
        null,
        new Selectors(
            null,
            null,
            null,
            List.of("012345678901"),
            List.of("arn:aws:sagemaker:eu-west-1:012345678901:endpoint/churn"),
            null,
            List.of("acme.slack.com"),
            List.of("@ChatGPT", "Notion AI"),
            null,
            List.of("aws-sagemaker"),
            null),
        RegisterEntry.Origin.NONE);
  }

  static Register register() {
    return new Register("ai-register.yaml", List.of(billingAssistant(), kbSearch()));
  }

  /**
   * The assets of a scan an entry covers with the reconciler's semantics: within a selector kind
   * any value may match, across kinds all must, and the asset's provider must be listed.
   */
  static List<String> covered(ScanResult result, RegisterEntry entry) {
    Selectors s = entry.selectors();
    List<String> ids = new ArrayList<>();
    for (Asset a : result.assets()) {
      Target t =
          result.scan().targets().stream()
              .filter(x -> x.id().equals(a.targetId()))
              .findFirst()
              .orElseThrow();
      List<Finding> evidence =
          result.findings().stream().filter(f -> a.findingIds().contains(f.id())).toList();
      boolean cloud = List.of("aws", "azure", "gcp").contains(t.kind());
      boolean saas = List.of("saas", "github", "m365", "google-workspace").contains(t.kind());
      boolean in =
          any(
                  s.repositories(),
                  v -> !cloud && !saas && (glob(v, t.name()) || glob(v, t.location())))
              && any(s.paths(), v -> evidence.stream().anyMatch(f -> glob(v, f.location().file())))
              && any(s.cloudAccounts(), v -> cloud && (glob(v, t.location()) || glob(v, t.name())))
              && any(s.saasTenants(), v -> saas && (glob(v, t.location()) || glob(v, t.name())))
              && any(
                  s.cloudResources(),
                  v -> evidence.stream().anyMatch(f -> glob(v, f.location().resource())))
              && s.packages().isEmpty()
              && (s.tags().isEmpty() || taggedResource(result, evidence, s.tags()))
              && s.saasApps().isEmpty()
              && s.apiKeys().isEmpty()
              && any(s.providers(), v -> v.equalsIgnoreCase(a.provider()));
      if (in && s.hasPlace()) {
        ids.add(a.id());
      }
    }
    return ids;
  }

  /**
   * Whether a finding is located at a resource of its target carrying every tag: keys ignoring
   * case, values exactly.
   */
  private static boolean taggedResource(
      ScanResult result, List<Finding> evidence, Map<String, String> tags) {
    return evidence.stream()
        .anyMatch(
            f ->
                result.resources().stream()
                    .filter(r -> r.targetId().equals(f.targetId()))
                    .filter(r -> r.id().equals(f.location().resource()))
                    .anyMatch(
                        r ->
                            tags.entrySet().stream()
                                .allMatch(
                                    t ->
                                        r.tags().entrySet().stream()
                                            .anyMatch(
                                                x ->
                                                    x.getKey().equalsIgnoreCase(t.getKey())
                                                        && x.getValue().equals(t.getValue())))));
  }

  private static boolean any(Collection<String> values, java.util.function.Predicate<String> p) {
    return values.isEmpty() || values.stream().anyMatch(p);
  }

  /** The register's globs: {@code *} within a segment, {@code **} across, ignoring case. */
  static boolean glob(String glob, String text) {
    if (text == null) {
      return false;
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(text).matches();
  }
}
