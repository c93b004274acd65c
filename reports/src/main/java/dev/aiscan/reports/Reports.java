package dev.aiscan.reports;

import dev.aiscan.core.ScanException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report formats, in one explicit list.
 *
 * <pre>{@code
 * for (ReportWriter w : Reports.select(List.of("json"))) w.write(result, outDir);
 * }</pre>
 */
public final class Reports {
  private static final Map<String, ReportWriter> WRITERS = new LinkedHashMap<>();

  static {
    register(new InventoryJsonWriter());
    register(new HtmlWriter());
    register(new CycloneDxWriter());
    register(new SarifWriter());
    register(new CsvWriter());
    register(new MarkdownWriter());
  }

  private Reports() {}

  private static void register(ReportWriter writer) {
    WRITERS.put(writer.format(), writer);
  }

  /** Format names, in registration order. */
  public static List<String> formats() {
    return List.copyOf(WRITERS.keySet());
  }

  /**
   * The writers for the named formats; {@code json} is always included, as every other report and
   * every later re-rendering derives from inventory.json.
   *
   * @throws ScanException naming the first unknown format
   */
  public static List<ReportWriter> select(List<String> formats) {
    List<ReportWriter> out = new ArrayList<>();
    out.add(WRITERS.get("json"));
    for (String f : formats) {
      ReportWriter w = WRITERS.get(f.trim().toLowerCase(java.util.Locale.ROOT));
      if (w == null) {
        throw new ScanException(
            "unknown report format '" + f + "' (available: " + String.join(", ", formats()) + ")");
      }
      if (!out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
