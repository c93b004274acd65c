package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.FactType;
import dev.aiscan.rules.Rule;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.rules.RuleExample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary keys of every key format the catalogue knows, planted in a project and scanned into every
 * report format and the embedded graph: none may appear in any output file, in the graph store, or
 * on the console.
 */
class SecretCanaryIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void noKeyOfAnySupportedFormatLeavesTheScanner() throws Exception {
    List<String> canaries = new ArrayList<>();
    StringBuilder code = new StringBuilder("# keys nobody should commit\n");
    int n = 0;
    for (Rule rule : RuleEngine.loadDefault().rules()) {
      if (rule.category() != Category.CREDENTIAL
          || rule.matchers().stream().noneMatch(m -> m.contains("key-format"))) {
        continue;
      }
      for (RuleExample example : rule.positiveExamples()) {
        if (example.type() == FactType.STRING_LITERAL && !example.value().contains("\"")) {
          code.append("CANARY_").append(++n).append(" = \"").append(example.value()).append("\"\n");
          canaries.add(example.value());
        }
      }
    }
    assertThat(canaries).as("key formats in the catalogue").hasSizeGreaterThan(10);
    Path project = Files.createDirectories(work.resolve("leaky"));
    Files.writeString(project.resolve("settings.py"), "import openai\n" + code);
    Path out = work.resolve("report");

    CliRunner.Run run =
        CliRunner.run(
            work,
            "scan",
            "--source",
            project.toString(),
            "--out",
            out.toString(),
            "--format",
            String.join(",", formats()),
            "--offline");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode inventory = JSON.readTree(out.resolve("inventory.json").toFile());
    long keysFound =
        inventory.get("findings").findValuesAsText("category").stream()
            .filter("credential"::equals)
            .count();
    assertThat(keysFound)
        .as("the canaries were found, by fingerprint")
        .isGreaterThanOrEqualTo(canaries.size() / 2);

    List<String> outputs = new ArrayList<>(List.of(run.stdout(), run.stderr()));
    for (Path dir : List.of(out, CliRunner.home(work).resolve(".aiscan"))) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          outputs.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertThat(outputs).hasSizeGreaterThan(formats().size());
    for (String canary : canaries) {
      for (String secret : secretParts(canary)) {
        assertThat(outputs).as(secret).noneMatch(o -> o.contains(secret));
      }
    }
  }

  /** The long tokens of an example: the key itself, whatever words surround it. */
  private static List<String> secretParts(String example) {
    // keys are long runs of letters, digits, '_' and '-'; URLs and words around them are not secret
    return Arrays.stream(example.split("[^A-Za-z0-9_-]+"))
        .filter(t -> t.length() >= 20)
        .map(t -> t.substring(4, t.length() - 4))
        .toList();
  }

  private static List<String> formats() {
    return dev.aiscan.reports.Reports.formats();
  }
}
