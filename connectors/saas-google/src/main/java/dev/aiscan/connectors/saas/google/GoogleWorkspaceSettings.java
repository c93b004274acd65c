package dev.aiscan.connectors.saas.google;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The Google Workspace connector's settings, from {@code connectors.google-workspace.*}.
 *
 * @param token an OAuth access token of a Workspace admin (or of a service account acting as one
 *     through domain-wide delegation) with the {@code admin.directory.user.readonly} and {@code
 *     admin.directory.user.security} scopes; from {@code GOOGLE_WORKSPACE_TOKEN} or a file, never a
 *     flag
 * @param baseUrl the Admin SDK's base URL ({@code https://admin.googleapis.com})
 * @param customer the customer to read: {@code my_customer} (the token's own) or a customer id
 * @param timeout connect and read timeout of one call
 * @param maxRetries retries of a call after the first attempt (throttling, 5xx, timeouts)
 * @param parallelism how many users' tokens are read at once: a domain has thousands of users, and
 *     Google's per-user-per-minute quota makes a larger pool only earn rate limiting
 */
public record GoogleWorkspaceSettings(
    String token,
    HttpUrl baseUrl,
    String customer,
    Duration timeout,
    int maxRetries,
    int parallelism) {
  static final String PREFIX = "connectors.google-workspace.";
  public static final String DEFAULT_BASE = "https://admin.googleapis.com";
  public static final String MY_CUSTOMER = "my_customer";

  /** {@code my_customer} or a customer id ({@code C03az79cb}): one path segment, nothing else. */
  private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9_]{1,64}");

  private static final int PARALLELISM = 8;

  public static GoogleWorkspaceSettings from(Settings s) {
    String token =
        s.get(PREFIX + "token").map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    if (token == null) {
      throw new ScanException(
          "--google-workspace: no token: set GOOGLE_WORKSPACE_TOKEN or give"
              + " --google-workspace-token-file (an admin's OAuth access token with the"
              + " admin.directory.user.readonly and admin.directory.user.security scopes)");
    }
    String raw = s.get(PREFIX + "base-url").filter(v -> !v.isBlank()).orElse(DEFAULT_BASE);
    HttpUrl base = HttpUrl.parse(raw.strip().replaceAll("/+$", ""));
    if (base == null) {
      throw new ScanException("--google-workspace-base-url: not an http(s) URL: " + raw);
    }
    String customer =
        s.get(PREFIX + "customer").map(String::strip).filter(v -> !v.isEmpty()).orElse(MY_CUSTOMER);
    if (!CUSTOMER.matcher(customer).matches()) {
      throw new ScanException(
          "--google-workspace-customer: not a customer id (C0...) or my_customer: " + customer);
    }
    return new GoogleWorkspaceSettings(
        token,
        base,
        customer,
        Duration.ofSeconds(s.wholeNumber(PREFIX + "timeout-seconds", 30, 1, 3600)),
        s.wholeNumber(PREFIX + "max-retries", 3, 0, 10),
        PARALLELISM);
  }

  /** Does not print the token. */
  @Override
  public String toString() {
    return "GoogleWorkspaceSettings[" + baseUrl + ", " + customer + "]";
  }
}
