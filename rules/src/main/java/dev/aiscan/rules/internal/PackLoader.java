package dev.aiscan.rules.internal;

import dev.aiscan.rules.RuleFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and reads rule packs: the built-in ones listed in {@code packs/index.txt} (no classpath
 * scanning), and user packs given as files or directories of {@code *.yaml}/{@code *.yml}.
 */
public final class PackLoader {
  public static final String PACKS = "/dev/aiscan/rules/packs/";
  public static final String INDEX = PACKS + "index.txt";
  public static final String PROVIDERS = "/dev/aiscan/rules/providers.txt";

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

  /** The known provider ids ({@code providers.txt}), which built-in rules must use. */
  public static Set<String> providerIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (String line : resource(PROVIDERS).split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        ids.add(l);
      }
    }
    return ids;
  }

  /** The built-in packs once read (immutable), for every later load of user packs. */
  private static volatile List<Pack> builtIn;

  /**
   * The built-in packs, in index order: read and validated once per class loader (they are part of
   * the jar), so that loading user packs again (a rule author's edit-and-test loop, the tests) does
   * not read them again.
   */
  public List<Pack> defaultPacks() {
    List<Pack> packs = builtIn;
    if (packs == null) {
      Set<String> providers = providerIds();
      List<Pack> read = new ArrayList<>();
      for (String name : defaultPackNames()) {
        read.add(read(name, defaultPackText(name), true, providers));
      }
      packs = List.copyOf(read);
      builtIn = packs;
    }
    return packs;
  }

  /** User packs: files, or directories of {@code *.yaml}/{@code *.yml} files (name order). */
  public List<Pack> userPacks(List<Path> paths) {
    List<Pack> packs = new ArrayList<>();
    for (Path p : expand(paths)) {
      String text;
      try {
        text = Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new RuleFormatException(
            p + ":1: cannot read rule pack (" + e.getClass().getSimpleName() + ")", e);
      }
      packs.add(read(p.toString(), text, false, null));
    }
    return packs;
  }

  public Pack read(String file, String text, boolean builtIn, Set<String> providers) {
    return RuleReader.read(file, reader.read(file, text), builtIn, providers);
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
          throw new RuleFormatException(
              p + ":1: cannot list rule packs (" + e.getClass().getSimpleName() + ")", e);
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
