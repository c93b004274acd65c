package dev.aiscan.reports.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.EntryStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scan history kept in the output directory when there is no graph: one JSON file per scan, {@code
 * <out>/history/<scanId>.json}, written atomically so that a file that exists is complete.
 *
 * <p>Reading never throws: a history file that does not parse is skipped and named in {@link
 * #warnings()}.
 *
 * <p>A snapshot lists as scanned only the targets the scan finished: an incomplete target's missing
 * assets cannot be told from what the scan missed, so such a scan is no baseline for that target.
 */
public final class FileHistory implements ScanHistory {
  /** The history directory under the output directory. */
  public static final String DIRECTORY = "history";

  static final int FORMAT_VERSION = 1;

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Comparator<ScanSnapshot> NEWEST_FIRST =
      Comparator.comparing(ScanSnapshot::started).thenComparing(ScanSnapshot::scanId).reversed();

  private final Path directory;
  private final Map<Path, String> warnings = new TreeMap<>();

  public FileHistory(Path outputDirectory) {
    this.directory = outputDirectory.resolve(DIRECTORY);
  }

  /** The directory the history files live in. */
  public Path directory() {
    return directory;
  }

  /** The snapshot history keeps of a result. */
  public static ScanSnapshot snapshot(ScanResult result) {
    List<String> targetIds =
        result.scan().targets().stream()
            .map(Target::id)
            .filter(result::complete)
            .distinct()
            .toList();
    List<AssetState> assets = new ArrayList<>();
    for (Asset a : result.assets()) {
      assets.add(
          new AssetState(
              a.id(),
              a.provider(),
              a.name(),
              a.targetId(),
              a.status(),
              a.registerId(),
              a.models()));
    }
    Map<String, Integer> entryMatches = new LinkedHashMap<>();
    for (EntryStatus e : result.reconciliation().entries()) {
      entryMatches.put(e.id(), e.assetIds().size());
    }
    return new ScanSnapshot(
        result.scan().id(), result.scan().started(), targetIds, assets, entryMatches);
  }

  /**
   * Writes the snapshot of a result to {@code history/<scanId>.json} and returns that file.
   *
   * @throws ScanException when the file cannot be written
   */
  public Path record(ScanResult result) {
    ScanSnapshot snapshot = snapshot(result);
    Path file = directory.resolve(fileName(snapshot.scanId()));
    Path partial = null;
    try {
      Files.createDirectories(directory);
      partial = Files.createTempFile(directory, ".partial-", ".tmp");
      try (OutputStream out = Files.newOutputStream(partial)) {
        write(snapshot, out);
      }
      try {
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
      }
      throw new ScanException("cannot write scan history " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<ScanSnapshot> before(Instant started, Collection<String> targetIds, int limit) {
    return load().stream()
        .filter(s -> s.started().isBefore(started))
        .filter(s -> s.targetIds().containsAll(targetIds))
        .limit(Math.max(0, limit))
        .toList();
  }

  @Override
  public Optional<ScanSnapshot> find(String scanId) {
    return load().stream().filter(s -> s.scanId().equals(scanId)).findFirst();
  }

  @Override
  public List<ScanSnapshot> latest(int limit) {
    return load().stream().limit(Math.max(0, limit)).toList();
  }

  /** The history files skipped by the last read, one line each: the file and why it was skipped. */
  public synchronized List<String> warnings() {
    List<String> lines = new ArrayList<>();
    warnings.forEach((file, reason) -> lines.add(file + ": " + reason));
    return List.copyOf(lines);
  }

  /** Every readable snapshot, newest first; what cannot be read is noted in the warnings. */
  private synchronized List<ScanSnapshot> load() {
    warnings.clear();
    List<ScanSnapshot> snapshots = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return snapshots;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      warnings.put(directory, "cannot list scan history: " + oneLine(e));
      return snapshots;
    }
    files.sort(Comparator.naturalOrder());
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      try {
        snapshots.add(parse(MAPPER.readTree(file.toFile())));
      } catch (NoSuchFileException e) {
        // removed while reading: nothing to say
      } catch (IOException | RuntimeException e) {
        warnings.put(file, "skipped, not a scan history file: " + oneLine(e));
      }
    }
    snapshots.sort(NEWEST_FIRST);
    return snapshots;
  }

  /** The file name a scan id is kept under: characters unsafe in a file name become '_'. */
  static String fileName(String scanId) {
    String safe = scanId.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty() || safe.startsWith(".")) {
      safe = "_" + safe;
    }
    return safe + ".json";
  }

  static void write(ScanSnapshot s, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(prettyPrinter());
      g.writeStartObject();
      g.writeNumberField("version", FORMAT_VERSION);
      g.writeStringField("scanId", s.scanId());
      g.writeStringField("started", s.started().toString());
      g.writeArrayFieldStart("targetIds");
      for (String t : s.targetIds()) {
        g.writeString(t);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("assets");
      for (AssetState a : s.assets()) {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("provider", a.provider());
        g.writeStringField("name", a.name());
        g.writeStringField("targetId", a.targetId());
        g.writeStringField("status", a.status().wireName());
        g.writeStringField("registerId", a.registerId());
        g.writeArrayFieldStart("models");
        for (String m : a.models()) {
          g.writeString(m);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("entryMatches");
      for (Map.Entry<String, Integer> e : new TreeMap<>(s.entryMatches()).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** Pretty printing with two-space indents and '\n' line ends on every platform. */
  static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  static ScanSnapshot parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode version = root.get("version");
    if (version != null && version.isInt() && version.intValue() > FORMAT_VERSION) {
      throw new IllegalArgumentException("format version " + version.intValue() + " is newer");
    }
    String scanId = text(root, "scanId");
    Instant started;
    try {
      started = Instant.parse(text(root, "started"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("started is not an ISO-8601 instant");
    }
    List<String> targetIds = new ArrayList<>();
    for (JsonNode t : array(root, "targetIds")) {
      targetIds.add(string(t, "targetIds"));
    }
    List<AssetState> assets = new ArrayList<>();
    for (JsonNode a : array(root, "assets")) {
      if (!a.isObject()) {
        throw new IllegalArgumentException("an asset is not an object");
      }
      List<String> models = new ArrayList<>();
      JsonNode modelNodes = a.get("models");
      if (modelNodes != null && !modelNodes.isNull()) {
        for (JsonNode m : array(a, "models")) {
          models.add(string(m, "models"));
        }
      }
      assets.add(
          new AssetState(
              text(a, "id"),
              text(a, "provider"),
              text(a, "name"),
              text(a, "targetId"),
              status(text(a, "status")),
              optionalText(a, "registerId"),
              models));
    }
    Map<String, Integer> entryMatches = new LinkedHashMap<>();
    JsonNode entries = root.get("entryMatches");
    if (entries != null && !entries.isNull()) {
      if (!entries.isObject()) {
        throw new IllegalArgumentException("entryMatches is not an object");
      }
      for (Map.Entry<String, JsonNode> e : entries.properties()) {
        if (!e.getValue().isInt()) {
          throw new IllegalArgumentException("entryMatches." + e.getKey() + " is not a number");
        }
        entryMatches.put(e.getKey(), e.getValue().intValue());
      }
    }
    return new ScanSnapshot(scanId, started, targetIds, assets, entryMatches);
  }

  private static AssetStatus status(String wire) {
    try {
      return AssetStatus.valueOf(wire.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown asset status '" + wire + "'");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " is missing or not a string");
    }
    return value.textValue();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : text(node, field);
  }

  private static String string(JsonNode value, String field) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " holds a value that is not a string");
    }
    return value.textValue();
  }

  private static JsonNode array(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException(field + " is missing or not an array");
    }
    return value;
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
