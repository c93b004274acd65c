package dev.aiscan.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiscan.shell.config.AiscanConfig;
import dev.aiscan.shell.config.ConfigException;
import dev.aiscan.shell.config.ConfigLoader;
import dev.aiscan.shell.config.NotificationSpec;
import dev.aiscan.shell.config.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code aiscan config validate|example}: check {@code aiscan.yaml}, or print a commented one. */
@Command(command = "config", group = "Configuration")
public class ConfigCommand {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Command(
      command = "validate",
      description =
          "Check aiscan.yaml (or --config FILE): every problem as file:line. Exit 2 when invalid.")
  public String validate(
      @Option(
              longNames = "config",
              label = "FILE",
              description = "the configuration file (default: ./aiscan.yaml)")
          String config,
      @Option(longNames = "json", description = "print the verdict as JSON") boolean json) {
    return validate(
        config,
        json,
        Path.of(""),
        System.getenv(),
        System.getProperty("user.home"),
        ZonedDateTime.now());
  }

  @Command(
      command = "example",
      description = "Print a commented aiscan.yaml with every section and key.")
  public String example() {
    return exampleText().stripTrailing();
  }

  /** The commented example shipped with aiscan. */
  static String exampleText() {
    try (InputStream in = ConfigCommand.class.getResourceAsStream(ConfigLoader.EXAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(ConfigLoader.EXAMPLE_RESOURCE + " is not in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code config validate} with its environment given, for tests.
   *
   * @throws ConfigException with every problem (without {@code json})
   * @throws UsageException when there is no file, or (with {@code json}, after printing the JSON)
   *     when the file is invalid
   */
  static String validate(
      String config,
      boolean json,
      Path workingDir,
      Map<String, String> env,
      String userHome,
      ZonedDateTime now) {
    Optional<Path> located;
    try {
      located = ConfigLoader.locate(config, workingDir);
    } catch (ConfigException e) {
      if (!json) {
        throw e;
      }
      return invalid(config, e);
    }
    if (located.isEmpty()) {
      throw new UsageException(
          "no "
              + ConfigLoader.DEFAULT_NAME
              + " in "
              + (workingDir.toString().isEmpty() ? "this directory" : workingDir.toString())
              + "; give --config FILE (aiscan config example prints a commented one)");
    }
    Path file = located.get();
    AiscanConfig loaded;
    try {
      loaded = ConfigLoader.load(file, env, userHome);
    } catch (ConfigException e) {
      if (!json) {
        throw e;
      }
      return invalid(file.toString(), e);
    }
    return json ? json(file.toString(), loaded, now) : summary(file.toString(), loaded, now);
  }

  private static String invalid(String file, ConfigException e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", file);
    out.put("valid", false);
    out.put("problems", e.problems());
    out.put("targets", List.of());
    out.put("schedules", List.of());
    // the JSON on stdout for scripts, one line on stderr and exit 2 as for any invalid input
    System.out.println(write(out));
    System.out.flush();
    throw new UsageException(
        file
            + ": invalid: "
            + e.problems().size()
            + " problem"
            + (e.problems().size() == 1 ? "" : "s"));
  }

  private static String json(String file, AiscanConfig config, ZonedDateTime now) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", file);
    out.put("valid", true);
    out.put("problems", List.of());
    out.put("targets", config.targetGroups());
    List<Map<String, Object>> schedules = new ArrayList<>();
    for (Schedule s : config.schedules()) {
      Map<String, Object> schedule = new LinkedHashMap<>();
      schedule.put("name", s.name());
      schedule.put("cron", s.cron());
      schedule.put("timezone", s.zone().getId());
      schedule.put("targets", s.targets());
      ZonedDateTime next = s.next(now);
      schedule.put("next", next == null ? null : next.toOffsetDateTime().toString());
      schedules.add(schedule);
    }
    out.put("schedules", schedules);
    return write(out);
  }

  static String summary(String file, AiscanConfig config, ZonedDateTime now) {
    List<String> groups = config.targetGroups();
    StringBuilder out = new StringBuilder(file).append(": valid: ");
    out.append(groups.isEmpty() ? "no target groups" : count(groups.size(), "target group"));
    if (!groups.isEmpty()) {
      out.append(" (").append(String.join(", ", groups)).append(")");
    }
    out.append(", ");
    List<Schedule> schedules = config.schedules();
    if (schedules.isEmpty()) {
      out.append("no schedules");
    } else {
      out.append(count(schedules.size(), "schedule"));
      schedules.stream()
          .filter(s -> s.next(now) != null)
          .min(Comparator.comparing(s -> s.next(now).toInstant()))
          .ifPresent(
              s ->
                  out.append(" (next: ")
                      .append(s.name())
                      .append(" at ")
                      .append(s.next(now).toOffsetDateTime())
                      .append(")"));
    }
    NotificationSpec n = config.notifications();
    List<String> channels = new ArrayList<>();
    if (n.webhookUrl() != null) {
      channels.add("webhook (" + n.webhookFormat() + ")");
    }
    if (n.file() != null) {
      channels.add("file " + n.file());
    }
    out.append(
        channels.isEmpty()
            ? ", no notifications"
            : ", notifications to " + String.join(" and ", channels));
    return out.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
