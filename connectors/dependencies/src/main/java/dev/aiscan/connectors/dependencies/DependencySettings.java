package dev.aiscan.connectors.dependencies;

import dev.aiscan.core.spi.Settings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of the dependency connector, read from the {@code connectors.dependencies.*} settings.
 *
 * @param offline never touch the network: resolve Maven only from the local repository
 * @param mavenSettings the Maven settings.xml to use (mirrors, local repository), or null for
 *     {@code ~/.m2/settings.xml} when it exists
 * @param mavenLocalRepository the local repository, or null for the one settings.xml names (default
 *     {@code ~/.m2/repository})
 * @param userHome the user's home directory, where {@code .m2} lives
 */
public record DependencySettings(
    boolean offline, Path mavenSettings, Path mavenLocalRepository, Path userHome) {
  public static final String PREFIX = "connectors.dependencies.";

  public static DependencySettings from(Settings settings) {
    return new DependencySettings(
        settings.get(PREFIX + "offline").map(Boolean::parseBoolean).orElse(false),
        path(settings.get(PREFIX + "maven-settings")),
        path(settings.get(PREFIX + "maven-local-repository")),
        path(settings.get(PREFIX + "user-home")));
  }

  private static Path path(Optional<String> value) {
    return value.filter(v -> !v.isBlank()).map(Path::of).orElse(null);
  }
}
