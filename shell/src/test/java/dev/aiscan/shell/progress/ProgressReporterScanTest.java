package dev.aiscan.shell.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.DependencyConnector;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.shell.progress.ProgressReporter.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reporter fed by a real scan: the source connector over a generated tree. */
class ProgressReporterScanTest {
  private static final int AI_FILES = 6;
  private static final int PLAIN_FILES = 9;

  @TempDir static Path root;
  static Path tree;
  static RuleEngine rules;

  @BeforeAll
  static void generateTree() throws IOException {
    tree = Files.createDirectories(root.resolve("acme-repo"));
    for (int i = 0; i < AI_FILES / 2; i++) {
      Path pkg = Files.createDirectories(tree.resolve("svc" + i));
      Files.writeString(
          pkg.resolve("assistant.py"),
          "import openai\n\nclient = openai.OpenAI()\n"
              + "reply = client.chat.completions.create(model=\"gpt-4o\", messages=[])\n");
      Files.writeString(
          pkg.resolve("Assistant.java"),
          "package svc"
              + i
              + ";\n\nimport com.openai.client.OpenAIClient;\n\n"
              + "class Assistant {\n  OpenAIClient client;\n}\n");
    }
    for (int i = 0; i < PLAIN_FILES; i++) {
      Files.writeString(
          tree.resolve("util" + i + ".py"), "def add(a, b):\n    return a + b + " + i + "\n");
    }
    Files.writeString(tree.resolve("requirements.txt"), "openai==1.40.0\n");
    rules = RuleEngine.loadDefault();
  }

  @Test
  void plainOutputReportsTheFilesTheScanRead() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ScanEngine engine = new ScanEngine(List.of(new SourceConnector()), rules, "test");

    ScanResult result;
    try (ProgressReporter progress =
        ProgressReporter.create(
            Mode.PLAIN,
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.systemUTC(),
            Duration.ofSeconds(10),
            100)) {
      result = engine.scan(request(), progress);
    }

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(result.findings()).isNotEmpty();
    // requirements.txt is the dependency connector's; the source connector reads the code.
    assertThat(out)
        .startsWith(
            "aiscan: source: done acme-repo, "
                + (AI_FILES + PLAIN_FILES)
                + " files, "
                + result.findings().size()
                + " findings");
    assertThat(out.lines()).hasSize(1);
  }

  @Test
  void terminalOutputEndsWithEveryConnectorDone() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ScanEngine engine =
        new ScanEngine(List.of(new SourceConnector(), new DependencyConnector()), rules, "test");

    ScanResult result;
    try (ProgressReporter progress =
        ProgressReporter.create(
            Mode.TTY,
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.systemUTC(),
            Duration.ofSeconds(10),
            200)) {
      result = engine.scan(request(), progress);
    }

    String out = bytes.toString(StandardCharsets.UTF_8);
    // the last block: one line per connector, in the order they first reported (the two run side
    // by side, so either may come first)
    int block =
        Math.min(out.lastIndexOf("\u001b[2K  source"), out.lastIndexOf("\u001b[2K  dependencies"));
    String[] lines = out.substring(block).split("\n");
    assertThat(lines).hasSize(2);
    String source = lines[0].contains("source") ? lines[0] : lines[1];
    String dependencies = lines[0].contains("source") ? lines[1] : lines[0];
    assertThat(source)
        .matches(
            "\r?\u001b\\[2K  source +"
                + (AI_FILES + PLAIN_FILES)
                + " files .* 0 warnings   \\d+ findings?   done in \\d+\\.\\d s");
    assertThat(dependencies).matches("\r?\u001b\\[2K  dependencies +\\d+ files? .*done in .*");
    assertThat(result.findings()).isNotEmpty();
  }

  private static ScanRequest request() {
    return ScanRequest.of(List.of(SourceConnector.target(tree)), Settings.empty());
  }
}
