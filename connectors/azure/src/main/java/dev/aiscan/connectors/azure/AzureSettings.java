package dev.aiscan.connectors.azure;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Azure connector's settings, from the {@code connectors.azure.*} keys.
 *
 * @param tenant the Entra ID tenant to authenticate in, or null for the credential's default
 * @param subscriptions subscription ids to scan; empty means every one the principal can read
 * @param endpoint the Resource Manager endpoint (sovereign clouds, tests)
 * @param accessToken a bearer token for Resource Manager (as {@code az account get-access-token}
 *     prints it), or null to use the default credential chain; never printed
 * @param concurrency API calls in flight at once within a subscription
 * @param timeout the longest one API call may take, retries included
 * @param maxRetries retries of a throttled (429, honouring Retry-After) or failed call
 * @param resourceGraph find the AI resources with one Azure Resource Graph query instead of one
 *     list per provider
 */
public record AzureSettings(
    String tenant,
    List<String> subscriptions,
    URI endpoint,
    String accessToken,
    int concurrency,
    Duration timeout,
    int maxRetries,
    boolean resourceGraph) {

  static final String PREFIX = "connectors.azure.";

  /** The public cloud's Resource Manager. */
  public static final URI PUBLIC_CLOUD = URI.create("https://management.azure.com");

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public static AzureSettings from(Settings s) {
    List<String> subscriptions = s.list(PREFIX + "subscriptions");
    for (String id : subscriptions) {
      if (!GUID.matcher(id).matches()) {
        throw new ScanException("--azure-subscriptions: not a subscription id (a GUID): " + id);
      }
    }
    String tenant = s.get(PREFIX + "tenant").filter(v -> !v.isBlank()).orElse(null);
    if (tenant != null && !GUID.matcher(tenant).matches() && !tenant.contains(".")) {
      throw new ScanException(
          "--azure-tenant: not a tenant id (a GUID) or domain (contoso.onmicrosoft.com): "
              + tenant);
    }
    URI endpoint =
        s.get(PREFIX + "endpoint")
            .filter(v -> !v.isBlank())
            .map(AzureSettings::endpoint)
            .orElse(PUBLIC_CLOUD);
    return new AzureSettings(
        tenant,
        subscriptions,
        endpoint,
        s.get(PREFIX + "access-token").filter(v -> !v.isBlank()).map(String::strip).orElse(null),
        positive(s, "concurrency", 16, 256),
        Duration.ofSeconds(positive(s, "timeout-seconds", 60, 3600)),
        positive(s, "max-retries", 4, 20),
        s.get(PREFIX + "resource-graph").map(Boolean::parseBoolean).orElse(false));
  }

  private static URI endpoint(String v) {
    try {
      URI uri = URI.create(v.trim().replaceAll("/+$", ""));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // bearer tokens only travel over TLS: the Azure SDK refuses anything else
      if (!scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
        throw new ScanException(
            "--azure-endpoint: give the host only, e.g. https://management.usgovcloudapi.net: "
                + v);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ScanException("--azure-endpoint: not an https URL: " + v);
    }
  }

  private static int positive(Settings s, String key, int def, int max) {
    String raw = s.get(PREFIX + key).orElse(null);
    if (raw == null || raw.isBlank()) {
      return def;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n < 0 || n > max || (n == 0 && !key.equals("max-retries"))) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ScanException(PREFIX + key + ": not a number from 1 to " + max + ": " + raw);
    }
  }
}
