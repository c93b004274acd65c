package dev.aiscan.shell.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink: one JSON object per line, appended. */
class NotifierFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Notifier notifier = Notifier.create();

  @Test
  void twoSendsAppendTwoLinesThatParseBack(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("notify/deep/alerts.jsonl");
    NotificationSettings settings = new NotificationSettings(null, null, file, null);

    assertThat(notifier.send(Alerts.alert(), settings)).isEmpty();
    assertThat(notifier.send(Alerts.many(2), settings)).isEmpty();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("scanId").asText()).isEqualTo("20261126T194031Z-97378c");
    assertThat(first.get("finished").asText()).isEqualTo("2026-11-26T19:41:02Z");
    assertThat(first.get("shadowTotal").asLong()).isEqualTo(3);
    assertThat(first.get("text").asText()).isEqualTo(Alerts.alert().text());
    JsonNode openai = first.get("newShadow").get(1);
    assertThat(openai.get("provider").asText()).isEqualTo("openai");
    assertThat(openai.get("kind").asText()).isEqualTo("ai-integration");
    assertThat(openai.get("name").asText()).isEqualTo("openai in shop");
    assertThat(openai.get("target").asText()).isEqualTo("shop");
    assertThat(openai.get("models").get(0).asText()).isEqualTo("gpt-4o");
    assertThat(openai.get("findings").asInt()).isEqualTo(2);
    assertThat(JSON.readTree(lines.get(1)).get("scanId").asText()).isEqualTo("s-many");
    assertThat(Files.readString(file)).doesNotContain(Alerts.CANARY).doesNotContain("c0ffee42");
  }

  @Test
  void theFileKeepsEveryAssetNotOnlyTheTwentyListed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("alerts.jsonl");

    notifier.send(Alerts.many(25), new NotificationSettings(null, null, file, null));

    assertThat(JSON.readTree(Files.readString(file)).get("newShadow")).hasSize(25);
  }

  @Test
  void anUnwritablePathIsAWarningNamingIt(@TempDir Path dir) throws IOException {
    Path regular = Files.writeString(dir.resolve("not-a-directory"), "x");
    Path file = regular.resolve("alerts.jsonl");

    List<String> warnings =
        notifier.send(Alerts.alert(), new NotificationSettings(null, null, file, null));

    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("notification file " + file + ": cannot write it (");
    assertThat(Files.readString(regular)).isEqualTo("x");
  }

  @Test
  void nothingIsWrittenWithoutNewShadowAi(@TempDir Path dir) {
    Path file = dir.resolve("alerts.jsonl");

    assertThat(notifier.send(Alerts.many(0), new NotificationSettings(null, null, file, null)))
        .isEmpty();

    assertThat(file).doesNotExist();
  }
}
