package dev.aiscan.core.spi;

import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;

/** Observes a scan's progress, for the shell's progress line. Called from worker threads. */
public interface ScanListener {
  ScanListener NONE = new ScanListener() {};

  default void targetStarted(Target target, String connectorId) {}

  default void progress(Target target, long unitsDone) {}

  default void warning(Warning warning) {}

  default void targetFinished(Target target, String connectorId, long units, long findings) {}
}
