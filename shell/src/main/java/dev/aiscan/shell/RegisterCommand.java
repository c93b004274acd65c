package dev.aiscan.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.spi.Connector;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.register.RegisterFiles;
import dev.aiscan.register.RegisterFormatException;
import dev.aiscan.register.seed.OwnerSuggestion;
import dev.aiscan.register.seed.RegisterSeeder;
import dev.aiscan.register.seed.SeedDraft;
import dev.aiscan.rules.Rule;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.shell.internal.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code aiscan register …}: check the AI register, and seed it from what a scan finds. */
@Command(command = "register", group = "Register")
public class RegisterCommand {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<Connector> connectors;

  public RegisterCommand(List<Connector> connectors) {
    this.connectors = connectors;
  }

  @Command(
      command = "validate",
      description =
          "Check a register file (YAML, JSON or CSV); every problem as file:line. Exit 2 when invalid.")
  public String validate(
      @Option(longNames = "file", required = true, label = "FILE", description = "the register")
          String file,
      @Option(
              longNames = "rules",
              label = "PATHS",
              description = "custom rule packs whose providers the register may name")
          String rules,
      @Option(longNames = "json", description = "print the verdict as JSON") boolean json) {
    Path path = Path.of(file);
    List<String> problems = RegisterFiles.validate(path, providers(RulesCommand.engine(rules)));
    Register register = problems.isEmpty() ? RegisterFiles.read(path, Set.of()) : Register.NONE;
    long todo = problems.isEmpty() && Files.isReadable(path) ? countTodos(path) : 0;
    String verdict = null;
    if (!problems.isEmpty()) {
      verdict = file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s");
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("file", file);
      out.put("valid", problems.isEmpty());
      out.put("entries", register.entries().size());
      out.put("todo", todo);
      out.put("problems", problems);
      if (verdict == null) {
        return write(out);
      }
      // the JSON on stdout, the verdict on stderr, exit 2
      System.out.println(write(out));
      System.out.flush();
      throw new UsageException(verdict);
    }
    if (verdict != null) {
      // every problem on stdout, the verdict on stderr, exit 2
      System.out.println(String.join("\n", problems));
      System.out.flush();
      throw new UsageException(verdict);
    }
    return "valid: "
        + register.entries().size()
        + " entr"
        + (register.entries().size() == 1 ? "y" : "ies")
        + " in "
        + file
        + (todo > 0 ? " (" + todo + " field(s) still TODO)" : "");
  }

