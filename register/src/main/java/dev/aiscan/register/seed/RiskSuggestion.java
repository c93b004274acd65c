package dev.aiscan.register.seed;

import dev.aiscan.core.register.RegisterEntry;
import java.util.List;
import java.util.Objects;

/**
 * A suggested risk level for a reviewer to confirm or change, never a verdict.
 *
 * @param level the suggested level
 * @param reasons why, strongest first
 */
public record RiskSuggestion(RegisterEntry.RiskLevel level, List<String> reasons) {
  public RiskSuggestion {
    Objects.requireNonNull(level, "level");
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
