package dev.aiscan.connectors.saas.github;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * The GitHub connector's settings, from {@code connectors.github.*}.
 *
 * @param token a fine-grained or classic token of an organisation owner; from {@code GITHUB_TOKEN}
 *     or a file, never a flag
 * @param org the organisation's login ({@code connectors.github.org}), or null when not given (the
 *     connector then reads the target's)
 * @param baseUrl the REST API's base URL: {@code https://api.github.com}, or {@code
 *     https://HOST/api/v3} for GitHub Enterprise Server
 * @param timeout connect and read timeout of one call ({@code connectors.github.timeout}, in
 *     seconds; 30 by default)
 * @param maxRetries retries of a call after the first attempt (throttling, 5xx, timeouts; {@code
 *     connectors.github.max-retries}, 0 to 10; 3 by default)
 */
public record GithubSettings(
    String token, String org, HttpUrl baseUrl, Duration timeout, int maxRetries) {
  static final String PREFIX = "connectors.github.";
  public static final String DEFAULT_BASE = "https://api.github.com";
  static final int DEFAULT_MAX_RETRIES = 3;

  public static GithubSettings from(Settings s) {
    String token = value(s, "token");
    if (token == null) {
      throw new ScanException(
          "--github: no token: set GITHUB_TOKEN or give --github-token-file (an organisation"
              + " owner's token with read:org)");
    }
    String raw = s.get(PREFIX + "base-url").filter(v -> !v.isBlank()).orElse(DEFAULT_BASE);
    HttpUrl base = HttpUrl.parse(raw.strip().replaceAll("/+$", ""));
    if (base == null) {
      throw new ScanException("--github-base-url: not an http(s) URL: " + raw);
    }
    return new GithubSettings(
        token,
        value(s, "org"),
        base,
        s.seconds(PREFIX + "timeout", Duration.ofSeconds(30)),
        s.wholeNumber(PREFIX + "max-retries", DEFAULT_MAX_RETRIES, 0, 10));
  }

  /** The organisation, which listing its repositories or resolving the target cannot do without. */
  public String requireOrg() {
    if (org == null) {
      throw new ScanException("--github: no organisation: give --github-org ORG");
    }
    return org;
  }

  private static String value(Settings s, String key) {
    return s.get(PREFIX + key).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "GithubSettings["
        + org
        + ", "
        + baseUrl
        + ", "
        + timeout
        + ", retries "
        + maxRetries
        + "]";
  }
}
