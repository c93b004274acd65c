package dev.aiscan.connectors.source.internal;

import java.util.List;
import java.util.Optional;

/** The extractors of the source connector, in one explicit list: the first that accepts a file reads it. */
public final class Extractors {
  private static final List<Extractor> ALL = List.of();

  private Extractors() {}

  public static List<Extractor> all() {
    return ALL;
  }

  public static Optional<Extractor> forFile(SourceFile file) {
    for (Extractor e : ALL) {
      if (e.accepts(file)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
