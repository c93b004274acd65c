package dev.aiscan.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.rules.Rule;
import dev.aiscan.rules.RuleExample;
import dev.aiscan.rules.RuleFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a schema-valid pack tree into compiled rules and checks what the schema cannot: regexes
 * compile and have prefilter tokens, key-format and api-key matchers only in credential rules,
 * expected models only on positive examples of rules that have a matcher that can name one ({@code
 * model}, {@code cloud-resource}, {@code usage-event}).
 */
public final class RuleReader {
  /** Example fields that are shorthands for fact attributes. */
  private static final List<String> SHORTHANDS =
      List.of("language", "ecosystem", "receiver", "context", "key");

  private RuleReader() {}

  /**
   * A schema-valid pack tree as a {@link Pack}.
   *
   * @param builtIn whether the pack ships in the rules jar
   * @param providers the known provider ids, which built-in rules must use; null: any
   */
  public static Pack read(String file, JsonNode root, boolean builtIn, Set<String> providers) {
    String pack = root.path("pack").asText();
    List<CompiledRule> rules = new ArrayList<>();
    for (JsonNode r : root.path("rules")) {
      if (builtIn && providers != null && !providers.contains(r.get("provider").asText())) {
        throw error(
            file,
            r.get("provider"),
            PackReader.line(r, 1),
            r.get("id").asText(),
            "unknown provider '"
                + r.get("provider").asText()
                + "' (built-in rules use the ids in providers.txt)");
      }
      rules.add(rule(file, pack, r, builtIn));
    }
    List<Pack.Disable> disables = new ArrayList<>();
    int line = PackReader.line(root.get("disable"), 1);
    for (JsonNode d : root.path("disable")) {
      disables.add(new Pack.Disable(d.asText(), file + ":" + PackReader.line(d, line)));
    }
    return new Pack(file, pack, builtIn, rules, disables);
  }

  private static CompiledRule rule(String file, String pack, JsonNode node, boolean builtIn) {
    String id = node.get("id").asText();
    int line = PackReader.line(node, 1);
    List<String> kinds = new ArrayList<>();
    node.get("match").forEach(m -> kinds.add(m.fieldNames().next()));
    JsonNode examples = node.get("examples");
    Rule rule =
        new Rule(
            id,
            pack,
            file + ":" + line,
            node.get("provider").asText(),
            Category.fromWire(node.get("category").asText()),
            Confidence.fromWire(node.get("confidence").asText()),
            node.get("title").asText(),
            node.get("description").asText().strip(),
            MatcherReader.strings(node, "references"),
            MatcherReader.strings(node, "iso42001"),
            kinds.stream().distinct().toList(),
            examples(examples.get("positive")),
            examples(examples.get("negative")),
            origin(node, builtIn));
    MatcherReader reader = new MatcherReader(file, rule);
    List<MatcherSpec> matchers = new ArrayList<>();
    boolean hasModelMatcher = false;
    for (JsonNode m : node.get("match")) {
      MatcherSpec spec = reader.read(m);
      // cloud resources and usage events carry their model in the fact's model attribute
      hasModelMatcher |=
          spec instanceof MatcherSpec.CloudResource || spec instanceof MatcherSpec.UsageEvent;
      if (spec instanceof MatcherSpec.Regex r) {
        if (r.kind() == MatcherSpec.RegexKind.KEY_FORMAT
            && rule.category() != Category.CREDENTIAL) {
          throw error(
              file, m, line, id, "key-format matchers belong in rules of category credential");
        }
        hasModelMatcher |= r.kind() == MatcherSpec.RegexKind.MODEL;
      }
      if (spec instanceof MatcherSpec.ApiKey && rule.category() != Category.CREDENTIAL) {
        throw error(file, m, line, id, "api-key matchers belong in rules of category credential");
      }
      matchers.add(spec);
    }
    checkExampleModels(file, line, id, examples, hasModelMatcher);
    return new CompiledRule(rule, matchers);
  }

  private static Rule.Origin origin(JsonNode node, boolean builtIn) {
    if (node.path("override").asBoolean(false)) {
      return Rule.Origin.OVERRIDE; // in a built-in pack, the assembler rejects it
    }
    return builtIn ? Rule.Origin.BUILT_IN : Rule.Origin.CUSTOM;
  }

  private static void checkExampleModels(
      String file, int line, String id, JsonNode examples, boolean hasModelMatcher) {
    for (JsonNode e : examples.get("negative")) {
      if (e.has("model")) {
        throw error(file, e, line, id, "negative examples cannot name a model");
      }
    }
    for (JsonNode e : examples.get("positive")) {
      if (e.has("model") && !hasModelMatcher) {
        throw error(
            file,
            e,
            line,
            id,
            "example names a model but the rule has no model, cloud-resource or usage-event"
                + " matcher");
      }
    }
  }

  private static List<RuleExample> examples(JsonNode list) {
    List<RuleExample> out = new ArrayList<>();
    for (JsonNode e : list) {
      Map<String, String> attributes = new LinkedHashMap<>();
      JsonNode attrs = e.path("attributes");
      attrs.fieldNames().forEachRemaining(name -> attributes.put(name, attrs.get(name).asText()));
      for (String s : SHORTHANDS) {
        if (e.has(s)) {
          attributes.put(s, e.get(s).asText());
        }
      }
      FactType type = factType(e.get("type").asText());
      String value = e.get("value").asText();
      if (type == FactType.FILE && !attributes.containsKey(Fact.Attr.NAME)) {
        // a file fact always carries its file name; examples may leave it implicit
        attributes.put(Fact.Attr.NAME, value.substring(value.lastIndexOf('/') + 1));
      }
      out.add(
          new RuleExample(
              type,
              value,
              attributes,
              e.has("model") ? e.get("model").asText() : null,
              e.has("note") ? e.get("note").asText() : null));
    }
    return out;
  }

  static FactType factType(String wire) {
    for (FactType t : FactType.values()) {
      if (t.wireName().equals(wire)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown fact type " + wire);
  }

  private static RuleFormatException error(
      String file, JsonNode at, int fallback, String id, String message) {
    return new RuleFormatException(
        file + ":" + PackReader.line(at, fallback) + ": rule " + id + ": " + message);
  }
}
