package dev.aiscan.shell.internal;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
import dev.aiscan.shell.UsageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One scan's result indexed for the commands that explore it: assets and findings by id (or a
 * unique prefix of it, as analysts type them), each finding's asset, the targets by name.
 */
public final class ResultView {
  /** Shadow AI first, as it is what an analyst looks for; then drift, registered and stale. */
  private static final List<AssetStatus> STATUS_ORDER =
      List.of(AssetStatus.SHADOW, AssetStatus.DRIFT, AssetStatus.REGISTERED, AssetStatus.STALE);

  private final ScanResult result;
  private final Map<String, Target> targets = new HashMap<>();
  private final Map<String, Finding> findings = new HashMap<>();
  private final Map<String, Asset> assetOfFinding = new HashMap<>();

  public ResultView(ScanResult result) {
    this.result = result;
    result.scan().targets().forEach(t -> targets.put(t.id(), t));
    result.findings().forEach(f -> findings.put(f.id(), f));
    for (Asset a : result.assets()) {
      a.findingIds().forEach(id -> assetOfFinding.putIfAbsent(id, a));
    }
  }

  public ScanResult result() {
    return result;
  }

  public String scanId() {
    return result.scan().id();
  }

  /** The target's short name, or its id when the scan does not list it. */
  public String targetName(String targetId) {
    Target t = targets.get(targetId);
    return t == null ? targetId : t.name();
  }

  /** Whether the previous scan of the same targets did not see the asset. */
  public boolean isNew(Asset asset) {
    return result.reconciliation().newAssets().contains(asset.id());
  }

  /** The asset's findings, in the result's order (target, file, line, rule). */
  public List<Finding> findingsOf(Asset asset) {
    Set<String> ids = Set.copyOf(asset.findingIds());
    return result.findings().stream().filter(f -> ids.contains(f.id())).toList();
  }

  /** The asset a finding is evidence of. */
  public Optional<Asset> assetOf(Finding finding) {
    return Optional.ofNullable(assetOfFinding.get(finding.id()));
  }

  /** Every asset, shadow first, then by target, provider and kind. */
  public List<Asset> assetsShadowFirst() {
    return result.assets().stream()
        .sorted(
            Comparator.<Asset>comparingInt(a -> STATUS_ORDER.indexOf(a.status()))
                .thenComparing(a -> targetName(a.targetId()))
                .thenComparing(Asset::targetId)
                .thenComparing(Asset::provider)
                .thenComparing(Asset::kind)
                .thenComparing(Asset::id))
        .toList();
  }

  /**
   * The ids of the targets a {@code --target} value names: by name (several repositories may share
   * one), id or location.
   *
   * @throws UsageException when it names no target of the scan
   */
  public Set<String> targetIds(String nameOrId) {
    String wanted = nameOrId.trim();
    Set<String> ids = new LinkedHashSet<>();
    for (Target t : result.scan().targets()) {
      if (t.name().equals(wanted) || t.id().equals(wanted) || t.location().equals(wanted)) {
        ids.add(t.id());
      }
    }
    if (ids.isEmpty()) {
      throw new UsageException(
          "no target "
              + wanted
              + " in scan "
              + scanId()
              + " (its targets: "
              + result.scan().targets().stream()
                  .map(Target::name)
                  .sorted()
                  .distinct()
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return ids;
  }

  /**
   * The asset with this id, or the one asset whose id starts with it.
   *
   * @throws UsageException when no asset or several match
   */
  public Asset asset(String idOrPrefix) {
    return unique(result.assets(), Asset::id, idOrPrefix, "asset", "aiscan assets list");
  }

  /**
   * The finding with this id, or the one finding whose id starts with it.
   *
   * @throws UsageException when no finding or several match
   */
  public Finding finding(String idOrPrefix) {
    return unique(result.findings(), Finding::id, idOrPrefix, "finding", "aiscan findings list");
  }

  private <T> T unique(
      List<T> items, Function<T, String> idOf, String query, String what, String listCommand) {
    String wanted = query == null ? "" : query.trim();
    if (wanted.isEmpty()) {
      throw new UsageException("--id: give the " + what + " id, or the start of it");
    }
    List<T> matches = new ArrayList<>();
    for (T item : items) {
      String id = idOf.apply(item);
      if (id.equals(wanted)) {
        return item;
      }
      // ids are "a-<hex>" and "f-<hex>": the hex part alone is also accepted
      if (id.startsWith(wanted) || id.substring(id.indexOf('-') + 1).startsWith(wanted)) {
        matches.add(item);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new UsageException(
          "no " + what + " " + wanted + " in scan " + scanId() + " (see: " + listCommand + ")");
    }
    throw new UsageException(
        what
            + " id "
            + wanted
            + " is ambiguous in scan "
            + scanId()
            + ": "
            + matches.size()
            + " "
            + what
            + "s start with it ("
            + matches.stream().limit(3).map(idOf).collect(Collectors.joining(", "))
            + (matches.size() > 3 ? ", …" : "")
            + "); give more of it");
  }
}
