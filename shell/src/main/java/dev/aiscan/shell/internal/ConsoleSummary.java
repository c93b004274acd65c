package dev.aiscan.shell.internal;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.EntryStatus;
import dev.aiscan.core.register.Reconciliation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The short plain-text summary {@code aiscan scan} prints: assets by provider and target, shadow
 * and warning counts.
 */
public final class ConsoleSummary {
  private ConsoleSummary() {}

  /** The register and history lines: what is registered, drifted, shadow, and new. */
  static String register(ScanResult result) {
    Reconciliation r = result.reconciliation();
    StringBuilder out = new StringBuilder();
    if (r.registerGiven()) {
      Map<AssetStatus, Long> byStatus =
          result.assets().stream()
              .collect(Collectors.groupingBy(Asset::status, TreeMap::new, Collectors.counting()));
      Map<EntryStatus.State, Long> entries =
          r.entries().stream()
              .collect(
                  Collectors.groupingBy(EntryStatus::state, TreeMap::new, Collectors.counting()));
      out.append(
          String.format(
              "Register %s: %d registered, %d drift, %d shadow; entries: %d matched, %d unmatched,"
                  + " %d stale%n",
              r.registerSource(),
              byStatus.getOrDefault(AssetStatus.REGISTERED, 0L),
              byStatus.getOrDefault(AssetStatus.DRIFT, 0L),
              byStatus.getOrDefault(AssetStatus.SHADOW, 0L),
              entries.getOrDefault(EntryStatus.State.MATCHED, 0L),
              entries.getOrDefault(EntryStatus.State.UNMATCHED, 0L),
              entries.getOrDefault(EntryStatus.State.STALE, 0L)));
    } else {
      out.append(
          "Register: none given, so every asset is shadow (aiscan register seed drafts one)\n");
    }
    long fresh = r.newAssets().size();
    long freshShadow =
        result.assets().stream()
            .filter(a -> a.status() == AssetStatus.SHADOW && r.newAssets().contains(a.id()))
            .count();
    out.append(
        r.previousScan() == null
            ? "New: first scan of these targets\n"
            : String.format(
                "New since scan %s: %d asset%s (shadow: %d)%n",
                r.previousScan(), fresh, fresh == 1 ? "" : "s", freshShadow));
    return out.toString();
  }

  public static String render(ScanResult result, List<Path> reports) {
    StringBuilder out = new StringBuilder();
    Duration took = Duration.between(result.scan().started(), result.scan().finished());
    out.append(
        String.format(
            "aiscan %s: %d target%s scanned in %.1f s%n",
            result.scan().aiscanVersion(),
            result.scan().targets().size(),
            result.scan().targets().size() == 1 ? "" : "s",
            took.toMillis() / 1000.0));
    out.append(
        String.format(
            "AI assets: %d (shadow: %d)  findings: %d  warnings: %d%n",
            result.assets().size(),
            result.shadowCount(),
            result.findings().size(),
            result.warningCount()));
    out.append(register(result));

    Map<String, List<Asset>> byProvider =
        result.assets().stream()
            .collect(Collectors.groupingBy(Asset::provider, TreeMap::new, Collectors.toList()));
    if (!byProvider.isEmpty()) {
      out.append("By provider:\n");
      byProvider.forEach(
          (provider, assets) -> {
            TreeSet<String> models = new TreeSet<>();
            assets.forEach(a -> models.addAll(a.models()));
            long findings = assets.stream().mapToLong(a -> a.findingIds().size()).sum();
            String line =
                String.format(
                    "  %-20s %3d asset%s %4d finding%s%s",
                    provider,
                    assets.size(),
                    assets.size() == 1 ? " " : "s",
                    findings,
                    findings == 1 ? " " : "s",
                    (assets.stream().allMatch(Asset::transitiveOnly)
                            ? "  (only through other dependencies)"
                            : "")
                        + (models.isEmpty() ? "" : "  models: " + String.join(", ", models)));
            out.append(line.stripTrailing()).append('\n');
          });
      Map<String, String> names = new TreeMap<>();
      for (Target t : result.scan().targets()) {
        names.put(t.id(), t.name());
      }
      Map<String, Long> byTarget =
          result.assets().stream()
              .collect(Collectors.groupingBy(Asset::targetId, TreeMap::new, Collectors.counting()));
      out.append("By target:\n");
      byTarget.forEach(
          (target, count) ->
              out.append(
                  String.format(
                      "  %-20s %3d asset%s%n",
                      names.getOrDefault(target, target), count, count == 1 ? "" : "s")));
    }
    for (Path report : reports) {
      out.append("Report: ").append(report).append('\n');
    }
    return out.toString();
  }
}
