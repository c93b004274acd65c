package dev.aiscan.shell.notify;

import java.util.Locale;

/** The JSON a notification webhook expects: Slack's incoming webhooks or Teams Workflows. */
public enum WebhookFormat {
  /** Slack incoming webhook: a fallback {@code text} and Block Kit {@code blocks}. */
  SLACK,
  /** Microsoft Teams Workflows (Power Automate) webhook: a message with one Adaptive Card. */
  TEAMS;

  /**
   * The format named {@code slack} or {@code teams}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code name} is neither
   */
  public static WebhookFormat parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "slack" -> SLACK;
      case "teams" -> TEAMS;
      default ->
          throw new IllegalArgumentException(
              "unknown webhook format '" + name + "': use slack or teams");
    };
  }

  /** The name {@link #parse} reads: {@code slack} or {@code teams}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
