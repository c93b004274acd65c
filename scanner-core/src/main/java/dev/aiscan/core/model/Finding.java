package dev.aiscan.core.model;

import java.util.Objects;

/**
 * A rule's verdict on a fact: this location shows AI use.
 *
 * @param id stable id, derived from rule, target, location, model and key (see {@link #idOf(String,
 *     String, Location, String, String)})
 * @param ruleId the matching rule's id
 * @param provider canonical provider id, e.g. {@code openai}
 * @param category what kind of AI use
 * @param confidence the rule's confidence
 * @param targetId id of the target it was found in
 * @param location file and line, or resource
 * @param evidence short, redacted excerpt of what matched; never a secret
 * @param model model name when the finding identifies one, else null
 * @param fingerprint for credentials: short hash plus first and last four characters; else null
 * @param dependency for packages: whether they are direct and the path that brings them in; else
 *     null
 */
public record Finding(
    String id,
    String ruleId,
    String provider,
    Category category,
    Confidence confidence,
    String targetId,
    Location location,
    String evidence,
    String model,
    String fingerprint,
    DependencyPath dependency) {

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(evidence, "evidence");
  }

  /**
   * A finding id that is the same for the same rule, place, model and key in every scan. A rule
   * reports a place once: an import and a type reference naming the same SDK on one line are one
   * finding, while one literal naming two models is two.
   *
   * @param model the model named, or null
   * @param fingerprint the key's fingerprint, or null
   */
  public static String idOf(
      String ruleId, String targetId, Location location, String model, String fingerprint) {
    return "f-"
        + Hashes.shortSha256(
            String.join(
                "\u0000",
                ruleId,
                targetId,
                location.toString(),
                String.valueOf(model),
                String.valueOf(fingerprint)));
  }

  public Finding withEvidence(String newEvidence) {
    return new Finding(
        id,
        ruleId,
        provider,
        category,
        confidence,
        targetId,
        location,
        newEvidence,
        model,
        fingerprint,
        dependency);
  }
}
