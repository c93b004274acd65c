package dev.aiscan.connectors.source.internal.config;

import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.FactType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Recognises well-known YAML shapes over composed nodes: Docker Compose services (images and
 * environment), any other {@code image:} (Kubernetes, Helm values, GitHub Actions), Kubernetes
 * {@code env: [{name, value}]} and upper-case {@code env:} maps, and CloudFormation/SAM resources.
 */
final class YamlRecognisers {
  private static final Pattern COMPOSE_NAME =
      Pattern.compile("(?:docker-compose|compose)[^/]*\\.ya?ml");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final String COMPOSE = "docker-compose";
  private static final String YAML = "yaml";

  private final FactWriter out;
  private final boolean composeFile;
  private final boolean workflow;

  /** Image nodes already reported by the Compose recogniser, so the generic one skips them. */
  private final Set<Node> composeImages = Collections.newSetFromMap(new IdentityHashMap<>());

  YamlRecognisers(SourceFile file, FactWriter out) {
    this.out = out;
    this.composeFile = COMPOSE_NAME.matcher(file.name().toLowerCase(Locale.ROOT)).matches();
    this.workflow =
        file.relative().startsWith(".github/workflows/")
            || file.relative().contains("/.github/workflows/");
  }

  /** Whole-document shapes: Compose and CloudFormation. */
  void document(Node root) {
    if (!(root instanceof MappingNode)) {
      return;
    }
    if (get(root, "services") instanceof MappingNode services
        && (composeFile || looksLikeCompose(services))) {
      for (NodeTuple service : services.getValue()) {
        if (service.getKeyNode() instanceof ScalarNode
            && service.getValueNode() instanceof MappingNode body) {
          composeService(body);
        }
      }
    }
    Node resources = get(root, "Resources");
    if (resources == null) {
      // Serverless Framework keeps CloudFormation under resources.Resources.
      resources = get(get(root, "resources"), "Resources");
    }
    if (resources instanceof MappingNode map) {
      for (NodeTuple resource : map.getValue()) {
        if (get(resource.getValueNode(), "Type") instanceof ScalarNode type
            && JsonConfigExtractor.AWS_TYPE.matcher(type.getValue()).matches()) {
          out.emit(
              FactType.CLOUD_RESOURCE,
              type.getValue(),
              YamlExtractor.line(type),
              ConfigFacts.origin("cloudformation"));
        }
      }
    }
  }

  /** Shapes keyed by one mapping entry, called by the generic walk for every scalar key. */
  void entry(String key, Node value) {
    switch (key) {
      case "image" -> image(value);
      case "env" -> env(value);
      case "container" -> {
        if (workflow && value instanceof ScalarNode scalar) {
          out.emit(
              FactType.CONTAINER_IMAGE,
              scalar.getValue(),
              YamlExtractor.line(scalar),
              ConfigFacts.origin(YAML));
        }
      }
      default -> {
        // Other keys are covered by the generic walk.
      }
    }
  }

  private void composeService(Node service) {
    if (get(service, "image") instanceof ScalarNode image) {
      composeImages.add(image);
      out.emit(
          FactType.CONTAINER_IMAGE,
          image.getValue(),
          YamlExtractor.line(image),
          ConfigFacts.origin(COMPOSE));
    }
    Node environment = get(service, "environment");
    if (environment instanceof MappingNode map) {
      for (NodeTuple variable : map.getValue()) {
        if (variable.getKeyNode() instanceof ScalarNode name) {
          ConfigFacts.envVar(out, name.getValue(), YamlExtractor.line(name), COMPOSE);
          if (variable.getValueNode() instanceof ScalarNode v && !Tag.NULL.equals(v.getTag())) {
            ConfigFacts.literal(out, v.getValue(), YamlExtractor.line(v), name.getValue());
          }
        }
      }
    } else if (environment instanceof SequenceNode list) {
      for (Node item : list.getValue()) {
        if (item instanceof ScalarNode s) {
          String text = s.getValue();
          int eq = text.indexOf('=');
          String name = (eq < 0 ? text : text.substring(0, eq)).strip();
          ConfigFacts.envVar(out, name, YamlExtractor.line(s), COMPOSE);
          if (eq >= 0) {
            ConfigFacts.literal(out, text.substring(eq + 1), YamlExtractor.line(s), name);
          }
        }
      }
    }
  }