  @Command(
      command = "seed",
      description =
          "Scan source trees and write draft register entries for every shadow AI system found,"
              + " pre-filled with providers, models, owners and a suggested risk.")
  public String seed(
      @Option(
              longNames = "source",
              required = true,
              label = "DIR",
              description = "source tree to scan; repeat or separate with commas")
          String sources,
      @Option(
              longNames = "register",
              label = "FILE",
              description =
                  "the existing register: its entries are kept, and what they cover is not seeded again")
          String registerFile,
      @Option(
              longNames = "out",
              label = "FILE",
              description = "write the seeded register here instead of to stdout")
          String out,
      @Option(longNames = "offline", description = "never touch the network") boolean offline,
      @Option(
              longNames = "rules",
              label = "PATHS",
              description = "custom rule packs, comma separated")
          String rules,
      @Option(longNames = "json", description = "print a JSON summary of the drafts")
          boolean json) {
    RuleEngine detector = RulesCommand.engine(rules);
    Register existing = read(registerFile, detector);
    List<Target> targets = new ArrayList<>();
    for (String dir : sources.split(",")) {
      if (!dir.isBlank()) {
        targets.add(SourceConnector.target(Path.of(dir.trim())));
      }
    }
    Map<String, String> settings = new TreeMap<>();
    settings.put("connectors.dependencies.offline", Boolean.toString(offline));
    settings.put("connectors.dependencies.user-home", System.getProperty("user.home"));
    ScanResult result =
        new ScanEngine(connectors, detector, Version.current())
            .scan(ScanRequest.of(targets, Settings.of(settings)), ScanListener.NONE);
    ScanResult reconciled =
        Reconciler.reconcile(result, existing, ScanHistory.NONE, Reconciler.DEFAULT_STALE_AFTER);
    List<SeedDraft> drafts = RegisterSeeder.seed(reconciled, existing);
    String yaml =
        RegisterSeeder.toYaml(
            existing,
            drafts,
            result.scan().id(),
            result.scan().started().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    boolean toStdout = out == null || out.isBlank();
    if (toStdout && !json) {
      return yaml.stripTrailing();
    }
    if (!toStdout) {
      writeFile(out, yaml);
    }
    if (json) {
      return write(
          seedJson(
              toStdout ? null : out,
              toStdout ? yaml : null,
              registerFile,
              existing,
              drafts,
              result.scan().id()));
    }
    return "seeded "
        + drafts.size()
        + " draft entr"
        + (drafts.size() == 1 ? "y" : "ies")
        + " for shadow AI into "
        + out
        + (existing.given()
            ? " (keeping the " + existing.entries().size() + " entries of " + registerFile + ")"
            : "")
        + "; review every TODO";
  }

  private static void writeFile(String out, String yaml) {
    try {
      Path target = Path.of(out);
      if (target.toAbsolutePath().getParent() != null) {
        Files.createDirectories(target.toAbsolutePath().getParent());
      }
      Files.writeString(target, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(
          "--out " + out + ": cannot write it (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * {@code register seed --json}: where the register went ({@code file}, or the YAML itself in
   * {@code yaml} without {@code --out}), the entries kept, and one object per draft.
   */
  private static Map<String, Object> seedJson(
      String file,
      String yaml,
      String registerFile,
      Register existing,
      List<SeedDraft> drafts,
      String scanId) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", file);
    json.put("scanId", scanId);
    json.put("register", existing.given() ? registerFile : null);
    json.put("keptEntries", existing.entries().size());
    json.put("draftedEntries", drafts.size());
    List<Map<String, Object>> entries = new ArrayList<>();
    for (SeedDraft d : drafts) {
      RegisterEntry e = d.entry();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id());
      m.put("name", e.name());
      m.put("supplier", e.supplier());
      m.put("owner", e.owner());
      m.put("providers", e.selectors().providers());
      m.put("models", e.models());
      m.put("repositories", e.selectors().repositories());
      m.put("cloudAccounts", e.selectors().cloudAccounts());
      m.put("saasTenants", e.selectors().saasTenants());
      List<Map<String, String>> owners = new ArrayList<>();
      for (OwnerSuggestion o : d.owners()) {
        Map<String, String> owner = new LinkedHashMap<>();
        owner.put("owner", o.owner());
        owner.put("source", o.source());
        owners.add(owner);
      }
      m.put("ownerSuggestions", owners);
      Map<String, Object> risk = new LinkedHashMap<>();
      risk.put("level", d.risk().level().wireName());
      risk.put("reasons", d.risk().reasons());
      m.put("suggestedRisk", risk);
      m.put("assets", d.assetIds());
      entries.add(m);
    }
    json.put("drafts", entries);
    json.put("yaml", yaml);
    return json;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * The register a {@code --register} flag names, or {@link Register#NONE}; exit 2 when invalid.
   */
  public static Register read(String file, RuleEngine rules) {
    if (file == null || file.isBlank()) {
      return Register.NONE;
    }
    try {
      return RegisterFiles.read(Path.of(file), providers(rules));
    } catch (RegisterFormatException e) {
      throw new UsageException(e.getMessage() + " (see: aiscan register validate " + file + ")");
    }
  }

  private static Set<String> providers(RuleEngine rules) {
    Set<String> ids = new TreeSet<>();
    rules.rules().stream().map(Rule::provider).forEach(ids::add);
    return ids;
  }

  private static long countTodos(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> line.matches(".*(:|,)\\s*\"?TODO\"?\\s*(,.*)?$"))
          .count();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
