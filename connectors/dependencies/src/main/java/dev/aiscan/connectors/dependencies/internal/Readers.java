package dev.aiscan.connectors.dependencies.internal;

import java.util.List;

/** The ecosystem readers, in one explicit list. */
public final class Readers {
  private static final List<EcosystemReader> ALL = List.of();

  private Readers() {}

  public static List<EcosystemReader> all() {
    return ALL;
  }
}
