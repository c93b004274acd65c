package dev.aiscan.reports.html;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.Secrets;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Hashes;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.PackageDependency;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A realistic reconciled scan for the HTML report tests: two repositories (an npm web shop with
 * {@code openai -> node-fetch}, a Maven claims service with langchain4j) and one AWS account with a
 * Bedrock agent; models, a credential known only by its fingerprint, and a file whose name tries to
 * close the data script. A small register leaves the statuses mixed: shadow, registered and drift,
 * one entry with an owner, one without, one matching nothing.
 */
final class HtmlFixtures {
  static final Target SHOP =
      new Target("source:/src/shop-web", "source", "shop-web", "/src/shop-web");
  static final Target CLAIMS =
      new Target("source:/src/claims-service", "source", "claims-service", "/src/claims-service");
  static final Target AWS = new Target("aws:123456789012", "aws", "prod-aws", "123456789012");

  /** A file name that would end the data script, were it not escaped. */
  static final String XSS_FILE = "</script><script>alert(1)</script>.py";

  /** Evidence that would be markup, were it not rendered as text. */
  static final String XSS_EVIDENCE = "import anthropic  # <img src=x onerror=alert(2)> & \u2028";

  static final String BEDROCK_ARN = "arn:aws:bedrock:eu-west-1:123456789012:agent/ABCD1234";
  static final String OWNER = "Claims IT (jane.doe@example.com)";

  private HtmlFixtures() {}

