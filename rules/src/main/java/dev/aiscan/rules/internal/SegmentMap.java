package dev.aiscan.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Values keyed by a dotted or slashed path, looked up by every prefix of a value that ends on a
 * separator: {@code dev.langchain4j.model.openai.OpenAiChatModel} finds keys {@code dev}, {@code
 * dev.langchain4j}, ..., and the whole value; {@code openapi} does not find {@code openai}, nor
 * {@code langchain4j} find {@code langchain}. Immutable after {@link #freeze()}; safe to read from
 * many threads.
 */
public final class SegmentMap<T> {
  private final String separators;
  private Map<String, List<T>> map = new HashMap<>();

  /**
   * @param separators the characters that end a segment, e.g. {@code "./"}
   */
  public SegmentMap(String separators) {
    this.separators = separators;
  }

  public void put(String key, T value) {
    map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  public SegmentMap<T> freeze() {
    Map<String, List<T>> frozen = new HashMap<>();
    map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    map = frozen;
    return this;
  }

  public boolean isEmpty() {
    return map.isEmpty();
  }

  /** Calls {@code found} for every value whose key is {@code value} or a segment prefix of it. */
  public void lookup(String value, Consumer<T> found) {
    if (map.isEmpty()) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      if (separators.indexOf(value.charAt(i)) >= 0 && i > 0) {
        emit(map.get(value.substring(0, i)), found);
      }
    }
    emit(map.get(value), found);
  }

  private void emit(List<T> values, Consumer<T> found) {
    if (values != null) {
      values.forEach(found);
    }
  }
}
