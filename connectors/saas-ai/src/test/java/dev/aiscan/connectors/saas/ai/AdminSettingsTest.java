package dev.aiscan.connectors.saas.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code connectors.openai.max-retries} and {@code connectors.anthropic.max-retries}: SaasHttp's 3
 * unless set, 0 to 10, each read under its own connector's key.
 */
class AdminSettingsTest {
  /** The two connectors, their keys and how they read their settings. */
  enum Kind {
    OPENAI("openai", OpenAiConnectorTest.TOKEN, OpenAiTargets::settings),
    ANTHROPIC("anthropic", AnthropicConnectorTest.TOKEN, AnthropicTargets::settings);

    final String prefix;
    final String token;
    final Function<Settings, AdminSettings> read;

    Kind(String kind, String token, Function<Settings, AdminSettings> read) {
      this.prefix = "connectors." + kind + ".";
      this.token = token;
      this.read = read;
    }

    AdminSettings with(String... more) {
      Map<String, String> s = new HashMap<>();
      s.put(prefix + "token", token);
      for (int i = 0; i + 1 < more.length; i += 2) {
        s.put(prefix + more[i], more[i + 1]);
      }
      return read.apply(Settings.of(s));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void maxRetriesIsThreeUnlessSet(Kind kind) {
    assertThat(kind.with().maxRetries()).isEqualTo(3);
    assertThat(kind.with("max-retries", " ").maxRetries()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void maxRetriesIsReadFromZeroToTenAndPrintedWithoutTheKey(Kind kind) {
    assertThat(kind.with("max-retries", "0").maxRetries()).isZero();
    assertThat(kind.with("max-retries", "10").maxRetries()).isEqualTo(10);
    AdminSettings one = kind.with("max-retries", " 1 ");
    assertThat(one.maxRetries()).isEqualTo(1);
    assertThat(one.toString()).contains("retries 1").doesNotContain(kind.token);
    // the other connector's key is not this one's
    Kind other = kind == Kind.OPENAI ? Kind.ANTHROPIC : Kind.OPENAI;
    Map<String, String> s = new HashMap<>();
    s.put(kind.prefix + "token", kind.token);
    s.put(other.prefix + "max-retries", "1");
    assertThat(kind.read.apply(Settings.of(s)).maxRetries()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource({
    "OPENAI, many",
    "OPENAI, -1",
    "OPENAI, 11",
    "ANTHROPIC, 1.5",
    "ANTHROPIC, 11",
    "ANTHROPIC, many"
  })
  void aBadMaxRetriesIsOneLineNamingTheKey(Kind kind, String bad) {
    assertThatThrownBy(() -> kind.with("max-retries", bad))
        .isInstanceOf(ScanException.class)
        .hasMessage(kind.prefix + "max-retries: not a number from 0 to 10: " + bad);
  }
}
