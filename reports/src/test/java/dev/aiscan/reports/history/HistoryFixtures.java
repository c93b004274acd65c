package dev.aiscan.reports.history;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Hashes;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.EntryStatus;
import dev.aiscan.core.register.Reconciliation;
import dev.aiscan.core.register.RegisterEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Three scans of two source trees, a week apart, reconciled against a two-entry register:
 *
 * <ul>
 *   <li>{@link #first()}: shop and billing. shop calls OpenAI (gpt-4, shadow) and LangChain
 *       (shadow); billing calls Anthropic (registered as billing-claims).
 *   <li>{@link #second()}: shop only. OpenAI is now registered as support-reply and also uses
 *       gpt-4o; LangChain drifts from support-reply.
 *   <li>{@link #third()}: shop and billing. OpenAI in shop moved to gpt-4o only (drift), LangChain
 *       is gone, Anthropic in billing is now covered by claims-triage, and billing started calling
 *       OpenAI (gpt-4o-mini, shadow).
 * </ul>
 */
public final class HistoryFixtures {
  public static final Target SHOP = new Target("source:/src/shop", "source", "shop", "/src/shop");
  public static final Target BILLING =
      new Target("source:/src/billing", "source", "billing", "/src/billing");
  public static final Instant WEEK_1 = Instant.parse("2026-03-02T09:00:00Z");
  public static final Instant WEEK_2 = Instant.parse("2026-03-09T09:00:00Z");
  public static final Instant WEEK_3 = Instant.parse("2026-03-16T09:00:00Z");
  public static final String SCAN_1 = "20260302T090000Z-1a2b3c";
  public static final String SCAN_2 = "20260309T090000Z-4d5e6f";
  public static final String SCAN_3 = "20260316T090000Z-7a8b9c";

  private HistoryFixtures() {}

  public static String assetId(Target target, String provider) {
    return "a-"
        + Hashes.shortSha256(target.id() + '\u0000' + provider + '\u0000' + "ai-integration");
  }

  public static Asset asset(
      Target target, String provider, List<String> models, AssetStatus status, String registerId) {
    String id = assetId(target, provider);
    String reason =
        registerId == null
            ? "no register entry covers it"
            : "entry " + registerId + " selects provider " + provider;
    return new Asset(
        id,
        provider,
        "ai-integration",
        provider + " in " + target.name(),
        target.id(),
        models,
        models.isEmpty() ? List.of(Category.SDK) : List.of(Category.SDK, Category.MODEL),
        Confidence.HIGH,
        false,
        List.of("f-" + Hashes.shortSha256(id + ":sdk")),
        status,
        registerId,
        reason);
  }

  public static EntryStatus entry(String id, String name, int line, List<Asset> covered) {
    List<String> ids = covered.stream().map(Asset::id).sorted().toList();
    return new EntryStatus(
        id,
        name,
        null,
        new RegisterEntry.Origin("ai-register.yaml", line),
        ids,
        ids.isEmpty() ? EntryStatus.State.UNMATCHED : EntryStatus.State.MATCHED,
        ids.isEmpty() ? 1 : 0);
  }

  public static ScanResult result(
      String scanId,
      Instant started,
      List<Target> targets,
      List<Asset> assets,
      List<EntryStatus> entries,
      String previousScan) {
    Scan scan = new Scan(scanId, started, started.plus(Duration.ofSeconds(42)), targets, "0.1.0");
    List<Asset> sorted = new ArrayList<>(assets);
    sorted.sort(java.util.Comparator.comparing(Asset::targetId).thenComparing(Asset::provider));
    ScanResult raw = new ScanResult(scan, List.of(), sorted, List.of(), 0, List.of(), Set.of());
    return raw.reconciled(
        sorted, new Reconciliation("ai-register.yaml", entries, List.of(), Set.of(), previousScan));
  }

  public static ScanResult first() {
    Asset openai = asset(SHOP, "openai", List.of("gpt-4"), AssetStatus.SHADOW, null);
    Asset langchain = asset(SHOP, "langchain", List.of(), AssetStatus.SHADOW, null);
    Asset anthropic =
        asset(
            BILLING,
            "anthropic",
            List.of("claude-3-5-sonnet"),
            AssetStatus.REGISTERED,
            "billing-claims");
    return result(
        SCAN_1,
        WEEK_1,
        List.of(SHOP, BILLING),
        List.of(openai, langchain, anthropic),
        List.of(
            entry("billing-claims", "Billing claims assistant", 3, List.of(anthropic)),
            entry("support-reply", "Support reply assistant", 17, List.of())),
        null);
  }

  public static ScanResult second() {
    Asset openai =
        asset(SHOP, "openai", List.of("gpt-4", "gpt-4o"), AssetStatus.REGISTERED, "support-reply");
    Asset langchain = asset(SHOP, "langchain", List.of(), AssetStatus.DRIFT, "support-reply");
    return result(
        SCAN_2,
        WEEK_2,
        List.of(SHOP),
        List.of(openai, langchain),
        List.of(
            entry("billing-claims", "Billing claims assistant", 3, List.of()),
            entry("support-reply", "Support reply assistant", 17, List.of(openai, langchain))),
        SCAN_1);
  }

  public static ScanResult third() {
    Asset openai = asset(SHOP, "openai", List.of("gpt-4o"), AssetStatus.DRIFT, "support-reply");
    Asset anthropic =
        asset(
            BILLING,
            "anthropic",
            List.of("claude-3-5-sonnet"),
            AssetStatus.REGISTERED,
            "claims-triage");
    Asset billingOpenai =
        asset(BILLING, "openai", List.of("gpt-4o-mini"), AssetStatus.SHADOW, null);
    return result(
        SCAN_3,
        WEEK_3,
        List.of(SHOP, BILLING),
        List.of(openai, anthropic, billingOpenai),
        List.of(
            entry("claims-triage", "Claims triage", 3, List.of(anthropic)),
            entry("support-reply", "Support reply assistant", 17, List.of(openai))),
        SCAN_2);
  }
}
