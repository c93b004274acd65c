package dev.aiscan.core.history;

import dev.aiscan.core.model.AssetStatus;
import java.util.List;

/**
 * An asset as one scan saw it: enough to say what is new, gone or changed between two scans.
 *
 * @param id the asset id
 * @param provider its provider
 * @param name its human name
 * @param targetId the target it lives in
 * @param status its reconciliation status in that scan
 * @param registerId the register entry that covered it, or null
 * @param models the models it used, sorted
 */
public record AssetState(
    String id,
    String provider,
    String name,
    String targetId,
    AssetStatus status,
    String registerId,
    List<String> models) {
  public AssetState {
    models = models == null ? List.of() : List.copyOf(models);
  }
}
