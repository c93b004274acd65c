package dev.aiscan.shell.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where to announce new shadow AI after a scan: a webhook, a file, both or neither.
 *
 * <pre>{@code
 * var settings = new NotificationSettings(
 *     System.getenv("AISCAN_WEBHOOK"), WebhookFormat.parse("teams"), Path.of("alerts.jsonl"), null);
 * }</pre>
 *
 * <p>A webhook URL is a secret (whoever holds it can post to the channel): {@link #toString()}
 * shows only its scheme and host.
 *
 * @param webhookUrl the http(s) URL to POST to, or null for none (blank counts as none)
 * @param format the JSON the webhook expects; {@link WebhookFormat#SLACK} when null
 * @param file a JSON Lines file to append each alert to, or null for none
 * @param timeout the most one webhook request may take; {@link #DEFAULT_TIMEOUT} when null
 */
public record NotificationSettings(
    String webhookUrl, WebhookFormat format, Path file, Duration timeout) {

  /** How long one webhook request may take unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** No notification at all. */
  public static final NotificationSettings NONE = new NotificationSettings(null, null, null, null);

  /**
   * @throws IllegalArgumentException when the URL is not http(s) or the timeout is not positive;
   *     the message never repeats the URL
   */
  public NotificationSettings {
    webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
    format = format == null ? WebhookFormat.SLACK : format;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("notification timeout must be positive: " + timeout);
    }
    if (webhookUrl != null) {
      checkUrl(webhookUrl);
    }
  }

  /** Whether there is anywhere to send an alert. */
  public boolean enabled() {
    return webhookUrl != null || file != null;
  }

  /** The webhook URL without its secret part: scheme and host, e.g. {@code https://host/…}. */
  public static String redact(String url) {
    if (url == null) {
      return "none";
    }
    try {
      URI u = new URI(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return "(invalid URL)";
      }
      return u.getScheme().toLowerCase(Locale.ROOT)
          + "://"
          + u.getHost()
          + (u.getPort() == -1 ? "" : ":" + u.getPort())
          + "/…";
    } catch (URISyntaxException e) {
      return "(invalid URL)";
    }
  }

  @Override
  public String toString() {
    return "NotificationSettings[webhook="
        + redact(webhookUrl)
        + ", format="
        + format.wireName()
        + ", file="
        + file
        + ", timeout="
        + timeout
        + "]";
  }

  private static void checkUrl(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      // The parser's message quotes the input, which holds the secret: say only where it failed.
      throw new IllegalArgumentException(
          "notification webhook is not a valid URL (error at character " + e.getIndex() + ")");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null) {
      throw new IllegalArgumentException(
          "notification webhook must be an http or https URL with a host, not " + redact(url));
    }
  }
}
