package dev.aiscan.shell.internal;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.shell.UsageException;
import java.util.Locale;

/** The {@code --fail-on} modes: when a scan exits with code 3. */
public enum FailOn {
  NONE,
  SHADOW,
  NEW_SHADOW,
  DRIFT,
  ANY;

  /** The mode a flag or config value names; null is {@link #NONE}. */
  public static FailOn parse(String s) {
    if (s == null) {
      return NONE;
    }
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--fail-on " + s + ": expected shadow, new-shadow, drift, any or none");
    }
  }

  /** The shadow AI assets the previous scan did not see. */
  public static long newShadow(ScanResult result) {
    return result.assets().stream()
        .filter(a -> a.status() == AssetStatus.SHADOW)
        .filter(a -> result.reconciliation().newAssets().contains(a.id()))
        .count();
  }

  /** Why the scan fails under this mode, or null when it does not. */
  public String failure(ScanResult result) {
    switch (this) {
      case SHADOW -> {
        return result.shadowCount() > 0
            ? result.shadowCount() + " shadow AI asset(s) found (--fail-on shadow)"
            : null;
      }
      case NEW_SHADOW -> {
        long fresh = newShadow(result);
        return fresh > 0
            ? fresh
                + " new shadow AI asset(s) since "
                + (result.reconciliation().previousScan() == null
                    ? "no earlier scan"
                    : "scan " + result.reconciliation().previousScan())
                + " (--fail-on new-shadow)"
            : null;
      }
      case DRIFT -> {
        long drift = result.assets().stream().filter(a -> a.status() == AssetStatus.DRIFT).count();
        return drift > 0 ? drift + " asset(s) drifted from the register (--fail-on drift)" : null;
      }
      case ANY -> {
        return result.findings().isEmpty()
            ? null
            : result.findings().size() + " AI finding(s) found (--fail-on any)";
      }
      default -> {
        return null;
      }
    }
  }

  /** The mode as it is written on the command line. */
  public String flag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
