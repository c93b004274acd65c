package dev.aiscan.core.internal;

import dev.aiscan.core.spi.CollectContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The values the connectors collecting one target share ({@link CollectContext#shared}), and which
 * of those connectors have finished. A value made after a connector finished is told so at once, so
 * that it never waits for a connector that is gone.
 */
public final class SharedValues {
  private final List<String> collectors;
  private final Map<String, Object> values = new HashMap<>();
  private final Set<String> finished = new LinkedHashSet<>();

  public SharedValues(List<String> collectors) {
    this.collectors = List.copyOf(collectors);
  }

  /** The connectors collecting the target, by id. */
  public List<String> collectors() {
    return collectors;
  }

  public synchronized <T> T get(String key, Class<T> type, Supplier<T> make) {
    Object value = values.get(key);
    if (value == null) {
      value = make.get();
      values.put(key, value);
      if (value instanceof CollectContext.Shared shared) {
        finished.forEach(shared::finished);
      }
    }
    return type.cast(value);
  }

  /** Connector {@code id} is done: every shared value that listens hears it once. */
  public void finished(String id) {
    List<CollectContext.Shared> listening = new ArrayList<>();
    synchronized (this) {
      if (!finished.add(id)) {
        return;
      }
      for (Object value : values.values()) {
        if (value instanceof CollectContext.Shared shared) {
          listening.add(shared);
        }
      }
    }
    listening.forEach(shared -> shared.finished(id));
  }
}
