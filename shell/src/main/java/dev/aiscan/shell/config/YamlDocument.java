package dev.aiscan.shell.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code aiscan.yaml} composed into mappings, sequences and scalars that know their 1-based line.
 * Nothing is constructed (no Java objects, no tags acted on), and scalars keep their text as
 * written, so {@code 012345678901} stays an account id.
 *
 * <p>SnakeYAML refuses more than {@link #MAX_ALIASES} aliases of collections, but a few dozen
 * aliases nested in layers still expand to millions of nodes (three aliases a layer, sixteen
 * layers: 43 million). Aliases are shared, not copied, by the composer; it is the conversion here
 * that expands them, so it stops at {@link #MAX_NODES}.
 */
final class YamlDocument {
  private YamlDocument() {}

  static final int MAX_ALIASES = 50;
  static final int MAX_NODES = 20_000;
  private static final int MAX_DEPTH = 40;
  private static final int MAX_CODE_POINTS = 1 << 20;
  private static final Pattern UNQUOTED_REFERENCE = Pattern.compile("(^|[\\s\\[{,:])\\$\\{");
  private static final Pattern FLOW = Pattern.compile("[\\[{]");

  enum Kind {
    MAP,
    SEQ,
    SCALAR
  }

  /**
   * One key of a mapping.
   *
   * @param name the key's text, or null when the key is not a plain scalar
   * @param line the key's line
   */
  record Entry(String name, int line, Node value) {}

  /**
   * @param text a scalar's text as written; null for a null scalar ({@code ~}, {@code null},
   *     nothing), a mapping or a sequence
   */
  record Node(Kind kind, int line, String text, List<Entry> entries, List<Node> items) {
    boolean isNull() {
      return kind == Kind.SCALAR && text == null;
    }

    String describe() {
      return switch (kind) {
        case MAP -> "a mapping";
        case SEQ -> "a list";
        case SCALAR -> text == null ? "nothing" : "a value";
      };
    }
  }

  /** A document that is not YAML, or that expands beyond reason; {@link #line} is 1-based. */
  static final class SyntaxError extends Exception {
    final int line;

    SyntaxError(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /** The document's root, or null when the document is empty. */
  static Node parse(String text) throws SyntaxError {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    try {
      org.yaml.snakeyaml.nodes.Node root = new Yaml(options).compose(new StringReader(text));
      return root == null ? null : new Converter().convert(root, 0);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      int line = mark == null ? 1 : mark.getLine() + 1;
      throw new SyntaxError(line, firstLine(problem) + hint(text, line));
    } catch (YAMLException e) {
      // alias and size limits: no mark, and a message worth keeping
      throw new SyntaxError(1, firstLine(e.getMessage()));
    }
  }

  /**
   * {@code {token: ${SLACK_TOKEN}}} is not YAML: inside braces or brackets a <code>{</code> opens a
   * mapping, so an unquoted reference breaks the line. Say so where that is the likely cause.
   */
  private static String hint(String text, int line) {
    String written = text.lines().skip(line - 1L).findFirst().orElse("");
    return UNQUOTED_REFERENCE.matcher(written).find() && FLOW.matcher(written).find()
        ? " (inside { } or [ ], quote a reference: \"${NAME}\")"
        : "";
  }

  private static String firstLine(String message) {
    String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
    if (first.isEmpty()) {
      return "not YAML";
    }
    return first.length() > 200 ? first.substring(0, 200) + "…" : first;
  }

  /** Converts composed nodes, counting them so that expanded aliases cannot run away. */
  private static final class Converter {
    private int nodes;

    Node convert(org.yaml.snakeyaml.nodes.Node node, int depth) throws SyntaxError {
      int line = node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
      if (++nodes > MAX_NODES) {
        throw new SyntaxError(
            line, "more than " + MAX_NODES + " values once aliases are expanded; refused");
      }
      if (depth > MAX_DEPTH) {
        // a recursive alias (&a [*a]) is endless nesting
        throw new SyntaxError(line, "nested too deeply (a recursive alias?)");
      }
      if (node instanceof ScalarNode scalar) {
        String text = Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
        return new Node(Kind.SCALAR, line, text, List.of(), List.of());
      }
      if (node instanceof SequenceNode sequence) {
        List<Node> items = new ArrayList<>();
        for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new Node(Kind.SEQ, line, null, List.of(), List.copyOf(items));
      }
      List<Entry> entries = new ArrayList<>();
      for (NodeTuple tuple : ((MappingNode) node).getValue()) {
        org.yaml.snakeyaml.nodes.Node key = tuple.getKeyNode();
        int keyLine = key.getStartMark() == null ? line : key.getStartMark().getLine() + 1;
        String name =
            key instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
        entries.add(new Entry(name, keyLine, convert(tuple.getValueNode(), depth + 1)));
      }
      return new Node(Kind.MAP, line, null, List.copyOf(entries), List.of());
    }
  }
}