  private void image(Node value) {
    if (value instanceof ScalarNode scalar) {
      if (!composeImages.contains(scalar) && !Tag.NULL.equals(scalar.getTag())) {
        out.emit(
            FactType.CONTAINER_IMAGE,
            scalar.getValue(),
            YamlExtractor.line(scalar),
            ConfigFacts.origin(YAML));
      }
    } else if (get(value, "repository") instanceof ScalarNode repository) {
      // Helm values: image: {registry, repository, tag}.
      StringBuilder ref = new StringBuilder();
      if (get(value, "registry") instanceof ScalarNode registry && !registry.getValue().isEmpty()) {
        ref.append(registry.getValue()).append('/');
      }
      ref.append(repository.getValue());
      if (get(value, "tag") instanceof ScalarNode tag
          && !tag.getValue().isEmpty()
          && !Tag.NULL.equals(tag.getTag())) {
        ref.append(':').append(tag.getValue());
      }
      out.emit(
          FactType.CONTAINER_IMAGE,
          ref.toString(),
          YamlExtractor.line(repository),
          ConfigFacts.origin(YAML));
    }
  }

  private void env(Node value) {
    if (value instanceof SequenceNode list) {
      // Kubernetes: env: [{name: X, value: ...}].
      for (Node item : list.getValue()) {
        if (get(item, "name") instanceof ScalarNode name) {
          ConfigFacts.envVar(out, name.getValue(), YamlExtractor.line(name), YAML);
          if (get(item, "value") instanceof ScalarNode v && !Tag.NULL.equals(v.getTag())) {
            ConfigFacts.literal(out, v.getValue(), YamlExtractor.line(v), name.getValue());
          }
        }
      }
    } else if (value instanceof MappingNode map) {
      // GitHub Actions and similar: env: {OPENAI_API_KEY: ...}; only upper-case names, so that
      // Spring's management.endpoint.env.* does not read as variables.
      for (NodeTuple variable : map.getValue()) {
        if (variable.getKeyNode() instanceof ScalarNode name
            && ENV_NAME.matcher(name.getValue()).matches()) {
          ConfigFacts.envVar(out, name.getValue(), YamlExtractor.line(name), YAML);
          if (variable.getValueNode() instanceof ScalarNode v && !Tag.NULL.equals(v.getTag())) {
            ConfigFacts.literal(out, v.getValue(), YamlExtractor.line(v), name.getValue());
          }
        }
      }
    }
  }

  private static boolean looksLikeCompose(MappingNode services) {
    for (NodeTuple service : services.getValue()) {
      if (get(service.getValueNode(), "image") != null
          || get(service.getValueNode(), "build") != null) {
        return true;
      }
    }
    return false;
  }

  /** The value of a scalar key in a mapping, looking one level into merge keys ({@code <<}). */
  static Node get(Node node, String key) {
    if (!(node instanceof MappingNode map)) {
      return null;
    }
    List<NodeTuple> entries = map.getValue();
    for (NodeTuple entry : entries) {
      if (entry.getKeyNode() instanceof ScalarNode k
          && !Tag.MERGE.equals(k.getTag())
          && k.getValue().equals(key)) {
        return entry.getValueNode();
      }
    }
    for (NodeTuple entry : entries) {
      if (Tag.MERGE.equals(entry.getKeyNode().getTag())) {
        Node merged = entry.getValueNode();
        List<Node> sources = merged instanceof SequenceNode seq ? seq.getValue() : List.of(merged);
        for (Node source : sources) {
          if (source instanceof MappingNode m) {
            for (NodeTuple e : m.getValue()) {
              if (e.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return e.getValueNode();
              }
            }
          }
        }
      }
    }
    return null;
  }
}
