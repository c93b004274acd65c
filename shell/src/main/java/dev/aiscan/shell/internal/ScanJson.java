package dev.aiscan.shell.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable summary {@code aiscan scan --json} prints on stdout: enough for a pipeline
 * to decide and to find the reports, without reading {@code inventory.json}. Its fields are stable
 * (docs/reports.md).
 */
public final class ScanJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScanJson() {}

  /** The summary of a run as a JSON object. */
  public static String render(ScanRunner.Run run) {
    try {
      return JSON.writeValueAsString(summary(run));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the scan summary as JSON", e);
    }
  }

  static Map<String, Object> summary(ScanRunner.Run run) {
    ScanResult result = run.result();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scanId", result.scan().id());
    out.put("started", result.scan().started().toString());
    out.put("finished", result.scan().finished().toString());
    out.put("aiscanVersion", result.scan().aiscanVersion());
    out.put(
        "targets",
        result.scan().targets().stream()
            .map(
                t -> {
                  Map<String, Object> target = new LinkedHashMap<>();
                  target.put("id", t.id());
                  target.put("kind", t.kind());
                  target.put("name", t.name());
                  target.put("complete", !result.incompleteTargets().contains(t.id()));
                  return target;
                })
            .toList());
    Map<String, Long> byStatus = new TreeMap<>();
    for (AssetStatus status : AssetStatus.values()) {
      byStatus.put(status.name().toLowerCase(java.util.Locale.ROOT), 0L);
    }
    for (Asset asset : result.assets()) {
      byStatus.merge(asset.status().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("findings", result.findings().size());
    counts.put("assets", result.assets().size());
    counts.putAll(byStatus);
    counts.put("newShadow", FailOn.newShadow(result));
    counts.put("warnings", result.warningCount());
    out.put("counts", counts);
    out.put("previousScan", result.reconciliation().previousScan());
    out.put("reports", run.reports().stream().map(Path::toString).toList());
    out.put("recorded", run.graphLine());
    Map<String, Object> failOn = new LinkedHashMap<>();
    failOn.put("mode", run.failOn().flag());
    failOn.put("failed", run.failure() != null);
    failOn.put("reason", run.failure());
    out.put("failOn", failOn);
    return out;
  }
}
