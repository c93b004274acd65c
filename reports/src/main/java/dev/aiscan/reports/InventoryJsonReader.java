package dev.aiscan.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.register.AssetLink;
import dev.aiscan.core.register.EntryStatus;
import dev.aiscan.core.register.Reconciliation;
import dev.aiscan.core.register.RegisterEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a saved {@code inventory.json} back into the scan result it was written from, so that
 * {@code aiscan report} can render other formats of a past scan. The dependency trees are not in
 * inventory.json; a result read back has none (the graph keeps them). Inventories older than 1.2
 * have no {@code resources}: a result read from one has none.
 */
public final class InventoryJsonReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InventoryJsonReader() {}

  /**
   * @throws ScanException naming the file when it cannot be read or is not an aiscan inventory
   */
  public static ScanResult read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new ScanException(
          file + ": not readable as JSON (" + e.getClass().getSimpleName() + ")");
    }
    String version = root.path("schemaVersion").asText("");
    if (!version.startsWith("1.")) {
      throw new ScanException(
          file + ": not an aiscan inventory (schemaVersion '" + version + "', expected 1.x)");
    }
    try {
      return result(root);
    } catch (RuntimeException e) {
      throw new ScanException(file + ": not a valid aiscan inventory (" + e.getMessage() + ")");
    }
  }

  private static ScanResult result(JsonNode root) {
    JsonNode s = root.path("scan");
    List<Target> targets = new ArrayList<>();
    for (JsonNode t : s.path("targets")) {
      targets.add(new Target(text(t, "id"), text(t, "kind"), text(t, "name"), text(t, "location")));
    }
    Scan scan =
        new Scan(
            text(s, "id"),
            Instant.parse(text(s, "started")),
            Instant.parse(text(s, "finished")),
            targets,
            text(s, "aiscanVersion"));

    List<Finding> findings = new ArrayList<>();
    for (JsonNode f : root.path("findings")) {
      findings.add(finding(f));
    }
    List<Asset> assets = new ArrayList<>();
    Set<String> newAssets = new HashSet<>();
    for (JsonNode a : root.path("assets")) {
      assets.add(asset(a));
      if (a.path("new").asBoolean(false)) {
        newAssets.add(text(a, "id"));
      }
    }
    List<Warning> warnings = new ArrayList<>();
    for (JsonNode w : root.path("warnings")) {
      warnings.add(new Warning(text(w, "source"), text(w, "message")));
    }
    List<CloudResource> resources = new ArrayList<>();
    for (JsonNode r : root.path("resources")) {
      Map<String, String> tags = new TreeMap<>();
      r.path("tags").properties().forEach(t -> tags.put(t.getKey(), t.getValue().asText()));
      resources.add(
          new CloudResource(
              text(r, "target"),
              text(r, "id"),
              text(r, "type"),
              optional(r, "name"),
              optional(r, "region"),
              tags));
    }
    List<AssetLink> links = new ArrayList<>();
    for (JsonNode l : root.path("links")) {
      links.add(new AssetLink(text(l, "from"), text(l, "to"), text(l, "kind"), text(l, "reason")));
    }
    JsonNode register = root.path("register");
    List<EntryStatus> entries = new ArrayList<>();
    for (JsonNode e : register.path("entries")) {
      List<String> ids = new ArrayList<>();
      e.path("assets").forEach(id -> ids.add(id.asText()));
      entries.add(
          new EntryStatus(
              text(e, "id"),
              optional(e, "name"),
              optional(e, "owner"),
              RegisterEntry.Origin.parse(optional(e, "origin")),
              ids,
              EntryStatus.State.valueOf(
                  text(e, "state").toUpperCase(Locale.ROOT).replace('-', '_')),
              e.path("unmatchedScans").asInt(0)));
    }
    Reconciliation reconciliation =
        new Reconciliation(
            register.path("given").asBoolean(false) ? optional(register, "file") : null,
            entries,
            links,
            newAssets,
            optional(s, "previousScan"));
    return new ScanResult(
        scan,
        findings,
        assets,
        warnings,
        root.path("warningsNotListed").asLong(0),
        List.of(),
        Set.of(),
        reconciliation,
        resources);
  }

  private static Finding finding(JsonNode f) {
    JsonNode l = f.path("location");
    Location location =
        l.has("resource")
            ? Location.resource(text(l, "resource"))
            : new Location(
                text(l, "file"),
                l.has("line") ? l.get("line").asInt() : null,
                l.has("cell") ? l.get("cell").asInt() : null,
                null);
    DependencyPath dependency = null;
    if (f.has("path")) {
      List<String> path = new ArrayList<>();
      f.get("path").forEach(p -> path.add(p.asText()));
      dependency =
          new DependencyPath(f.path("direct").asBoolean(false), path, optional(f, "scope"));
    }
    return new Finding(
        text(f, "id"),
        text(f, "ruleId"),
        text(f, "provider"),
        Category.fromWire(text(f, "category")),
        Confidence.fromWire(text(f, "confidence")),
        text(f, "target"),
        location,
        text(f, "evidence"),
        optional(f, "model"),
        optional(f, "fingerprint"),
        dependency);
  }

  private static Asset asset(JsonNode a) {
    List<String> models = new ArrayList<>();
    a.path("models").forEach(m -> models.add(m.asText()));
    List<Category> categories = new ArrayList<>();
    a.path("categories").forEach(c -> categories.add(Category.fromWire(c.asText())));
    List<String> findingIds = new ArrayList<>();
    a.path("findingIds").forEach(id -> findingIds.add(id.asText()));
    return new Asset(
        text(a, "id"),
        text(a, "provider"),
        text(a, "kind"),
        text(a, "name"),
        text(a, "target"),
        models,
        categories,
        Confidence.fromWire(text(a, "confidence")),
        a.path("transitiveOnly").asBoolean(false),
        findingIds,
        AssetStatus.valueOf(text(a, "status").toUpperCase(Locale.ROOT)),
        optional(a, "registerId"),
        a.has("statusReason") ? text(a, "statusReason") : "no register given");
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing '" + field + "'");
    }
    return v.asText();
  }

  private static String optional(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
