package dev.aiscan.core.register;

import java.util.List;

/**
 * How a register entry fared in a scan.
 *
 * @param id the entry's id
 * @param name its name
 * @param owner its owner, or null when the register does not say
 * @param origin where it is written
 * @param assetIds the assets it covered in this scan (registered or drift), sorted
 * @param state {@code matched}, {@code unmatched} (nothing this scan), {@code stale} (nothing in
 *     the last N scans of the same targets), or {@code out-of-scope} (the scan did not look where
 *     the entry points, say a cloud account during a source scan)
 * @param unmatchedScans how many scans in a row, this one included, it covered nothing
 */
public record EntryStatus(
    String id,
    String name,
    String owner,
    RegisterEntry.Origin origin,
    List<String> assetIds,
    State state,
    int unmatchedScans) {
  public EntryStatus {
    assetIds = List.copyOf(assetIds);
  }

  public enum State {
    MATCHED,
    UNMATCHED,
    STALE,
    OUT_OF_SCOPE;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
