package dev.aiscan.core.register;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.internal.InventoryBuilder;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Findings as the connectors report them for a small estate, turned into a scan result. */
final class Estate {
  static final Target SHOP =
      new Target("source:/srv/repos/shop", "source", "shop", "/srv/repos/shop");
  static final Target BILLING =
      new Target("source:/srv/repos/billing", "source", "billing", "/srv/repos/billing");

  private final List<Finding> findings = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();

  Estate targets(Target... ts) {
    targets.addAll(List.of(ts));
    return this;
  }

  Estate finding(
      Target t,
      String rule,
      String provider,
      Category category,
      Location where,
      String evidence,
      String model,
      String fingerprint,
      DependencyPath dependency) {
    findings.add(
        new Finding(
            Finding.idOf(rule, t.id(), where, model, fingerprint),
            rule,
            provider,
            category,
            Confidence.HIGH,
            t.id(),
            where,
            evidence,
            model,
            fingerprint,
            dependency));
    return this;
  }

  Estate code(Target t, String provider, String file, int line, String model) {
    return finding(
        t,
        provider + (model == null ? "-sdk" : "-model"),
        provider,
        model == null ? Category.SDK : Category.MODEL,
        Location.file(file, line),
        model == null ? "import " + provider : "model=\"" + model + "\"",
        model,
        null,
        null);
  }

  /** The standard estate: shop uses OpenAI (gpt-4o) and Anthropic; billing gets LangChain. */
  static Estate standard() {
    return new Estate()
        .targets(SHOP, BILLING)
        .code(SHOP, "openai", "src/chat.py", 3, null)
        .code(SHOP, "openai", "src/chat.py", 12, "gpt-4o")
        .code(SHOP, "anthropic", "jobs/triage.py", 1, null)
        .finding(
            BILLING,
            "langchain-npm",
            "langchain",
            Category.FRAMEWORK,
            Location.file("package.json", 14),
            "package langchain",
            null,
            null,
            new DependencyPath(true, List.of("billing@1.0.0", "langchain@0.2.1"), null));
  }

  ScanResult scan(String id, Instant at) {
    List<Finding> sorted = new ArrayList<>(findings);
    Scan scan = new Scan(id, at, at.plusSeconds(5), targets, "test");
    return new ScanResult(scan, sorted, InventoryBuilder.build(sorted, targets), List.of(), 0);
  }
}