  static ScanResult result() {
    List<Finding> findings = new ArrayList<>();
    // shop-web: openai through npm, a model in code, a key in .env; anthropic in the hostile file
    Finding openaiPkg =
        add(
            findings,
            pkg(
                "openai-npm-package",
                "openai",
                Category.SDK,
                SHOP,
                Location.file("package.json", 14),
                "openai@4.52.0",
                new DependencyPath(true, List.of("shop-web", "openai@4.52.0"), null)));
    Finding gpt4o =
        add(
            findings,
            finding(
                "openai-model-name",
                "openai",
                Category.MODEL,
                SHOP,
                Location.file("src/chat.ts", 8),
                "model: \"gpt-4o\"",
                "gpt-4o",
                null));
    String fp = Secrets.fingerprint("sk-proj-Zt3mQ9vX1bL7nR4kP2wY8cH6");
    Finding key =
        add(
            findings,
            finding(
                "openai-api-key",
                "openai",
                Category.CREDENTIAL,
                SHOP,
                Location.file(".env", 3),
                "OPENAI_API_KEY=[redacted " + fp + "]",
                null,
                fp));
    Finding xss =
        add(
            findings,
            finding(
                "anthropic-sdk-import",
                "anthropic",
                Category.SDK,
                SHOP,
                Location.file(XSS_FILE, 1),
                XSS_EVIDENCE,
                null,
                null));
    // claims-service: langchain4j bringing openai4j, a model, a local ollama endpoint
    Finding lc4j =
        add(
            findings,
            pkg(
                "langchain4j-maven",
                "openai",
                Category.FRAMEWORK,
                CLAIMS,
                Location.file("pom.xml", 41),
                "dev.langchain4j:langchain4j-open-ai:1.0.0",
                new DependencyPath(
                    true,
                    List.of("claims-service", "dev.langchain4j:langchain4j-open-ai:1.0.0"),
                    "compile")));
    Finding openai4j =
        add(
            findings,
            pkg(
                "openai4j-maven",
                "openai",
                Category.SDK,
                CLAIMS,
                Location.file("pom.xml", 41),
                "dev.ai4j:openai4j:0.27.0",
                new DependencyPath(
                    false,
                    List.of(
                        "claims-service",
                        "dev.langchain4j:langchain4j-open-ai:1.0.0",
                        "dev.ai4j:openai4j:0.27.0"),
                    "compile")));
    Finding mini =
        add(
            findings,
            finding(
                "openai-model-name",
                "openai",
                Category.MODEL,
                CLAIMS,
                Location.file("src/main/java/com/acme/claims/ClaimsAssistant.java", 31),
                ".modelName(\"gpt-4o-mini\")",
                "gpt-4o-mini",
                null));
    Finding ollama =
        add(
            findings,
            finding(
                "ollama-endpoint",
                "ollama",
                Category.ENDPOINT,
                CLAIMS,
                Location.file("src/main/resources/application.yml", 7),
                "base-url: http://localhost:11434",
                "llama3",
                null));
    // prod-aws: a Bedrock agent
    Finding bedrock =
        add(
            findings,
            finding(
                "aws-bedrock-agent",
                "aws-bedrock",
                Category.CLOUD_SERVICE,
                AWS,
                Location.resource(BEDROCK_ARN),
                "AWS::Bedrock::Agent",
                "anthropic.claude-3-5-sonnet-20240620-v1:0",
                null));
    findings.sort(
        Comparator.comparing(Finding::targetId)
            .thenComparing(f -> String.valueOf(f.location().file()))
            .thenComparing(f -> f.location().line() == null ? 0 : f.location().line())
            .thenComparing(Finding::ruleId));

    List<Asset> assets =
        new ArrayList<>(
            List.of(
                asset(
                    SHOP,
                    "openai",
                    "ai-integration",
                    List.of("gpt-4o"),
                    List.of(Category.SDK, Category.MODEL, Category.CREDENTIAL),
                    openaiPkg,
                    gpt4o,
                    key),
                asset(SHOP, "anthropic", "ai-integration", List.of(), List.of(Category.SDK), xss),
                asset(
                    CLAIMS,
                    "openai",
                    "ai-integration",
                    List.of("gpt-4o-mini"),
                    List.of(Category.SDK, Category.FRAMEWORK, Category.MODEL),
                    lc4j,
                    openai4j,
                    mini),
                asset(
                    CLAIMS,
                    "ollama",
                    "ai-integration",
                    List.of("llama3"),
                    List.of(Category.ENDPOINT),
                    ollama),
                asset(
                    AWS,
                    "aws-bedrock",
                    "cloud-resource",
                    List.of("anthropic.claude-3-5-sonnet-20240620-v1:0"),
                    List.of(Category.CLOUD_SERVICE),
                    bedrock)));
    assets.sort(Comparator.comparing(Asset::targetId).thenComparing(Asset::provider));

    List<PackageDependency> deps =
        List.of(
            dep(
                CLAIMS,
                "claims-service",
                "maven",
                "com.fasterxml.jackson.core:jackson-databind",
                "2.19.2",
                "com.fasterxml.jackson.core:jackson-databind:2.19.2",
                null,
                "pom.xml"),
            dep(
                CLAIMS,
                "claims-service",
                "maven",
                "dev.ai4j:openai4j",
                "0.27.0",
                "dev.ai4j:openai4j:0.27.0",
                "dev.langchain4j:langchain4j-open-ai:1.0.0",
                "pom.xml"),
            dep(
                CLAIMS,
                "claims-service",
                "maven",
                "dev.langchain4j:langchain4j-open-ai",
                "1.0.0",
                "dev.langchain4j:langchain4j-open-ai:1.0.0",
                null,
                "pom.xml"),
            dep(
                CLAIMS,
                "claims-service",
                "maven",
                "com.squareup.okhttp3:okhttp",
                "4.12.0",
                "com.squareup.okhttp3:okhttp:4.12.0",
                "dev.ai4j:openai4j:0.27.0",
                "pom.xml"),
            dep(
                SHOP,
                "shop-web",
                "npm",
                "express",
                "4.19.2",
                "express@4.19.2",
                null,
                "package.json"),
            dep(
                SHOP,
                "shop-web",
                "npm",
                "body-parser",
                "1.20.2",
                "body-parser@1.20.2",
                "express@4.19.2",
                "package.json"),
            dep(
                SHOP,
                "shop-web",
                "npm",
                "node-fetch",
                "2.7.0",
                "node-fetch@2.7.0",
                "openai@4.52.0",
                "package.json"),
            dep(
                SHOP,
                "shop-web",
                "npm",
                "openai",
                "4.52.0",
                "openai@4.52.0",
                null,
                "package.json"));

    Scan scan =
        new Scan(
            "20261126T170000Z-abcdef",
            Instant.parse("2026-11-26T17:00:00Z"),
            Instant.parse("2026-11-26T17:00:04Z"),
            List.of(SHOP, CLAIMS, AWS),
            "0.1.0");
    ScanResult raw =
        new ScanResult(
            scan,
            findings,
            assets,
            List.of(
                new Warning("claims-service/src/main/java/Broken.java:7", "Java syntax error"),
                new Warning("shop-web/notebooks/eval.ipynb", "notebook is not valid JSON")),
            1,
            deps,
            Set.of());
    return Reconciler.reconcile(raw, register(), ScanHistory.NONE, 3);
  }

