package dev.aiscan.core.spi;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Finding;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Decides which facts mean AI. Implemented by the rules module; the engine calls it for every fact
 * from many threads at once, so implementations must be thread-safe and fast.
 */
public interface Detector {

  /** Emits zero or more findings for one fact. */
  void detect(Fact fact, Consumer<Finding> findings);

  /**
   * Patterns of secrets (API keys) this detector knows. The engine masks any match in every
   * evidence string and warning before it leaves the engine, as a second line of defence.
   */
  List<Pattern> secretPatterns();

  /**
   * The prefilter connectors may run over raw file content before extracting facts from it. The
   * default lets everything through.
   */
  default ContentFilter contentFilter() {
    return ContentFilter.ALL;
  }
}
