package dev.aiscan.connectors.saas.m365;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.time.Duration;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The Microsoft 365 connector's settings, from {@code connectors.m365.*}.
 *
 * @param token an app-only Microsoft Graph access token; from {@code M365_TOKEN} or a file, never a
 *     flag
 * @param baseUrl Microsoft Graph's root ({@code https://graph.microsoft.com}); the API versions
 *     ({@code v1.0}, {@code beta}) are path segments below it
 * @param timeout connect and read timeout of one attempt ({@code connectors.m365.timeout}: {@code
 *     30s}, {@code 500ms}, or seconds)
 * @param retries attempts after the first for network failures, 5xx and 429 ({@code
 *     connectors.m365.retries})
 */
public record M365Settings(String token, HttpUrl baseUrl, Duration timeout, int retries) {
  static final String PREFIX = "connectors.m365.";
  public static final String DEFAULT_BASE = "https://graph.microsoft.com";

  /** Permissions the token needs, for the messages that name them. */
  static final String PERMISSIONS = "Application.Read.All, Directory.Read.All, Reports.Read.All";

  public static M365Settings from(Settings s) {
    String token =
        s.get(PREFIX + "token").map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    if (token == null) {
      throw new ScanException(
          "--m365: no token: set M365_TOKEN or give --m365-token-file (an app-only Microsoft Graph"
              + " token with "
              + PERMISSIONS
              + ")");
    }
    String raw = s.get(PREFIX + "base-url").filter(v -> !v.isBlank()).orElse(DEFAULT_BASE);
    HttpUrl base = HttpUrl.parse(raw.strip().replaceAll("/+$", ""));
    if (base == null) {
      throw new ScanException("--m365-base-url: not an http(s) URL: " + raw);
    }
    Duration timeout =
        s.get(PREFIX + "timeout").map(M365Settings::duration).orElse(Duration.ofSeconds(30));
    int retries;
    try {
      retries = Integer.parseInt(s.get(PREFIX + "retries").orElse("3").strip());
    } catch (NumberFormatException e) {
      retries = -1;
    }
    if (retries < 0) {
      throw new ScanException(PREFIX + "retries: not a count: " + s.get(PREFIX + "retries").get());
    }
    return new M365Settings(token, base, timeout, retries);
  }

  /** {@code 30s}, {@code 500ms} or a number of seconds. */
  private static Duration duration(String raw) {
    String v = raw.strip().toLowerCase(Locale.ROOT);
    try {
      Duration d =
          v.endsWith("ms")
              ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()))
              : Duration.ofSeconds(Long.parseLong(v.replaceAll("s$", "").strip()));
      if (d.isNegative() || d.isZero()) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ScanException(PREFIX + "timeout: not a duration (30s, 500ms): " + raw);
    }
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "M365Settings[baseUrl="
        + baseUrl
        + ", timeout="
        + timeout
        + ", retries="
        + retries
        + "]";
  }
}
