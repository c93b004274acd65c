package dev.aiscan.shell;

import static dev.aiscan.shell.AssetsCommand.field;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Finding;
import dev.aiscan.shell.AssetsCommand.ResultFlags;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.InventoryNodes;
import dev.aiscan.shell.internal.ResultTables;
import dev.aiscan.shell.internal.ResultView;
import dev.aiscan.shell.internal.ScanSource;
import dev.aiscan.shell.internal.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * {@code aiscan findings list|show}: the evidence of a past scan (rule, file and line or resource,
 * redacted excerpt) as a table or as JSON, from the graph or from a saved inventory.json.
 *
 * <pre>
 * aiscan findings list --provider openai --category credential
 * aiscan findings list --asset a-7e8f --json
 * aiscan findings show --id f-0c1d
 * </pre>
 */
@Command(command = "findings", group = "Results")
public class FindingsCommand {
  private final GraphAccess access;

  public FindingsCommand(GraphAccess access) {
    this.access = access;
  }

  @Command(
      command = "list",
      description =
          "List the findings of a scan (default: the latest in the graph) by target, file and"
              + " line, as a table or --json.")
  public String list(
      @Option(longNames = "provider", label = "ID", description = ResultFlags.PROVIDER)
          String provider,
      @Option(
              longNames = "category",
              label = "C",
              description =
                  "only this category's: sdk, framework, endpoint, model, credential, model-file,"
                      + " cloud-service, saas-app, vector-db, ml-framework, coding-assistant,"
                      + " governance")
          String category,
      @Option(longNames = "rule", label = "ID", description = "only this rule's") String rule,
      @Option(longNames = "target", label = "NAME", description = ResultFlags.TARGET) String target,
      @Option(
              longNames = "asset",
              label = "ID",
              description = "only the evidence of this asset (its id or a unique start of it)")
          String asset,
      @Option(longNames = "scan", label = "ID", description = ResultFlags.SCAN) String scanId,
      @Option(longNames = "inventory", label = "FILE", description = ResultFlags.INVENTORY)
          String inventory,
      @Option(
              longNames = "json",
              description = "print the findings as a JSON array, as in inventory.json")
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
    Category wantedCategory = category(category);
    ResultView view =
        new ResultView(
            ScanSource.load(
                access, new ScanSource.Flags(scanId, inventory, graphDir, neo4jUri, passwordFile)));
    Set<String> targets = target == null ? null : view.targetIds(target);
    Set<String> ofAsset = asset == null ? null : Set.copyOf(view.asset(asset).findingIds());
    List<Finding> findings =
        view.result().findings().stream()
            .filter(f -> provider == null || f.provider().equals(provider.trim()))
            .filter(f -> wantedCategory == null || f.category() == wantedCategory)
            .filter(f -> rule == null || f.ruleId().equals(rule.trim()))
            .filter(f -> targets == null || targets.contains(f.targetId()))
            .filter(f -> ofAsset == null || ofAsset.contains(f.id()))
            .toList();
    if (json) {
      return InventoryNodes.print(
          InventoryNodes.of(view.result()).findings(findings.stream().map(Finding::id).toList()));
    }
    return ResultFlags.scanLine(view) + "\n" + Tables.text(ResultTables.findings(view, findings));
  }

  @Command(
      command = "show",
      description =
          "Show one finding (its id or the start of it): rule, place, redacted evidence and the"
              + " asset it is evidence of.")
  public String show(
      @Option(
              longNames = "id",
              required = true,
              label = "ID",
              description = "the finding id, or a unique start of it (f-0c1d)")
          String id,
      @Option(longNames = "scan", label = "ID", description = ResultFlags.SCAN) String scanId,
      @Option(longNames = "inventory", label = "FILE", description = ResultFlags.INVENTORY)
          String inventory,
      @Option(
              longNames = "json",
              description =
                  "print the finding as in inventory.json, with its asset's id as assetId")
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
    Finding finding = view.finding(id);
    Optional<Asset> asset = view.assetOf(finding);
    if (json) {
      ObjectNode node = InventoryNodes.of(view.result()).finding(finding.id());
      asset.ifPresent(a -> node.put("assetId", a.id()));
      return InventoryNodes.print(node);
    }
    List<String> lines = new ArrayList<>();
    lines.add("Finding " + finding.id() + ": " + finding.ruleId());
    lines.add(field("provider", finding.provider()));
    lines.add(field("category", finding.category().wireName()));
    lines.add(field("confidence", finding.confidence().wireName()));
    lines.add(
        field("target", view.targetName(finding.targetId()) + " (" + finding.targetId() + ")"));
    lines.add(field("location", finding.location().toString()));
    lines.add(field("evidence", finding.evidence()));
    if (finding.model() != null) {
      lines.add(field("model", finding.model()));
    }
    if (finding.fingerprint() != null) {
      lines.add(field("fingerprint", finding.fingerprint()));
    }
    if (finding.dependency() != null) {
      lines.add(
          field(
              "dependency",
              (finding.dependency().direct() ? "direct" : "through other dependencies")
                  + (finding.dependency().scope() == null
                      ? ""
                      : ", scope " + finding.dependency().scope())));
      lines.add(field("path", String.join(" -> ", finding.dependency().path())));
    }
    asset.ifPresent(
        a ->
            lines.add(
                field("asset", a.id() + " (" + a.name() + ", " + a.status().wireName() + ")")));
    lines.add(field("scan", view.scanId()));
    return String.join("\n", lines);
  }

  /**
   * @throws UsageException when the value is no finding category
   */
  private static Category category(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Category.fromWire(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--category "
              + value
              + ": expected one of "
              + Arrays.stream(Category.values())
                  .map(Category::wireName)
                  .collect(Collectors.joining(", ")));
    }
  }
}
