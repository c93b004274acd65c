package dev.aiscan.shell.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiscan.shell.notify.ShadowAlert.NewShadowAsset;
import java.util.List;

/**
 * The JSON of an alert: Slack's Block Kit message, a Teams Adaptive Card message and the JSON Lines
 * record. Built from the alert's asset-level fields only.
 */
final class AlertPayloads {
  /** Slack refuses a header over 150 characters and a section text over 3000. */
  static final int SLACK_HEADER_MAX = 150;

  static final int SLACK_SECTION_MAX = 3000;

  /** Targets named before the rest are only counted: an organisation scan may have hundreds. */
  static final int MAX_TARGETS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertPayloads() {}

  /** A Slack incoming-webhook message: the plain-text fallback, a header and one mrkdwn section. */
  static ObjectNode slack(ShadowAlert alert) {
    ObjectNode message = JSON.createObjectNode();
    message.put("text", slackEscape(alert.text()));
    ArrayNode blocks = message.putArray("blocks");

    ObjectNode header = blocks.addObject().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", truncate(title(alert), SLACK_HEADER_MAX));

    StringBuilder section = new StringBuilder(slackEscape(context(alert)));
    for (NewShadowAsset a : alert.listed()) {
      section.append("\n• ").append(slackEscape(a.summary()));
    }
    if (!alert.overflow().isEmpty()) {
      section.append('\n').append(alert.overflow());
    }
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", truncate(section.toString(), SLACK_SECTION_MAX));
    return message;
  }

  /**
   * A Teams Workflows message: one Adaptive Card (1.4) with a title, the scan context and a fact
   * set per asset.
   */
  static ObjectNode teams(ShadowAlert alert) {
    ObjectNode message = JSON.createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard")
        .put("version", "1.4");
    ArrayNode body = card.putArray("body");
    textBlock(body, title(alert)).put("size", "Large").put("weight", "Bolder");
    textBlock(body, context(alert)).put("isSubtle", true);
    for (NewShadowAsset a : alert.listed()) {
      textBlock(body, a.name()).put("weight", "Bolder").put("spacing", "Medium");
      ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
      fact(facts, "Provider", a.provider());
      fact(facts, "Kind", a.kind());
      fact(facts, "Target", a.target());
      fact(facts, "Findings", Integer.toString(a.findings()));
      if (!a.models().isEmpty()) {
        fact(facts, "Models", models(a.models()));
      }
    }
    if (!alert.overflow().isEmpty()) {
      textBlock(body, alert.overflow());
    }
    return message;
  }

  /** The JSON Lines record of an alert: every new shadow asset, not only those a chat lists. */
  static ObjectNode line(ShadowAlert alert) {
    ObjectNode line = JSON.createObjectNode();
    line.put("scanId", alert.scanId());
    line.put("finished", alert.finished() == null ? null : alert.finished().toString());
    line.put("previousScan", alert.previousScan());
    ArrayNode targets = line.putArray("targets");
    alert.targets().forEach(targets::add);
    line.put("shadowTotal", alert.shadowTotal());
    ArrayNode assets = line.putArray("newShadow");
    for (NewShadowAsset a : alert.newShadow()) {
      ObjectNode asset =
          assets
              .addObject()
              .put("provider", a.provider())
              .put("kind", a.kind())
              .put("name", a.name())
              .put("target", a.target());
      ArrayNode models = asset.putArray("models");
      a.models().forEach(models::add);
      asset.put("findings", a.findings());
    }
    line.put("text", alert.text());
    return line;
  }

  /** Compact JSON: one line, as JSON Lines and a small request body want. */
  static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; this would be a Jackson bug.
      throw new IllegalStateException("cannot write notification JSON", e);
    }
  }

  static String title(ShadowAlert alert) {
    int n = alert.newShadow().size();
    return n + " new shadow AI " + (n == 1 ? "asset" : "assets");
  }

  /** Scan id, when it finished, what it scanned and the shadow total, in one sentence. */
  static String context(ShadowAlert alert) {
    List<String> targets = alert.targets();
    String named = String.join(", ", targets.subList(0, Math.min(MAX_TARGETS, targets.size())));
    if (targets.size() > MAX_TARGETS) {
      named += " and " + (targets.size() - MAX_TARGETS) + " more";
    }
    return "aiscan scan "
        + alert.scanId()
        + (alert.finished() == null ? "" : " finished " + alert.finished())
        + (targets.isEmpty()
            ? ""
            : " (" + ShadowAlert.plural(targets.size(), "target") + ": " + named + ")")
        + (alert.previousScan() == null
            ? ", the first scan of these targets"
            : ", compared with scan " + alert.previousScan())
        + ": "
        + ShadowAlert.plural(alert.shadowTotal(), "shadow AI asset")
        + " in total.";
  }

  private static String models(List<String> models) {
    String shown =
        String.join(", ", models.subList(0, Math.min(ShadowAlert.MAX_MODELS, models.size())));
    return models.size() > ShadowAlert.MAX_MODELS
        ? shown + " and " + (models.size() - ShadowAlert.MAX_MODELS) + " more"
        : shown;
  }

  private static ObjectNode textBlock(ArrayNode body, String text) {
    return body.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.addObject().put("title", title).put("value", value);
  }

  /** Slack reads {@code &}, {@code <} and {@code >} as markup: they must be escaped. */
  static String slackEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
