package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell as a person uses it: in a real pseudo-terminal (a tmux session on a private
 * server), typing commands and reading the screen. Start, ask for help and completion, scan a
 * fixture, list the shadow AI, leave.
 */
class InteractiveShellIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @TempDir Path work;
  private String socket;
  private final String session = "aiscan";

  @BeforeEach
  void privateTmuxServer() throws Exception {
    // a server of the test's own: never the user's tmux, and killed with everything in it
    socket = "aiscan-it-" + UUID.randomUUID();
    ScanCommandIT.copyTree(ScanCommandIT.fixture("support-desk"), work.resolve("support-desk"));
  }

  @AfterEach
  void killServer() throws Exception {
    tmux("kill-server");
  }

  @Test
  void anAnalystScansListsTheShadowAiAndLeaves() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        String.join(
            " ",
            quote(java),
            quote("-Duser.home=" + CliRunner.home(work)),
            "-jar",
            quote(CliRunner.jar().toString()));
    assertThat(
            tmux(
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                "160",
                "-y",
                "50",
                "-c",
                work.toString(),
                command))
        .isZero();

    String greeting = awaitScreen(s -> s.contains("aiscan:>"));
    assertThat(greeting).contains("'help' lists the commands").contains("bolt://127.0.0.1:7687");

    type("help");
    assertThat(awaitScreen(s -> s.contains("AVAILABLE COMMANDS") && s.contains("shadow")))
        .contains("scan")
        .contains("register seed")
        .contains("graph query");

    tmux("send-keys", "-t", session, "clear", "Enter");
    // completion: the shell finishes a command name the analyst started
    tmux("send-keys", "-t", session, "shado", "Tab");
    awaitScreen(s -> s.contains("aiscan:> shadow"));
    tmux("send-keys", "-t", session, "C-u");

    type("scan --source support-desk --out report");
    String scanned = awaitScreen(s -> s.contains("Graph: scan "));
    assertThat(scanned).contains("shadow").doesNotContain("internal error");

    tmux("send-keys", "-t", session, "clear", "Enter");
    type("shadow");
    String shadow = awaitScreen(s -> s.contains("shadow AI asset(s) in scan"));
    assertThat(shadow).contains("openai").contains("register seed");

    type("exit");
    Instant deadline = Instant.now().plus(PATIENCE);
    while (tmux("has-session", "-t", session) == 0) {
      assertThat(Instant.now()).as("the shell did not exit").isBefore(deadline);
      Thread.sleep(200);
    }
    // the graph was closed on the way out: a one-shot command opens the same store
    CliRunner.Run after = CliRunner.run(work, "graph", "stats", "--json");
    assertThat(after.exitCode()).as(after.stderr()).isZero();
    assertThat(after.stdout()).contains("\"Scan\"");
  }

  private void type(String line) throws Exception {
    tmux("send-keys", "-t", session, "-l", line);
    tmux("send-keys", "-t", session, "Enter");
  }

  /** Polls the screen (with its scroll-back) until it shows what the test waits for. */
  private String awaitScreen(Predicate<String> shown) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    String screen = "";
    while (Instant.now().isBefore(deadline)) {
      screen = capture();
      if (shown.test(screen)) {
        return screen;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the screen never showed what was expected; it shows:\n" + screen);
  }

  private String capture() throws Exception {
    Path out = Files.createTempFile(work, "screen", ".txt");
    Process p =
        new ProcessBuilder(
                "tmux", "-L", socket, "capture-pane", "-p", "-J", "-S", "-3000", "-t", session)
            .redirectOutput(out.toFile())
            .redirectErrorStream(true)
            .start();
    p.waitFor(30, TimeUnit.SECONDS);
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private int tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tmux " + String.join(" ", args) + " did not return");
    }
    return p.exitValue();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
