package dev.aiscan.reports;

import dev.aiscan.core.ScanResult;
import java.nio.file.Path;

/** Renders a scan's inventory in one format into the output directory. */
public interface ReportWriter {

  /** The {@code --format} name, e.g. {@code json}. */
  String format();

  /** The file this writer creates inside the output directory, e.g. {@code inventory.json}. */
  String fileName();

  /** Writes the report; the directory exists. Output is deterministic for a given result. */
  void write(ScanResult result, Path outputDirectory);
}
