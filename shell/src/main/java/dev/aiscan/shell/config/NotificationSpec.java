package dev.aiscan.shell.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where {@code aiscan schedule} announces new shadow AI: the {@code notifications:} section of
 * {@code aiscan.yaml}.
 *
 * @param webhookUrl the webhook to POST to, or null; a secret (anyone holding it can post), so
 *     {@link #toString()} shows only its scheme and host
 * @param webhookFormat {@code slack} or {@code teams}; {@code slack} when a webhook is given
 *     without one, null without a webhook
 * @param file a JSON Lines file each alert is appended to, or null
 */
public record NotificationSpec(String webhookUrl, String webhookFormat, Path file) {

  /** No notification. */
  public static final NotificationSpec NONE = new NotificationSpec(null, null, null);

  /** Whether there is anywhere to send an alert. */
  public boolean enabled() {
    return webhookUrl != null || file != null;
  }

  /** Says where alerts go without the webhook's secret path. */
  @Override
  public String toString() {
    return "NotificationSpec[webhook="
        + redact(webhookUrl)
        + ", format="
        + webhookFormat
        + ", file="
        + file
        + "]";
  }

  /** A URL's scheme and host: {@code https://hooks.slack.com/…}. */
  static String redact(String url) {
    if (url == null) {
      return "none";
    }
    try {
      URI u = new URI(url);
      return u.getScheme() + "://" + u.getHost() + "/…";
    } catch (URISyntaxException e) {
      return "(not a URL)";
    }
  }
}
