package dev.aiscan.rules.internal;

import dev.aiscan.rules.RuleFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds and reads rule packs: the built-in ones listed in {@code packs/index.txt} (no classpath
 * scanning), and user packs given as files or directories of {@code *.yaml}/{@code *.yml}.
 */
public final class PackLoader {
  public static final String PACKS = "/dev/aiscan/rules/packs/";
  public static final String INDEX = PACKS + "index.txt";

  private final PackReader reader = new PackReader();

  /** The built-in packs' file names, in index order. */
  public static List<String> defaultPackNames() {
    List<String> names = new ArrayList<>();
    for (String line : resource(INDEX).split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        names.add(l);
      }
    }
    return names;
  }

  /** The text of a built-in pack. */
  public static String defaultPackText(String name) {
    return resource(PACKS + name);
  }

  public List<CompiledRule> defaults() {
    List<CompiledRule> rules = new ArrayList<>();
    for (String name : defaultPackNames()) {
      rules.addAll(read(name, defaultPackText(name)));
    }
    return rules;
  }

  public List<CompiledRule> files(List<Path> paths) {
    List<CompiledRule> rules = new ArrayList<>();
    for (Path p : expand(paths)) {
      String text;
      try {
        text = Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new RuleFormatException(p + ":1: cannot read rule pack (" + e.getClass().getSimpleName() + ")", e);
      }
      rules.addAll(read(p.toString(), text));
    }
    return rules;
  }

  public List<CompiledRule> read(String file, String text) {
    return RuleReader.read(file, reader.read(file, text));
  }

  /** Fails on the second definition of a rule id. */
  public static void checkUniqueIds(List<CompiledRule> rules) {
    Map<String, String> seen = new HashMap<>();
    for (CompiledRule r : rules) {
      String first = seen.putIfAbsent(r.rule().id(), r.rule().source());
      if (first != null) {
        throw new RuleFormatException(
            r.rule().source() + ": duplicate rule id '" + r.rule().id() + "' (first defined at " + first + ")");
      }
    }
  }

  private static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new RuleFormatException(p + ":1: cannot list rule packs (" + e.getClass().getSimpleName() + ")", e);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  private static String resource(String name) {
    try (InputStream in = PackLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new RuleFormatException(name + ":1: built-in rule resource is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuleFormatException(name + ":1: cannot read built-in rule resource", e);
    }
  }
}
