package dev.aiscan.graph;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.PackageDependency;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.EntryStatus;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.graph.internal.Cypher;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one scan into the graph: its targets, every project's dependency tree, the providers,
 * models, assets and findings, the cloud resources the findings are located at, then marks stale
 * what a complete target no longer shows.
 *
 * <p>Every write is a parameterised MERGE under a uniqueness constraint, batched with UNWIND, in a
 * managed transaction the driver retries on transient errors (deadlocks, leader switches). Batches
 * commit one by one, so a scan killed half way leaves whole batches and a {@code Scan} node whose
 * status stays {@code writing}; since every write is idempotent and stale marking runs last, the
 * next scan repairs the graph to what a clean run gives.
 */
public final class GraphWriter {
  private static final Logger log = LoggerFactory.getLogger(GraphWriter.class);

  /** Rows per transaction: large enough to amortise a round trip, small enough for the heap. */
  public static final int DEFAULT_BATCH = 2_000;

  private final Driver driver;
  private final int batchSize;

  GraphWriter(Driver driver) {
    this(driver, DEFAULT_BATCH);
  }

  GraphWriter(Driver driver, int batchSize) {
    this.driver = driver;
    this.batchSize = batchSize;
  }

  /**
   * What a write did.
   *
   * @param rows entities merged (nodes and relationships the scan names)
   * @param nodesCreated nodes new to the graph
   * @param relationshipsCreated relationships new to the graph
   * @param staleMarked targets whose stale entities were marked (complete targets only)
   * @param elapsed wall time of the write
   */
  public record Summary(
      long rows, long nodesCreated, long relationshipsCreated, int staleMarked, Duration elapsed) {}

  /** The label a target gets besides {@code Target}. */
  private static String label(Target target) {
    return target.cloud() ? "CloudAccount" : target.saas() ? "SaaSTenant" : "Repository";
  }

  public Summary write(ScanResult result) {
    return write(result, Register.NONE);
  }

  /** Writes one scan, and the register it was reconciled with. */
  public Summary write(ScanResult result, Register register) {
    long start = System.nanoTime();
    Map<String, Object> base = new HashMap<>();
    base.put("scan", result.scan().id());
    base.put("t", OffsetDateTime.ofInstant(result.scan().started(), ZoneOffset.UTC));
    Counter counter = new Counter();

    run(Cypher.SCAN_START, with(base, "props", scanProperties(result)), counter);
    writeTargets(result, base, counter);
    batches(Cypher.PROVIDERS, providerRows(result), base, counter);
    batches(Cypher.MODELS, modelRows(result), base, counter);
    batches(Cypher.TARGET_DEPENDS_ON, targetDependencyRows(result.dependencies()), base, counter);
    batches(Cypher.PACKAGE_DEPENDS_ON, packageDependencyRows(result.dependencies()), base, counter);
    batches(Cypher.CLIENT_OF, clientRows(result), base, counter);
    batches(Cypher.ASSETS, assetRows(result), base, counter);
    batches(Cypher.FINDINGS, findingRows(result), base, counter);
    batches(Cypher.USES_MODEL, usesModelRows(result.findings()), base, counter);
    batches(Cypher.RESOURCES, resourceRows(result), base, counter);
    List<Finding> located = locatedFindings(result);
    batches(Cypher.LOCATED_AT, locatedAtRows(located), base, counter);
    batches(Cypher.RESOURCE_USES_MODEL, resourceModelRows(located), base, counter);
    batches(Cypher.REGISTER_ENTRIES, entryRows(result, register), base, counter);
    batches(Cypher.COVERS, coverRows(result.assets()), base, counter);
    batches(Cypher.SAME_SYSTEM, linkRows(result), base, counter);
    int marked = markStale(result, base);
    run(Cypher.SCAN_END, base, counter);

    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    log.info(
        "graph: scan {} written, {} entities in {} ms",
        result.scan().id(),
        counter.rows,
        elapsed.toMillis());
    return new Summary(counter.rows, counter.nodes, counter.relationships, marked, elapsed);
  }

