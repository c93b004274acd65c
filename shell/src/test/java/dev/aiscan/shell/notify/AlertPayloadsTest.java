package dev.aiscan.shell.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiscan.shell.notify.ShadowAlert.NewShadowAsset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Slack and Teams would refuse or misread never leaves: markup and oversized blocks. */
class AlertPayloadsTest {

  @Test
  void slackMarkupCharactersAreEscaped() {
    ShadowAlert alert =
        new ShadowAlert(
            "s1",
            Alerts.FINISHED,
            null,
            List.of("r&d"),
            1,
            List.of(
                new NewShadowAsset(
                    "openai", "ai-integration", "openai in <!channel> r&d", "r&d", List.of(), 1)));

    ObjectNode slack = AlertPayloads.slack(alert);

    String section = slack.at("/blocks/1/text/text").asText();
    assertThat(section)
        .contains("openai in &lt;!channel&gt; r&amp;d")
        .contains("the first scan of these targets")
        .doesNotContain("<!channel>");
    assertThat(slack.get("text").asText()).doesNotContain("<!channel>");
  }

  @Test
  void slackBlocksStayWithinTheirLimits() {
    List<NewShadowAsset> assets = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      assets.add(
          new NewShadowAsset(
              "openai", "ai-integration", "openai in " + "x".repeat(200) + i, "t", List.of(), 1));
    }
    ShadowAlert alert = new ShadowAlert("s1", Alerts.FINISHED, "s0", List.of("t"), 40, assets);

    JsonNode blocks = AlertPayloads.slack(alert).get("blocks");

    assertThat(blocks.get(0).at("/text/text").asText()).hasSizeLessThanOrEqualTo(150);
    assertThat(blocks.get(1).at("/text/text").asText())
        .hasSize(AlertPayloads.SLACK_SECTION_MAX)
        .endsWith("…");
  }

  @Test
  void teamsListsTwentyAssetsThenCountsTheRest() {
    JsonNode body = AlertPayloads.teams(Alerts.many(23)).at("/attachments/0/content/body");

    List<String> types = new ArrayList<>();
    body.forEach(b -> types.add(b.get("type").asText()));
    assertThat(types.stream().filter("FactSet"::equals)).hasSize(20);
    assertThat(body.get(body.size() - 1).get("text").asText()).isEqualTo("… and 3 more");
  }

  @Test
  void manyTargetsAreCounted() {
    List<String> targets = List.of("a", "b", "c", "d", "e", "f", "g");
    ShadowAlert alert =
        new ShadowAlert("s1", Alerts.FINISHED, "s0", targets, 1, Alerts.many(1).newShadow());

    assertThat(AlertPayloads.context(alert)).contains("(7 targets: a, b, c, d, e and 2 more)");
  }
}
