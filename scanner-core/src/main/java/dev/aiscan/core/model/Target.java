package dev.aiscan.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * Something aiscan scans: a source tree, a cloud account, a SaaS tenant.
 *
 * <p>{@code kind} names the connector family that can read it (for example {@code source}); {@code
 * location} is what that connector needs to reach it (a directory, an account id, a tenant domain).
 * The {@code id} is stable across scans of the same thing, so findings and graph nodes line up.
 *
 * @param id stable identifier, unique within a scan, for example {@code source:/home/me/app}
 * @param kind the target kind a connector declares it handles, for example {@code source}
 * @param name short human name, for example the directory name
 * @param location where the target lives, interpreted by its connector
 */
public record Target(String id, String kind, String name, String location) {
  /** Target kinds whose location is a cloud account or subscription. */
  public static final Set<String> CLOUD_KINDS = Set.of("aws", "azure", "gcp");

  /** Target kinds whose location is a SaaS tenant or organisation. */
  public static final Set<String> SAAS_KINDS =
      Set.of("saas", "github", "m365", "google-workspace", "slack", "openai", "anthropic");

  /** A cloud account or subscription. */
  public boolean cloud() {
    return CLOUD_KINDS.contains(kind);
  }

  /** A SaaS tenant or organisation. */
  public boolean saas() {
    return SAAS_KINDS.contains(kind);
  }

  /** A tree of files: a source directory or a cloned repository. */
  public boolean tree() {
    return !cloud() && !saas();
  }

  public Target {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }
}
