package dev.aiscan.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostRefTest {
  @Test
  void urlsAnywhereInALiteral() {
    assertThat(scan("https://api.openai.com/v1/chat")).containsExactly("api.openai.com||/v1/chat");
    assertThat(scan("curl -s http://localhost:11434/api/tags | jq"))
        .containsExactly("localhost|11434|/api/tags");
    assertThat(scan("a https://x.example.com, b wss://y.example.org:8443/s"))
        .containsExactly("x.example.com||", "y.example.org|8443|/s");
    assertThat(scan("https://user:secret@Res.OpenAI.Azure.com./openai?x=1"))
        .containsExactly("res.openai.azure.com||/openai");
  }

  @Test
  void bareHosts() {
    assertThat(scan("my-res.openai.azure.com")).containsExactly("my-res.openai.azure.com||");
    assertThat(scan(" localhost:11434 ")).containsExactly("localhost|11434|");
    assertThat(scan("hf.co/org/model")).containsExactly("hf.co||/org/model");
  }

  @Test
  void notHosts() {
    assertThat(scan("claude@example.com")).isEmpty();
    assertThat(scan("api.openai.com is down")).isEmpty();
    assertThat(scan("localhost")).isEmpty();
    assertThat(scan("ratio: 1:2")).isEmpty();
    assertThat(scan("://nothing")).isEmpty();
    assertThat(scan("-leading.dash.com")).isEmpty();
  }

  private static List<String> scan(String literal) {
    List<String> out = new ArrayList<>();
    HostRef.scan(
        literal,
        r -> out.add(r.host() + "|" + (r.port() == null ? "" : r.port()) + "|" + r.path()));
    return out;
  }
}
