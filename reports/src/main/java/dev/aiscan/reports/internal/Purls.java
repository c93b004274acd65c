package dev.aiscan.reports.internal;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Map;

/** Package URLs (purl) for the packages of a dependency tree. */
public final class Purls {
  /** aiscan's ecosystem names to purl types. */
  private static final Map<String, String> TYPES =
      Map.of(
          "npm", "npm",
          "maven", "maven",
          "pypi", "pypi",
          "go", "golang",
          "nuget", "nuget",
          "cargo", "cargo",
          "rubygems", "gem");

  private Purls() {}

  /**
   * The exact version a declared or resolved version names, or null for a range ({@code ^4.0},
   * {@code >=1.0}) or nothing. {@code ==1.0} is exact.
   */
  public static String exactVersion(String version) {
    if (version == null) {
      return null;
    }
    String v = version.trim();
    if (v.startsWith("===")) {
      v = v.substring(3);
    } else if (v.startsWith("==")) {
      v = v.substring(2);
    }
    if (v.isEmpty()
        || "<>=!~^*".indexOf(v.charAt(0)) >= 0
        || v.contains(" ")
        || v.contains(",")
        || v.contains("|")
        || v.contains("*")) {
      return null;
    }
    return v;
  }

  /**
   * The package URL of a package, or null for an ecosystem purl has no type for or a name it cannot
   * hold.
   *
   * @param ecosystem aiscan's ecosystem name ({@code npm}, {@code maven}, {@code pypi}, {@code go},
   *     ...)
   * @param name the name as the ecosystem writes it ({@code @scope/name}, {@code group:artifact},
   *     {@code github.com/org/module})
   * @param version the exact version, or null
   */
  public static PackageURL of(String ecosystem, String name, String version) {
    String type = TYPES.get(ecosystem.toLowerCase(Locale.ROOT));
    if (type == null || name == null || name.isBlank()) {
      return null;
    }
    String namespace = null;
    String simple = name;
    switch (type) {
      case "maven" -> {
        int colon = name.indexOf(':');
        if (colon <= 0 || colon == name.length() - 1 || name.indexOf(':', colon + 1) >= 0) {
          return null;
        }
        namespace = name.substring(0, colon);
        simple = name.substring(colon + 1);
      }
      case "npm", "golang" -> {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
          namespace = name.substring(0, slash);
          simple = name.substring(slash + 1);
        }
      }
      default -> {
        // the whole name is the name
      }
    }
    try {
      return new PackageURL(type, namespace, simple, version, null, null);
    } catch (MalformedPackageURLException e) {
      return null;
    }
  }
}
