package dev.aiscan.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final String KEY = "connectors.source.file-timeout";
  private static final Duration DEFAULT = Duration.ofSeconds(60);

  private static Duration duration(String value) {
    return Settings.of(Map.of(KEY, value)).duration(KEY, DEFAULT);
  }

  @Test
  void durationsAreSecondsOrMillisecondsAsTheConfigurationDocumentsThem() {
    assertThat(duration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(duration(" 45 ")).isEqualTo(Duration.ofSeconds(45));
    assertThat(duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(duration("2S")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Settings.empty().duration(KEY, DEFAULT)).isEqualTo(DEFAULT);
  }

  @Test
  void anythingElseIsOneLineNamingTheKey() {
    for (String bad : new String[] {"forever", "0", "-5s", "1.5s", "", "10 minutes"}) {
      assertThatThrownBy(() -> duration(bad))
          .as(bad)
          .isInstanceOf(ScanException.class)
          .hasMessage(KEY + ": not a duration (30s, 500ms): " + bad);
    }
  }

  @Test
  void secondsMayHaveFractionsAndMustBePositive() {
    Settings s = Settings.of(Map.of("a", "0.5", "b", " 30 ", "c", "0", "d", "soon", "e", "-1"));
    assertThat(s.seconds("a", DEFAULT)).isEqualTo(Duration.ofMillis(500));
    assertThat(s.seconds("b", DEFAULT)).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.seconds("unset", DEFAULT)).isEqualTo(DEFAULT);
    for (String bad : new String[] {"c", "d", "e"}) {
      assertThatThrownBy(() -> s.seconds(bad, DEFAULT))
          .isInstanceOf(ScanException.class)
          .hasMessage(
              bad + ": not a positive number of seconds: " + s.get(bad).orElseThrow().strip());
    }
  }

  @Test
  void sizesTakeBinaryUnits() {
    Settings s = Settings.of(Map.of("a", "512k", "b", "5m", "c", "1g", "d", "100"));
    assertThat(s.bytes("a", 0)).isEqualTo(512L << 10);
    assertThat(s.bytes("b", 0)).isEqualTo(5L << 20);
    assertThat(s.bytes("c", 0)).isEqualTo(1L << 30);
    assertThat(s.bytes("d", 0)).isEqualTo(100);
    assertThatThrownBy(() -> Settings.of(Map.of("e", "lots")).bytes("e", 0))
        .hasMessage("e: not a size: lots");
  }
}
