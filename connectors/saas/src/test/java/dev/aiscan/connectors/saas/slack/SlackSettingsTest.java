package dev.aiscan.connectors.saas.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code connectors.slack.max-retries}: SaasHttp's 3 unless set, 0 to 10. */
class SlackSettingsTest {
  static Settings settings(String... more) {
    Map<String, String> s = new HashMap<>();
    s.put("connectors.slack.token", SlackConnectorTest.TOKEN);
    for (int i = 0; i + 1 < more.length; i += 2) {
      s.put(more[i], more[i + 1]);
    }
    return Settings.of(s);
  }

  @Test
  void maxRetriesIsThreeUnlessSet() {
    assertThat(SlackSettings.from(settings()).maxRetries()).isEqualTo(3);
    assertThat(SlackSettings.from(settings("connectors.slack.max-retries", " ")).maxRetries())
        .isEqualTo(3);
  }

  @Test
  void maxRetriesIsReadFromZeroToTen() {
    assertThat(SlackSettings.from(settings("connectors.slack.max-retries", "0")).maxRetries())
        .isZero();
    assertThat(SlackSettings.from(settings("connectors.slack.max-retries", " 1 ")).maxRetries())
        .isEqualTo(1);
    assertThat(SlackSettings.from(settings("connectors.slack.max-retries", "10")).maxRetries())
        .isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"many", "-1", "11", "1.5"})
  void aBadMaxRetriesIsOneLineNamingTheKey(String bad) {
    assertThatThrownBy(() -> SlackSettings.from(settings("connectors.slack.max-retries", bad)))
        .isInstanceOf(ScanException.class)
        .hasMessage("connectors.slack.max-retries: not a number from 0 to 10: " + bad);
  }

  @Test
  void neverPrintsTheToken() {
    SlackSettings s = SlackSettings.from(settings("connectors.slack.max-retries", "2"));
    assertThat(s.toString())
        .doesNotContain(SlackConnectorTest.TOKEN)
        .isEqualTo("SlackSettings[https://slack.com/api, PT30S, retries 2]");
  }
}
