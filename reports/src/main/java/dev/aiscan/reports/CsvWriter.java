package dev.aiscan.reports;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import dev.aiscan.reports.internal.AtomicFiles;
import dev.aiscan.reports.internal.Inventory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code inventory.csv}: one row per asset with the columns an AI register needs, for a
 * compliance lead to sort, filter and complete in a spreadsheet. The last five columns (purpose,
 * owner, business unit, lifecycle, risk level) are the register's own fields: empty for the lead to
 * fill in, except the owner, taken from the register entry that covers the asset when it names one.
 *
 * <p>Format: RFC 4180, UTF-8, CRLF line ends, a header row. A cell holding a comma, a double quote,
 * CR or LF is quoted, its quotes doubled. A cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or CR gets a single quote {@code '} in front, so a spreadsheet shows it as text
 * instead of evaluating it as a formula (CSV injection). {@link #CsvWriter(boolean) new
 * CsvWriter(true)} starts the file with a UTF-8 byte order mark, which older Excel versions need to
 * read non-ASCII text right.
 */
public final class CsvWriter implements ReportWriter {
  /** The header row, in column order. */
  public static final List<String> COLUMNS =
      List.of(
          "asset_id",
          "name",
          "provider",
          "kind",
          "target",
          "target_location",
          "status",
          "status_reason",
          "register_id",
          "models",
          "categories",
          "confidence",
          "new",
          "transitive_only",
          "findings",
          "first_evidence",
          "purpose",
          "owner",
          "business_unit",
          "lifecycle",
          "risk_level");

  private static final String CRLF = "\r\n";
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final boolean bom;

  /** Without a byte order mark. */
  public CsvWriter() {
    this(false);
  }

  /**
   * @param bom whether the file starts with a UTF-8 byte order mark
   */
  public CsvWriter(boolean bom) {
    this.bom = bom;
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String fileName() {
    return "inventory.csv";
  }

  @Override
  public void write(ScanResult result, Path outputDirectory) {
    AtomicFiles.write(outputDirectory, fileName(), out -> write(result, out));
  }

  /** Writes the CSV, UTF-8 encoded. */
  public void write(ScanResult result, OutputStream out) throws IOException {
    if (bom) {
      out.write(UTF8_BOM);
    }
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    row(w, COLUMNS);
    Inventory inv = new Inventory(result);
    for (Asset a : result.assets()) {
      String owner = inv.owner(a);
      row(
          w,
          List.of(
              a.id(),
              a.name(),
              a.provider(),
              a.kind(),
              inv.targetName(a.targetId()),
              inv.targetLocation(a.targetId()),
              a.status().wireName(),
              nullToEmpty(a.statusReason()),
              nullToEmpty(a.registerId()),
              String.join(";", a.models()),
              a.categories().stream().map(Category::wireName).collect(Collectors.joining(";")),
              a.confidence() == null ? "" : a.confidence().wireName(),
              Boolean.toString(inv.isNew(a)),
              Boolean.toString(a.transitiveOnly()),
              Integer.toString(a.findingIds().size()),
              inv.firstEvidence(a),
              "",
              nullToEmpty(owner),
              "",
              "",
              ""));
    }
    w.flush();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void row(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cell(cells.get(i)));
    }
    w.write(CRLF);
  }

  /** One cell, defused against formulas and quoted as RFC 4180 requires. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\r') >= 0
        || v.indexOf('\n') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