  private static Map<String, Object> scanProperties(ScanResult result) {
    Map<String, Object> props = new HashMap<>();
    props.put("started", utc(result.scan().started()));
    props.put("finished", utc(result.scan().finished()));
    props.put("aiscanVersion", result.scan().aiscanVersion());
    props.put("targets", result.scan().targets().stream().map(Target::name).toList());
    props.put("findings", result.findings().size());
    props.put("assets", result.assets().size());
    props.put("shadow", result.shadowCount());
    props.put("warnings", result.warningCount());
    return props;
  }

  private void writeTargets(ScanResult result, Map<String, Object> base, Counter counter) {
    Map<String, List<Map<String, Object>>> byLabel = new TreeMap<>();
    for (Target target : result.scan().targets()) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", target.id());
      row.put("complete", result.complete(target.id()));
      row.put("name", target.name());
      row.put("kind", target.kind());
      row.put("location", target.location());
      String label = label(target);
      byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(row);
    }
    byLabel.forEach((label, rows) -> batches(Cypher.targets(label), rows, base, counter));
  }

  private static List<Map<String, Object>> providerRows(ScanResult result) {
    TreeSet<String> ids = new TreeSet<>();
    result.findings().forEach(f -> ids.add(f.provider()));
    result.assets().forEach(a -> ids.add(a.provider()));
    return ids.stream().map(id -> Map.<String, Object>of("id", id)).toList();
  }

  private static List<Map<String, Object>> modelRows(ScanResult result) {
    TreeSet<List<String>> pairs =
        new TreeSet<>(
            Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
    for (Finding f : result.findings()) {
      if (f.model() != null) {
        pairs.add(List.of(f.model(), f.provider()));
      }
    }
    return pairs.stream()
        .map(p -> Map.<String, Object>of("name", p.get(0), "provider", p.get(1)))
        .toList();
  }

  private static List<Map<String, Object>> targetDependencyRows(
      List<PackageDependency> dependencies) {
    List<Map<String, Object>> rows = new ArrayList<>(dependencies.size());
    for (PackageDependency d : dependencies) {
      Map<String, Object> row = new HashMap<>();
      row.put("target", d.targetId());
      row.put("project", d.project());
      row.put("package", d.packageKey());
      row.put("ecosystem", d.ecosystem());
      row.put("name", d.name());
      row.put("version", d.version());
      row.put("direct", d.direct());
      row.put("scope", d.scope());
      row.put("manifest", d.manifest());
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> packageDependencyRows(
      List<PackageDependency> dependencies) {
    TreeSet<List<String>> edges =
        new TreeSet<>(
            Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
    for (PackageDependency d : dependencies) {
      if (d.parentKey() != null) {
        edges.add(List.of(d.parentKey(), d.packageKey()));
      }
    }
    return edges.stream()
        .map(e -> Map.<String, Object>of("from", e.get(0), "to", e.get(1)))
        .toList();
  }

  /** A package finding makes its package a client of the provider. */
  private static List<Map<String, Object>> clientRows(ScanResult result) {
    Map<String, String> keyByPath = new HashMap<>();
    for (PackageDependency d : result.dependencies()) {
      keyByPath.putIfAbsent(pathKey(d.targetId(), d.project(), d.label()), d.packageKey());
    }
    TreeSet<List<String>> edges =
        new TreeSet<>(
            Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
    for (Finding f : result.findings()) {
      if (f.dependency() == null || f.dependency().path().size() < 2) {
        continue;
      }
      List<String> path = f.dependency().path();
      String key = keyByPath.get(pathKey(f.targetId(), path.get(0), path.get(path.size() - 1)));
      if (key != null) {
        edges.add(List.of(key, f.provider()));
      }
    }
    return edges.stream()
        .map(e -> Map.<String, Object>of("package", e.get(0), "provider", e.get(1)))
        .toList();
  }

  private static String pathKey(String target, String project, String label) {
    return target + "\u0000" + project + "\u0000" + label;
  }

  private static List<Map<String, Object>> entryRows(ScanResult result, Register register) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EntryStatus status : result.reconciliation().entries()) {
      RegisterEntry e = register.entry(status.id()).orElse(null);
      Map<String, Object> row = new HashMap<>();
      row.put("id", status.id());
      row.put("name", status.name());
      row.put("origin", status.origin().toString());
      row.put("assets", status.assetIds().size());
      row.put("state", status.state().wireName());
      row.put("unmatchedScans", status.unmatchedScans());
      if (e != null) {
        row.put("purpose", e.purpose());
        row.put("owner", e.owner());
        row.put("businessUnit", e.businessUnit());
        row.put("lifecycle", e.lifecycle() == null ? null : e.lifecycle().wireName());
        row.put("riskLevel", e.riskLevel() == null ? null : e.riskLevel().wireName());
        row.put("supplier", e.supplier());
        row.put("models", e.models());
        row.put("reviewDate", e.reviewDate() == null ? null : e.reviewDate().toString());
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> coverRows(List<Asset> assets) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Asset a : assets) {
      if (a.registerId() != null) {
        rows.add(Map.of("entry", a.registerId(), "asset", a.id(), "status", a.status().wireName()));
      }
    }
    return rows;
  }

  private static List<Map<String, Object>> linkRows(ScanResult result) {
    return result.reconciliation().links().stream()
        .map(
            l ->
                Map.<String, Object>of(
                    "from", l.from(), "to", l.to(), "kind", l.kind(), "reason", l.reason()))
        .toList();
  }

  private static List<Map<String, Object>> assetRows(ScanResult result) {
    List<Asset> assets = result.assets();
    List<Map<String, Object>> rows = new ArrayList<>(assets.size());
    for (Asset a : assets) {
      Map<String, Object> props = new HashMap<>();
      props.put("id", a.id());
      props.put("provider", a.provider());
      props.put("kind", a.kind());
      props.put("name", a.name());
      props.put("targetId", a.targetId());
      props.put("models", a.models());
      props.put("categories", a.categories().stream().map(c -> c.wireName()).toList());
      props.put("confidence", a.confidence().wireName());
      props.put("transitiveOnly", a.transitiveOnly());
      props.put("status", a.status().wireName());
      props.put("registerId", a.registerId());
      props.put("findings", a.findingIds().size());
      props.put("statusReason", a.statusReason());
      props.put("new", result.reconciliation().newAssets().contains(a.id()));
      rows.add(props);
    }
    return rows;
  }

  private static List<Map<String, Object>> findingRows(ScanResult result) {
    Map<String, String> assetOf = new HashMap<>();
    for (Asset a : result.assets()) {
      a.findingIds().forEach(id -> assetOf.put(id, a.id()));
    }
    List<Map<String, Object>> rows = new ArrayList<>(result.findings().size());
    for (Finding f : result.findings()) {
      Map<String, Object> props = new HashMap<>();
      props.put("id", f.id());
      props.put("asset", assetOf.get(f.id()));
      props.put("ruleId", f.ruleId());
      props.put("provider", f.provider());
      props.put("category", f.category().wireName());
      props.put("confidence", f.confidence().wireName());
      props.put("targetId", f.targetId());
      props.put("file", f.location().file());
      props.put("line", f.location().line());
      props.put("cell", f.location().cell());
      props.put("resource", f.location().resource());
      props.put("evidence", f.evidence());
      props.put("model", f.model());
      props.put("fingerprint", f.fingerprint());
      if (f.dependency() != null) {
        props.put("direct", f.dependency().direct());
        props.put("dependencyPath", f.dependency().path());
        props.put("scope", f.dependency().scope());
      }
      rows.add(props);
    }
    return rows;
  }

  private static List<Map<String, Object>> usesModelRows(List<Finding> findings) {
    TreeSet<List<String>> uses =
        new TreeSet<>(
            Comparator.comparing((List<String> l) -> l.get(0))
                .thenComparing(l -> l.get(1))
                .thenComparing(l -> l.get(2)));
    for (Finding f : findings) {
      if (f.model() != null) {
        uses.add(List.of(f.targetId(), f.model(), f.provider()));
      }
    }
    return uses.stream()
        .map(
            u ->
                Map.<String, Object>of("target", u.get(0), "model", u.get(1), "provider", u.get(2)))
        .toList();
  }

  /** Resources of the scan's targets; one row per resource id, the first wins. */
  private static List<Map<String, Object>> resourceRows(ScanResult result) {
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    for (CloudResource c : result.resources()) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", c.id());
      row.put("targetId", c.targetId());
      row.put("type", c.type());
      row.put("name", c.name());
      row.put("region", c.region());
      row.put("tags", tags(c));
      rows.putIfAbsent(c.id(), row);
    }
    return List.copyOf(rows.values());
  }

  /** A resource's tags as {@code key=value} strings, sorted by key. */
  static List<String> tags(CloudResource c) {
    List<String> tags = new ArrayList<>(c.tags().size());
    c.tags().forEach((k, v) -> tags.add(k + "=" + v));
    return tags;
  }

  /** Findings located at a resource their own target reported. */
  private static List<Finding> locatedFindings(ScanResult result) {
    TreeSet<String> known = new TreeSet<>();
    result.resources().forEach(c -> known.add(c.targetId() + '\u0000' + c.id()));
    return result.findings().stream()
        .filter(f -> f.location().resource() != null)
        .filter(f -> known.contains(f.targetId() + '\u0000' + f.location().resource()))
        .toList();
  }

  private static List<Map<String, Object>> locatedAtRows(List<Finding> located) {
    return located.stream()
        .map(f -> Map.<String, Object>of("finding", f.id(), "resource", f.location().resource()))
        .toList();
  }

  private static List<Map<String, Object>> resourceModelRows(List<Finding> located) {
    TreeSet<List<String>> uses =
        new TreeSet<>(
            Comparator.comparing((List<String> l) -> l.get(0))
                .thenComparing(l -> l.get(1))
                .thenComparing(l -> l.get(2)));
    for (Finding f : located) {
      if (f.model() != null) {
        uses.add(List.of(f.location().resource(), f.model(), f.provider()));
      }
    }
    return uses.stream()
        .map(
            u ->
                Map.<String, Object>of(
                    "resource", u.get(0), "model", u.get(1), "provider", u.get(2)))
        .toList();
  }

  /**
   * For each target the scan completed, moves its horizon to this scan and marks stale what it no
   * longer shows. A target a connector could not finish is left alone: its absences prove nothing.
   */
  private int markStale(ScanResult result, Map<String, Object> base) {
    int marked = 0;
    for (Target target : result.scan().targets()) {
      if (!result.complete(target.id())) {
        log.info("graph: {} incomplete, nothing marked stale", target.name());
        continue;
      }
      Map<String, Object> params = with(base, "target", target.id());
      try (Session session = driver.session()) {
        session.executeWriteWithoutResult(
            tx -> {
              Object horizon =
                  tx.run(Cypher.TARGET_HORIZON, params).single().get("horizon").asObject();
              Map<String, Object> withHorizon = with(params, "horizon", horizon);
              tx.run(Cypher.STALE_TARGET_RELATIONSHIPS, withHorizon).consume();
              tx.run(Cypher.STALE_ASSETS, withHorizon).consume();
              tx.run(Cypher.STALE_FINDINGS, withHorizon).consume();
              tx.run(Cypher.STALE_RESOURCES, withHorizon).consume();
              tx.run(Cypher.STALE_RESOURCE_RELATIONSHIPS, withHorizon).consume();
            });
      }
      marked++;
    }
    return marked;
  }

  /** Runs {@code cypher} over {@code rows}, one transaction per batch. */
  private void batches(
      String cypher, List<Map<String, Object>> rows, Map<String, Object> base, Counter counter) {
    long start = System.nanoTime();
    for (int from = 0; from < rows.size(); from += batchSize) {
      List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
      run(cypher, with(base, "rows", batch), counter);
      counter.rows += batch.size();
    }
    if (log.isDebugEnabled() && !rows.isEmpty()) {
      log.debug(
          "graph: {} rows in {} ms: {}",
          rows.size(),
          (System.nanoTime() - start) / 1_000_000,
          cypher.lines().skip(1).findFirst().orElse("").strip());
    }
  }

  private void run(String cypher, Map<String, Object> params, Counter counter) {
    try (Session session = driver.session()) {
      SummaryCounters counters =
          session.executeWrite(tx -> tx.run(cypher, params).consume().counters());
      counter.nodes += counters.nodesCreated();
      counter.relationships += counters.relationshipsCreated();
    }
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> params = new LinkedHashMap<>(base);
    params.put(key, value);
    return params;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static final class Counter {
    long rows;
    long nodes;
    long relationships;
  }
}
