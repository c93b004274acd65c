package dev.aiscan.testkit;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.ContentFilter;
import dev.aiscan.core.spi.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link CollectContext} for connector tests: records every fact and warning, runs {@link
 * #forEach} on the calling thread with the same per-item isolation as the engine.
 */
public final class RecordingContext implements CollectContext {
  private final Settings settings;
  private ContentFilter contentFilter = ContentFilter.ALL;
  private final List<Fact> facts = Collections.synchronizedList(new ArrayList<>());
  private final List<Warning> warnings = Collections.synchronizedList(new ArrayList<>());
  private long units;
  private volatile boolean incomplete;

  public RecordingContext() {
    this(Settings.empty());
  }

  public RecordingContext(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void emit(Fact fact) {
    facts.add(fact);
  }

  @Override
  public void warn(String source, String message) {
    warnings.add(new Warning(source, message));
  }

  @Override
  public void incomplete() {
    incomplete = true;
  }

  /** Whether the connector said it could not read all of the target. */
  public boolean isIncomplete() {
    return incomplete;
  }

  /** Uses a detector's prefilter, as the engine would. */
  public RecordingContext withContentFilter(ContentFilter filter) {
    this.contentFilter = filter;
    return this;
  }

  @Override
  public ContentFilter contentFilter() {
    return contentFilter;
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public <T> void forEach(Iterator<T> items, Function<T, String> label, Consumer<T> work) {
    items.forEachRemaining(
        item -> {
          try {
            work.accept(item);
          } catch (RuntimeException | StackOverflowError e) {
            warn(label.apply(item), e.getClass().getSimpleName() + ": " + e.getMessage());
          }
        });
  }

  @Override
  public synchronized void progress(long unitsDone) {
    units += unitsDone;
  }

  public synchronized long units() {
    return units;
  }

  public List<Fact> facts() {
    return List.copyOf(facts);
  }

  public List<Fact> facts(FactType type) {
    return facts().stream().filter(f -> f.type() == type).toList();
  }

  /** The values of all facts of a type, in emission order. */
  public List<String> values(FactType type) {
    return facts(type).stream().map(Fact::value).toList();
  }

  public List<Warning> warnings() {
    return List.copyOf(warnings);
  }
}
