package dev.aiscan.shell.internal;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Finding;
import dev.aiscan.graph.QueryResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assets and findings as rows for {@link Tables#text}: the columns the {@code assets}, {@code
 * findings} and {@code shadow} commands print.
 */
public final class ResultTables {
  private ResultTables() {}

  /** One row per asset: id, status, provider, kind, name, target, models, findings. */
  public static QueryResult assets(ResultView view, List<Asset> assets) {
    List<List<Object>> rows = new ArrayList<>();
    for (Asset a : assets) {
      rows.add(
          row(
              a.id(),
              a.status().wireName(),
              a.provider(),
              a.kind(),
              a.name(),
              view.targetName(a.targetId()),
              a.models(),
              a.findingIds().size()));
    }
    return new QueryResult(
        List.of("id", "status", "provider", "kind", "name", "target", "models", "findings"), rows);
  }

  /**
   * One row per shadow asset, with whether it is new: id, new, provider, kind, name, target,
   * models, findings.
   */
  public static QueryResult shadow(ResultView view, List<Asset> assets) {
    List<List<Object>> rows = new ArrayList<>();
    for (Asset a : assets) {
      rows.add(
          row(
              a.id(),
              view.isNew(a) ? "new" : "",
              a.provider(),
              a.kind(),
              a.name(),
              view.targetName(a.targetId()),
              a.models(),
              a.findingIds().size()));
    }
    return new QueryResult(
        List.of("id", "new", "provider", "kind", "name", "target", "models", "findings"), rows);
  }

  /** One row per finding: id, provider, category, rule, target, location, evidence. */
  public static QueryResult findings(ResultView view, List<Finding> findings) {
    List<List<Object>> rows = new ArrayList<>();
    for (Finding f : findings) {
      rows.add(
          row(
              f.id(),
              f.provider(),
              f.category().wireName(),
              f.ruleId(),
              view.targetName(f.targetId()),
              f.location().toString(),
              f.evidence()));
    }
    return new QueryResult(
        List.of("id", "provider", "category", "rule", "target", "location", "evidence"), rows);
  }

  /** The findings of one asset, whose provider and target the asset already says. */
  public static QueryResult findingsOfAsset(List<Finding> findings) {
    List<List<Object>> rows = new ArrayList<>();
    for (Finding f : findings) {
      rows.add(
          row(f.id(), f.category().wireName(), f.ruleId(), f.location().toString(), f.evidence()));
    }
    return new QueryResult(List.of("id", "category", "rule", "location", "evidence"), rows);
  }

  // values may be null (no model), which List.of refuses
  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
