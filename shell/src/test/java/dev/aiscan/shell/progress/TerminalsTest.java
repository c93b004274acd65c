package dev.aiscan.shell.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.shell.progress.ProgressReporter.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalsTest {
  private static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

  @Test
  void aiscanProgressWinsOverEverythingElse() {
    assertThat(Terminals.detect(env("off"), "true", true)).isEqualTo(Mode.OFF);
    assertThat(Terminals.detect(env("plain"), "true", true)).isEqualTo(Mode.PLAIN);
    assertThat(Terminals.detect(env("TTY"), "false", false)).isEqualTo(Mode.TTY);
    assertThat(Terminals.detect(env(" Plain "), null, true)).isEqualTo(Mode.PLAIN);
  }

  @Test
  void theRealDetectionHonoursAiscanProgress() {
    assertThat(Terminals.detect(Map.of(Terminals.PROGRESS_ENV, "off"))).isEqualTo(Mode.OFF);
    assertThat(Terminals.detect(Map.of(Terminals.PROGRESS_ENV, "tty"))).isEqualTo(Mode.TTY);
    assertThat(Terminals.detect(Map.of(Terminals.PROGRESS_ENV, "plain"))).isEqualTo(Mode.PLAIN);
  }

  @Test
  void anUnknownAiscanProgressIsIgnored() {
    assertThat(Terminals.detect(env("fancy"), "true", false)).isEqualTo(Mode.TTY);
    assertThat(Terminals.detect(env(""), null, false)).isEqualTo(Mode.PLAIN);
  }

  @Test
  void theLaunchersAnswerAboutStderrWinsOverTheConsole() {
    assertThat(Terminals.detect(Map.of(), "true", false)).isEqualTo(Mode.TTY);
    assertThat(Terminals.detect(XTERM, "false", true))
        .as("stderr redirected")
        .isEqualTo(Mode.PLAIN);
  }

  @Test
  void withoutTheLauncherAConsoleAndACapableTermMeanATerminal() {
    assertThat(Terminals.detect(XTERM, null, true)).isEqualTo(Mode.TTY);
    assertThat(Terminals.detect(Map.of("TERM", "dumb"), null, true)).isEqualTo(Mode.PLAIN);
    assertThat(Terminals.detect(Map.of(), null, true)).isEqualTo(Mode.PLAIN);
    assertThat(Terminals.detect(XTERM, null, false)).isEqualTo(Mode.PLAIN);
  }

  @Test
  void columnsComeFromTheEnvironment() {
    assertThat(Terminals.columns(Map.of("COLUMNS", "80"))).isEqualTo(80);
    assertThat(Terminals.columns(Map.of())).isEqualTo(ProgressReporter.DEFAULT_COLUMNS);
    assertThat(Terminals.columns(Map.of("COLUMNS", "wide"))).isEqualTo(100);
    assertThat(Terminals.columns(Map.of("COLUMNS", "0"))).isEqualTo(100);
  }

  private static Map<String, String> env(String progress) {
    return Map.of(Terminals.PROGRESS_ENV, progress, "TERM", "xterm");
  }
}
