package dev.aiscan.register.seed;

import java.util.Objects;

/**
 * Someone who probably owns an AI system.
 *
 * @param owner a CODEOWNERS owner ({@code @acme/web-team}, an e-mail) or a git author ({@code Jane
 *     Doe <jane@example.com>})
 * @param source why: {@code CODEOWNERS line 4 (/web/ @acme/web-team)} or {@code git: 7 of the last
 *     12 commits touching the evidence files}
 */
public record OwnerSuggestion(String owner, String source) {
  public OwnerSuggestion {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(source, "source");
  }
}
