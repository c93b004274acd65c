package dev.aiscan.core;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Warning;
import java.util.List;

/**
 * The outcome of a scan: the inventory every sink renders. Lists are sorted so that the same scan
 * renders to the same bytes.
 *
 * @param scan the scan's metadata
 * @param findings all findings, sorted by target, file, line, rule
 * @param assets assets, sorted by target and provider
 * @param warnings warnings, sorted by source
 * @param droppedWarnings warnings beyond the kept maximum, counted but not listed
 */
public record ScanResult(
    Scan scan,
    List<Finding> findings,
    List<Asset> assets,
    List<Warning> warnings,
    long droppedWarnings) {

  public ScanResult {
    findings = List.copyOf(findings);
    assets = List.copyOf(assets);
    warnings = List.copyOf(warnings);
  }

  public long shadowCount() {
    return assets.stream().filter(a -> a.status() == AssetStatus.SHADOW).count();
  }

  public long warningCount() {
    return warnings.size() + droppedWarnings;
  }
}
