package dev.aiscan.reports;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Target;
import dev.aiscan.reports.internal.AtomicFiles;
import dev.aiscan.reports.internal.Inventory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code summary.md}: a short summary of the inventory for a pull-request comment or a
 * ticket. Shadow AI comes first, as a table with where it was first seen; then how many assets are
 * registered or drift from their entry, then assets per provider. It stays short (at most about
 * {@value #MAX_LINES} lines): long tables end with "… and N more", and inventory.json or
 * report.html have the rest.
 *
 * <p>Text taken from the scan is escaped: Markdown's special characters are backslash-escaped,
 * {@code <} and {@code >} become entities (no HTML reaches a renderer), and line breaks become
 * spaces, so a name cannot break a table row or inject a link.
 */
public final class MarkdownWriter implements ReportWriter {
  /** The summary's rough maximum length in lines. */
  public static final int MAX_LINES = 50;

  static final int MAX_SHADOW_ROWS = 15;
  static final int MAX_PROVIDER_ROWS = 8;

  @Override
  public String format() {
    return "md";
  }

  @Override
  public String fileName() {
    return "summary.md";
  }

  @Override
  public void write(ScanResult result, Path outputDirectory) {
    AtomicFiles.write(outputDirectory, fileName(), out -> write(result, out));
  }

  /** Writes the summary, UTF-8 encoded, {@code \n} line ends. */
  public void write(ScanResult result, OutputStream out) throws IOException {
    out.write(render(result).getBytes(StandardCharsets.UTF_8));
  }

  /** The summary's text. */
  public String render(ScanResult result) {
    Inventory inv = new Inventory(result);
    List<String> lines = new ArrayList<>();
    String targets =
        result.scan().targets().stream().map(Target::name).collect(Collectors.joining(", "));
    lines.add("# AI inventory: " + escape(targets.isEmpty() ? "(no targets)" : targets));
    lines.add("");
    lines.add(headline(result));
    lines.add("");

    List<Asset> shadow =
        result.assets().stream().filter(a -> a.status() == AssetStatus.SHADOW).toList();
    lines.add("## Shadow AI (" + shadow.size() + ")");
    lines.add("");
    if (shadow.isEmpty()) {
      lines.add("No shadow AI: the register covers every AI use found.");
    } else {
      lines.add("| Provider | Asset | Target | First evidence |");
      lines.add("| --- | --- | --- | --- |");
      for (Asset a : shadow.subList(0, Math.min(MAX_SHADOW_ROWS, shadow.size()))) {
        lines.add(
            "| "
                + escape(a.provider())
                + " | "
                + escape(a.name())
                + (inv.isNew(a) && result.reconciliation().previousScan() != null ? " (new)" : "")
                + " | "
                + escape(inv.targetName(a.targetId()))
                + " | "
                + escape(firstEvidence(inv, a))
                + " |");
      }
      more(lines, shadow.size() - MAX_SHADOW_ROWS);
    }
    lines.add("");

    lines.add("## Registered and drift");
    lines.add("");
    lines.add("- Registered: " + count(result, AssetStatus.REGISTERED));
    long drift = count(result, AssetStatus.DRIFT);
    lines.add("- Drift: " + drift + (drift > 0 ? " (found, but not as the register says)" : ""));
    lines.add("");

    Map<String, long[]> providers = new TreeMap<>();
    for (Asset a : result.assets()) {
      long[] c = providers.computeIfAbsent(a.provider(), k -> new long[2]);
      c[0]++;
      if (a.status() == AssetStatus.SHADOW) {
        c[1]++;
      }
    }
    lines.add("## Providers");
    lines.add("");
    if (providers.isEmpty()) {
      lines.add("No AI found.");
    } else {
      lines.add("| Provider | Assets | Shadow |");
      lines.add("| --- | ---: | ---: |");
      int shown = 0;
      for (Map.Entry<String, long[]> e : providers.entrySet()) {
        if (shown++ == MAX_PROVIDER_ROWS) {
          break;
        }
        lines.add(
            "| " + escape(e.getKey()) + " | " + e.getValue()[0] + " | " + e.getValue()[1] + " |");
      }
      more(lines, providers.size() - MAX_PROVIDER_ROWS);
    }

    if (!result.reconciliation().registerGiven()) {
      lines.add("");
      lines.add(
          "> No register given: every asset counts as shadow. Pass the AI register with"
              + " `--register` to tell registered AI from shadow AI.");
    }
    lines.add("");
    lines.add(
        "Scan "
            + escape(result.scan().id())
            + ", aiscan "
            + escape(result.scan().aiscanVersion())
            + ", finished "
            + result.scan().finished()
            + ".");
    return String.join("\n", lines) + "\n";
  }

  private static String headline(ScanResult result) {
    int assets = result.assets().size();
    StringBuilder s = new StringBuilder();
    s.append("**")
        .append(assets)
        .append(assets == 1 ? " AI asset" : " AI assets")
        .append("**: ")
        .append(result.shadowCount())
        .append(" shadow, ");
    if (result.reconciliation().previousScan() == null) {
      s.append("first scan of these targets");
    } else {
      s.append(result.reconciliation().newAssets().size()).append(" new since last scan");
    }
    s.append(", ").append(count(result, AssetStatus.DRIFT)).append(" drift, ");
    long warnings = result.warningCount();
    s.append(warnings).append(warnings == 1 ? " warning" : " warnings");
    return s.toString();
  }

  private static String firstEvidence(Inventory inv, Asset a) {
    return inv.findingsOf(a).stream()
        .findFirst()
        .map(f -> inv.displayLocation(f.targetId(), f.location()))
        .orElse("");
  }

  private static void more(List<String> lines, long hidden) {
    if (hidden > 0) {
      lines.add("");
      lines.add("… and " + hidden + " more");
    }
  }

  private static long count(ScanResult result, AssetStatus status) {
    return result.assets().stream().filter(a -> a.status() == status).count();
  }

  /**
   * Text safe inside a Markdown table cell or heading: one line, Markdown punctuation
   * backslash-escaped, angle brackets as entities.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> {
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          s.append(' ');
        }
        case '\n', '\t', '\u2028', '\u2029' -> s.append(' ');
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '\\', '`', '|', '*', '_', '[', ']', '#', '~', '!' -> s.append('\\').append(c);
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
