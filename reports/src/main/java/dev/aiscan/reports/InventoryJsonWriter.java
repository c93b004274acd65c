package dev.aiscan.reports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.register.AssetLink;
import dev.aiscan.core.register.EntryStatus;
import dev.aiscan.core.register.Reconciliation;
import dev.aiscan.reports.internal.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code inventory.json}, the stable contract every other report derives from. Its JSON
 * Schema is {@link #SCHEMA_RESOURCE}; docs/report-schema.md describes each field.
 */
public final class InventoryJsonWriter implements ReportWriter {
  public static final String SCHEMA_VERSION = "1.2";
  public static final String SCHEMA_RESOURCE = "/dev/aiscan/reports/inventory.schema.json";
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String fileName() {
    return "inventory.json";
  }

  @Override
  public void write(ScanResult result, Path outputDirectory) {
    AtomicFiles.write(outputDirectory, fileName(), out -> write(result, out));
  }

  /** Writes the inventory as pretty-printed UTF-8 JSON. */
  public void write(ScanResult result, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schemaVersion", SCHEMA_VERSION);
      writeScan(g, result);
      writeSummary(g, result);
      writeRegister(g, result.reconciliation());
      g.writeArrayFieldStart("findings");
      for (Finding f : result.findings()) {
        writeFinding(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("assets");
      for (Asset a : result.assets()) {
        writeAsset(g, a, result.reconciliation().newAssets().contains(a.id()));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("resources");
      for (CloudResource r : result.resources()) {
        writeResource(g, r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("links");
      for (AssetLink link : result.reconciliation().links()) {
        g.writeStartObject();
        g.writeStringField("from", link.from());
        g.writeStringField("to", link.to());
        g.writeStringField("kind", link.kind());
        g.writeStringField("reason", link.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (Warning w : result.warnings()) {
        g.writeStartObject();
        g.writeStringField("source", w.source());
        g.writeStringField("message", w.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("warningsNotListed", result.droppedWarnings());
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeScan(JsonGenerator g, ScanResult result) throws IOException {
    g.writeObjectFieldStart("scan");
    g.writeStringField("id", result.scan().id());
    g.writeStringField("started", result.scan().started().toString());
    g.writeStringField("finished", result.scan().finished().toString());
    g.writeStringField("aiscanVersion", result.scan().aiscanVersion());
    if (result.reconciliation().previousScan() != null) {
      g.writeStringField("previousScan", result.reconciliation().previousScan());
    }
    g.writeArrayFieldStart("targets");
    for (Target t : result.scan().targets()) {
      g.writeStartObject();
      g.writeStringField("id", t.id());
      g.writeStringField("kind", t.kind());
      g.writeStringField("name", t.name());
      g.writeStringField("location", t.location());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeSummary(JsonGenerator g, ScanResult result) throws IOException {
    Map<String, Integer> byProvider = new TreeMap<>();
    result.assets().forEach(a -> byProvider.merge(a.provider(), 1, Integer::sum));
    g.writeObjectFieldStart("summary");
    g.writeNumberField("assets", result.assets().size());
    g.writeNumberField("shadow", result.shadowCount());
    g.writeNumberField("registered", count(result, AssetStatus.REGISTERED));
    g.writeNumberField("drift", count(result, AssetStatus.DRIFT));
    g.writeNumberField("newAssets", result.reconciliation().newAssets().size());
    g.writeNumberField(
        "newShadow",
        result.assets().stream()
            .filter(a -> a.status() == AssetStatus.SHADOW)
            .filter(a -> result.reconciliation().newAssets().contains(a.id()))
            .count());
    g.writeNumberField("findings", result.findings().size());
    g.writeNumberField("warnings", result.warningCount());
    g.writeObjectFieldStart("assetsByProvider");
    for (Map.Entry<String, Integer> e : byProvider.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", f.id());
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("provider", f.provider());
    g.writeStringField("category", f.category().wireName());
    g.writeStringField("confidence", f.confidence().wireName());
    g.writeStringField("target", f.targetId());
    writeLocation(g, f.location());
    g.writeStringField("evidence", f.evidence());
    if (f.model() != null) {
      g.writeStringField("model", f.model());
    }
    if (f.fingerprint() != null) {
      g.writeStringField("fingerprint", f.fingerprint());
    }
    if (f.dependency() != null) {
      g.writeBooleanField("direct", f.dependency().direct());
      if (f.dependency().scope() != null) {
        g.writeStringField("scope", f.dependency().scope());
      }
      g.writeArrayFieldStart("path");
      for (String step : f.dependency().path()) {
        g.writeString(step);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeLocation(JsonGenerator g, Location l) throws IOException {
    g.writeObjectFieldStart("location");
    if (l.resource() != null) {
      g.writeStringField("resource", l.resource());
    } else {
      g.writeStringField("file", l.file());
      if (l.cell() != null) {
        g.writeNumberField("cell", l.cell());
      }
      if (l.line() != null) {
        g.writeNumberField("line", l.line());
      }
    }
    g.writeEndObject();
  }

  private static void writeAsset(JsonGenerator g, Asset a, boolean isNew) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("provider", a.provider());
    g.writeStringField("kind", a.kind());
    g.writeStringField("name", a.name());
    g.writeStringField("target", a.targetId());
    g.writeArrayFieldStart("models");
    for (String m : a.models()) {
      g.writeString(m);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("categories");
    for (Category c : a.categories()) {
      g.writeString(c.wireName());
    }
    g.writeEndArray();
    g.writeStringField("confidence", a.confidence().wireName());
    if (a.transitiveOnly()) {
      g.writeBooleanField("transitiveOnly", true);
    }
    g.writeArrayFieldStart("findingIds");
    for (String id : a.findingIds()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeStringField("status", a.status().wireName());
    g.writeStringField("statusReason", a.statusReason());
    if (a.registerId() != null) {
      g.writeStringField("registerId", a.registerId());
    }
    g.writeBooleanField("new", isNew);
    g.writeEndObject();
  }

  private static void writeResource(JsonGenerator g, CloudResource r) throws IOException {
    g.writeStartObject();
    g.writeStringField("target", r.targetId());
    g.writeStringField("id", r.id());
    g.writeStringField("type", r.type());
    if (r.name() != null) {
      g.writeStringField("name", r.name());
    }
    if (r.region() != null) {
      g.writeStringField("region", r.region());
    }
    g.writeObjectFieldStart("tags");
    for (Map.Entry<String, String> t : r.tags().entrySet()) {
      g.writeStringField(t.getKey(), t.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static long count(ScanResult result, AssetStatus status) {
    return result.assets().stream().filter(a -> a.status() == status).count();
  }

  private static void writeRegister(JsonGenerator g, Reconciliation r) throws IOException {
    g.writeObjectFieldStart("register");
    g.writeBooleanField("given", r.registerGiven());
    if (r.registerGiven()) {
      g.writeStringField("file", r.registerSource());
    }
    g.writeArrayFieldStart("entries");
    for (EntryStatus e : r.entries()) {
      g.writeStartObject();
      g.writeStringField("id", e.id());
      g.writeStringField("name", e.name() == null ? e.id() : e.name());
      if (e.owner() != null) {
        g.writeStringField("owner", e.owner());
      }
      g.writeStringField("origin", e.origin().toString());
      g.writeStringField("state", e.state().wireName());
      g.writeArrayFieldStart("assets");
      for (String id : e.assetIds()) {
        g.writeString(id);
      }
      g.writeEndArray();
      g.writeNumberField("unmatchedScans", e.unmatchedScans());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
