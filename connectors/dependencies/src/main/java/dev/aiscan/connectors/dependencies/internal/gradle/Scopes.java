package dev.aiscan.connectors.dependencies.internal.gradle;

import java.util.List;
import java.util.Locale;

/**
 * Gradle configurations as Maven scopes, so Maven artifacts read alike whichever build declares
 * them.
 */
final class Scopes {
  private static final List<String> ORDER = List.of("compile", "runtime", "provided", "test");

  private Scopes() {}

  /**
   * {@code implementation}, {@code api}, {@code compile} → {@code compile}; {@code runtimeOnly} →
   * {@code runtime}; {@code compileOnly}, annotation processors → {@code provided}; {@code test*} →
   * {@code test}; other {@code *Implementation}-style configurations keep their name; anything else
   * is not a dependency configuration (null).
   */
  static String of(String configuration) {
    String c = configuration;
    String lower = c.toLowerCase(Locale.ROOT);
    boolean dependencyLike =
        lower.endsWith("implementation")
            || lower.endsWith("compileonly")
            || lower.endsWith("runtimeonly")
            || lower.endsWith("api")
            || lower.endsWith("annotationprocessor")
            || lower.endsWith("compile")
            || lower.endsWith("runtime");
    if (c.startsWith("test") || c.startsWith("androidTest") || c.startsWith("integrationTest")) {
      return dependencyLike ? "test" : null;
    }
    return switch (c) {
      case "implementation", "api", "compile", "compileOnlyApi", "classpath" -> "compile";
      case "runtimeOnly", "runtime" -> "runtime";
      case "compileOnly", "annotationProcessor", "kapt", "ksp", "developmentOnly" -> "provided";
      default -> dependencyLike && !lower.equals("runtime") && !lower.equals("compile") ? c : null;
    };
  }

  /**
   * The scope of a locked module from its configurations ({@code
   * compileClasspath,runtimeClasspath}).
   */
  static String ofLocked(String configurations) {
    String best = null;
    for (String conf : configurations.split(",")) {
      String c = conf.strip();
      String scope;
      if (c.toLowerCase(Locale.ROOT).startsWith("test")) {
        scope = "test";
      } else if (c.endsWith("ompileClasspath")) {
        scope = "compile";
      } else if (c.endsWith("untimeClasspath")) {
        scope = "runtime";
      } else if (c.contains("nnotationProcessor") || c.equals("kapt")) {
        scope = "provided";
      } else {
        continue;
      }
      if (best == null || ORDER.indexOf(scope) < ORDER.indexOf(best)) {
        best = scope;
      }
    }
    return best;
  }

  static int rank(String scope) {
    int i = ORDER.indexOf(scope);
    return i < 0 ? ORDER.size() : i;
  }
}
