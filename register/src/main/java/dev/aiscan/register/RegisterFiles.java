package dev.aiscan.register;

import dev.aiscan.core.register.Register;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and validates the organisation's AI register (ISO/IEC 42001 AI system inventory) from a
 * YAML ({@code .yaml}, {@code .yml}), JSON ({@code .json}) or CSV ({@code .csv}) file. The format
 * is described in {@code docs/register.md}.
 *
 * <p>Every problem is reported as {@code file:line: message}, with {@code file} the path as given;
 * validation collects all of them and never throws for what the file contains.
 */
public final class RegisterFiles {
  private RegisterFiles() {}

  /**
   * Reads a register: YAML (.yaml/.yml), JSON (.json) or CSV (.csv), by extension.
   *
   * @param file the register file; its path as given becomes {@link Register#source()} and the file
   *     of every entry's origin
   * @param knownProviders provider ids to check {@code providers} selectors against; empty = no
   *     check
   * @throws RegisterFormatException listing every problem, each {@code file:line: message}
   */
  public static Register read(Path file, Set<String> knownProviders) {
    Parsed parsed = parse(file, knownProviders);
    if (!parsed.problems().isEmpty()) {
      throw new RegisterFormatException(parsed.problems());
    }
    return parsed.register();
  }

  /**
   * Every problem as {@code file:line: message}, in file order; empty when valid. Never throws for
   * content problems; an unreadable file is one problem naming the file.
   */
  public static List<String> validate(Path file, Set<String> knownProviders) {
    return parse(file, knownProviders).problems();
  }

  private record Parsed(Register register, List<String> problems) {}

  private static Parsed parse(Path file, Set<String> knownProviders) {
    String name = file.toString();
    Set<String> known = knownProviders == null ? Set.of() : knownProviders;
    Format format = Format.of(file);
    if (format == null) {
      return failed(name + ": unsupported register format: expected .yaml, .yml, .json or .csv");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return failed(name + ": cannot read: no such file");
    } catch (AccessDeniedException e) {
      return failed(name + ": cannot read: permission denied");
    } catch (CharacterCodingException e) {
      return failed(name + ": cannot read: not UTF-8 text");
    } catch (IOException e) {
      return failed(name + ": cannot read: " + oneLine(e));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Problems problems = new Problems(name);
    Entries entries = new Entries(name, known, problems);
    switch (format) {
      case YAML, JSON -> {
        Tree.Node root;
        try {
          root = format == Format.YAML ? Tree.yaml(text) : Tree.json(text);
        } catch (SyntaxError e) {
          problems.add(
              e.line(),
              (format == Format.YAML ? "invalid YAML: " : "invalid JSON: ") + e.problem());
          return new Parsed(null, problems.lines());
        }
        new TreeRegister(problems, entries).read(root);
      }
      case CSV -> new CsvRegister(problems, entries).read(text);
    }
    List<String> lines = problems.lines();
    return new Parsed(lines.isEmpty() ? new Register(name, entries.entries()) : null, lines);
  }

  private static Parsed failed(String problem) {
    return new Parsed(null, List.of(problem));
  }

  private static String oneLine(IOException e) {
    String m = e.getMessage();
    String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    return Names.show(text, 200);
  }

  private enum Format {
    YAML,
    JSON,
    CSV;

    static Format of(Path file) {
      Path fileName = file.getFileName();
      String n = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".yaml") || n.endsWith(".yml")) {
        return YAML;
      }
      if (n.endsWith(".json")) {
        return JSON;
      }
      if (n.endsWith(".csv")) {
        return CSV;
      }
      return null;
    }
  }
}
