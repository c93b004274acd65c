package dev.aiscan.rules.internal;

import dev.aiscan.core.model.Fact;
import java.util.regex.Pattern;

/**
 * Short, human evidence for a finding: {@code import openai}, {@code env OPENAI_API_KEY}, {@code
 * OpenAiChatModel.builder().modelName("gpt-4o-mini")}. Callers mask secrets before a literal is
 * cut, so that a cut never leaves part of a key behind.
 */
public final class Evidence {
  public static final int MAX = 160;
  private static final int MAX_PREFIX = 64;
  private static final String ELLIPSIS = "…";
  private static final Pattern COUNT = Pattern.compile("[0-9]+");
  private static final Pattern ISO_DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T");

  /** Attributes of {@code api-key} facts (docs/facts.md). */
  static final String OWNER = "owner";

  static final String LAST_USED = "last-used";

  private Evidence() {}

  /** Evidence for facts other than string literals. */
  public static String of(Fact fact) {
    String v = fact.value();
    String text =
        switch (fact.type()) {
          case IMPORT -> "import " + v;
          case PACKAGE -> packageEvidence(fact);
          case TYPE_REFERENCE -> "type " + v;
          case ANNOTATION -> "@" + v;
          case CALL -> callEvidence(fact);
          case CONFIG_KEY -> v;
          case ENV_VAR -> "env " + v;
          case CONTAINER_IMAGE -> "image " + v;
          case FILE -> "file " + v;
          case MODEL_FILE -> v + " model file" + size(fact.attribute(Fact.Attr.SIZE));
          case CLOUD_RESOURCE -> resourceEvidence(fact);
          case SAAS_APP -> "SaaS app " + v;
          case STRING_LITERAL -> '"' + v + '"';
          case USAGE_EVENT -> usageEvidence(fact);
          case API_KEY -> apiKeyEvidence(fact);
          case SETTING -> settingEvidence(fact);
        };
    return cut(text);
  }

  /**
   * Evidence for a match in a string literal: the literal quoted (a window around the match when
   * long), after the call chain ({@code X.builder().model("...")}) or key ({@code key = "..."}) it
   * belongs to.
   *
   * @param display the literal text, already masked when it may hold a secret
   * @param matchStart where the match starts in {@code display}, or -1 if unknown
   * @param matchLength length of the match
   */
  public static String literal(Fact fact, String display, int matchStart, int matchLength) {
    String context = fact.attribute(Fact.Attr.CONTEXT);
    String key = fact.attribute(Fact.Attr.KEY);
    String open;
    String close;
    if (context != null && !context.isBlank()) {
      open = tail(context) + "(\"";
      close = "\")";
    } else if (key != null && !key.isBlank()) {
      open = tail(key) + " = \"";
      close = "\"";
    } else {
      open = "\"";
      close = "\"";
    }
    int budget = MAX - open.length() - close.length();
    return open + window(display, Math.max(matchStart, 0), matchLength, budget) + close;
  }

  /** A window of at most {@code budget} characters of {@code s} that shows the match. */
  static String window(String s, int start, int length, int budget) {
    if (s.length() <= budget) {
      return s;
    }
    int room = budget - 2;
    int from = Math.max(0, start - Math.max(0, (room - length) / 2));
    int to = Math.min(s.length(), from + room);
    from = Math.max(0, to - room);
    return (from > 0 ? ELLIPSIS : "") + s.substring(from, to) + (to < s.length() ? ELLIPSIS : "");
  }

  public static String cut(String s) {
    return s.length() <= MAX ? s : s.substring(0, MAX - 1) + ELLIPSIS;
  }

  private static String tail(String s) {
    return s.length() <= MAX_PREFIX ? s : ELLIPSIS + s.substring(s.length() - MAX_PREFIX + 1);
  }

  private static String packageEvidence(Fact fact) {
    String eco = fact.attribute(Fact.Attr.ECOSYSTEM);
    String version = fact.attribute(Fact.Attr.VERSION);
    return "package "
        + fact.value()
        + (version == null ? "" : " " + version)
        + (eco == null ? "" : " (" + eco + ")");
  }

