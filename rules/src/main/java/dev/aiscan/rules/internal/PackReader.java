package dev.aiscan.rules.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import dev.aiscan.rules.RuleFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one rule pack: YAML into a tree whose nodes know their line, then validation against the
 * pack schema ({@code rule-pack.schema.json}). Every failure is a {@link RuleFormatException} with
 * a one-line {@code file:line: message}. Not thread-safe; use one per load.
 */
public final class PackReader {
  public static final String SCHEMA = "/dev/aiscan/rules/rule-pack.schema.json";

  private final YAMLFactory yaml = new YAMLFactory();
  private final ObjectMapper mapper = new ObjectMapper(yaml);
  private final Schema schema;

  public PackReader() {
    try (InputStream in = PackReader.class.getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA);
      }
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pack's tree, schema-valid. */
  public JsonNode read(String file, String text) {
    JsonNode root = parse(file, text);
    List<String> errors = validate(file, root);
    if (!errors.isEmpty()) {
      String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
      throw new RuleFormatException(errors.get(0) + more);
    }
    return root;
  }

  /** Schema errors as {@code file:line: message}, ordered by line; empty when valid. */
  public List<String> validate(String file, JsonNode root) {
    record Located(int line, String text) {}
    return schema.validate(root).stream()
        .map(e -> locate(root, e))
        .map(l -> new Located(l.line, file + ":" + l.line + ": " + l.text))
        .sorted(Comparator.comparingInt(Located::line))
        .map(Located::text)
        .toList();
  }

  JsonNode parse(String file, String text) {
    try (JsonParser p = yaml.createParser(text)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonNode root = mapper.reader().with(new LocationJsonNodeFactory(p)).readTree(p);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw new RuleFormatException(file + ":1: empty rule pack");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new RuleFormatException(file + ":" + line + ": invalid YAML: " + problem(e), e);
    } catch (IOException e) {
      throw new RuleFormatException(file + ":1: cannot read: " + e.getMessage(), e);
    }
  }

  /** The parser's complaint without the source excerpt that snakeyaml appends. */
  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
      return y.getProblem();
    }
    String m = e.getOriginalMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** 1-based line of a node read by {@link #parse}, or {@code fallback}. */
  public static int line(JsonNode node, int fallback) {
    if (node instanceof TokenStreamLocationAware a && a.tokenStreamLocation() != null) {
      int l = a.tokenStreamLocation().getLineNr();
      return l > 0 ? l : fallback;
    }
    return fallback;
  }

  private record Where(int line, String text) {}

  /** Walks the error's instance path to the node (for its line) and names the rule and field. */
  private static Where locate(JsonNode root, Error error) {
    NodePath path = error.getInstanceLocation();
    JsonNode node = root;
    int line = line(root, 1);
    boolean inRule = path.getNameCount() >= 2 && "rules".equals(String.valueOf(path.getElement(0)));
    String rule = null;
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      JsonNode child =
          element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
      if (child == null) {
        break;
      }
      node = child;
      line = line(node, line);
      if (inRule && i == 1) {
        rule = node.path("id").isTextual() ? node.get("id").asText() : "rules[" + element + "]";
      } else if (!inRule || i > 1) {
        field.append(
            element instanceof Integer
                ? "[" + element + "]"
                : (field.length() > 0 ? "." : "") + element);
      }
    }
    String message = error.getMessage();
    String property = error.getProperty();
    if ("additionalProperties".equals(error.getKeyword()) && property != null) {
      line = line(node.get(property), line);
      boolean matcher =
          inRule && path.getNameCount() == 4 && "match".equals(String.valueOf(path.getElement(2)));
      message = matcher ? "unknown matcher '" + property + "'" : "unknown field '" + property + "'";
    }
    String prefix =
        (rule == null ? "" : "rule " + rule + ": ") + (field.length() == 0 ? "" : field + ": ");
    return new Where(line, prefix + message);
  }
}
