package dev.aiscan.shell;

import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.spi.Connector;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.register.RegisterFiles;
import dev.aiscan.register.RegisterFormatException;
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
          String rules) {
    Path path = Path.of(file);
    List<String> problems = RegisterFiles.validate(path, providers(RulesCommand.engine(rules)));
    if (!problems.isEmpty()) {
      // every problem on stdout, the verdict on stderr, exit 2
      System.out.println(String.join("\n", problems));
      System.out.flush();
      throw new UsageException(
          file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
    }
    Register register = RegisterFiles.read(path, Set.of());
    long todo = Files.isReadable(path) ? countTodos(path) : 0;
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
          String rules) {
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
    if (out == null || out.isBlank()) {
      return yaml.stripTrailing();
    }
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
