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
 * @param model for positive examples of model rules: the model name the finding must carry, or null
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
   * The example as a fact, at line 1 of a file named {@code example} (or a resource for cloud
   * facts).
   */
  public Fact toFact() {
    Location location =
        type == FactType.CLOUD_RESOURCE || type == FactType.SAAS_APP
            ? Location.resource("example")
            : Location.file("example", 1);
    return new Fact(type, value, TARGET, location, attributes);
  }

  /** Does not print the value, which may be key-shaped. */
  @Override
  public String toString() {
    return type.wireName() + (note == null ? "" : " (" + note + ")");
  }
}
