package dev.aiscan.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.AssetLink;
import dev.aiscan.shell.internal.AssetStatusValues;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.InventoryNodes;
import dev.aiscan.shell.internal.ResultTables;
import dev.aiscan.shell.internal.ResultView;
import dev.aiscan.shell.internal.ScanSource;
import dev.aiscan.shell.internal.Tables;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/**
 * {@code aiscan assets list|show}: the AI assets of a past scan as a table or as JSON, from the
 * graph (the latest complete scan, or {@code --scan ID}) or from a saved inventory.json.
 *
 * <pre>
 * aiscan assets list --status shadow
 * aiscan assets show --id a-7e8f --json
 * </pre>
 */
@Command(command = "assets", group = "Results")
public class AssetsCommand {
  private final GraphAccess access;

  public AssetsCommand(GraphAccess access) {
    this.access = access;
  }

  @Command(
      command = "list",
      description =
          "List the AI assets of a scan (default: the latest in the graph), shadow first, as a"
              + " table or --json.")
  public String list(
      @Option(longNames = "status", label = "STATUS", description = ResultFlags.STATUS)
          @OptionValues(provider = AssetStatusValues.BEAN)
          String status,
      @Option(longNames = "provider", label = "ID", description = ResultFlags.PROVIDER)
          String provider,
      @Option(longNames = "target", label = "NAME", description = ResultFlags.TARGET) String target,
      @Option(longNames = "scan", label = "ID", description = ResultFlags.SCAN) String scanId,
      @Option(longNames = "inventory", label = "FILE", description = ResultFlags.INVENTORY)
          String inventory,
      @Option(
              longNames = "json",
              description = "print the assets as a JSON array, as in inventory.json")
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
    AssetStatus wanted = status(status);
    ResultView view =
        new ResultView(
            ScanSource.load(
                access, new ScanSource.Flags(scanId, inventory, graphDir, neo4jUri, passwordFile)));
    Set<String> targets = target == null ? null : view.targetIds(target);
    List<Asset> assets =
        view.assetsShadowFirst().stream()
            .filter(a -> wanted == null || a.status() == wanted)
            .filter(a -> provider == null || a.provider().equals(provider.trim()))
            .filter(a -> targets == null || targets.contains(a.targetId()))
            .toList();
    if (json) {
      return InventoryNodes.print(
          InventoryNodes.of(view.result()).assets(assets.stream().map(Asset::id).toList()));
    }
    return ResultFlags.scanLine(view) + "\n" + Tables.text(ResultTables.assets(view, assets));
  }

  @Command(
      command = "show",
      description =
          "Show one AI asset (its id or the start of it): status and why, register entry,"
              + " models, and its findings with file and line.")
  public String show(
      @Option(
              longNames = "id",
              required = true,
              label = "ID",
              description = "the asset id, or a unique start of it (a-7e8f)")
          String id,
      @Option(longNames = "scan", label = "ID", description = ResultFlags.SCAN) String scanId,
      @Option(longNames = "inventory", label = "FILE", description = ResultFlags.INVENTORY)
          String inventory,
      @Option(
              longNames = "json",
              description =
                  "print the asset as in inventory.json, with its findings under findings")
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
    Asset asset = view.asset(id);
    List<Finding> findings = view.findingsOf(asset);
    if (json) {
      InventoryNodes nodes = InventoryNodes.of(view.result());
      ObjectNode node = nodes.asset(asset.id());
      node.set("findings", nodes.findings(findings.stream().map(Finding::id).toList()));
      return InventoryNodes.print(node);
    }
    List<String> lines = new ArrayList<>();
    lines.add("Asset " + asset.id() + ": " + asset.name());
    lines.add(field("status", asset.status().wireName()));
    lines.add(field("reason", asset.statusReason()));
    lines.add(field("register", asset.registerId() == null ? "none" : asset.registerId()));
    lines.add(field("provider", asset.provider()));
    lines.add(field("kind", asset.kind()));
    lines.add(field("target", target(view, asset.targetId())));
    lines.add(field("models", asset.models().isEmpty() ? "none named" : join(asset.models())));
    lines.add(
        field(
            "categories",
            asset.categories().stream().map(Category::wireName).collect(Collectors.joining(", "))));
    lines.add(field("confidence", asset.confidence().wireName()));
    if (asset.transitiveOnly()) {
      lines.add(field("dependency", "only through other dependencies"));
    }
    lines.add(field("new", newness(view, asset)));
    for (AssetLink link : view.result().reconciliation().links()) {
      if (link.from().equals(asset.id()) || link.to().equals(asset.id())) {
        String other = link.from().equals(asset.id()) ? link.to() : link.from();
        lines.add(field("same system", other + " (" + link.kind() + "): " + link.reason()));
      }
    }
    lines.add(field("scan", view.scanId()));
    lines.add("Findings (" + findings.size() + "):");
    lines.add(Tables.text(ResultTables.findingsOfAsset(findings)));
    return String.join("\n", lines);
  }

  private static String newness(ResultView view, Asset asset) {
    String previous = view.result().reconciliation().previousScan();
    if (!view.isNew(asset)) {
      return previous == null ? "no" : "no, scan " + previous + " saw it too";
    }
    return previous == null
        ? "yes, first scan of its target"
        : "yes, scan " + previous + " did not see it";
  }

  private static String target(ResultView view, String targetId) {
    return view.result().scan().targets().stream()
        .filter(t -> t.id().equals(targetId))
        .findFirst()
        .map(Target::name)
        .map(name -> name + " (" + targetId + ")")
        .orElse(targetId);
  }

  static String field(String name, String value) {
    return String.format("  %-12s %s", name + ":", value);
  }

  private static String join(List<String> values) {
    return String.join(", ", values);
  }

  /**
   * @throws UsageException when the value is no asset status
   */
  static AssetStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(AssetStatus.values())
        .filter(s -> s.wireName().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "--status " + value + ": expected registered, shadow, stale or drift"));
  }

  /** Descriptions and lines the commands that explore results share. */
  static final class ResultFlags {
    static final String SCAN = "the scan id in the graph (default: the latest complete scan)";
    static final String INVENTORY =
        "read a saved inventory.json instead of the graph (then leave out --scan and the graph"
            + " flags)";
    static final String STATUS = "only assets with this status: registered, shadow, stale, drift";
    static final String PROVIDER = "only this provider's (openai, anthropic, aws-bedrock, …)";
    static final String TARGET = "only this target's: its name, id or location";

    private ResultFlags() {}

    /** Which scan a table is of, so that an analyst never mistakes an old one for today's. */
    static String scanLine(ResultView view) {
      return "Scan "
          + view.scanId()
          + " ("
          + view.result().scan().started().truncatedTo(ChronoUnit.SECONDS)
          + ") of "
          + view.result().scan().targets().stream()
              .map(Target::name)
              .collect(Collectors.joining(", "));
    }
  }
}
