package dev.aiscan.shell.notify;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reconciled scan of two repositories, as the shell has it after a scheduled scan: openai (with a
 * key in its evidence) in shop and langchain in billing are new shadow AI; anthropic in shop is new
 * but registered; ollama in billing is shadow but was seen by the previous scan.
 */
final class Alerts {
  /** A secret-looking string placed in a finding's evidence; no notification may carry it. */
  static final String CANARY = "sk-proj-CANARYcanary0123456789abcdefDONOTLEAK";

  /** The fingerprint of {@link #CANARY}'s finding: not for chat either. */
  static final String FINGERPRINT = "sk-p…LEAK sha256:c0ffee42";

  static final Instant STARTED = Instant.parse("2026-11-26T19:40:31Z");
  static final Instant FINISHED = Instant.parse("2026-11-26T19:41:02Z");

  static final Target SHOP = new Target("source:/repos/shop", "source", "shop", "/repos/shop");
  static final Target BILLING =
      new Target("source:/repos/billing", "source", "billing", "/repos/billing");

  private Alerts() {}

  /** The reconciled scan: register covers anthropic, history saw ollama in billing. */
  static ScanResult reconciled() {
    List<Finding> findings = new ArrayList<>();
    Finding sdk =
        finding("openai-python-sdk", "openai", Category.SDK, SHOP, 3, "import openai", "gpt-4o");
    Finding key =
        new Finding(
            Finding.idOf(
                "openai-api-key",
                SHOP.id(),
                Location.file("app/settings.py", 7),
                null,
                FINGERPRINT),
            "openai-api-key",
            "openai",
            Category.CREDENTIAL,
            Confidence.HIGH,
            SHOP.id(),
            Location.file("app/settings.py", 7),
            "OPENAI_API_KEY = \"" + CANARY + "\"",
            null,
            FINGERPRINT,
            null);
    Finding claude =
        finding(
            "anthropic-python-sdk", "anthropic", Category.SDK, SHOP, 9, "import anthropic", null);
    Finding chain =
        finding(
            "langchain-python",
            "langchain",
            Category.FRAMEWORK,
            BILLING,
            1,
            "from langchain import x",
            null);
    Finding llama =
        finding(
            "ollama-endpoint",
            "ollama",
            Category.ENDPOINT,
            BILLING,
            4,
            "localhost:11434",
            "llama3");
    findings.addAll(List.of(sdk, key, claude, chain, llama));

    List<Asset> assets =
        List.of(
            asset("a-shop-openai", "openai", SHOP, List.of("gpt-4o"), sdk, key),
            asset("a-shop-anthropic", "anthropic", SHOP, List.of(), claude),
            asset("a-billing-langchain", "langchain", BILLING, List.of(), chain),
            asset("a-billing-ollama", "ollama", BILLING, List.of("llama3"), llama));
    ScanResult raw =
        new ScanResult(
            new Scan("20261126T194031Z-97378c", STARTED, FINISHED, List.of(SHOP, BILLING), "test"),
            findings,
            assets,
            List.of(),
            0);

    Register register =
        new Register(
            "register.yaml",
            List.of(
                new RegisterEntry(
                    "support-assistant",
                    "Support assistant",
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
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("anthropic"),
                        null),
                    new RegisterEntry.Origin("register.yaml", 1))));
    ScanSnapshot previous =
        new ScanSnapshot(
            "20261125T194000Z-11aa22",
            STARTED.minusSeconds(86_400),
            List.of(SHOP.id(), BILLING.id()),
            List.of(
                new AssetState(
                    "a-billing-ollama",
                    "ollama",
                    "ollama in billing",
                    BILLING.id(),
                    AssetStatus.SHADOW,
                    null,
                    List.of("llama3"))),
            Map.of());
    return Reconciler.reconcile(raw, register, new OneScanHistory(previous), 3);
  }

  /** The alert of {@link #reconciled()}: openai in shop and langchain in billing. */
  static ShadowAlert alert() {
    return ShadowAlert.of(reconciled());
  }

  /** An alert of {@code n} new shadow assets, built directly. */
  static ShadowAlert many(int n) {
    List<ShadowAlert.NewShadowAsset> assets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String target = String.format("repo-%02d", i);
      assets.add(
          new ShadowAlert.NewShadowAsset(
              "openai", "ai-integration", "openai in " + target, target, List.of("gpt-4o"), 1));
    }
    return new ShadowAlert("s-many", FINISHED, "s-before", List.of("all"), n + 5L, assets);
  }

  private static Finding finding(
      String rule,
      String provider,
      Category category,
      Target target,
      int line,
      String evidence,
      String model) {
    Location at = Location.file("src/main.py", line);
    return new Finding(
        Finding.idOf(rule, target.id(), at, model, null),
        rule,
        provider,
        category,
        Confidence.HIGH,
        target.id(),
        at,
        evidence,
        model,
        null,
        null);
  }

  private static Asset asset(
      String id, String provider, Target target, List<String> models, Finding... findings) {
    return new Asset(
        id,
        provider,
        "ai-integration",
        provider + " in " + target.name(),
        target.id(),
        models,
        List.of(findings[0].category()),
        Confidence.HIGH,
        false,
        java.util.Arrays.stream(findings).map(Finding::id).sorted().toList(),
        AssetStatus.SHADOW,
        null,
        "not reconciled yet");
  }

  /** History holding one earlier scan of both targets. */
  private record OneScanHistory(ScanSnapshot snapshot) implements ScanHistory {
    @Override
    public List<ScanSnapshot> before(Instant started, Collection<String> targetIds, int limit) {
      return snapshot.started().isBefore(started) ? List.of(snapshot) : List.of();
    }

    @Override
    public Optional<ScanSnapshot> find(String scanId) {
      return Optional.of(snapshot).filter(s -> s.scanId().equals(scanId));
    }

    @Override
    public List<ScanSnapshot> latest(int limit) {
      return List.of(snapshot);
    }
  }
}
