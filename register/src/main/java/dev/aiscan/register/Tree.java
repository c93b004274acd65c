package dev.aiscan.register;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.AnchorNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML or JSON document as mappings, sequences and scalars that know their 1-based line. Scalars
 * keep their text as written (so {@code 012345678901} stays an account id, not a number); {@code
 * null}, {@code ~} and empty values are scalars with null text. Mappings keep every field, repeated
 * ones included, in order.
 */
final class Tree {
  private Tree() {}

  private static final int MAX_DEPTH = 64;

  /**
   * The most values a YAML document may hold once its aliases are expanded: far above any register,
   * far below what a few nested aliases can make (a "billion laughs" document of a few hundred
   * bytes expands to millions of values and would exhaust the heap).
   */
  static final int MAX_VALUES = 100_000;

  enum Kind {
    MAP,
    SEQ,
    SCALAR
  }

  /**
   * @param name the field name, or null when the key is not a plain scalar
   * @param line the key's line
   */
  record Field(String name, int line, Node value) {}

  /**
   * @param text a scalar's text as written; null for null scalars, mappings and sequences
   * @param string whether the scalar is text: any non-null YAML scalar (quoting is optional in
   *     YAML), only strings in JSON
   */
  record Node(
      Kind kind, int line, String text, boolean string, List<Field> fields, List<Node> items) {
    static Node scalar(int line, String text, boolean string) {
      return new Node(Kind.SCALAR, line, text, string && text != null, List.of(), List.of());
    }

    boolean isNull() {
      return kind == Kind.SCALAR && text == null;
    }
  }

  /** Composes YAML with SnakeYAML; null for an empty document. */
  static Node yaml(String text) throws SyntaxError {
    try {
      org.yaml.snakeyaml.nodes.Node root =
          new Yaml(new LoaderOptions()).compose(new StringReader(text));
      return root == null ? null : convert(root, 0, new int[1]);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      if (e.getProblem() != null && e.getContext() != null && e.getContextMark() != null) {
        int contextLine = e.getContextMark().getLine() + 1;
        if (contextLine != line) {
          problem += " (" + e.getContext() + " at line " + contextLine + ")";
        }
      }
      return fail(line, problem == null ? "" : problem);
    } catch (YAMLException e) {
      return fail(1, e.getMessage() == null ? "" : e.getMessage());
    }
  }

  private static Node fail(int line, String problem) throws SyntaxError {
    String first = problem.lines().findFirst().orElse("unreadable").strip();
    throw new SyntaxError(line, Names.show(first, 200));
  }

  private static Node convert(org.yaml.snakeyaml.nodes.Node node, int depth, int[] values)
      throws SyntaxError {
    int line = node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    if (depth > MAX_DEPTH) {
      throw new SyntaxError(line, "nested too deeply");
    }
    if (++values[0] > MAX_VALUES) {
      throw new SyntaxError(
          line, "more than " + MAX_VALUES + " values once its aliases are expanded; not read");
    }
    if (node instanceof AnchorNode anchor) {
      return convert(anchor.getRealNode(), depth + 1, values);
    }
    if (node instanceof ScalarNode scalar) {
      return Node.scalar(line, Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue(), true);
    }
    if (node instanceof SequenceNode sequence) {
      List<Node> items = new ArrayList<>();
      for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
        items.add(convert(item, depth + 1, values));
      }
      return new Node(Kind.SEQ, line, null, false, List.of(), List.copyOf(items));
    }
    MappingNode mapping = (MappingNode) node;
    List<Field> fields = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      org.yaml.snakeyaml.nodes.Node key = tuple.getKeyNode();
      int keyLine = key.getStartMark() == null ? line : key.getStartMark().getLine() + 1;
      String name =
          key instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
      fields.add(new Field(name, keyLine, convert(tuple.getValueNode(), depth + 1, values)));
    }
    return new Node(Kind.MAP, line, null, false, List.copyOf(fields), List.of());
  }

  /** Parses strict JSON with Jackson; null for an empty file. */
  static Node json(String text) throws SyntaxError {
    try (JsonParser p = new JsonFactory().createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      Node root = json(p, first, 0);
      if (p.nextToken() != null) {
        throw new SyntaxError(line(p), "unexpected content after the end of the document");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String m = e.getOriginalMessage();
      return fail(at == null ? 1 : Math.max(1, at.getLineNr()), m == null ? "" : m);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String
    }
  }

  private static Node json(JsonParser p, JsonToken token, int depth)
      throws IOException, SyntaxError {
    int line = line(p);
    if (depth > MAX_DEPTH) {
      throw new SyntaxError(line, "nested too deeply");
    }
    switch (token) {
      case START_OBJECT -> {
        List<Field> fields = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int keyLine = line(p);
          fields.add(new Field(name, keyLine, json(p, p.nextToken(), depth + 1)));
        }
        return new Node(Kind.MAP, line, null, false, List.copyOf(fields), List.of());
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(json(p, t, depth + 1));
        }
        return new Node(Kind.SEQ, line, null, false, List.of(), List.copyOf(items));
      }
      case VALUE_NULL -> {
        return Node.scalar(line, null, false);
      }
      default -> {
        return Node.scalar(line, p.getText(), token == JsonToken.VALUE_STRING);
      }
    }
  }

  private static int line(JsonParser p) {
    JsonLocation at = p.currentTokenLocation();
    return at == null ? 1 : Math.max(1, at.getLineNr());
  }
}
