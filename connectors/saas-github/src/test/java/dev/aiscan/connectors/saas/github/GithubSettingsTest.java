package dev.aiscan.connectors.saas.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code connectors.github.max-retries}: SaasHttp's 3 unless set, 0 to 10. */
class GithubSettingsTest {
  static Settings settings(String... more) {
    Map<String, String> s = new HashMap<>();
    s.put("connectors.github.token", GithubConnectorTest.TOKEN);
    s.put("connectors.github.org", GithubConnectorTest.ORG);
    for (int i = 0; i + 1 < more.length; i += 2) {
      s.put(more[i], more[i + 1]);
    }
    return Settings.of(s);
  }

  @Test
  void maxRetriesIsThreeUnlessSet() {
    assertThat(GithubSettings.from(settings()).maxRetries()).isEqualTo(3);
    assertThat(GithubSettings.from(settings("connectors.github.max-retries", " ")).maxRetries())
        .isEqualTo(3);
  }

  @Test
  void maxRetriesIsReadFromZeroToTen() {
    assertThat(GithubSettings.from(settings("connectors.github.max-retries", "0")).maxRetries())
        .isZero();
    assertThat(GithubSettings.from(settings("connectors.github.max-retries", " 1 ")).maxRetries())
        .isEqualTo(1);
    assertThat(GithubSettings.from(settings("connectors.github.max-retries", "10")).maxRetries())
        .isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"many", "-1", "11", "1.5"})
  void aBadMaxRetriesIsOneLineNamingTheKey(String bad) {
    assertThatThrownBy(() -> GithubSettings.from(settings("connectors.github.max-retries", bad)))
        .isInstanceOf(ScanException.class)
        .hasMessage("connectors.github.max-retries: not a number from 0 to 10: " + bad);
  }

  @Test
  void neverPrintsTheToken() {
    GithubSettings s = GithubSettings.from(settings());
    assertThat(s.toString())
        .doesNotContain(GithubConnectorTest.TOKEN)
        .isEqualTo(
            "GithubSettings["
                + GithubConnectorTest.ORG
                + ", https://api.github.com/, PT30S, retries 3]");
  }
}
