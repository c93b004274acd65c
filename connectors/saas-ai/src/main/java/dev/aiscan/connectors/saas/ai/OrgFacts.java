package dev.aiscan.connectors.saas.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of one AI provider organisation, located under {@code <origin>:<org>/...}: its projects
 * or workspaces ({@code cloud-resource}), its API keys by the provider's redacted hint ({@code
 * api-key}, never a secret) and its usage ({@code usage-event}, see {@link UsageTally}).
 */
final class OrgFacts {
  /** Attributes of {@code api-key} facts beyond {@link Fact.Attr} (docs/facts.md). */
  static final String OWNER = "owner";

  static final String CREATED = "created";
  static final String LAST_USED = "last-used";

  /** Attributes of usage events from token-metered reports. */
  static final String INPUT_TOKENS = "input-tokens";

  static final String OUTPUT_TOKENS = "output-tokens";

  private final Target target;
  private final CollectContext context;
  private final String origin;

  /**
   * @param origin the provider, {@code openai} or {@code anthropic}: the facts' {@code origin} and
   *     the scheme of their locations
   */
  OrgFacts(Target target, CollectContext context, String origin) {
    this.target = target;
    this.context = context;
    this.origin = origin;
  }

  /** {@code openai:org-acme}: the organisation's own location, and the prefix of all others. */
  String org() {
    return origin + ":" + target.location();
  }

  /** A project or workspace of type {@code type} ({@code OpenAI::Project}). */
  void resource(String type, String resource, String name, String state, String created) {
    Map<String, String> attrs = attrs();
    put(attrs, Fact.Attr.NAME, name);
    put(attrs, Fact.Attr.STATE, state);
    put(attrs, CREATED, created);
    emit(FactType.CLOUD_RESOURCE, type, resource, attrs);
  }

  /** An API key by its redacted {@code hint}; nothing when the provider gave none. */
  void key(String hint, String resource, Map<String, String> details) {
    if (hint == null || hint.isBlank()) {
      return;
    }
    Map<String, String> attrs = attrs();
    details.forEach((k, v) -> put(attrs, k, v));
    emit(FactType.API_KEY, hint.strip(), resource, attrs);
  }

  /** Emits the usage events of {@code tally}. */
  void usage(UsageTally tally) {
    tally.forEach(
        (action, principal, attrs) -> {
          Map<String, String> all = attrs();
          all.put(Fact.Attr.PRINCIPAL, principal);
          all.putAll(attrs);
          emit(FactType.USAGE_EVENT, action, principal, all);
        });
  }

  private Map<String, String> attrs() {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(Fact.Attr.ORIGIN, origin);
    return attrs;
  }

  private void emit(FactType type, String value, String resource, Map<String, String> attrs) {
    context.emit(new Fact(type, value, target, Location.resource(resource), attrs));
    context.progress(1);
  }

  static void put(Map<String, String> attrs, String key, String value) {
    if (value != null && !value.isBlank()) {
      attrs.put(key, value.strip());
    }
  }

  /** A text field, or null when absent or JSON null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  /** An instant given as Unix seconds (OpenAI), as ISO-8601; null when absent. */
  static String unix(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.canConvertToLong() ? Instant.ofEpochSecond(v.asLong()).toString() : null;
  }

  /** An RFC 3339 instant (Anthropic) as an {@link Instant}; null when absent or unreadable. */
  static Instant instant(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(rfc3339.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
