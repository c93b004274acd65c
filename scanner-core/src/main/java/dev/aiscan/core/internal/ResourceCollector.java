package dev.aiscan.core.internal;

import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the cloud and SaaS resources that evidence of AI was found at, one per target and resource
 * id; tags reported by several facts of one resource are merged. Thread-safe.
 */
public final class ResourceCollector {
  private final ConcurrentHashMap<String, CloudResource> resources = new ConcurrentHashMap<>();

  /** Records the resource of a fact that matched a rule; ignores facts that name none. */
  public void add(Fact fact) {
    CloudResource r = CloudResource.of(fact);
    if (r == null) {
      return;
    }
    resources.merge(r.targetId() + '\u0000' + r.id(), r, ResourceCollector::merge);
  }

  private static CloudResource merge(CloudResource first, CloudResource later) {
    if (later.tags().isEmpty()) {
      return first;
    }
    Map<String, String> tags = new TreeMap<>(later.tags());
    tags.putAll(first.tags());
    return new CloudResource(
        first.targetId(),
        first.id(),
        first.type(),
        first.name() != null ? first.name() : later.name(),
        first.region() != null ? first.region() : later.region(),
        tags);
  }

  public List<CloudResource> sorted() {
    List<CloudResource> list = new ArrayList<>(resources.values());
    list.sort(Comparator.comparing(CloudResource::targetId).thenComparing(CloudResource::id));
    return list;
  }
}
