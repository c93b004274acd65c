package dev.aiscan.core.model;

import java.util.Locale;

/** How an asset stands against the organisation's AI register. */
public enum AssetStatus {
  /** Covered by a register entry that agrees with what was found. */
  REGISTERED,
  /** Found, but no register entry covers it. */
  SHADOW,
  /**
   * No longer seen: kept in history (the graph marks such assets stale). Register entries that
   * cover nothing any more are stale too, see {@code EntryStatus}.
   */
  STALE,
  /** Covered by a register entry, but what was found differs from what it declares. */
  DRIFT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
