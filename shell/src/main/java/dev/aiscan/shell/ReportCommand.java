package dev.aiscan.shell;

import dev.aiscan.core.ScanResult;
import dev.aiscan.reports.ReportWriter;
import dev.aiscan.reports.Reports;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.ScanSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code aiscan report}: render a past scan again, in any format, from the graph or a file. */
@Command
public class ReportCommand {
  private final GraphAccess access;

  public ReportCommand(GraphAccess access) {
    this.access = access;
  }

  @Command(
      command = "report",
      group = "Scanning",
      description =
          "Re-render a past scan's reports: from the graph (--scan ID, default the latest) or from a"
              + " saved inventory.json (--inventory FILE).")
  public String report(
      @Option(longNames = "scan", label = "ID", description = "the scan id (default: the latest)")
          String scanId,
      @Option(
              longNames = "inventory",
              label = "FILE",
              description = "a saved inventory.json to render instead of a scan from the graph")
          String inventory,
      @Option(
              longNames = "format",
              defaultValue = "json,html",
              label = "LIST",
              description =
                  "report formats, comma separated: " + "json, html, cyclonedx, sarif, csv, md")
          String format,
      @Option(
              longNames = "out",
              defaultValue = "aiscan-report",
              label = "DIR",
              description = "directory that receives the reports")
          String out,
      @Option(longNames = "graph-dir", label = "DIR", description = GraphCommand.GraphFlags.DIR)
          String graphDir,
      @Option(longNames = "neo4j-uri", label = "URI", description = GraphCommand.GraphFlags.URI)
          String neo4jUri,
      @Option(
              longNames = "neo4j-password-file",
              label = "FILE",
              description = GraphCommand.GraphFlags.PASSWORD_FILE)
          String passwordFile) {
    List<String> formats =
        Arrays.stream(format.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
    List<ReportWriter> writers = Reports.select(formats);
    ScanResult result =
        ScanSource.load(
            access, new ScanSource.Flags(scanId, inventory, graphDir, neo4jUri, passwordFile));
    Path dir = Path.of(out);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageException("--out " + out + ": cannot create the directory");
    }
    List<String> written = new ArrayList<>();
    for (ReportWriter w : writers) {
      if (w.format().equals("json")
          && inventory != null
          && dir.resolve(w.fileName())
              .toAbsolutePath()
              .equals(Path.of(inventory).toAbsolutePath())) {
        continue; // never overwrite the file being rendered
      }
      w.write(result, dir);
      written.add("Report: " + dir.resolve(w.fileName()));
    }
    return "Scan "
        + result.scan().id()
        + " ("
        + result.scan().started()
        + ")\n"
        + String.join("\n", written);
  }
}
