package dev.aiscan.connectors.source.internal.config;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.model.FactType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML files, every document of them: each mapping key's dotted path as a {@code config-key}, each
 * scalar value as a {@code string-literal} keyed by its path, plus what {@link YamlRecognisers}
 * finds (Compose services, Kubernetes images and env, CloudFormation/SAM resources).
 *
 * <p>Documents are only composed into nodes, never constructed into Java objects, so any tag
 * ({@code !Ref}, {@code !Sub}, {@code !!python/object}) is just a label. Aliases to collections,
 * nesting depth and input size are bounded, and each collection is walked once however often it is
 * aliased, so an alias bomb costs nothing.
 */
public final class YamlExtractor implements Extractor {
  static final int MAX_ALIASES_FOR_COLLECTIONS = 20;
  static final int MAX_NESTING_DEPTH = 64;

  @Override
  public String language() {
    return "yaml";
  }

  @Override
  public boolean accepts(SourceFile file) {
    String ext = file.extension();
    return ext.equals("yml") || ext.equals("yaml");
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    String text = file.text();
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(false);
    // The file was already admitted under the size cap; the limit just has to let all of it
    // through.
    options.setCodePointLimit(Math.max(text.length() + 1, 1024));
    // Nodes are never constructed, so a global tag is only a label and is safe to keep.
    options.setTagInspector(tag -> true);
    TrackingParser parser = new TrackingParser(new ParserImpl(new StreamReader(text), options));
    Composer composer = new Composer(parser, new Resolver(), options);
    YamlRecognisers recognisers = new YamlRecognisers(file, out);
    try {
      while (composer.checkNode()) {
        Node document = composer.getNode();
        if (document != null) {
          recognisers.document(document);
          new Walk(out, recognisers).node(document, "");
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      out.warn(
          mark == null ? parser.line() : Integer.valueOf(mark.getLine() + 1),
          "invalid YAML: " + ConfigFacts.oneLine(problem, "syntax error"));
    } catch (ReaderException e) {
      out.warn(
          lineOfCodePoint(text, e.getPosition()),
          String.format("invalid YAML: unacceptable code point 0x%x", e.getCodePoint()));
    } catch (YAMLException e) {
      out.warn(
          parser.line(), "invalid YAML: " + ConfigFacts.oneLine(e.getMessage(), "syntax error"));
    } catch (RuntimeException e) {
      throw new ScanException(
          "YAML parser failed near line " + parser.line() + ": " + e.getClass().getSimpleName(), e);
    }
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
  }

  private static Integer lineOfCodePoint(String text, int position) {
    int line = 1;
    int cp = 0;
    for (int i = 0;
        i < text.length() && cp < position;
        i += Character.charCount(text.codePointAt(i)), cp++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** The generic walk: config keys and literals, each collection visited once. */
  private static final class Walk {
    private final FactWriter out;
    private final YamlRecognisers recognisers;
    private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    Walk(FactWriter out, YamlRecognisers recognisers) {
      this.out = out;
      this.recognisers = recognisers;
    }

    void node(Node node, String path) {
      if (node instanceof ScalarNode scalar) {
        if (!Tag.NULL.equals(scalar.getTag())) {
          ConfigFacts.literal(out, scalar.getValue(), line(scalar), path);
        }
      } else if (node instanceof SequenceNode sequence) {
        if (visited.add(sequence)) {
          for (Node item : sequence.getValue()) {
            node(item, path);
          }
        }
      } else if (node instanceof MappingNode mapping && visited.add(mapping)) {
        for (NodeTuple entry : mapping.getValue()) {
          Node key = entry.getKeyNode();
          Node value = entry.getValueNode();
          if (Tag.MERGE.equals(key.getTag())) {
            node(value, path);
          } else if (key instanceof ScalarNode scalarKey) {
            String child = ConfigFacts.join(path, scalarKey.getValue());
            if (!(value instanceof MappingNode)) {
              // Leaf keys only, as in a .properties file: `spring.ai` is not itself a setting.
              out.emit(FactType.CONFIG_KEY, child, line(key), ConfigFacts.origin("yaml"));
            }
            recognisers.entry(scalarKey.getValue(), value);
            node(value, child);
          }
        }
      }
    }
  }

  /** Remembers where the parser was, for the errors SnakeYAML raises without a position. */
  private static final class TrackingParser implements Parser {
    private final Parser delegate;
    private Mark last;

    TrackingParser(Parser delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return track(delegate.peekEvent());
    }

    @Override
    public Event getEvent() {
      return track(delegate.getEvent());
    }

    private Event track(Event event) {
      if (event != null && event.getStartMark() != null) {
        last = event.getStartMark();
      }
      return event;
    }

    Integer line() {
      return last == null ? null : last.getLine() + 1;
    }
  }
}
