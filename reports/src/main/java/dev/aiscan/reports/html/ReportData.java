package dev.aiscan.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.register.AssetLink;
import dev.aiscan.core.register.EntryStatus;
import dev.aiscan.core.register.Reconciliation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The data the report page renders, as one JSON tree: the same summary numbers as inventory.json,
 * assets with their evidence and owner, chart series, the dependency graph, register entries and
 * warnings. Every list keeps the result's order, or is sorted, so the same result gives the same
 * bytes.
 */
final class ReportData {
  /** Owner shown for assets no register entry covers. */
  static final String NO_OWNER = "(no owner)";

  /** Owner shown for assets whose register entry names no owner. */
  static final String OWNER_NOT_SET = "(owner not set)";

  /** Statuses in the order charts stack and legends list them. */
  private static final List<AssetStatus> STATUS_ORDER =
      List.of(AssetStatus.SHADOW, AssetStatus.DRIFT, AssetStatus.REGISTERED, AssetStatus.STALE);

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ReportData() {}

  /** The headline numbers, computed as InventoryJsonWriter computes its summary. */
  record Summary(
      long assets,
      long shadow,
      long registered,
      long drift,
      long newAssets,
      long newShadow,
      long findings,
      long warnings,
      long providers,
      long targets) {

    static Summary of(ScanResult r) {
      Reconciliation rec = r.reconciliation();
      return new Summary(
          r.assets().size(),
          r.shadowCount(),
          count(r, AssetStatus.REGISTERED),
          count(r, AssetStatus.DRIFT),
          rec.newAssets().size(),
          r.assets().stream()
              .filter(a -> a.status() == AssetStatus.SHADOW)
              .filter(a -> rec.newAssets().contains(a.id()))
              .count(),
          r.findings().size(),
          r.warningCount(),
          r.assets().stream().map(Asset::provider).distinct().count(),
          r.scan().targets().size());
    }

    private static long count(ScanResult r, AssetStatus status) {
      return r.assets().stream().filter(a -> a.status() == status).count();
    }
  }

  static ObjectNode of(ScanResult result) {
    Reconciliation rec = result.reconciliation();
    Map<String, Target> targets = new HashMap<>();
    result.scan().targets().forEach(t -> targets.put(t.id(), t));
    Map<String, Finding> findings = new HashMap<>();
    result.findings().forEach(f -> findings.put(f.id(), f));
    Map<String, EntryStatus> entries = new HashMap<>();
    rec.entries().forEach(e -> entries.put(e.id(), e));

    ObjectNode root = F.objectNode();
    root.set("scan", scan(result));
    root.set("summary", summary(Summary.of(result)));

    ArrayNode targetNodes = root.putArray("targets");
    for (Target t : result.scan().targets()) {
      ObjectNode n = targetNodes.addObject();
      n.put("id", t.id());
      n.put("kind", t.kind());
      n.put("name", t.name());
      n.put("location", t.location());
      n.put("complete", result.complete(t.id()));
      n.put("assets", result.assets().stream().filter(a -> a.targetId().equals(t.id())).count());
    }

    ArrayNode assetNodes = root.putArray("assets");
    for (Asset a : result.assets()) {
      assetNodes.add(asset(a, targets, findings, entries, rec));
    }

    ObjectNode charts = root.putObject("charts");
    List<AssetStatus> present =
        STATUS_ORDER.stream()
            .filter(s -> result.assets().stream().anyMatch(a -> a.status() == s))
            .toList();
    ArrayNode statuses = charts.putArray("statuses");
    present.forEach(s -> statuses.add(s.wireName()));
    charts.set("byProvider", series(result.assets(), present, Asset::provider));
    charts.set("byOwner", series(result.assets(), present, a -> owner(a, entries)));
    charts.set(
        "byTarget",
        series(
            result.assets(),
            present,
            a ->
                targets.containsKey(a.targetId())
                    ? targets.get(a.targetId()).name()
                    : a.targetId()));

    root.set("graph", graph(DependencyGraph.of(result)));

    ArrayNode entryNodes = root.putArray("entries");
    for (EntryStatus e : rec.entries()) {
      ObjectNode n = entryNodes.addObject();
      n.put("id", e.id());
      n.put("name", e.name() == null ? e.id() : e.name());
      n.put("owner", e.owner());
      n.put("origin", e.origin().toString());
      n.put("state", e.state().wireName());
      ArrayNode ids = n.putArray("assets");
      e.assetIds().forEach(ids::add);
      n.put("unmatchedScans", e.unmatchedScans());
    }

    ArrayNode links = root.putArray("links");
    for (AssetLink l : rec.links()) {
      ObjectNode n = links.addObject();
      n.put("from", l.from());
      n.put("to", l.to());
      n.put("kind", l.kind());
      n.put("reason", l.reason());
    }

    ArrayNode warnings = root.putArray("warnings");
    for (Warning w : result.warnings()) {
      ObjectNode n = warnings.addObject();
      n.put("source", w.source());
      n.put("message", w.message());
    }
    root.put("warningsNotListed", result.droppedWarnings());
    return root;
  }

  /** The owner an asset is charted under: its register entry's owner, or why there is none. */
  static String owner(Asset a, Map<String, EntryStatus> entries) {
    if (a.registerId() == null || a.status() == AssetStatus.SHADOW) {
      return NO_OWNER;
    }
    EntryStatus e = entries.get(a.registerId());
    return e == null || e.owner() == null || e.owner().isBlank() ? OWNER_NOT_SET : e.owner();
  }

