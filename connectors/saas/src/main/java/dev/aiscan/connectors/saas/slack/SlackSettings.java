package dev.aiscan.connectors.saas.slack;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * The Slack connector's settings, from {@code connectors.slack.*}.
 *
 * @param token an org-level admin user token ({@code xoxp-…}) with {@code admin.apps:read}; from
 *     {@code SLACK_TOKEN} or a file, never a flag
 * @param baseUrl the Web API's base URL ({@code https://slack.com/api})
 * @param timeout connect and read timeout of one call ({@code connectors.slack.timeout}, in
 *     seconds; 30 by default)
 * @param maxRetries retries of a call after the first attempt (throttling, 5xx, timeouts; {@code
 *     connectors.slack.max-retries}, 0 to 10; 3 by default)
 */
public record SlackSettings(String token, HttpUrl baseUrl, Duration timeout, int maxRetries) {
  static final String PREFIX = "connectors.slack.";
  public static final String DEFAULT_BASE = "https://slack.com/api";
  static final int DEFAULT_MAX_RETRIES = 3;

  public static SlackSettings from(Settings s) {
    String token =
        s.get(PREFIX + "token").map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    if (token == null) {
      throw new ScanException(
          "--slack: no token: set SLACK_TOKEN or give --slack-token-file (an admin user token"
              + " with admin.apps:read)");
    }
    String raw = s.get(PREFIX + "base-url").filter(v -> !v.isBlank()).orElse(DEFAULT_BASE);
    HttpUrl base = HttpUrl.parse(raw.replaceAll("/+$", ""));
    if (base == null) {
      throw new ScanException("--slack-base-url: not an http(s) URL: " + raw);
    }
    return new SlackSettings(
        token,
        base,
        s.seconds(PREFIX + "timeout", Duration.ofSeconds(30)),
        s.wholeNumber(PREFIX + "max-retries", DEFAULT_MAX_RETRIES, 0, 10));
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "SlackSettings[" + baseUrl + ", " + timeout + ", retries " + maxRetries + "]";
  }
}
