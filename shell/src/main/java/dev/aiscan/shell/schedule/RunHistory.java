package dev.aiscan.shell.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.shell.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run history of {@code aiscan schedule}: one JSON object per line, appended after each run, so
 * that a crash loses at most the run in progress and {@code tail -f} shows runs as they end.
 */
public final class RunHistory {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;

  public RunHistory(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Appends one run. */
  public synchronized void append(RunRecord run) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        JSON.writeValueAsString(run) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /**
   * The last {@code limit} runs, oldest first. A line that is not a run (a run cut short by a
   * crash) is skipped.
   */
  public List<RunRecord> last(int limit) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UsageException(
          file + ": cannot read the run history (" + e.getClass().getSimpleName() + ")");
    }
    List<RunRecord> runs = new ArrayList<>();
    for (String line : lines.subList(Math.max(0, lines.size() - limit), lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      try {
        runs.add(JSON.readValue(line, RunRecord.class));
      } catch (JsonProcessingException e) {
        // a half-written last line: the run it described did not finish
      }
    }
    return runs;
  }
}
