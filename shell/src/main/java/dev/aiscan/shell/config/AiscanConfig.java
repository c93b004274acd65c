package dev.aiscan.shell.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded, valid {@code aiscan.yaml}. Paths in it are absolute (resolved against the file's
 * directory), secrets are resolved from the environment or their files.
 *
 * <pre>{@code
 * Optional<Path> file = ConfigLoader.locate(configFlag, Path.of(""));
 * AiscanConfig config = file.isEmpty() ? AiscanConfig.NONE
 *     : ConfigLoader.load(file.get(), System.getenv(), System.getProperty("user.home"));
 * ScanSpec spec = flags.over(config.scan());
 * }</pre>
 *
 * @param file the file as the user named it; null for {@link #NONE}
 * @param scan what a scan reads and writes
 * @param schedules the scans {@code aiscan schedule} runs, in file order
 * @param notifications where new shadow AI is announced
 * @param history the run history {@code aiscan schedule} appends to, or null when unsaid
 */
public record AiscanConfig(
    Path file,
    ScanSpec scan,
    List<Schedule> schedules,
    NotificationSpec notifications,
    Path history) {

  /** No configuration file. */
  public static final AiscanConfig NONE =
      new AiscanConfig(null, ScanSpec.EMPTY, List.of(), NotificationSpec.NONE, null);

  public AiscanConfig {
    scan = scan == null ? ScanSpec.EMPTY : scan;
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    notifications = notifications == null ? NotificationSpec.NONE : notifications;
  }

  /** The target groups the file names, in {@link ScanSpec#TARGET_GROUPS} order. */
  public List<String> targetGroups() {
    return groups(scan);
  }

  /** What one schedule scans: the file's spec with only the schedule's target groups. */
  public ScanSpec scanFor(Schedule schedule) {
    return scan.only(schedule.targets());
  }

  static List<String> groups(ScanSpec spec) {
    List<String> groups = new ArrayList<>();
    if (!ScanSpec.list(spec.sources()).isEmpty()) {
      groups.add("sources");
    }
    if (!ScanSpec.list(spec.gitRepositories()).isEmpty()) {
      groups.add("git");
    }
    for (String service : ScanSpec.SERVICES) {
      if (spec.runs(service)) {
        groups.add(service);
      }
    }
    return groups;
  }

  /** Names the file and its parts, never a secret. */
  @Override
  public String toString() {
    return "AiscanConfig[file="
        + file
        + ", targets="
        + targetGroups()
        + ", schedules="
        + schedules.stream().map(Schedule::name).toList()
        + ", notifications="
        + notifications
        + ", history="
        + history
        + "]";
  }
}
