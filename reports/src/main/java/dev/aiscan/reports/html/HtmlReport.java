package dev.aiscan.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders {@code report.html}: one self-contained page that works offline. The page template, style
 * sheet and script are resources next to this class; Chart.js and Cytoscape.js are read from their
 * WebJars on the classpath and inlined; the data is one inline JSON block. A Content Security
 * Policy allows only these inline scripts (by hash) and no network access at all.
 *
 * <p>The output depends only on the result and the generation time, which appears on one line.
 */
public final class HtmlReport {
  static final String BASE = "/dev/aiscan/reports/html/";
  static final String CHART_JS = "chart.js";
  static final String CHART_JS_FILE = "dist/chart.umd.min.js";
  static final String CYTOSCAPE = "cytoscape";
  static final String CYTOSCAPE_FILE = "dist/cytoscape.min.js";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z.]+)\\}\\}");
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setCharacterEscapes(new Inline.ScriptSafeEscapes());
  }

  /** The parts that do not depend on the result, read once. */
  private static final class Parts {
    static final String TEMPLATE = Inline.resource(BASE + "report.html");
    static final String CSS = Inline.resource(BASE + "report.css");
    static final String JS = Inline.script(Inline.resource(BASE + "report.js"));
    static final Inline.WebJarFile CHART = Inline.webJar(CHART_JS, CHART_JS_FILE);
    static final Inline.WebJarFile GRAPH = Inline.webJar(CYTOSCAPE, CYTOSCAPE_FILE);
    static final String CHART_SCRIPT = Inline.script(CHART.text());
    static final String GRAPH_SCRIPT = Inline.script(GRAPH.text());
    static final String CSP =
        "default-src 'none'; script-src "
            + Inline.cspHash(CHART_SCRIPT)
            + " "
            + Inline.cspHash(GRAPH_SCRIPT)
            + " "
            + Inline.cspHash(JS)
            + "; style-src 'unsafe-inline'; img-src data: blob:; font-src 'none';"
            + " connect-src 'none'; form-action 'none'; base-uri 'none'";
  }

  private HtmlReport() {}

  /** The bundled libraries and their versions, e.g. {@code chart.js 4.5.1}. */
  public static List<String> libraries() {
    return List.of(
        Parts.CHART.artifact() + " " + Parts.CHART.version(),
        Parts.GRAPH.artifact() + " " + Parts.GRAPH.version());
  }

  /** Writes the page as UTF-8. */
  public static void write(ScanResult result, Instant generated, OutputStream out)
      throws IOException {
    out.write(render(result, generated).getBytes(StandardCharsets.UTF_8));
  }

  /** The page. */
  public static String render(ScanResult result, Instant generated) {
    ReportData.Summary s = ReportData.Summary.of(result);
    Map<String, String> values = new HashMap<>();
    values.put("csp", Inline.attribute(Parts.CSP));
    values.put("version", Inline.html(result.scan().aiscanVersion()));
    values.put("scanId", Inline.html(result.scan().id()));
    values.put(
        "targetNames",
        Inline.html(
            result.scan().targets().stream().map(Target::name).collect(Collectors.joining(", "))));
    values.put("finished", Inline.html(result.scan().finished().toString()));
    values.put("generated", Inline.html(generated.truncatedTo(ChronoUnit.SECONDS).toString()));
    values.put("libraries", Inline.html(String.join(", ", libraries())));
    values.put("m.assets", Long.toString(s.assets()));
    values.put("m.shadow", Long.toString(s.shadow()));
    values.put("m.new", Long.toString(s.newAssets()));
    values.put("m.newShadow", Long.toString(s.newShadow()));
    values.put("m.providers", Long.toString(s.providers()));
    values.put("m.targets", Long.toString(s.targets()));
    values.put("m.warnings", Long.toString(s.warnings()));
    values.put("m.registered", Long.toString(s.registered()));
    values.put("m.drift", Long.toString(s.drift()));
    values.put("m.findings", Long.toString(s.findings()));
    values.put("shadowClass", s.shadow() > 0 ? "alert" : "ok");
    values.put("warningsClass", s.warnings() > 0 ? "caution" : "ok");
    values.put("css", Parts.CSS);
    values.put("data", json(result));
    values.put("chartjs", Parts.CHART_SCRIPT);
    values.put("cytoscape", Parts.GRAPH_SCRIPT);
    values.put("js", Parts.JS);
    return fill(Parts.TEMPLATE, values);
  }

  /** The data block: JSON with {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped. */
  static String json(ScanResult result) {
    try {
      return JSON.writeValueAsString(ReportData.of(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report data does not serialize", e);
    }
  }

  /**
   * Replaces each {@code {{name}}} of the template, in one pass: inserted text is not rescanned.
   */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 800_000);
    int last = 0;
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("report template names unknown value " + m.group());
      }
      out.append(template, last, m.start()).append(value);
      last = m.end();
    }
    return out.append(template, last, template.length()).toString();
  }
}
