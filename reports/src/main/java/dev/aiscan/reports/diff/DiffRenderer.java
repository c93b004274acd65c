package dev.aiscan.reports.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.aiscan.core.history.AssetState;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Renders a {@link ScanDiff} for the console and as JSON. */
public final class DiffRenderer {
  private static final JsonFactory JSON = new JsonFactory();

  private DiffRenderer() {}

  /**
   * A console summary, one line per asset, for example:
   *
   * <pre>
   * Changes from s1 to s2:
   * New (1):
   *   + openai in shop (shadow)
   * Gone (1):
   *   - anthropic in billing (registered)
   * Changed (1):
   *   ~ langchain in shop: status shadow -&gt; registered; register entry none -&gt; support-bot
   * </pre>
   *
   * Sections without assets are left out; an empty diff says {@code No changes.}
   *
   * @param targetNames target names by target id, to name assets by their target's current name; a
   *     target not in it is named as the asset's name says
   */
  public static String text(ScanDiff d, Map<String, String> targetNames) {
    StringBuilder out = new StringBuilder();
    out.append("Changes from ")
        .append(d.fromScan())
        .append(" to ")
        .append(d.toScan())
        .append(":\n");
    if (d.isEmpty()) {
      return out.append("No changes.\n").toString();
    }
    if (!d.added().isEmpty()) {
      out.append("New (").append(d.added().size()).append("):\n");
      for (AssetState a : d.added()) {
        out.append("  + ").append(label(a, targetNames));
        out.append(" (").append(a.status().wireName()).append(")\n");
      }
    }
    if (!d.removed().isEmpty()) {
      out.append("Gone (").append(d.removed().size()).append("):\n");
      for (AssetState a : d.removed()) {
        out.append("  - ").append(label(a, targetNames));
        out.append(" (").append(a.status().wireName()).append(")\n");
      }
    }
    if (!d.changed().isEmpty()) {
      out.append("Changed (").append(d.changed().size()).append("):\n");
      for (ScanDiff.Change c : d.changed()) {
        out.append("  ~ ").append(label(c.after(), targetNames));
        out.append(": ").append(String.join("; ", c.what())).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The diff as pretty-printed JSON: {@code {from, to, added, removed, changed}}, each asset as
   * {@code {id, provider, name, target, status, registerId, models}} with lowercase statuses, each
   * change as {@code {asset, before, after, what}}.
   */
  public static String json(ScanDiff d) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
      printer.indentObjectsWith(indenter);
      printer.indentArraysWith(indenter);
      g.setPrettyPrinter(printer);
      g.writeStartObject();
      g.writeStringField("from", d.fromScan());
      g.writeStringField("to", d.toScan());
      writeAssets(g, "added", d.added());
      writeAssets(g, "removed", d.removed());
      g.writeArrayFieldStart("changed");
      for (ScanDiff.Change c : d.changed()) {
        g.writeStartObject();
        g.writeStringField("asset", c.after().id());
        g.writeFieldName("before");
        writeAsset(g, c.before());
        g.writeFieldName("after");
        writeAsset(g, c.after());
        g.writeArrayFieldStart("what");
        for (String w : c.what()) {
          g.writeString(w);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * How an asset is named on the console: its name with the target named as it is now. Asset names
   * read {@code <provider>[ model files] in <target name>}.
   */
  static String label(AssetState a, Map<String, String> targetNames) {
    String current = targetNames == null ? null : targetNames.get(a.targetId());
    int in = a.name().indexOf(" in ");
    if (current == null) {
      return a.name();
    }
    return (in < 0 ? a.name() : a.name().substring(0, in)) + " in " + current;
  }

  private static void writeAssets(JsonGenerator g, String field, List<AssetState> assets)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (AssetState a : assets) {
      writeAsset(g, a);
    }
    g.writeEndArray();
  }

  private static void writeAsset(JsonGenerator g, AssetState a) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("provider", a.provider());
    g.writeStringField("name", a.name());
    g.writeStringField("target", a.targetId());
    g.writeStringField("status", a.status().wireName());
    g.writeStringField("registerId", a.registerId());
    g.writeArrayFieldStart("models");
    for (String m : a.models()) {
      g.writeString(m);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
