package dev.aiscan.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.reports.internal.AtomicFiles;
import dev.aiscan.reports.internal.Inventory;
import dev.aiscan.reports.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes {@code aiscan.sarif}: the findings that have a place in a file as SARIF 2.1.0 results, one
 * run, ready for GitHub code scanning ({@code github/codeql-action/upload-sarif}). Findings in
 * cloud accounts or SaaS tenants (a resource, no file) have nowhere to show in code and are left
 * out; inventory.json and the other reports carry them.
 *
 * <p>Paths: with one target, {@code artifactLocation.uri} is the file relative to the target root
 * and {@code uriBaseId} is {@code %SRCROOT%}, so code scanning resolves it against the checkout
 * when aiscan scanned the repository root. With several targets a path alone is ambiguous, so the
 * uri is the target's name followed by the file ({@code shop/src/App.java}) and has no {@code
 * uriBaseId}: it reads as relative to a directory holding the targets side by side, which is how a
 * monorepo or a workspace of checkouts is scanned. Paths are percent-encoded per segment.
 *
 * <p>Levels: a credential is an {@code error}; any other finding of a shadow asset (or of no asset)
 * is a {@code warning}; findings of registered or drifted assets are a {@code note}. Each rule's
 * default level is the most severe its findings reach. Each result carries the finding's stable id
 * as the partial fingerprint {@value #FINGERPRINT_KEY}, so code scanning tracks it across scans.
 * Evidence appears only as the finding holds it, already redacted.
 */
public final class SarifWriter implements ReportWriter {
  public static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  public static final String INFORMATION_URI = "https://github.com/aiscan-dev/aiscan";
  public static final String FINGERPRINT_KEY = "aiscanFindingId/v1";
  public static final String SRCROOT = "%SRCROOT%";

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String fileName() {
    return "aiscan.sarif";
  }

  @Override
  public void write(ScanResult result, Path outputDirectory) {
    AtomicFiles.write(outputDirectory, fileName(), out -> write(result, out));
  }

  /** Writes the SARIF log as pretty-printed UTF-8 JSON. */
  public void write(ScanResult result, OutputStream out) throws IOException {
    Inventory inv = new Inventory(result);
    List<Located> located = located(inv);
    Map<String, Rule> rules = rules(located);
    List<String> ruleIds = new ArrayList<>(rules.keySet());

    try (JsonGenerator g = Json.generator(out)) {
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA_URI);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(g, result, rules);
      writeInvocation(g, result);
      g.writeArrayFieldStart("results");
      for (Located l : located) {
        writeResult(g, l, ruleIds.indexOf(l.finding.ruleId()));
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      g.writeStringField("scanId", result.scan().id());
      g.writeArrayFieldStart("targets");
      for (Target t : result.scan().targets()) {
        g.writeString(t.name());
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /**
   * A finding with a file, its asset (or null), its artifact uri and whether that uri is relative
   * to {@value #SRCROOT}.
   */
  private record Located(Finding finding, Asset asset, String uri, boolean srcRoot) {
    String level() {
      if (finding.category() == Category.CREDENTIAL) {
        return "error";
      }
      return asset == null || asset.status() == AssetStatus.SHADOW ? "warning" : "note";
    }
  }

  /** What the results of one rule id say about it. */
  private static final class Rule {
    final Set<String> providers = new LinkedHashSet<>();
    final Set<String> categories = new LinkedHashSet<>();
    Confidence confidence = Confidence.LOW;
    String level = "note";
  }

  private static List<Located> located(Inventory inv) {
    List<Located> out = new ArrayList<>();
    for (Finding f : inv.result().findings()) {
      if (f.location().file() == null) {
        continue;
      }
      String uri = Inventory.uriPath(inv.displayPath(f.targetId(), f.location().file()));
      out.add(new Located(f, inv.assetOf(f), uri, !inv.multiTarget()));
    }
    out.sort(
        Comparator.comparing((Located l) -> l.uri)
            .thenComparing(l -> l.finding.location().cell(), nullsFirst())
            .thenComparing(l -> l.finding.location().line(), nullsFirst())
            .thenComparing(l -> l.finding.ruleId())
            .thenComparing(l -> l.finding.id()));
    return out;
  }

  private static Comparator<Integer> nullsFirst() {
    return Comparator.nullsFirst(Comparator.naturalOrder());
  }

  private static Map<String, Rule> rules(List<Located> located) {
    Map<String, Rule> rules = new TreeMap<>();
    for (Located l : located) {
      Rule r = rules.computeIfAbsent(l.finding.ruleId(), k -> new Rule());
      r.providers.add(l.finding.provider());
      r.categories.add(l.finding.category().wireName());
      if (l.finding.confidence().compareTo(r.confidence) > 0) {
        r.confidence = l.finding.confidence();
      }
      if (severity(l.level()) > severity(r.level)) {
        r.level = l.level();
      }
    }
    return rules;
  }

  private static int severity(String level) {
    return switch (level) {
      case "error" -> 3;
      case "warning" -> 2;
      default -> 1;
    };
  }

  private static void writeTool(JsonGenerator g, ScanResult result, Map<String, Rule> rules)
      throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "aiscan");
    g.writeStringField("version", result.scan().aiscanVersion());
    g.writeStringField("informationUri", INFORMATION_URI);
    g.writeArrayFieldStart("rules");
    for (Map.Entry<String, Rule> e : rules.entrySet()) {
      writeRule(g, e.getKey(), e.getValue());
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeRule(JsonGenerator g, String id, Rule r) throws IOException {
    String providers = String.join(", ", r.providers);
    String categories = String.join(", ", r.categories);
    String meaning =
        "AI use found: "
            + providers
            + " "
            + categories
            + ". Register it in the AI register or remove it.";
    g.writeStartObject();
    g.writeStringField("id", id);
    message(g, "shortDescription", id + " (" + providers + ")");
    message(
        g,
        "fullDescription",
        meaning
            + " An ISO/IEC 42001 AI system inventory lists every AI use with its owner and"
            + " purpose; a use nobody registered is shadow AI.");
    message(
        g,
        "help",
        meaning
            + " If the use is intended, add an entry for it to the AI register (or widen an"
            + " existing entry's selectors) so the next scan reports it as registered.");
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", r.level);
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    Set<String> tags = new LinkedHashSet<>();
    tags.add("ai");
    tags.addAll(r.providers);
    tags.addAll(r.categories);
    g.writeArrayFieldStart("tags");
    for (String t : tags) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeStringField("precision", r.confidence.wireName());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, String field, String text) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  private static void writeInvocation(JsonGenerator g, ScanResult result) throws IOException {
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    g.writeBooleanField("executionSuccessful", true);
    g.writeStringField("startTimeUtc", result.scan().started().toString());
    g.writeStringField("endTimeUtc", result.scan().finished().toString());
    if (result.warningCount() > 0) {
      g.writeArrayFieldStart("toolExecutionNotifications");
      for (Warning w : result.warnings()) {
        g.writeStartObject();
        g.writeStringField("level", "warning");
        message(g, "message", w.source() + ": " + w.message());
        g.writeEndObject();
      }
      if (result.droppedWarnings() > 0) {
        g.writeStartObject();
        g.writeStringField("level", "note");
        message(g, "message", result.droppedWarnings() + " more warnings not listed");
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void writeResult(JsonGenerator g, Located l, int ruleIndex) throws IOException {
    Finding f = l.finding;
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", l.level());
    message(g, "message", text(l));
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", l.uri);
    if (l.srcRoot) {
      g.writeStringField("uriBaseId", SRCROOT);
    }
    g.writeEndObject();
    Location loc = f.location();
    if (loc.line() != null && loc.line() >= 1) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", loc.line());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, f.id());
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("provider", f.provider());
    g.writeStringField("category", f.category().wireName());
    g.writeStringField("confidence", f.confidence().wireName());
    if (f.model() != null) {
      g.writeStringField("model", f.model());
    }
    if (loc.cell() != null) {
      g.writeNumberField("cell", loc.cell());
    }
    if (l.asset != null) {
      g.writeStringField("assetId", l.asset.id());
      g.writeStringField("status", l.asset.status().wireName());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String text(Located l) {
    Finding f = l.finding;
    StringBuilder s = new StringBuilder("AI use found: ");
    s.append(f.provider()).append(' ').append(f.category().wireName());
    if (f.model() != null) {
      s.append(", model ").append(f.model());
    }
    if (f.location().cell() != null) {
      s.append(" (notebook cell ").append(f.location().cell()).append(')');
    }
    s.append(". ");
    if (l.asset == null) {
      s.append("No asset groups it: nothing registered covers it.");
    } else {
      s.append("Asset '")
          .append(l.asset.name())
          .append("' is ")
          .append(l.asset.status().wireName());
      if (l.asset.statusReason() != null && !l.asset.statusReason().isBlank()) {
        s.append(": ").append(l.asset.statusReason());
      }
      s.append('.');
    }
    if (!f.evidence().isBlank()) {
      s.append(" Evidence: ").append(f.evidence());
    }
    return s.toString();
  }
}
