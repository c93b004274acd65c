package dev.aiscan.reports;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.Secrets;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.internal.InventoryBuilder;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.PackageDependency;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A realistic reconciled scan of two targets, shared by the report writer tests:
 *
 * <ul>
 *   <li>{@link #SHOP}, a source tree with two projects: the npm project {@code shop-web@1.0.0}
 *       (openai 4.52.0 bringing in node-fetch, {@code @anthropic-ai/sdk}, express) and the Maven
 *       project {@code com.acme:shop-api:1.0.0} (langchain4j-open-ai bringing in langchain4j-core,
 *       jackson-databind). Findings: the openai and anthropic npm packages, the langchain4j
 *       dependency, models gpt-4o, gpt-4o-mini and claude-3-5-sonnet, the OpenAI API URL, an OpenAI
 *       key in {@code .env} (its fingerprint only), {@code import openai} in a notebook cell, a
 *       GGUF model file and a Cursor rules file. A third npm project, {@code docs-site}, has no AI.
 *   <li>{@link #AWS}, an AWS account with a Bedrock agent (tagged with its owner and team) and a
 *       Bedrock foundation model (resources, no files).
 * </ul>
 *
 * <p>The register covers the openai npm package in shop for gpt-4o only (so OpenAI drifts:
 * gpt-4o-mini is also used) and Bedrock in the account (registered, owner "Platform team"); an
 * entry for Cohere matches nothing. Everything else is shadow. No history: every asset is new.
 */
final class ReportFixtures {
  static final Target SHOP = new Target("source:/src/shop", "source", "shop", "/src/shop");
  static final Target AWS = new Target("aws:123456789012", "aws", "prod-aws", "123456789012");

  /**
   * A key as a connector would see it in {@code .env}. It only ever goes through {@link
   * Secrets#fingerprint}, as in the real pipeline; no report may contain its middle.
   */
  static final String CANARY_KEY =
      "sk-proj-CANARY" + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX";

  static final String SCAN_ID = "20261126T170000Z-abcdef";
  static final Instant STARTED = Instant.parse("2026-11-26T17:00:00Z");
  static final Instant FINISHED = Instant.parse("2026-11-26T17:00:42Z");

  static final String SHOP_WEB = "shop-web@1.0.0";
  static final String SHOP_API = "com.acme:shop-api:1.0.0";

  private ReportFixtures() {}

  static Finding finding(
      Target target,
      String rule,
      String provider,
      Category category,
      Location location,
      String evidence,
      String model,
      String fingerprint,
      DependencyPath dependency) {
    return new Finding(
        Finding.idOf(rule, target.id(), location, model, fingerprint),
        rule,
        provider,
        category,
        category == Category.CREDENTIAL ? Confidence.HIGH : Confidence.MEDIUM,
        target.id(),
        location,
        evidence,
        model,
        fingerprint,
        dependency);
  }

  static List<Finding> findings() {
    String fingerprint = Secrets.fingerprint(CANARY_KEY);
    List<Finding> fs = new ArrayList<>();
    fs.add(
        finding(
            SHOP,
            "openai-npm",
            "openai",
            Category.SDK,
            Location.file("package.json", 12),
            "openai@4.52.0",
            null,
            null,
            new DependencyPath(true, List.of(SHOP_WEB, "openai@4.52.0"), null)));
    fs.add(
        finding(
            SHOP,
            "anthropic-npm",
            "anthropic",
            Category.SDK,
            Location.file("package.json", 13),
            "@anthropic-ai/sdk@0.24.0",
            null,
            null,
            new DependencyPath(true, List.of(SHOP_WEB, "@anthropic-ai/sdk@0.24.0"), null)));
    fs.add(
        finding(
            SHOP,
            "langchain4j-maven",
            "langchain4j",
            Category.FRAMEWORK,
            Location.file("pom.xml", 41),
            "dev.langchain4j:langchain4j-open-ai:1.0.0",
            null,
            null,
            new DependencyPath(
                true, List.of(SHOP_API, "dev.langchain4j:langchain4j-open-ai:1.0.0"), "compile")));
    fs.add(
        finding(
            SHOP,
            "openai-model-gpt",
            "openai",
            Category.MODEL,
            Location.file("src/chat.ts", 8),
            "model: \"gpt-4o\"",
            "gpt-4o",
            null,
            null));
    fs.add(
        finding(
            SHOP,
            "openai-model-gpt",
            "openai",
            Category.MODEL,
            Location.file("src/main/java/com/acme/Assistant.java", 22),
            ".modelName(\"gpt-4o-mini\")",
            "gpt-4o-mini",
            null,
            null));
    fs.add(
        finding(
            SHOP,
            "anthropic-model-claude",
            "anthropic",
            Category.MODEL,
            Location.file("src/summarize.ts", 5),
            "model: \"claude-3-5-sonnet-20240620\"",
            "claude-3-5-sonnet-20240620",
            null,
            null));
    fs.add(
        finding(
            SHOP,
            "openai-endpoint",
            "openai",
            Category.ENDPOINT,
            Location.file("src/config.ts", 3),
            "baseURL: \"https://api.openai.com/v1?project=shop\"",
            null,
            null,
            null));
    fs.add(
        finding(
            SHOP,
            "openai-api-key",
            "openai",
            Category.CREDENTIAL,
            Location.file(".env", 2),
            "OPENAI_API_KEY=" + fingerprint,
            null,
            fingerprint,
            null));
    fs.add(
        finding(
            SHOP,
            "openai-python-import",
            "openai",
            Category.SDK,
            Location.cell("notebooks/triage.ipynb", 3, 2),
            "import openai",
            null,
            null,
            null));
    fs.add(
        finding(
            SHOP,
            "model-file-gguf",
            "llama-cpp",
            Category.MODEL_FILE,
            Location.file("models/mistral-7b-q4.gguf", null),
            "GGUF model file, 4.1 GB",
            null,
            null,
            null));
    fs.add(
        finding(
            SHOP,
            "cursor-rules",
            "cursor",
            Category.CODING_ASSISTANT,
            Location.file(".cursorrules", null),
            ".cursorrules",
            null,
            null,
            null));
    fs.add(
        finding(
            AWS,
            "aws-bedrock-agent",
            "aws-bedrock",
            Category.CLOUD_SERVICE,
            Location.resource("arn:aws:bedrock:eu-west-1:123456789012:agent/SUPPORT1"),
            "AWS::Bedrock::Agent",
            null,
            null,
            null));
    fs.add(
        finding(
            AWS,
            "aws-bedrock-model-access",
            "aws-bedrock",
            Category.CLOUD_SERVICE,
            Location.resource(
                "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"),
            "foundation model access",
            "anthropic.claude-3-haiku-20240307-v1:0",
            null,
            null));
    fs.sort(
        Comparator.comparing(Finding::targetId)
            .thenComparing(f -> String.valueOf(f.location().file()))
            .thenComparing(
                f -> f.location().line(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> String.valueOf(f.location().resource())));
    return fs;
  }

  static List<PackageDependency> dependencies() {
    List<PackageDependency> deps =
        new ArrayList<>(
            List.of(
                npm(SHOP_WEB, "openai", "4.52.0", null),
                npm(SHOP_WEB, "node-fetch", "2.7.0", "openai@4.52.0"),
                npm(SHOP_WEB, "@anthropic-ai/sdk", "0.24.0", null),
                npm(SHOP_WEB, "express", "4.19.2", null),
                npm("docs-site@0.1.0", "lodash", "4.17.21", null),
                maven("dev.langchain4j:langchain4j-open-ai", "1.0.0", null),
                maven(
                    "dev.langchain4j:langchain4j-core",
                    "1.0.0",
                    "dev.langchain4j:langchain4j-open-ai:1.0.0"),
                maven("com.fasterxml.jackson.core:jackson-databind", "2.17.1", null)));
    deps.sort(
        Comparator.comparing(PackageDependency::targetId)
            .thenComparing(PackageDependency::project)
            .thenComparing(PackageDependency::label));
    return deps;
  }

  private static PackageDependency npm(String project, String name, String version, String parent) {
    return new PackageDependency(
        SHOP.id(),
        project,
        "npm",
        name,
        version,
        name + "@" + version,
        parent,
        parent == null,
        null,
        project.equals(SHOP_WEB) ? "package.json" : "docs/package.json");
  }

  private static PackageDependency maven(String name, String version, String parent) {
    return new PackageDependency(
        SHOP.id(),
        SHOP_API,
        "maven",
        name,
        version,
        name + ":" + version,
        parent,
        parent == null,
        "compile",
        "pom.xml");
  }

  static Register register() {
    RegisterEntry support =
        new RegisterEntry(
            "support-reply",
            "Support reply assistant",
            "Drafts replies to support tickets",
            "Dana Ops",
            "Customer Care",
            RegisterEntry.Lifecycle.OPERATION,
            RegisterEntry.RiskLevel.LIMITED,
            null,
            null,
            null,
            "OpenAI",
            List.of("gpt-4o"),
            List.of(),
            null,
            new Selectors(
                List.of("shop"),
                null,
                List.of("npm:openai"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("openai"),
                List.of("gpt-4o")),
            new RegisterEntry.Origin("ai-register.yaml", 3));
    RegisterEntry bedrock =
        new RegisterEntry(
            "bedrock-agents",
            "Bedrock support agents",
            null,
            "Platform team",
            null,
            null,
            null,
            null,
            null,
            null,
            "AWS",
            List.of(),
            List.of(),
            null,
            new Selectors(
                null,
                null,
                null,
                List.of("123456789012"),
                null,
                null,
                null,
                null,
                null,
                List.of("aws-bedrock"),
                null),
            new RegisterEntry.Origin("ai-register.yaml", 21));
    RegisterEntry hr =
        new RegisterEntry(
            "hr-screening",
            "CV screening",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            null,
            new Selectors(
                null, null, null, null, null, null, null, null, null, List.of("cohere"), null),
            new RegisterEntry.Origin("ai-register.yaml", 34));
    return new Register("ai-register.yaml", List.of(support, bedrock, hr));
  }

  /** The scan as the engine returns it, before the register is applied. */
  static ScanResult raw() {
    List<Target> targets = List.of(SHOP, AWS);
    List<Finding> findings = findings();
    List<Asset> assets = InventoryBuilder.build(findings, targets);
    Scan scan = new Scan(SCAN_ID, STARTED, FINISHED, targets, "0.1.0");
    return new ScanResult(
        scan,
        findings,
        assets,
        List.of(new Warning("shop/src/legacy.py:14", "Python syntax error: does not parse")),
        0,
        dependencies(),
        Set.of(),
        null,
        resources());
  }

  /** The resources of the account the Bedrock findings are located at, as the engine keeps them. */
  static List<CloudResource> resources() {
    return List.of(
        new CloudResource(
            AWS.id(),
            "arn:aws:bedrock:eu-west-1:123456789012:agent/SUPPORT1",
            "AWS::Bedrock::Agent",
            "support-triage",
            "eu-west-1",
            java.util.Map.of("owner", "support-platform@example.com", "team", "support")),
        new CloudResource(
            AWS.id(),
            "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
            "AWS::Bedrock::FoundationModel",
            null,
            "eu-west-1",
            null));
  }

  /** The scan reconciled with {@link #register()}: registered, drift and shadow assets. */
  static ScanResult result() {
    return Reconciler.reconcile(raw(), register(), ScanHistory.NONE, 3);
  }

  /** {@link #result()} cut down to the shop target: one target, so paths stay as they are. */
  static ScanResult shopOnly() {
    ScanResult r = result();
    Scan scan = new Scan(SCAN_ID, STARTED, FINISHED, List.of(SHOP), "0.1.0");
    return new ScanResult(
            scan,
            r.findings().stream().filter(f -> f.targetId().equals(SHOP.id())).toList(),
            r.assets(),
            r.warnings(),
            r.droppedWarnings(),
            r.dependencies(),
            Set.of())
        .reconciled(
            r.assets().stream().filter(a -> a.targetId().equals(SHOP.id())).toList(),
            r.reconciliation());
  }

  /** The asset of a provider in a target. */
  static Asset asset(ScanResult r, Target target, String provider) {
    return r.assets().stream()
        .filter(a -> a.targetId().equals(target.id()) && a.provider().equals(provider))
        .findFirst()
        .orElseThrow();
  }

  /** Every file in a directory, as text, for leak checks. */
  static String allText(Path dir) throws IOException {
    StringBuilder s = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        s.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    return s.toString();
  }
}
