package dev.aiscan.core.register;

import java.util.List;
import java.util.Set;

/**
 * What reconciling a scan with the register and with history added to the inventory.
 *
 * @param registerSource the register file, or null when none was given (every asset is then shadow)
 * @param entries how each register entry fared, in register order
 * @param links assets that are one AI system, with why
 * @param newAssets ids of the assets the previous scan of the same targets did not see
 * @param previousScan that previous scan's id, or null when there is none
 */
public record Reconciliation(
    String registerSource,
    List<EntryStatus> entries,
    List<AssetLink> links,
    Set<String> newAssets,
    String previousScan) {

  public static final Reconciliation NONE =
      new Reconciliation(null, List.of(), List.of(), Set.of(), null);

  public Reconciliation {
    entries = List.copyOf(entries);
    links = List.copyOf(links);
    newAssets = Set.copyOf(newAssets);
  }

  public boolean registerGiven() {
    return registerSource != null;
  }
}
