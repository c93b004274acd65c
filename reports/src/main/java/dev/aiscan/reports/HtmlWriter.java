package dev.aiscan.reports;

import dev.aiscan.core.ScanResult;
import dev.aiscan.reports.html.HtmlReport;
import dev.aiscan.reports.internal.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Writes {@code report.html}: one self-contained page for people who decide (headline numbers,
 * shadow AI first, a searchable asset table with the evidence behind each asset, charts by
 * provider, owner and target, and the dependency graph). It works offline: the charting and graph
 * libraries are inlined from their WebJars and a Content Security Policy forbids any network
 * access. The numbers are inventory.json's summary numbers. See {@link HtmlReport}.
 */
public final class HtmlWriter implements ReportWriter {
  private final Clock clock;

  public HtmlWriter() {
    this(Clock.systemUTC());
  }

  /** A writer stamping pages with this clock's time, the only part of the page that varies. */
  public HtmlWriter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public void write(ScanResult result, Path outputDirectory) {
    AtomicFiles.write(outputDirectory, fileName(), out -> write(result, out));
  }

  /** Writes the page as UTF-8. */
  public void write(ScanResult result, OutputStream out) throws IOException {
    HtmlReport.write(result, clock.instant(), out);
  }
}
