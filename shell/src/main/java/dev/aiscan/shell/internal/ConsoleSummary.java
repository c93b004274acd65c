package dev.aiscan.shell.internal;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Target;
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
