package dev.aiscan.connectors.saas.ai;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * The settings of one AI provider's admin connector, from {@code connectors.<kind>.*}: the same
 * keys for OpenAI and Anthropic.
 *
 * @param token the organisation's Admin API key; from an environment variable or a file, never a
 *     flag
 * @param baseUrl the API's base URL ({@code https://api.openai.com/v1})
 * @param timeout connect and read timeout of one call ({@code connectors.<kind>.timeout}, seconds)
 * @param maxRetries retries of a call after the first attempt (throttling, 5xx, timeouts; {@code
 *     connectors.<kind>.max-retries}, 0 to 10; 3 by default)
 * @param organization the organisation id to name the target by ({@code
 *     connectors.<kind>.organization}), or null to take the one the API reports
 */
public record AdminSettings(
    String token, HttpUrl baseUrl, Duration timeout, int maxRetries, String organization) {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final int DEFAULT_MAX_RETRIES = 3;

  /**
   * @param kind the connector kind ({@code openai})
   * @param variable the environment variable the shell reads the key from ({@code
   *     OPENAI_ADMIN_KEY})
   * @param defaultBase the vendor's API base URL
   */
  static AdminSettings from(Settings s, String kind, String variable, String defaultBase) {
    String prefix = "connectors." + kind + ".";
    String token =
        s.get(prefix + "token").map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    if (token == null) {
      throw new ScanException(
          "--"
              + kind
              + ": no Admin API key: set "
              + variable
              + " or give --"
              + kind
              + "-token-file (an organisation Admin API key)");
    }
    String raw = s.get(prefix + "base-url").filter(v -> !v.isBlank()).orElse(defaultBase);
    HttpUrl base = HttpUrl.parse(raw.strip().replaceAll("/+$", ""));
    if (base == null) {
      throw new ScanException("--" + kind + "-base-url: not an http(s) URL: " + raw);
    }
    Duration timeout = s.seconds(prefix + "timeout", DEFAULT_TIMEOUT);
    String org =
        s.get(prefix + "organization").map(String::strip).filter(o -> !o.isEmpty()).orElse(null);
    return new AdminSettings(
        token,
        base,
        timeout,
        s.wholeNumber(prefix + "max-retries", DEFAULT_MAX_RETRIES, 0, 10),
        org);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "AdminSettings["
        + baseUrl
        + ", "
        + timeout
        + ", retries "
        + maxRetries
        + ", "
        + organization
        + "]";
  }
}
