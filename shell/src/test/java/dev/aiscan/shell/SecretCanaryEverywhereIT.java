package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.FactType;
import dev.aiscan.rules.Rule;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.rules.RuleExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary keys of every key format the rule catalogue knows, planted across every kind of file
 * aiscan reads, scanned once with the most verbose logging the CLI offers into every report format
 * and the embedded graph: no canary may appear in any output file, the home directory ({@code
 * ~/.aiscan}: history, graph store, anything else written there), a log line (stdout, stderr at
 * {@code DEBUG}), a warning (parser exception messages), or a property of any node or relationship
 * of the graph (read back with {@code aiscan graph query}).
 *
 * <p>The key formats come from the positive examples of the credential rules ({@link
 * #keyFormats()}). Every planting gets a canary of its own: the example key with its random part
 * re-drawn ({@link Canaries#fresh}), so each canary is unique and a leak names the file it came
 * from.
 *
 * <p>Planted, one canary of each format per file, where the extractors turn them into facts:
 *
 * <ul>
 *   <li>code: Python ({@code KEY = "…"}), Java ({@code static final String}), JavaScript,
 *       TypeScript, Go ({@code const}), C# ({@code const string}), a Jupyter notebook (a code
 *       cell);
 *   <li>configuration: {@code .env}, {@code .properties}, YAML, JSON, Terraform, Bicep, a
 *       Dockerfile ({@code ENV});
 * </ul>
 *
 * <p>and where no extractor makes them facts but the dependency readers still open the file: {@code
 * package.json} ({@code scripts}), {@code pom.xml} ({@code properties}), {@code pyproject.toml} (a
 * {@code [tool]} table) and {@code requirements.txt} (an index URL with the key as password).
 *
 * <p>Broken files, one canary each, with the key at the spot where the parser gives up, so that the
 * parser's exception message (which becomes a warning) is the one that would quote it: JSON with an
 * unquoted key, YAML with an unterminated quote and with the key as an undefined alias, a notebook
 * whose JSON breaks at the key, Java with an unterminated string, a {@code pom.xml} whose end tag
 * after the key is misspelt, a truncated {@code pyproject.toml}, a {@code package.json} with an
 * unquoted key as a version, a {@code .env} with an unterminated quote and a {@code .properties}
 * entry with a broken unicode escape. Each of them must produce a warning naming the file, so the
 * error path is exercised.
 *
 * <p>A leak is any 16-character run from the hidden middle of a canary (all but the first and last
 * four characters, which the fingerprint shows): a whole key, or a parser's truncated quote of one,
 * or a key split across the blocks of the graph store. The search is checked too: it must find
 * every canary in the file it was planted in. (Shell scripts are not planted: no extractor reads
 * them.)
 */
class SecretCanaryEverywhereIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A run of this many characters of a key's hidden part is a leak. */
  private static final int LEAK = 16;

  /** The most verbose logging the CLI has: its own variable, the root logger, Spring's binding. */
  private static final Map<String, String> VERBOSE =
      Map.of(
          "AISCAN_LOG_LEVEL", "TRACE",
          "LOG_LEVEL", "DEBUG",
          "LOGGING_LEVEL_DEV_AISCAN", "TRACE",
          "LOGGING_LEVEL_ROOT", "DEBUG",
          "LOGGING_LEVEL_ORG_NEO4J", "DEBUG");

  @TempDir Path work;

  @Test
  void noCanaryLeavesTheScannerFromAnyFileOrParserError() throws Exception {
    Canaries canaries = new Canaries(keyFormats());
    Path project = Files.createDirectories(work.resolve("leaky"));
    Map<String, List<String>> read = plantReadFiles(project, canaries);
    Map<String, List<String>> broken = plantBrokenFiles(project, canaries);
    Path out = work.resolve("report");

    CliRunner.Run scan =
        CliRunner.run(
            work,
            VERBOSE,
            "scan",
            "--source",
            project.toString(),
            "--out",
            out.toString(),
            "--format",
            String.join(",", dev.aiscan.reports.Reports.formats()),
            "--offline");
    assertThat(scan.exitCode()).as(scan.stderr()).isZero();
    assertThat(scan.stderr())
        .as("aiscan logged at DEBUG: each warning as it happened")
        .contains("DEBUG WarningCollector");

    // the canaries were seen: each file read by an extractor gave credential findings, by
    // fingerprint
    String inventoryText = Files.readString(out.resolve("inventory.json"));
    JsonNode inventory = JSON.readTree(inventoryText);
    for (Map.Entry<String, List<String>> file : read.entrySet()) {
      if (isManifest(file.getKey())) {
        continue;
      }
      assertThat(file.getValue())
          .as("canaries found by fingerprint in %s", file.getKey())
          .allMatch(key -> inventoryText.contains(Secrets.fingerprint(key)));
    }
    // the broken files went down the error path: a warning names each of them
    List<String> warned =
        inventory.path("warnings").findValuesAsText("source").stream()
            .map(s -> s.replaceFirst(":\\d+$", ""))
            .toList();
    assertThat(broken.keySet())
        .as("broken files that gave no warning")
        .allMatch(file -> warned.stream().anyMatch(w -> w.endsWith(file)));

    // everything the scan wrote or printed, and every property of the graph
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("scan stdout", scan.stdout());
    outputs.put("scan stderr", scan.stderr());
    readAll(out, outputs);
    readAll(CliRunner.home(work), outputs);
    assertThat(outputs.keySet())
        .as("outputs read")
        .anyMatch(k -> k.contains("/.aiscan/graph/"))
        .anyMatch(k -> k.endsWith("inventory.json"));
    // every property of every node and relationship, as the graph answers it (the store's own
    // encoding of short strings would hide a key from the file scan above)
    CliRunner.Run query =
        CliRunner.run(
            work,
            VERBOSE,
            "graph",
            "query",
            "MATCH (n) RETURN labels(n) AS kind, properties(n) AS properties UNION ALL"
                + " MATCH ()-[r]->() RETURN [type(r)] AS kind, properties(r) AS properties",
            "--json");
    assertThat(query.exitCode()).as(query.stderr()).isZero();
    assertThat(query.stdout())
        .as("the graph holds the credential findings")
        .contains(Secrets.fingerprint(read.get("app/settings.py").get(0)));
    outputs.put("graph query stdout", query.stdout());
    outputs.put("graph query stderr", query.stderr());

    // the search itself: it finds every canary in the file it was planted in
    Map<String, String> plantedFiles = new LinkedHashMap<>();
    readAll(project, plantedFiles);
    Map<String, Map<String, String>> inPlantedFiles = canaries.leaks(plantedFiles);
    Map<String, List<String>> planted = new LinkedHashMap<>(read);
    planted.putAll(broken);
    planted.forEach(
        (file, keys) ->
            assertThat(inPlantedFiles.getOrDefault(project.resolve(file).toString(), Map.of()))
                .as("canaries the search finds in %s", file)
                .containsOnlyKeys(keys.stream().map(Secrets::fingerprint).toList()));

    assertThat(canaries.leaks(outputs)).as("canaries found in outputs").isEmpty();
  }

  /** Files whose content an extractor turns into facts, and manifests; canaries by file. */
  private static Map<String, List<String>> plantReadFiles(Path project, Canaries canaries)
      throws IOException {
    Map<String, List<String>> planted = new LinkedHashMap<>();
    plant(
        project,
        planted,
        "app/settings.py",
        canaries.one(),
        keys -> "import openai\n\n" + lines(keys, (i, k) -> "CANARY_" + i + " = \"" + k + "\""));
    plant(
        project,
        planted,
        "src/main/java/acme/Keys.java",
        canaries.one(),
        keys ->
            "package acme;\n\nimport com.openai.client.OpenAIClient;\n\nfinal class Keys {\n"
                + lines(keys, (i, k) -> "  static final String K" + i + " = \"" + k + "\";")
                + "}\n");
    plant(
        project,
        planted,
        "web/keys.js",
        canaries.one(),
        keys ->
            "import OpenAI from \"openai\";\n\n"
                + lines(keys, (i, k) -> "export const k" + i + " = \"" + k + "\";"));
    plant(
        project,
        planted,
        "web/keys.ts",
        canaries.one(),
        keys -> lines(keys, (i, k) -> "export const k" + i + ": string = '" + k + "';"));
    plant(
        project,
        planted,
        "svc/keys.go",
        canaries.one(),
        keys ->
            "package svc\n\nconst (\n"
                + lines(keys, (i, k) -> "\tK" + i + " = \"" + k + "\"")
                + ")\n");
    plant(
        project,
        planted,
        "dotnet/Keys.cs",
        canaries.one(),
        keys ->
            "namespace Acme;\n\npublic static class Keys\n{\n"
                + lines(keys, (i, k) -> "    public const string K" + i + " = \"" + k + "\";")
                + "}\n");
    plant(project, planted, "notebooks/explore.ipynb", canaries.one(), keys -> notebook(keys));
    plant(
        project,
        planted,
        ".env",
        canaries.one(),
        keys -> lines(keys, (i, k) -> "KEY_" + i + "=" + k));
    plant(
        project,
        planted,
        "config/application.properties",
        canaries.one(),
        keys -> lines(keys, (i, k) -> "ai.keys.k" + i + "=" + k));
    plant(
        project,
        planted,
        "config/app.yaml",
        canaries.one(),
        keys -> "ai:\n  keys:\n" + lines(keys, (i, k) -> "    k" + i + ": " + k));
    plant(
        project,
        planted,
        "config/settings.json",
        canaries.one(),
        keys -> {
          ObjectNode root = JSON.createObjectNode();
          ObjectNode ai = root.putObject("ai").putObject("keys");
          for (int i = 0; i < keys.size(); i++) {
            ai.put("k" + (i + 1), keys.get(i));
          }
          return root.toPrettyString();
        });
    plant(
        project,
        planted,
        "infra/main.tf",
        canaries.one(),
        keys -> lines(keys, (i, k) -> "variable \"k" + i + "\" {\n  default = \"" + k + "\"\n}"));
    plant(
        project,
        planted,
        "infra/main.bicep",
        canaries.one(),
        keys -> lines(keys, (i, k) -> "param k" + i + " string = '" + k + "'"));
    plant(
        project,
        planted,
        "Dockerfile",
        canaries.one(),
        keys -> "FROM python:3.12-slim\n" + lines(keys, (i, k) -> "ENV KEY_" + i + "=" + k));
    // manifests: the dependency readers open them; the keys are no dependency
    plant(
        project,
        planted,
        "package.json",
        canaries.one(),
        keys -> {
          ObjectNode root = JSON.createObjectNode().put("name", "leaky").put("version", "1.0.0");
          ObjectNode scripts = root.putObject("scripts");
          for (int i = 0; i < keys.size(); i++) {
            scripts.put("start" + (i + 1), "OPENAI_API_KEY=" + keys.get(i) + " node index.js");
          }
          root.putObject("dependencies").put("openai", "^4.52.0");
          return root.toPrettyString();
        });
    plant(
        project,
        planted,
        "pom.xml",
        canaries.one(),
        keys ->
            "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>acme</groupId>\n  <artifactId>leaky</artifactId>\n"
                + "  <version>1.0.0</version>\n  <properties>\n"
                + lines(keys, (i, k) -> "    <openai.key" + i + ">" + k + "</openai.key" + i + ">")
                + "  </properties>\n  <dependencies>\n    <dependency>\n"
                + "      <groupId>com.openai</groupId>\n      <artifactId>openai-java</artifactId>\n"
                + "      <version>0.8.0</version>\n    </dependency>\n  </dependencies>\n"
                + "</project>\n");
    plant(
        project,
        planted,
        "pyproject.toml",
        canaries.one(),
        keys ->
            "[project]\nname = \"leaky\"\nversion = \"1.0.0\"\ndependencies = [\"openai>=1.30\"]\n\n"
                + "[tool.leaky]\n"
                + lines(keys, (i, k) -> "k" + i + " = \"" + k + "\""));
    plant(
        project,
        planted,
        "requirements.txt",
        canaries.one(),
        keys ->
            lines(
                    keys,
                    (i, k) ->
                        "--extra-index-url https://__token__:"
                            + k
                            + "@pypi"
                            + i
                            + ".acme.dev/simple")
                + "openai==1.30.0\n");
    return planted;
  }

  /** Broken files, each with one canary where the parser fails; canaries by file. */
  private static Map<String, List<String>> plantBrokenFiles(Path project, Canaries canaries)
      throws IOException {
    Map<String, List<String>> planted = new LinkedHashMap<>();
    List<Map.Entry<String, Function<String, String>>> kinds =
        List.of(
            Map.entry("broken/json/%d.json", k -> "{\n  \"openai\": {\"api_key\": " + k + "}\n}\n"),
            Map.entry("broken/yaml/%d-quote.yaml", k -> "openai:\n  api_key: \"" + k + "\n"),
            Map.entry("broken/yaml/%d-alias.yaml", k -> "openai:\n  api_key: *" + k + "\n"),
            Map.entry(
                "broken/notebook/%d.ipynb",
                k -> "{\"cells\": [{\"cell_type\": \"code\", \"source\": [" + k + "]}]}\n"),
            Map.entry(
                "broken/java/Key%d.java",
                k -> "class Key {\n  String k = \"" + k + ";\n  void f() {}\n}\n"),
            Map.entry(
                "broken/pom/%d/pom.xml",
                k ->
                    "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <properties>\n"
                        + "    <openai.key>"
                        + k
                        + "</openai.kye>\n  </properties>\n</project>\n"),
            Map.entry(
                "broken/toml/%d/pyproject.toml",
                k -> "[project]\nname = \"x\"\n[tool.x]\napi_key = \"" + k + "\n"),
            Map.entry(
                "broken/npm/%d/package.json",
                k -> "{\"name\": \"x\", \"dependencies\": {\"openai\": " + k + "}}\n"),
            Map.entry("broken/env/%d/.env", k -> "OPENAI_API_KEY=\"" + k + "\n"),
            Map.entry("broken/properties/%d.properties", k -> "openai.api-key=" + k + "\\u12g\n"));
    for (Map.Entry<String, Function<String, String>> kind : kinds) {
      List<String> keys = canaries.one();
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i);
        plant(
            project,
            planted,
            String.format(kind.getKey(), i + 1),
            List.of(key),
            k -> kind.getValue().apply(k.get(0)));
      }
    }
    return planted;
  }

  private static void plant(
      Path project,
      Map<String, List<String>> planted,
      String relative,
      List<String> keys,
      Function<List<String>, String> content)
      throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content.apply(keys));
    planted.put(relative, keys);
  }

  private interface Line {
    String of(int index, String key);
  }

  /** One line per key, numbered from 1, each ending in a newline. */
  private static String lines(List<String> keys, Line line) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      b.append(line.of(i + 1, keys.get(i))).append('\n');
    }
    return b.toString();
  }

  private static String notebook(List<String> keys) {
    ObjectNode nb = JSON.createObjectNode();
    ObjectNode cell = nb.putArray("cells").addObject();
    cell.put("cell_type", "code").putNull("execution_count");
    cell.putObject("metadata");
    cell.putArray("outputs");
    ArrayNode source = cell.putArray("source");
    source.add("import openai\n");
    for (int i = 0; i < keys.size(); i++) {
      source.add("k" + (i + 1) + " = \"" + keys.get(i) + "\"\n");
    }
    nb.putObject("metadata")
        .putObject("kernelspec")
        .put("display_name", "Python 3")
        .put("language", "python")
        .put("name", "python3");
    nb.put("nbformat", 4).put("nbformat_minor", 5);
    return nb.toPrettyString();
  }

  private static boolean isManifest(String relative) {
    return Set.of("package.json", "pom.xml", "pyproject.toml", "requirements.txt")
        .contains(relative);
  }

  /** Every regular file under {@code dir}, bytes as Latin-1 (a key is ASCII in any of them). */
  private static void readAll(Path dir, Map<String, String> outputs) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        outputs.put(p.toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
  }

  /**
   * The key formats: each distinct key in the positive examples of the credential rules that have a
   * key format, with the secret pattern it matches.
   */
  private static Map<String, Pattern> keyFormats() {
    RuleEngine rules = RuleEngine.loadDefault();
    Map<String, Pattern> keys = new LinkedHashMap<>();
    for (Rule rule : rules.rules()) {
      if (rule.category() != Category.CREDENTIAL
          || rule.matchers().stream().noneMatch(m -> m.contains("key-format"))) {
        continue;
      }
      for (RuleExample example : rule.positiveExamples()) {
        if (example.type() != FactType.STRING_LITERAL) {
          continue;
        }
        for (Pattern p : rules.secretPatterns()) {
          Matcher m = p.matcher(example.value());
          while (m.find()) {
            keys.putIfAbsent(m.group(), p);
          }
        }
      }
    }
    assertThat(keys).as("key formats in the catalogue").hasSizeGreaterThan(10);
    return keys;
  }

  /** Fresh canaries of every key format, and the search for them in outputs. */
  private static final class Canaries {
    private final Map<String, Pattern> formats;
    private final Random random = new Random(20240613);
    private final Map<String, String> hidden = new HashMap<>();

    Canaries(Map<String, Pattern> formats) {
      this.formats = formats;
    }

    /** One fresh canary of each format. */
    List<String> one() {
      List<String> keys = new ArrayList<>();
      formats.forEach((example, pattern) -> keys.add(fresh(example, pattern)));
      return keys;
    }

    /**
     * The example key with each letter and digit re-drawn from its class (hex digits stay hex)
     * wherever the format still matches: prefixes and markers stay, the random part is new.
     */
    private String fresh(String example, Pattern format) {
      char[] key = example.toCharArray();
      for (int i = 0; i < key.length; i++) {
        char was = key[i];
        key[i] = redraw(was);
        if (!format.matcher(new String(key)).matches()) {
          key[i] = was;
        }
      }
      String canary = new String(key);
      assertThat(canary).as("a fresh canary of %s", example).isNotEqualTo(example);
      for (int i = 4; i + LEAK <= canary.length() - 4; i++) {
        hidden.put(canary.substring(i, i + LEAK), canary);
      }
      return canary;
    }

    private char redraw(char c) {
      if (c >= '0' && c <= '9') {
        return (char) ('0' + random.nextInt(10));
      } else if (c >= 'a' && c <= 'f') {
        return (char) ('a' + random.nextInt(6));
      } else if (c >= 'A' && c <= 'F') {
        return (char) ('A' + random.nextInt(6));
      } else if (c >= 'g' && c <= 'z') {
        return (char) ('g' + random.nextInt(20));
      } else if (c >= 'G' && c <= 'Z') {
        return (char) ('G' + random.nextInt(20));
      }
      return c;
    }

    /** For each output holding part of a canary: the canaries' fingerprints, and where. */
    Map<String, Map<String, String>> leaks(Map<String, String> outputs) {
      Map<String, Map<String, String>> leaks = new LinkedHashMap<>();
      outputs.forEach(
          (name, text) -> {
            for (int i = 0; i + LEAK <= text.length(); i++) {
              String canary = hidden.get(text.substring(i, i + LEAK));
              if (canary != null) {
                leaks
                    .computeIfAbsent(name, n -> new TreeMap<>())
                    .putIfAbsent(Secrets.fingerprint(canary), excerpt(text, i));
              }
            }
          });
      return leaks;
    }

    private static String excerpt(String text, int at) {
      String s = text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 40));
      return s.replaceAll("[^\\x20-\\x7e]", "·");
    }
  }
}
