package dev.aiscan.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one past scan found, as history keeps it.
 *
 * @param scanId the scan's id
 * @param started when it started
 * @param targetIds the targets it scanned
 * @param assets every asset it saw, with its status
 * @param entryMatches for each register entry, how many assets it covered in that scan (empty when
 *     no register was given)
 */
public record ScanSnapshot(
    String scanId,
    Instant started,
    List<String> targetIds,
    List<AssetState> assets,
    Map<String, Integer> entryMatches) {
  public ScanSnapshot {
    targetIds = List.copyOf(targetIds);
    assets = List.copyOf(assets);
    entryMatches = Map.copyOf(entryMatches);
  }

  public Optional<AssetState> asset(String id) {
    return assets.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