  private static ObjectNode scan(ScanResult result) {
    ObjectNode n = F.objectNode();
    n.put("id", result.scan().id());
    n.put("started", result.scan().started().toString());
    n.put("finished", result.scan().finished().toString());
    n.put("aiscanVersion", result.scan().aiscanVersion());
    n.put("previousScan", result.reconciliation().previousScan());
    n.put("registerGiven", result.reconciliation().registerGiven());
    n.put("registerFile", result.reconciliation().registerSource());
    return n;
  }

  private static ObjectNode summary(Summary s) {
    ObjectNode n = F.objectNode();
    n.put("assets", s.assets());
    n.put("shadow", s.shadow());
    n.put("registered", s.registered());
    n.put("drift", s.drift());
    n.put("newAssets", s.newAssets());
    n.put("newShadow", s.newShadow());
    n.put("findings", s.findings());
    n.put("warnings", s.warnings());
    n.put("providers", s.providers());
    n.put("targets", s.targets());
    return n;
  }

  private static ObjectNode asset(
      Asset a,
      Map<String, Target> targets,
      Map<String, Finding> findings,
      Map<String, EntryStatus> entries,
      Reconciliation rec) {
    ObjectNode n = F.objectNode();
    n.put("id", a.id());
    n.put("name", a.name());
    n.put("provider", a.provider());
    n.put("kind", a.kind());
    n.put("target", a.targetId());
    Target t = targets.get(a.targetId());
    n.put("targetName", t == null ? a.targetId() : t.name());
    ArrayNode models = n.putArray("models");
    a.models().forEach(models::add);
    ArrayNode categories = n.putArray("categories");
    a.categories().stream().map(Category::wireName).forEach(categories::add);
    n.put("confidence", a.confidence() == null ? null : a.confidence().wireName());
    n.put("transitiveOnly", a.transitiveOnly());
    n.put("status", a.status().wireName());
    n.put("statusReason", a.statusReason());
    n.put("registerId", a.registerId());
    EntryStatus entry = a.registerId() == null ? null : entries.get(a.registerId());
    n.put("entryName", entry == null ? null : entry.name() == null ? entry.id() : entry.name());
    n.put("owner", owner(a, entries));
    n.put("new", rec.newAssets().contains(a.id()));
    ArrayNode evidence = n.putArray("findings");
    for (String id : a.findingIds()) {
      Finding f = findings.get(id);
      if (f != null) {
        evidence.add(finding(f));
      }
    }
    return n;
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode n = F.objectNode();
    n.put("id", f.id());
    n.put("rule", f.ruleId());
    n.put("category", f.category().wireName());
    n.put("confidence", f.confidence().wireName());
    n.put("location", f.location().toString());
    n.put("evidence", f.evidence());
    if (f.model() != null) {
      n.put("model", f.model());
    }
    if (f.fingerprint() != null) {
      n.put("fingerprint", f.fingerprint());
    }
    if (f.dependency() != null) {
      n.put("direct", f.dependency().direct());
      if (f.dependency().scope() != null) {
        n.put("scope", f.dependency().scope());
      }
      ArrayNode path = n.putArray("path");
      f.dependency().path().forEach(path::add);
    }
    return n;
  }

  /**
   * Asset counts per key and status: {@code {labels: [...], series: {shadow: [...], ...}}}, labels
   * by descending total then name.
   */
  private static ObjectNode series(
      List<Asset> assets, List<AssetStatus> statuses, Function<Asset, String> key) {
    Map<String, Map<AssetStatus, Integer>> counts = new TreeMap<>();
    for (Asset a : assets) {
      counts
          .computeIfAbsent(key.apply(a), k -> new LinkedHashMap<>())
          .merge(a.status(), 1, Integer::sum);
    }
    List<String> labels = new ArrayList<>(counts.keySet());
    labels.sort(
        (x, y) -> {
          int bySize = Integer.compare(total(counts.get(y)), total(counts.get(x)));
          return bySize != 0 ? bySize : x.compareTo(y);
        });
    ObjectNode n = F.objectNode();
    ArrayNode labelNodes = n.putArray("labels");
    labels.forEach(labelNodes::add);
    ObjectNode series = n.putObject("series");
    for (AssetStatus s : statuses) {
      ArrayNode values = series.putArray(s.wireName());
      labels.forEach(l -> values.add(counts.get(l).getOrDefault(s, 0)));
    }
    return n;
  }

  private static int total(Map<AssetStatus, Integer> byStatus) {
    return byStatus.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static JsonNode graph(DependencyGraph g) {
    ObjectNode n = F.objectNode();
    ArrayNode nodes = n.putArray("nodes");
    for (DependencyGraph.Node node : g.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("id", node.id());
      o.put("label", node.label());
      o.put("type", node.type());
      o.put("detail", node.detail());
    }
    ArrayNode edges = n.putArray("edges");
    for (DependencyGraph.Edge e : g.edges()) {
      ObjectNode o = edges.addObject();
      o.put("source", e.source());
      o.put("target", e.target());
    }
    n.put("omittedNodes", g.omittedNodes());
    ArrayNode types = n.putArray("types");
    new TreeSet<>(g.nodes().stream().map(DependencyGraph.Node::type).toList()).forEach(types::add);
    return n;
  }
}
