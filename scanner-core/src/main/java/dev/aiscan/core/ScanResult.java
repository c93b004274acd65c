package dev.aiscan.core;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.PackageDependency;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.register.Reconciliation;
import java.util.List;
import java.util.Set;

/**
 * The outcome of a scan: the inventory every sink renders. Lists are sorted so that the same scan
 * renders to the same bytes.
 *
 * @param scan the scan's metadata
 * @param findings all findings, sorted by target, file, line, rule
 * @param assets assets, sorted by target and provider
 * @param warnings warnings, sorted by source
 * @param droppedWarnings warnings beyond the kept maximum, counted but not listed
 * @param dependencies every project's dependency tree, AI or not, sorted by target, project and
 *     package
 * @param incompleteTargets ids of the targets a connector could not finish: what they no longer
 *     show cannot be told from what the scan missed
 * @param reconciliation what the register and history said of the assets ({@link
 *     Reconciliation#NONE} until reconciled)
 * @param resources the cloud and SaaS resources evidence of AI was found at, sorted by target and
 *     id
 */
public record ScanResult(
    Scan scan,
    List<Finding> findings,
    List<Asset> assets,
    List<Warning> warnings,
    long droppedWarnings,
    List<PackageDependency> dependencies,
    Set<String> incompleteTargets,
    Reconciliation reconciliation,
    List<CloudResource> resources) {

  public ScanResult {
    findings = List.copyOf(findings);
    assets = List.copyOf(assets);
    warnings = List.copyOf(warnings);
    dependencies = List.copyOf(dependencies);
    incompleteTargets = Set.copyOf(incompleteTargets);
    reconciliation = reconciliation == null ? Reconciliation.NONE : reconciliation;
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** A result without cloud resources. */
  public ScanResult(
      Scan scan,
      List<Finding> findings,
      List<Asset> assets,
      List<Warning> warnings,
      long droppedWarnings,
      List<PackageDependency> dependencies,
      Set<String> incompleteTargets,
      Reconciliation reconciliation) {
    this(
        scan,
        findings,
        assets,
        warnings,
        droppedWarnings,
        dependencies,
        incompleteTargets,
        reconciliation,
        List.of());
  }

  /** As the engine returns it: nothing reconciled yet. */
  public ScanResult(
      Scan scan,
      List<Finding> findings,
      List<Asset> assets,
      List<Warning> warnings,
      long droppedWarnings,
      List<PackageDependency> dependencies,
      Set<String> incompleteTargets) {
    this(
        scan,
        findings,
        assets,
        warnings,
        droppedWarnings,
        dependencies,
        incompleteTargets,
        Reconciliation.NONE);
  }

  /** This result with reconciled assets (status, entry, reason) and what reconciling found. */
  public ScanResult reconciled(List<Asset> newAssets, Reconciliation newReconciliation) {
    return new ScanResult(
        scan,
        findings,
        newAssets,
        warnings,
        droppedWarnings,
        dependencies,
        incompleteTargets,
        newReconciliation,
        resources);
  }

  /** A result without dependency trees, every target complete. */
  public ScanResult(
      Scan scan,
      List<Finding> findings,
      List<Asset> assets,
      List<Warning> warnings,
      long droppedWarnings) {
    this(
        scan,
        findings,
        assets,
        warnings,
        droppedWarnings,
        List.of(),
        Set.of(),
        Reconciliation.NONE);
  }

  /** Whether every connector finished this target. */
  public boolean complete(String targetId) {
    return !incompleteTargets.contains(targetId);
  }

  public long shadowCount() {
    return assets.stream().filter(a -> a.status() == AssetStatus.SHADOW).count();
  }

  public long warningCount() {
    return warnings.size() + droppedWarnings;
  }
}
