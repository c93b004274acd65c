package dev.aiscan.shell;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.Reconciliation;
import dev.aiscan.shell.AssetsCommand.ResultFlags;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.InventoryNodes;
import dev.aiscan.shell.internal.ResultTables;
import dev.aiscan.shell.internal.ResultView;
import dev.aiscan.shell.internal.ScanSource;
import dev.aiscan.shell.internal.Tables;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * {@code aiscan shadow}: the shadow AI of a past scan (the assets no register entry covers), new
 * ones first and marked, with how to register them.
 *
 * <pre>
 * $ aiscan shadow
 * 9 shadow AI asset(s) in scan 20261126T194031Z-97378c (1 new since scan 20261119T170301Z-0b1c2d)
 * id              new  provider       kind            name                          ...
 * </pre>
 */
@Command
public class ShadowCommand {
  private final GraphAccess access;

  public ShadowCommand(GraphAccess access) {
    this.access = access;
  }

  @Command(
      command = "shadow",
      group = "Results",
      description =
          "Show the shadow AI of a scan (default: the latest in the graph): assets no register"
              + " entry covers, new ones first, as a table or --json.")
  public String shadow(
      @Option(longNames = "scan", label = "ID", description = ResultFlags.SCAN) String scanId,
      @Option(longNames = "inventory", label = "FILE", description = ResultFlags.INVENTORY)
          String inventory,
      @Option(
              longNames = "json",
              description = "print the shadow assets as a JSON array, as in inventory.json")
          boolean json,
      @Option(longNames = "graph-dir", label = "DIR", description = GraphCommand.GraphFlags.DIR)
          String graphDir,
      @Option(longNames = "neo4j-uri", label = "URI", description = GraphCommand.GraphFlags.URI)
          String neo4jUri,
      @Option(
              longNames = "neo4j-password-file",
              label = "FILE",
              description = GraphCommand.GraphFlags.PASSWORD_FILE)
          String passwordFile) {
    ResultView view =
        new ResultView(
            ScanSource.load(
                access, new ScanSource.Flags(scanId, inventory, graphDir, neo4jUri, passwordFile)));
    // new shadow AI is what changed since the last look, so it comes first
    List<Asset> shadow =
        view.assetsShadowFirst().stream()
            .filter(a -> a.status() == AssetStatus.SHADOW)
            .sorted(Comparator.comparing((Asset a) -> !view.isNew(a)))
            .toList();
    if (json) {
      return InventoryNodes.print(
          InventoryNodes.of(view.result()).assets(shadow.stream().map(Asset::id).toList()));
    }
    if (shadow.isEmpty()) {
      return "No shadow AI in scan " + view.scanId() + ".";
    }
    return header(view, shadow)
        + "\n"
        + Tables.text(ResultTables.shadow(view, shadow))
        + "\n"
        + hint(view, shadow);
  }

  private static String header(ResultView view, List<Asset> shadow) {
    String previous = view.result().reconciliation().previousScan();
    long fresh = shadow.stream().filter(view::isNew).count();
    return shadow.size()
        + " shadow AI asset(s) in scan "
        + view.scanId()
        + (previous == null
            ? " (first scan of its targets: all new)"
            : " (" + fresh + " new since scan " + previous + ")");
  }

  /** How to get them into the register: seeding drafts entries for source trees. */
  private static String hint(ResultView view, List<Asset> shadow) {
    Set<String> targetIds = shadow.stream().map(Asset::targetId).collect(Collectors.toSet());
    String sources =
        view.result().scan().targets().stream()
            .filter(t -> t.kind().equals("source") && targetIds.contains(t.id()))
            .map(Target::location)
            .sorted()
            .collect(Collectors.joining(","));
    Reconciliation reconciliation = view.result().reconciliation();
    if (sources.isEmpty()) {
      return "Register them: add entries that cover them to your AI register (docs/register.md),"
          + " then scan with --register FILE.";
    }
    if (reconciliation.registerGiven()) {
      return "Register them: aiscan register seed --source "
          + sources
          + " --register "
          + reconciliation.registerSource()
          + " --out register-draft.yaml drafts entries for them next to yours; fill in the"
          + " TODOs, then scan with --register register-draft.yaml.";
    }
    return "Register them: aiscan register seed --source "
        + sources
        + " --out register.yaml drafts entries for them; fill in the TODOs, then scan with"
        + " --register register.yaml.";
  }
}
