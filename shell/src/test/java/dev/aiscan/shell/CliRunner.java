package dev.aiscan.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged aiscan.jar as a user would, in a separate JVM. */
final class CliRunner {
  /** What one run printed and returned. */
  record Run(int exitCode, String stdout, String stderr) {}

  private CliRunner() {}

  static Path jar() {
    String jar = System.getProperty("aiscan.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "system property aiscan.jar must name the packaged jar (run through mvn verify)");
    }
    return Path.of(jar);
  }

  /** The home directory runs in {@code workDir} see. */
  static Path home(Path workDir) {
    return workDir.resolve("home");
  }

  /** Starts the interactive shell, its input and output connected to the test. */
  static Process interactive(Path workDir) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + home(workDir),
            "-jar",
            jar().toString())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .start();
  }

  static Run run(Path workDir, String... args) throws IOException, InterruptedException {
    return run(workDir, java.util.Map.of(), args);
  }

  /** A run with these environment variables added (AWS credentials, ...). */
  static Run run(Path workDir, java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a home of its own: the default graph store (~/.aiscan/graph) and history land in the test's
    // directory, never in the real home
    command.add("-Duser.home=" + home(workDir));
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("aiscan did not finish within 3 minutes: " + command);
    }
    Run run =
        new Run(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}
