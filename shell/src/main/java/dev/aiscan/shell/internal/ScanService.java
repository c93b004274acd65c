package dev.aiscan.shell.internal;

import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.reports.ReportWriter;
import dev.aiscan.reports.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs a scan and writes its reports: the part of {@code aiscan scan} that is not argument parsing.
 */
public final class ScanService {
  private final ScanEngine engine;

  public ScanService(ScanEngine engine) {
    this.engine = engine;
  }

  /** The reports a scan wrote, and its result. */
  public record Outcome(ScanResult result, List<Path> reports) {}

  public Outcome run(
      ScanRequest request, Path outputDirectory, List<String> formats, ScanListener listener) {
    return run(request, outputDirectory, formats, listener, UnaryOperator.identity());
  }

  /**
   * Scans, then {@code reconcile}s the result (register, history) before the reports are written.
   */
  public Outcome run(
      ScanRequest request,
      Path outputDirectory,
      List<String> formats,
      ScanListener listener,
      UnaryOperator<ScanResult> reconcile) {
    List<ReportWriter> writers = Reports.select(formats);
    try {
      Files.createDirectories(outputDirectory);
    } catch (IOException e) {
      throw new ScanException(
          "--out "
              + outputDirectory
              + ": cannot create the directory ("
              + e.getClass().getSimpleName()
              + ")");
    }
    ScanResult result = reconcile.apply(engine.scan(request, listener));
    List<Path> written =
        writers.stream()
            .map(
                w -> {
                  w.write(result, outputDirectory);
                  return outputDirectory.resolve(w.fileName());
                })
            .toList();
    return new Outcome(result, written);
  }
}
