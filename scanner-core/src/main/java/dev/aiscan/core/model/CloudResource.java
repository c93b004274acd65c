package dev.aiscan.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A resource of a cloud account or SaaS tenant that evidence of AI was found at: the node the graph
 * hangs an account's AI resources on, and what register selectors on tags read.
 *
 * @param targetId the account or tenant it belongs to
 * @param id its identifier (an ARN, an Azure resource id)
 * @param type its type, CloudFormation or ARM style ({@code AWS::Bedrock::Agent})
 * @param name its short name, or null
 * @param region its region, or null for global resources
 * @param tags its tags, sorted by key
 */
public record CloudResource(
    String targetId, String id, String type, String name, String region, Map<String, String> tags) {

  public CloudResource {
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    tags =
        tags == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags));
  }

  /**
   * The resource a fact located at one describes, or null: the fact must come from a cloud or SaaS
   * target, name a resource, and say its type (a {@code cloud-resource} fact's value, or the {@code
   * resource-type} attribute). Tags are the fact's {@code tag:*} attributes.
   */
  public static CloudResource of(Fact fact) {
    String id = fact.location().resource();
    if (id == null || fact.target().tree()) {
      return null;
    }
    String type =
        fact.type() == FactType.CLOUD_RESOURCE
            ? fact.value()
            : fact.attribute(Fact.Attr.RESOURCE_TYPE);
    if (type == null) {
      return null;
    }
    Map<String, String> tags = new TreeMap<>();
    fact.attributes()
        .forEach(
            (k, v) -> {
              if (k.startsWith(Fact.Attr.TAG_PREFIX)) {
                tags.put(k.substring(Fact.Attr.TAG_PREFIX.length()), v);
              }
            });
    return new CloudResource(
        fact.target().id(),
        id,
        type,
        fact.attribute(Fact.Attr.NAME),
        fact.attribute(Fact.Attr.REGION),
        tags);
  }

  /** The value of a tag, by key case-insensitively, or null. */
  public String tag(String key) {
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (t.getKey().equalsIgnoreCase(key)) {
        return t.getValue();
      }
    }
    return null;
  }
}
