package dev.aiscan.shell.internal;

import dev.aiscan.core.ScanResult;
import dev.aiscan.shell.config.AiscanConfig;
import dev.aiscan.shell.config.NotificationSpec;
import dev.aiscan.shell.notify.NotificationSettings;
import dev.aiscan.shell.notify.Notifier;
import dev.aiscan.shell.notify.ShadowAlert;
import dev.aiscan.shell.notify.WebhookFormat;
import java.util.List;

/**
 * Tells people about new shadow AI after a scan driven by {@code aiscan.yaml}: the file's {@code
 * notifications} section, sent through the {@link Notifier}. Nothing is sent when the scan found no
 * new shadow AI or the file asks for no notifications.
 */
public final class Notifications {
  private Notifications() {}

  /** Sends the alert of this scan; the warnings of sinks that failed, one line each. */
  public static List<String> send(AiscanConfig config, ScanResult result) {
    NotificationSpec spec = config.notifications();
    if (spec == null || !spec.enabled()) {
      return List.of();
    }
    ShadowAlert alert = ShadowAlert.of(result);
    if (alert.isEmpty()) {
      return List.of();
    }
    NotificationSettings settings;
    try {
      settings =
          new NotificationSettings(
              spec.webhookUrl(),
              spec.webhookFormat() == null ? null : WebhookFormat.parse(spec.webhookFormat()),
              spec.file(),
              null);
    } catch (IllegalArgumentException e) {
      // say, the variable holds something other than an http(s) URL; the scan's results stand
      return List.of(config.file() + ": notifications: " + e.getMessage());
    }
    return Notifier.create().send(alert, settings);
  }
}
