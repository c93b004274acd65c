package dev.aiscan.connectors.source.internal.lang;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.aiscan.core.ScanException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the code cells and the kernel language of a Jupyter notebook (nbformat 4, and the {@code
 * worksheets} of nbformat 3) with Jackson's streaming parser: outputs are skipped without being
 * kept, and each cell's source is capped.
 */
final class NotebookReader {
  /** Longer cell sources are cut: generated or pasted data, not code worth scanning. */
  static final int MAX_CELL_CHARS = 1 << 20;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .build();

  /**
   * A code cell.
   *
   * @param index 1-based position among all cells (markdown included), as Jupyter shows it
   * @param source the cell's source, possibly cut
   * @param truncated whether the source was cut at {@link #MAX_CELL_CHARS}
   */
  record Cell(int index, String source, boolean truncated) {}

  /** The code cells of a notebook and its language (lower case, "python" when unstated). */
  record Notebook(String language, List<Cell> cells) {}

  private final List<Cell> cells = new ArrayList<>();
  private String kernelLanguage;
  private String infoLanguage;
  private String cellLanguage;
  private int index;

  private NotebookReader() {}

  /** Reads a notebook; malformed JSON raises a one-line {@link ScanException} naming the line. */
  static Notebook read(String json) {
    NotebookReader reader = new NotebookReader();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ScanException("not a Jupyter notebook: the JSON is not an object");
      }
      reader.notebook(p);
      while (p.nextToken() != null) {
        // reads to the end so trailing garbage is reported
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr();
      throw new ScanException("invalid notebook JSON" + line + ": " + reason(e));
    } catch (IOException e) {
      throw new ScanException("cannot read notebook JSON: " + e.getClass().getSimpleName());
    }
    String language =
        reader.kernelLanguage != null
            ? reader.kernelLanguage
            : reader.infoLanguage != null
                ? reader.infoLanguage
                : reader.cellLanguage != null ? reader.cellLanguage : "python";
    return new Notebook(language.toLowerCase(Locale.ROOT), List.copyOf(reader.cells));
  }

  /** Jackson's messages quote the offending text, which may be a secret: only the kind is kept. */
  private static String reason(JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return "unexpected end of input";
    }
    if (e instanceof StreamConstraintsException) {
      return "nested too deeply or too large";
    }
    return "malformed JSON";
  }

  private void notebook(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("cells") && value == JsonToken.START_ARRAY) {
        cells(p);
      } else if (field.equals("worksheets") && value == JsonToken.START_ARRAY) {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
          if (t == JsonToken.START_OBJECT) {
            notebook(p);
          } else {
            p.skipChildren();
          }
        }
      } else if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
        metadata(p);
      } else {
        p.skipChildren();
      }
    }
  }

  private void metadata(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("kernelspec") && value == JsonToken.START_OBJECT) {
        kernelLanguage = firstString(p, "language", kernelLanguage);
      } else if (field.equals("language_info") && value == JsonToken.START_OBJECT) {
        infoLanguage = firstString(p, "name", infoLanguage);
      } else {
        p.skipChildren();
      }
    }
  }

  /** The string value of {@code name} in the object the parser is in, or {@code otherwise}. */
  private static String firstString(JsonParser p, String name, String otherwise)
      throws IOException {
    String found = otherwise;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals(name) && value == JsonToken.VALUE_STRING) {
        found = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return found;
  }

  private void cells(JsonParser p) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      index++;
      if (t == JsonToken.START_OBJECT) {
        cell(p);
      } else {
        p.skipChildren();
      }
    }
  }

  private void cell(JsonParser p) throws IOException {
    String type = null;
    StringBuilder source = null;
    boolean truncated = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("cell_type") && value == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else if (field.equals("language")
          && value == JsonToken.VALUE_STRING
          && cellLanguage == null) {
        cellLanguage = p.getText();
      } else if ((field.equals("source") || field.equals("input"))
          && (value == JsonToken.VALUE_STRING || value == JsonToken.START_ARRAY)) {
        source = new StringBuilder();
        truncated = source(p, value, source);
      } else {
        p.skipChildren();
      }
    }
    if ("code".equals(type) && source != null) {
      cells.add(new Cell(index, source.toString(), truncated));
    }
  }

  /** Appends a source given as one string or a list of lines; returns whether it was cut. */
  private static boolean source(JsonParser p, JsonToken value, StringBuilder out)
      throws IOException {
    boolean truncated = false;
    if (value == JsonToken.VALUE_STRING) {
      truncated = append(out, p.getText());
    } else {
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
        if (t == JsonToken.VALUE_STRING) {
          truncated |= append(out, p.getText());
        } else {
          p.skipChildren();
        }
      }
    }
    return truncated;
  }

  private static boolean append(StringBuilder out, String text) {
    int room = MAX_CELL_CHARS - out.length();
    if (text.length() <= room) {
      out.append(text);
      return false;
    }
    out.append(text, 0, Math.max(0, room));
    return true;
  }
}
