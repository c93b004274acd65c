package dev.aiscan.core.model;

import java.util.Objects;

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
  public Target {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }
}
