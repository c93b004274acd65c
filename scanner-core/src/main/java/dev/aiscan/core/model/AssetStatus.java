package dev.aiscan.core.model;

import java.util.Locale;

/** How an asset stands against the organisation's AI register. */
public enum AssetStatus {
  /** Covered by a register entry that agrees with what was found. */
  REGISTERED,
  /** Found, but no register entry covers it. */
  SHADOW,
  /** A register entry whose assets were not found any more. */
  STALE,
  /** Covered by a register entry, but what was found differs from what it declares. */
  DRIFT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
