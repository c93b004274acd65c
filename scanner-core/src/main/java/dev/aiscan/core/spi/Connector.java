package dev.aiscan.core.spi;

import dev.aiscan.core.model.Target;

/**
 * A source of facts. A connector reads one kind of target (a source tree, a cloud account, a SaaS
 * tenant) and emits what it observes through its {@link CollectContext}; it never decides what is
 * AI, which is the rules' job.
 *
 * <p>Connectors are stateless and thread-safe: the engine may collect several targets at once.
 * Failures inside a unit of work (one file, one API call) should be reported with {@link
 * CollectContext#warn} or thrown from inside {@link CollectContext#forEach}, where the engine
 * isolates them; an exception escaping {@link #collect} costs only that target, as a warning.
 *
 * <pre>{@code
 * public final class SourceConnector implements Connector {
 *   public String id() { return "source"; }
 *   public boolean accepts(Target t) { return t.kind().equals("source"); }
 *   public void validate(Target t) { if (!Files.isDirectory(Path.of(t.location()))) throw new InvalidTargetException(...); }
 *   public void collect(Target t, CollectContext ctx) { ctx.forEach(files(t), Path::toString, f -> extract(f, ctx)); }
 * }
 * }</pre>
 */
public interface Connector {

  /** Short stable id, also the settings namespace {@code connectors.<id>.*}. */
  String id();

  /** Whether this connector reads targets of this kind. */
  boolean accepts(Target target);

  /**
   * Checks, before the scan starts, that the target can be read at all.
   *
   * @throws dev.aiscan.core.InvalidTargetException with a one-line message naming the target
   */
  default void validate(Target target) {}

  /** Reads the target and emits its facts. Called once per target per scan. */
  void collect(Target target, CollectContext context);
}