  /** {@code resource AWS::Bedrock::Agent support-bot}: the type, and the name when known. */
  private static String resourceEvidence(Fact fact) {
    String name = fact.attribute(Fact.Attr.NAME);
    return "resource " + fact.value() + (name == null || name.isBlank() ? "" : " " + name.strip());
  }

  /**
   * {@code bedrock:InvokeModel ×42 by arn:aws:iam::123456789012:role/app}: the action, how many
   * calls (when a count is given) and who made them (when known).
   */
  private static String usageEvidence(Fact fact) {
    String count = fact.attribute(Fact.Attr.COUNT);
    String principal = fact.attribute(Fact.Attr.PRINCIPAL);
    StringBuilder s = new StringBuilder(fact.value());
    if (count != null && COUNT.matcher(count.strip()).matches()) {
      s.append(" ×").append(count.strip());
    }
    if (principal != null && !principal.isBlank()) {
      s.append(" by ").append(principal.strip());
    }
    String region = fact.attribute(Fact.Attr.REGION);
    if (region != null && !region.isBlank()) {
      s.append(" in ").append(region.strip().replace(",", ", "));
    }
    return s.toString();
  }

  /**
   * {@code API key Developer Key (sk-ant-api03-R2D...igAA) in workspace Research, owner
   * alice@example.com, last used 2025-08-01}: the key's name and hint, and what the provider says
   * of where it lives, who owns it and when it was last used. Anthropic calls its projects
   * workspaces.
   */
  private static String apiKeyEvidence(Fact fact) {
    String name = fact.attribute(Fact.Attr.NAME);
    StringBuilder s = new StringBuilder("API key ");
    if (name == null || name.isBlank()) {
      s.append(fact.value());
    } else {
      s.append(name.strip()).append(" (").append(fact.value()).append(')');
    }
    String project = fact.attribute(Fact.Attr.PROJECT);
    if (project != null && !project.isBlank()) {
      boolean workspace = "anthropic".equalsIgnoreCase(fact.attribute(Fact.Attr.ORIGIN));
      s.append(workspace ? " in workspace " : " in project ").append(project.strip());
    }
    String owner = fact.attribute(OWNER);
    if (owner != null && !owner.isBlank()) {
      s.append(", owner ").append(owner.strip());
    }
    String lastUsed = fact.attribute(LAST_USED);
    if (lastUsed != null && !lastUsed.isBlank()) {
      String day = lastUsed.strip();
      s.append(", last used ")
          .append(ISO_DAY.matcher(day).lookingAt() ? day.substring(0, 10) : day);
    }
    return s.toString();
  }

  /** {@code setting bedrock:model-invocation-logging = off}, or without a state when unknown. */
  private static String settingEvidence(Fact fact) {
    String state = fact.attribute(Fact.Attr.STATE);
    return "setting " + fact.value() + (state == null || state.isBlank() ? "" : " = " + state);
  }

  private static String callEvidence(Fact fact) {
    String context = fact.attribute(Fact.Attr.CONTEXT);
    if (context != null && !context.isBlank()) {
      return tail(context) + "(…)";
    }
    String receiver = fact.attribute(Fact.Attr.RECEIVER);
    return (receiver == null ? "" : Names.simpleName(receiver) + ".") + fact.value() + "(…)";
  }

  private static String size(String bytes) {
    if (bytes == null) {
      return "";
    }
    try {
      double b = Long.parseLong(bytes);
      String[] units = {"B", "KB", "MB", "GB", "TB"};
      int u = 0;
      while (b >= 1024 && u < units.length - 1) {
        b /= 1024;
        u++;
      }
      return u == 0
          ? " (" + (long) b + " B)"
          : String.format(java.util.Locale.ROOT, " (%.1f %s)", b, units[u]);
    } catch (NumberFormatException e) {
      return "";
    }
  }
}
