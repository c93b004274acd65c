package dev.aiscan.shell.internal;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.graph.Graph;
import dev.aiscan.graph.GraphHistory;
import dev.aiscan.graph.GraphOptions;
import dev.aiscan.graph.GraphResults;
import dev.aiscan.reports.InventoryJsonReader;
import dev.aiscan.shell.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the commands that look at a past scan read it from: the graph (the latest complete scan, or
 * {@code --scan ID}; the embedded store or {@code --neo4j-uri}) or a saved {@code inventory.json}
 * ({@code --inventory FILE}). The interactive shell's open graph is reused, as every command does
 * through {@link GraphAccess}.
 *
 * <pre>{@code
 * ScanResult latest = ScanSource.load(access, ScanSource.Flags.graph(null, null, null, null));
 * ScanResult saved = ScanSource.load(access, ScanSource.Flags.inventory("aiscan-report/inventory.json"));
 * }</pre>
 *
 * A scan read from the graph has its assets, findings, statuses, register entries and links, but no
 * dependency trees and no warning texts (see {@link GraphResults}).
 */
public final class ScanSource {
  /** What a command says when there is nothing to read in the graph. */
  public static final String NO_SCAN = "no complete scan in the graph yet; run aiscan scan first";

  private ScanSource() {}

  /**
   * The source flags the commands take.
   *
   * @param scanId the scan to read from the graph, or null for the latest complete one
   * @param inventory a saved inventory.json to read instead of the graph, or null
   * @param graphDir the embedded store, or null for {@code ~/.aiscan/graph}
   * @param neo4jUri a server instead of the embedded store, or null
   * @param passwordFile the server's password file, or null for {@code NEO4J_PASSWORD}
   */
  public record Flags(
      String scanId, String inventory, String graphDir, String neo4jUri, String passwordFile) {

    /** The latest scan, or {@code scanId}, from the graph the flags name. */
    public static Flags graph(
        String scanId, String graphDir, String neo4jUri, String passwordFile) {
      return new Flags(scanId, null, graphDir, neo4jUri, passwordFile);
    }

    /** A saved inventory.json. */
    public static Flags inventory(String file) {
      return new Flags(null, file, null, null, null);
    }

    boolean fromInventory() {
      return inventory != null && !inventory.isBlank();
    }
  }

  /**
   * Reads the scan the flags name.
   *
   * @throws UsageException when the flags contradict each other, the file is missing or the graph
   *     holds no complete scan yet
   * @throws dev.aiscan.core.ScanException when the file is not an inventory or the graph has no
   *     complete scan with the id given
   */
  public static ScanResult load(GraphAccess access, Flags flags) {
    if (flags.fromInventory()) {
      if (flags.scanId() != null
          || flags.graphDir() != null
          || flags.neo4jUri() != null
          || flags.passwordFile() != null) {
        throw new UsageException(
            "--inventory reads a saved file: leave out --scan and the graph flags");
      }
      Path file = Path.of(flags.inventory());
      if (!Files.isRegularFile(file)) {
        throw new UsageException("--inventory " + file + ": no such file");
      }
      return InventoryJsonReader.read(file);
    }
    GraphOptions options =
        access.options(
            new GraphAccess.Flags(
                "embedded", flags.graphDir(), null, flags.neo4jUri(), flags.passwordFile()));
    if (options.embedded() && !Files.isDirectory(options.storeDir())) {
      // opening it would create an empty store only to find no scan in it
      throw new UsageException(NO_SCAN);
    }
    Graph graph = access.open(options);
    try {
      String id =
          flags.scanId() != null
              ? flags.scanId()
              : new GraphHistory(graph)
                  .latest(1).stream()
                      .findFirst()
                      .map(ScanSnapshot::scanId)
                      .orElseThrow(() -> new UsageException(NO_SCAN));
      return GraphResults.read(graph, id);
    } finally {
      access.release(graph);
    }
  }
}
