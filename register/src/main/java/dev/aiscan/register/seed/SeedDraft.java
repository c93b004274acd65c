package dev.aiscan.register.seed;

import dev.aiscan.core.register.RegisterEntry;
import java.util.List;
import java.util.Objects;

/**
 * A draft register entry seeded from shadow assets, with what a reviewer needs to complete it.
 *
 * @param entry the draft entry: selectors that cover exactly {@code assetIds}, pre-filled name,
 *     supplier, models and owner; everything a person must decide left null
 * @param owners owner suggestions, best first, each with where it comes from
 * @param risk the suggested risk level with its reasons (a suggestion, never a verdict)
 * @param assetIds the shadow assets the draft covers, sorted
 */
public record SeedDraft(
    RegisterEntry entry, List<OwnerSuggestion> owners, RiskSuggestion risk, List<String> assetIds) {
  public SeedDraft {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(risk, "risk");
    owners = owners == null ? List.of() : List.copyOf(owners);
    assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
  }
}