  /** A scan of one repository that found nothing, with no register. */
  static ScanResult empty() {
    Scan scan =
        new Scan(
            "20261126T180000Z-000000",
            Instant.parse("2026-11-26T18:00:00Z"),
            Instant.parse("2026-11-26T18:00:01Z"),
            List.of(SHOP),
            "0.1.0");
    return new ScanResult(scan, List.of(), List.of(), List.of(), 0);
  }

  /**
   * Claims assistant (owned, covers openai in claims-service; ollama there drifts), Bedrock agents
   * (no owner, registers the agent), HR chatbot (matches nothing).
   */
  static Register register() {
    RegisterEntry claims =
        entry(
            "claims-assistant",
            "Claims assistant",
            OWNER,
            selectors(List.of("claims-service"), null, List.of("openai"), List.of("gpt-4o*")),
            4);
    RegisterEntry bedrock =
        entry(
            "bedrock-agents",
            "Bedrock agents",
            null,
            selectors(
                null, List.of("123456789012"), List.of("aws-bedrock"), List.of("anthropic.*")),
            17);
    RegisterEntry hr =
        entry("hr-chatbot", "HR chatbot", "HR", selectors(null, null, List.of("cohere"), null), 29);
    return new Register("register.yaml", List.of(claims, bedrock, hr));
  }

  private static Selectors selectors(
      List<String> repositories,
      List<String> accounts,
      List<String> providers,
      List<String> models) {
    return new Selectors(
        repositories, null, null, accounts, null, null, null, null, null, providers, models);
  }

  private static RegisterEntry entry(
      String id, String name, String owner, Selectors selectors, int line) {
    return new RegisterEntry(
        id,
        name,
        null,
        owner,
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
        selectors,
        new RegisterEntry.Origin("register.yaml", line));
  }

  private static Finding add(List<Finding> all, Finding f) {
    all.add(f);
    return f;
  }

  private static Finding finding(
      String rule,
      String provider,
      Category c,
      Target t,
      Location l,
      String evidence,
      String model,
      String fp) {
    return new Finding(
        Finding.idOf(rule, t.id(), l, model, fp),
        rule,
        provider,
        c,
        Confidence.HIGH,
        t.id(),
        l,
        evidence,
        model,
        fp,
        null);
  }

  private static Finding pkg(
      String rule,
      String provider,
      Category c,
      Target t,
      Location l,
      String evidence,
      DependencyPath path) {
    return new Finding(
        Finding.idOf(rule, t.id(), l, null, null),
        rule,
        provider,
        c,
        path.direct() ? Confidence.HIGH : Confidence.MEDIUM,
        t.id(),
        l,
        evidence,
        null,
        null,
        path);
  }

  private static Asset asset(
      Target t,
      String provider,
      String kind,
      List<String> models,
      List<Category> categories,
      Finding... evidence) {
    return new Asset(
        "a-" + Hashes.shortSha256(t.id() + "\u0000" + provider),
        provider,
        kind,
        provider + " in " + t.name(),
        t.id(),
        models,
        categories,
        Confidence.HIGH,
        false,
        java.util.Arrays.stream(evidence).map(Finding::id).sorted().toList(),
        AssetStatus.SHADOW,
        null,
        "not reconciled");
  }

  private static PackageDependency dep(
      Target t,
      String project,
      String ecosystem,
      String name,
      String version,
      String label,
      String parent,
      String manifest) {
    return new PackageDependency(
        t.id(), project, ecosystem, name, version, label, parent, parent == null, null, manifest);
  }

  /** Statuses after reconciling, by asset name, for assertions. */
  static Map<String, AssetStatus> statuses(ScanResult r) {
    java.util.TreeMap<String, AssetStatus> out = new java.util.TreeMap<>();
    r.assets().forEach(a -> out.put(a.name(), a.status()));
    return out;
  }
}
