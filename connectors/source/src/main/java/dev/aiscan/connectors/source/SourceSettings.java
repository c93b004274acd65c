package dev.aiscan.connectors.source;

import dev.aiscan.connectors.support.SourceTrees;
import dev.aiscan.core.spi.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Options of the source connector, read from the {@code connectors.source.*} settings. The walk's
 * own ({@code includes}, {@code excludes}, {@code useGitignore}) apply to every connector reading
 * the tree ({@link SourceTrees#files}).
 *
 * @param maxFileSize files read whole (source, config) larger than this are skipped with a warning;
 *     model files are identified from their header and are not limited
 * @param includes globs over paths relative to the target root; when present, only matching files
 *     are scanned, even where the default skip list or {@code .gitignore} would skip them
 * @param excludes globs of paths never to scan
 * @param useGitignore whether {@code .gitignore} files are honoured
 * @param fileTimeout reading one file that takes longer is given up with a warning
 */
public record SourceSettings(
    long maxFileSize,
    List<String> includes,
    List<String> excludes,
    boolean useGitignore,
    Duration fileTimeout) {
  public static final long DEFAULT_MAX_FILE_SIZE = 5L << 20;
  public static final String PREFIX = "connectors.source.";

  public SourceSettings {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  public static SourceSettings from(Settings settings) {
    return new SourceSettings(
        settings.bytes(SourceTrees.MAX_FILE_SIZE, DEFAULT_MAX_FILE_SIZE),
        settings.list(SourceTrees.INCLUDE),
        settings.list(SourceTrees.EXCLUDE),
        !settings.get(SourceTrees.GITIGNORE).map("false"::equalsIgnoreCase).orElse(false),
        SourceTrees.fileTimeout(settings));
  }
}
