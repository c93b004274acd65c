package dev.aiscan.shell.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationSettingsTest {
  private static final String SECRET_URL =
      "https://hooks.slack.com/services/T0AISCAN/B0AISCAN/s3cr3tW3bh00kT0k3n";

  @Test
  void formatsParseInAnyCase() {
    assertThat(WebhookFormat.parse("slack")).isEqualTo(WebhookFormat.SLACK);
    assertThat(WebhookFormat.parse(" TEAMS ")).isEqualTo(WebhookFormat.TEAMS);
    assertThat(WebhookFormat.parse("Teams").wireName()).isEqualTo("teams");
    assertThatThrownBy(() -> WebhookFormat.parse("discord"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown webhook format 'discord': use slack or teams");
  }

  @Test
  void defaultsAndEnabled() {
    assertThat(NotificationSettings.NONE.enabled()).isFalse();
    assertThat(NotificationSettings.NONE.format()).isEqualTo(WebhookFormat.SLACK);
    assertThat(NotificationSettings.NONE.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(new NotificationSettings("  ", null, null, null).enabled()).isFalse();
    assertThat(new NotificationSettings(null, null, Path.of("alerts.jsonl"), null).enabled())
        .isTrue();
    assertThat(new NotificationSettings(SECRET_URL, WebhookFormat.TEAMS, null, null).enabled())
        .isTrue();
  }

  @Test
  void theWebhookPathNeverShows() {
    NotificationSettings settings = new NotificationSettings(SECRET_URL, null, null, null);

    assertThat(settings.toString()).contains("https://hooks.slack.com/…").doesNotContain("s3cr3t");
    assertThat(NotificationSettings.redact("http://127.0.0.1:8080/a/b?sig=s3cr3t"))
        .isEqualTo("http://127.0.0.1:8080/…");
    assertThatThrownBy(
            () -> new NotificationSettings("ftp://hooks.example/s3cr3t", null, null, null))
        .hasMessage(
            "notification webhook must be an http or https URL with a host, not ftp://hooks.example/…");
    assertThatThrownBy(
            () -> new NotificationSettings("https://hooks.example/a b s3cr3t", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("s3cr3t");
  }

  @Test
  void timeoutMustBePositive() {
    assertThatThrownBy(() -> new NotificationSettings(null, null, null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
