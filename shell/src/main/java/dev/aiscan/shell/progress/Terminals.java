package dev.aiscan.shell.progress;

import dev.aiscan.shell.progress.ProgressReporter.Mode;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how progress is shown: whether stderr is a terminal, and how wide it is.
 *
 * <pre>{@code
 * ProgressReporter.Mode mode = quiet ? Mode.OFF : Terminals.detect(System.getenv());
 * }</pre>
 */
public final class Terminals {
  /** Environment variable that forces a mode: {@code tty}, {@code plain} or {@code off}. */
  public static final String PROGRESS_ENV = "AISCAN_PROGRESS";

  /**
   * System property the launcher sets to {@code true} or {@code false} after testing whether stderr
   * is a terminal, which the JVM cannot see for itself.
   */
  public static final String STDERR_TTY_PROPERTY = "aiscan.stderr.tty";

  private static final Logger log = LoggerFactory.getLogger(Terminals.class);

  private Terminals() {}

  /**
   * The progress mode for this process: {@value #PROGRESS_ENV} when it names one; else what the
   * launcher found out about stderr ({@value #STDERR_TTY_PROPERTY}); else {@link Mode#TTY} when the
   * JVM has an interactive console and {@code TERM} is set and not {@code dumb}; else {@link
   * Mode#PLAIN}.
   */
  public static Mode detect(Map<String, String> env) {
    return detect(env, System.getProperty(STDERR_TTY_PROPERTY), interactiveConsole());
  }

  static Mode detect(Map<String, String> env, String stderrTtyProperty, boolean console) {
    String forced = env.get(PROGRESS_ENV);
    if (forced != null && !forced.isBlank()) {
      switch (forced.strip().toLowerCase(Locale.ROOT)) {
        case "tty":
          return Mode.TTY;
        case "plain":
          return Mode.PLAIN;
        case "off":
          return Mode.OFF;
        default:
          log.warn("{}={} is not one of tty, plain, off; ignored", PROGRESS_ENV, forced);
      }
    }
    // The launcher's answer is about stderr itself, so it wins over the console guess either way:
    // `aiscan scan 2>scan.log` from a terminal has a console but must not get escape sequences.
    if (stderrTtyProperty != null && !stderrTtyProperty.isBlank()) {
      return Boolean.parseBoolean(stderrTtyProperty.strip()) ? Mode.TTY : Mode.PLAIN;
    }
    String term = env.get("TERM");
    boolean capableTerm = term != null && !term.isBlank() && !term.equals("dumb");
    return console && capableTerm ? Mode.TTY : Mode.PLAIN;
  }

  /** The terminal width from {@code COLUMNS}, or {@link ProgressReporter#DEFAULT_COLUMNS}. */
  public static int columns(Map<String, String> env) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        int n = Integer.parseInt(columns.strip());
        if (n > 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        log.debug(
            "COLUMNS={} is not a number; assuming {}", columns, ProgressReporter.DEFAULT_COLUMNS);
      }
    }
    return ProgressReporter.DEFAULT_COLUMNS;
  }

  /**
   * Whether the JVM sits at an interactive console. Before Java 22 a console exists only then; from
   * Java 22 one always exists and {@code Console.isTerminal()} tells, so it is asked when present.
   */
  private static boolean interactiveConsole() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("progress: cannot ask the console whether it is a terminal", e);
      return false;
    }
  }
}
