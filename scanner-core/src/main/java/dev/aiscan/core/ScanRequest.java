package dev.aiscan.core;

import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.List;
import java.util.Objects;

/**
 * Everything one scan needs, assembled by the shell from flags and the config file.
 *
 * @param targets what to scan, in order
 * @param settings connector settings, flat {@code connectors.<id>.*} keys
 * @param parallelism worker threads for file and API work; at least 1
 */
public record ScanRequest(List<Target> targets, Settings settings, int parallelism) {
  public ScanRequest {
    targets = List.copyOf(targets);
    Objects.requireNonNull(settings, "settings");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
  }

  /** A request that uses every core. */
  public static ScanRequest of(List<Target> targets, Settings settings) {
    return new ScanRequest(targets, settings, Runtime.getRuntime().availableProcessors());
  }
}
