package dev.aiscan.shell.notify;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Target;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shadow AI a scan found that the previous scan of the same targets did not: what a
 * notification announces. Only asset-level fields are kept (never evidence, locations or key
 * fingerprints), so nothing secret can reach a chat channel.
 *
 * <pre>{@code
 * ShadowAlert alert = ShadowAlert.of(reconciledResult);
 * if (!alert.isEmpty()) System.out.println(alert.text());
 * }</pre>
 *
 * @param scanId the scan's id
 * @param finished when the scan finished
 * @param previousScan the scan compared against, or null when this is the first scan of these
 *     targets (every asset is then new)
 * @param targets the names of the targets scanned, in scan order
 * @param shadowTotal how many assets of the scan are shadow, new or not
 * @param newShadow the new shadow assets, sorted by target, provider, kind and name
 */
public record ShadowAlert(
    String scanId,
    Instant finished,
    String previousScan,
    List<String> targets,
    long shadowTotal,
    List<NewShadowAsset> newShadow) {

  /** Assets {@link #text()} lists before it only counts the rest. */
  public static final int MAX_LISTED = 20;

  /** Models one asset line names before it only counts the rest. */
  static final int MAX_MODELS = 5;

  public ShadowAlert {
    Objects.requireNonNull(scanId, "scanId");
    targets = List.copyOf(targets);
    newShadow = List.copyOf(newShadow);
  }

  /**
   * One new shadow asset, as announced.
   *
   * @param provider canonical provider id
   * @param kind {@code ai-integration}, {@code model-file}, {@code cloud-resource} or {@code
   *     saas-app}
   * @param name the asset's human name, e.g. {@code openai in shop-backend}
   * @param target the name of the target it lives in
   * @param models model names seen, sorted
   * @param findings how many findings make it up
   */
  public record NewShadowAsset(
      String provider, String kind, String name, String target, List<String> models, int findings) {
    public NewShadowAsset {
      models = List.copyOf(models);
    }

    /**
     * One line: name, kind, findings and models, e.g. {@code openai in shop (ai-integration, 3
     * findings, models: gpt-4o)}.
     */
    public String summary() {
      StringBuilder s =
          new StringBuilder(name)
              .append(" (")
              .append(kind)
              .append(", ")
              .append(plural(findings, "finding"));
      if (!models.isEmpty()) {
        s.append(", models: ")
            .append(String.join(", ", models.subList(0, Math.min(MAX_MODELS, models.size()))));
        if (models.size() > MAX_MODELS) {
          s.append(" and ").append(models.size() - MAX_MODELS).append(" more");
        }
      }
      return s.append(')').toString();
    }
  }

  /**
   * The new shadow AI of a reconciled result: assets whose status is {@code shadow} and whose id
   * the reconciliation lists as new.
   */
  public static ShadowAlert of(ScanResult result) {
    Map<String, String> targetNames =
        result.scan().targets().stream()
            .collect(Collectors.toMap(Target::id, Target::name, (a, b) -> a));
    Set<String> isNew = result.reconciliation().newAssets();
    List<NewShadowAsset> fresh =
        result.assets().stream()
            .filter(a -> a.status() == AssetStatus.SHADOW && isNew.contains(a.id()))
            .map(a -> toNew(a, targetNames))
            .sorted(
                Comparator.comparing(NewShadowAsset::target)
                    .thenComparing(NewShadowAsset::provider)
                    .thenComparing(NewShadowAsset::kind)
                    .thenComparing(NewShadowAsset::name))
            .toList();
    return new ShadowAlert(
        result.scan().id(),
        result.scan().finished(),
        result.reconciliation().previousScan(),
        result.scan().targets().stream().map(Target::name).toList(),
        result.shadowCount(),
        fresh);
  }

  private static NewShadowAsset toNew(Asset a, Map<String, String> targetNames) {
    return new NewShadowAsset(
        a.provider(),
        a.kind(),
        a.name(),
        targetNames.getOrDefault(a.targetId(), a.targetId()),
        a.models(),
        a.findingIds().size());
  }

  /** Whether there is nothing new to announce. */
  public boolean isEmpty() {
    return newShadow.isEmpty();
  }

  /** The first line of {@link #text()}: how many are new, in which scan, of how many. */
  public String headline() {
    return "aiscan: "
        + newShadow.size()
        + " new shadow AI "
        + (newShadow.size() == 1 ? "asset" : "assets")
        + " in scan "
        + scanId
        + " ("
        + shadowTotal
        + " shadow in total)";
  }

  /**
   * A short plain-text summary: {@link #headline()}, then one line per asset, at most {@link
   * #MAX_LISTED}, then {@code … and N more}.
   */
  public String text() {
    StringBuilder s = new StringBuilder(headline());
    for (NewShadowAsset a : listed()) {
      s.append("\n- ").append(a.summary());
    }
    if (!overflow().isEmpty()) {
      s.append('\n').append(overflow());
    }
    return s.toString();
  }

  /** The assets past {@link #MAX_LISTED}, as one line; empty when all are listed. */
  String overflow() {
    int more = newShadow.size() - MAX_LISTED;
    return more > 0 ? "… and " + more + " more" : "";
  }

  /** The first {@link #MAX_LISTED} new shadow assets. */
  List<NewShadowAsset> listed() {
    return newShadow.subList(0, Math.min(MAX_LISTED, newShadow.size()));
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
