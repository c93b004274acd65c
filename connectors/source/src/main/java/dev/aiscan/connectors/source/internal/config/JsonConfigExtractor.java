package dev.aiscan.connectors.source.internal.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.model.FactType;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON configuration files, streamed: every string value as a {@code string-literal} keyed by its
 * dotted path of field names (array elements add no segment), CloudFormation {@code
 * Resources.<name>.Type} and ARM template {@code resources[].type} as {@code cloud-resource}.
 * Comments and trailing commas are tolerated (JSONC); nesting depth and string length are bounded.
 */
public final class JsonConfigExtractor implements Extractor {
  private static final Set<String> EXCLUDED =
      Set.of("package.json", "package-lock.json", "npm-shrinkwrap.json");
  static final Pattern AWS_TYPE =
      Pattern.compile("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)?");
  private static final Pattern ARM_TYPE =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+(?:/[A-Za-z0-9_\\-]+)+");
  private static final Pattern ARM_CHILD =
      Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*(?:/[A-Za-z0-9_\\-]+)*");
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(200)
                  .maxStringLength(8_000_000)
                  .maxNameLength(100_000)
                  .build())
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .build();

  @Override
  public String language() {
    return "json";
  }

  @Override
  public boolean accepts(SourceFile file) {
    String name = file.name().toLowerCase(Locale.ROOT);
    return file.extension().equals("json")
        && !EXCLUDED.contains(name)
        && !name.startsWith("tsconfig");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    try (JsonParser parser = FACTORY.createParser(file.text())) {
      try {
        walk(parser, out);
      } catch (JsonProcessingException e) {
        // Constraint violations carry no location; the parser still knows where it stopped.
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        Integer line = at == null || at.getLineNr() < 1 ? null : at.getLineNr();
        out.warn(
            line, "invalid JSON: " + ConfigFacts.problem(e.getOriginalMessage(), "syntax error"));
      }
    } catch (IOException e) {
      throw new ScanException("cannot parse JSON: " + e.getClass().getSimpleName(), e);
    }
  }

  private static void walk(JsonParser parser, FactWriter out) throws IOException {
    Frame top = null;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          String name = top == null || top.array ? null : top.field;
          String path = top == null ? "" : top.valuePath();
          top = new Frame(top, token == JsonToken.START_ARRAY, name, path);
        }
        case END_OBJECT, END_ARRAY -> top = top == null ? null : top.parent;
        case FIELD_NAME -> top.field = parser.currentName();
        case VALUE_STRING ->
            value(top, parser.getText(), parser.currentTokenLocation().getLineNr(), out);
        default -> {
          // Numbers, booleans and nulls are not literals rules match on.
        }
      }
    }
  }

  private static void value(Frame top, String value, int line, FactWriter out) {
    ConfigFacts.literal(out, value, line, top == null ? null : top.valuePath());
    if (top == null || top.array) {
      return;
    }
    if ("Type".equals(top.field)
        && isCloudFormationResource(top)
        && AWS_TYPE.matcher(value).matches()) {
      out.emit(FactType.CLOUD_RESOURCE, value, line, ConfigFacts.origin("cloudformation"));
    } else if ("type".equalsIgnoreCase(top.field) && isArmResource(top)) {
      String type = value.indexOf('@') < 0 ? value : value.substring(0, value.indexOf('@'));
      if (ARM_TYPE.matcher(type).matches()) {
        top.armType = type;
      } else if (ARM_CHILD.matcher(type).matches()
          && top.parent.array
          && top.parent.parent != null
          && top.parent.parent.armType != null) {
        // A nested resource's type is relative to its parent: accounts + deployments.
        top.armType = top.parent.parent.armType + "/" + type;
      } else {
        return;
      }
      out.emit(FactType.CLOUD_RESOURCE, top.armType, line, ConfigFacts.origin("arm"));
    }
  }

  /** An entry of the top-level {@code Resources} object. */
  private static boolean isCloudFormationResource(Frame f) {
    Frame resources = f.parent;
    return resources != null
        && !resources.array
        && "Resources".equals(resources.name)
        && resources.parent != null
        && resources.parent.parent == null;
  }

  /**
   * An element of a {@code resources} array (any depth), or an entry of a top-level {@code
   * resources} object.
   */
  private static boolean isArmResource(Frame f) {
    Frame resources = f.parent;
    if (resources == null || !"resources".equalsIgnoreCase(resources.name)) {
      return false;
    }
    return resources.array || (resources.parent != null && resources.parent.parent == null);
  }

  private static final class Frame {
    final Frame parent;
    final boolean array;
    final String name;
    final String path;
    String field;
    String armType;

    Frame(Frame parent, boolean array, String name, String path) {
      this.parent = parent;
      this.array = array;
      this.name = name;
      this.path = path;
    }

    /** The dotted path of the value at the current position of this container. */
    String valuePath() {
      return array || field == null ? path : ConfigFacts.join(path, field);
    }
  }
}
