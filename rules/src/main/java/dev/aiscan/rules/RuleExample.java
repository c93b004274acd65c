package dev.aiscan.rules;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import java.util.Map;
import java.util.Objects;

/**
 * A fact written next to a rule to show what it matches (positive) or must not match (negative).
 *
 * @param type the fact type
 * @param value the fact value
 * @param attributes the fact attributes ({@code language}, {@code ecosystem}, {@code context}, ...)
 * @param model for positive examples: the model name the finding must carry (rules with a {@code
 *     model} matcher, or cloud-resource and usage-event examples whose {@code model} attribute
 *     names it), or null
 * @param note why the example is there, or null
 */
public record RuleExample(
    FactType type, String value, Map<String, String> attributes, String model, String note) {

  /** The target every example fact belongs to. */
  public static final Target TARGET = new Target("rules:example", "example", "example", "example");

  public RuleExample {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * The example as a fact, at line 1 of a file named {@code example} (or a resource for cloud,
   * SaaS, usage, setting and API key facts).
   */
  public Fact toFact() {
    Location location =
        switch (type) {
          case CLOUD_RESOURCE, SAAS_APP, USAGE_EVENT, SETTING, API_KEY ->
              Location.resource("example");
          default -> Location.file("example", 1);
        };
    return new Fact(type, value, TARGET, location, attributes);
  }

  /** Does not print the value, which may be key-shaped. */
  @Override
  public String toString() {
    return type.wireName() + (note == null ? "" : " (" + note + ")");
  }
}
