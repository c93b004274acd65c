package dev.aiscan.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void fingerprintShowsOnlyTheEndsAndAShortHash() {
    String key = "sk-ant-api03-" + "a".repeat(80) + "XyZ9";

    String fp = Secrets.fingerprint(key);

    assertThat(fp).matches("sk-a…XyZ9 sha256:[0-9a-f]{8}");
    assertThat(Secrets.fingerprint(key)).isEqualTo(fp);
    assertThat(Secrets.fingerprint(key + "0")).isNotEqualTo(fp);
  }

  @Test
  void shortSecretsShowNoCharactersAtAll() {
    assertThat(Secrets.fingerprint("hunter2hunter")).matches("… sha256:[0-9a-f]{8}");
  }

  @Test
  void maskReplacesEveryMatchOfEveryPattern() {
    Secrets secrets =
        new Secrets(
            List.of(
                Pattern.compile("sk-[A-Za-z0-9]{20,}"), Pattern.compile("hf_[A-Za-z0-9]{30,}")));
    String openai = "sk-" + "Q".repeat(30);
    String hf = "hf_" + "w".repeat(34);

    String masked = secrets.mask("a=" + openai + "; b=" + hf + "; c=" + openai);

    assertThat(masked).doesNotContain(openai).doesNotContain(hf);
    assertThat(masked)
        .startsWith("a=[redacted sk-Q…QQQQ sha256:")
        .contains("; b=[redacted hf_w…wwww sha256:");
  }
}
