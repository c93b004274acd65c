package dev.aiscan.shell;

import dev.aiscan.shell.internal.Arguments;
import dev.aiscan.shell.internal.Version;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.shell.command.annotation.CommandScan;

/**
 * aiscan's command-line application. With arguments it runs one command and exits with the
 * command's exit code (0 success, 2 bad usage or unreachable service, 3 {@code --fail-on} met);
 * without arguments it opens the interactive shell.
 */
@SpringBootApplication
@CommandScan
public class AiscanApplication {

  private static volatile boolean interactive;

  /** Whether aiscan runs as the interactive shell (no arguments) rather than one command. */
  public static boolean interactive() {
    return interactive;
  }

  public static void main(String[] args) {
    interactive = args.length == 0;
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Answered before Spring starts, so that scripts can ask cheaply.
      System.out.println("aiscan " + Version.current());
      return;
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      args = new String[] {"help"};
    }
    int code;
    try {
      code =
          SpringApplication.exit(
              SpringApplication.run(AiscanApplication.class, Arguments.coalesceRepeated(args)));
    } catch (RuntimeException e) {
      // Spring Shell carries a command's non-zero exit code out as an exception; the command has
      // already printed its one-line message. Anything else is a bug, shown in full.
      if (e instanceof ExitCodeGenerator generator) {
        code = generator.getExitCode();
      } else {
        e.printStackTrace();
        code = 1;
      }
    }
    System.exit(code);
  }
}
