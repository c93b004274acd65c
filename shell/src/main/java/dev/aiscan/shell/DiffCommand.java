package dev.aiscan.shell;

import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.graph.Graph;
import dev.aiscan.graph.GraphHistory;
import dev.aiscan.graph.GraphOptions;
import dev.aiscan.graph.QueryResult;
import dev.aiscan.reports.diff.DiffRenderer;
import dev.aiscan.reports.diff.ScanDiff;
import dev.aiscan.reports.history.FileHistory;
import dev.aiscan.shell.internal.GraphAccess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code aiscan diff}: what changed between two scans, from the graph or the output directory. */
@Command
public class DiffCommand {
  private final GraphAccess access;

  public DiffCommand(GraphAccess access) {
    this.access = access;
  }

  @Command(
      command = "diff",
      group = "Graph",
      description =
          "Show new, gone and changed AI assets between two scans (default: the last two of the"
              + " same targets).")
  public String diff(
      @Option(longNames = "from", label = "SCAN", description = "the earlier scan id") String from,
      @Option(longNames = "to", label = "SCAN", description = "the later scan id") String to,
      @Option(longNames = "json", description = "print the diff as JSON") boolean json,
      @Option(
              longNames = "graph",
              defaultValue = "embedded",
              label = "MODE",
              description = "embedded (or --neo4j-uri): history from the graph; none: from --out")
          String graph,
      @Option(
              longNames = "out",
              defaultValue = "aiscan-report",
              label = "DIR",
              description = "with --graph none, the output directory whose history/ to read")
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
    GraphOptions options =
        access.options(new GraphAccess.Flags(graph, graphDir, null, neo4jUri, passwordFile));
    if (options == null) {
      return render(new FileHistory(Path.of(out)), from, to, json, null);
    }
    Graph g = access.open(options);
    try {
      return render(new GraphHistory(g), from, to, json, g);
    } finally {
      access.release(g);
    }
  }

  private static String render(
      ScanHistory history, String from, String to, boolean json, Graph graph) {
    ScanSnapshot later =
        to == null
            ? history.latest(1).stream()
                .findFirst()
                .orElseThrow(() -> new UsageException("no scans in the history yet"))
            : find(history, to);
    ScanSnapshot earlier =
        from != null
            ? find(history, from)
            : history.before(later.started(), later.targetIds(), 1).stream()
                .findFirst()
                .orElseThrow(
                    () ->
                        new UsageException(
                            "scan " + later.scanId() + " has no earlier scan of the same targets"));
    ScanDiff diff = ScanDiff.between(earlier, later);
    return json
        ? DiffRenderer.json(diff)
        : DiffRenderer.text(diff, targetNames(graph)).stripTrailing();
  }

  private static ScanSnapshot find(ScanHistory history, String id) {
    return history
        .find(id)
        .orElseThrow(() -> new UsageException("no complete scan with id '" + id + "'"));
  }

  private static Map<String, String> targetNames(Graph graph) {
    Map<String, String> names = new HashMap<>();
    if (graph != null) {
      QueryResult rows = graph.query("MATCH (t:Target) RETURN t.id, t.name", Map.of());
      for (List<Object> row : rows.rows()) {
        names.put((String) row.get(0), (String) row.get(1));
      }
    }
    return names;
  }
}
