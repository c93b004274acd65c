package dev.aiscan.shell.internal;

import dev.aiscan.connectors.saas.github.GithubRepositories;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repositories of a GitHub organisation, handed to the source and dependency scans: each one is
 * cloned shallow into {@code ~/.aiscan/github/<org>/<repo>} (the same path every scan, so its
 * target, findings and history line up from scan to scan) and deleted when the scan is done. A
 * repository that cannot be cloned is one line on stderr; the others are scanned.
 */
public final class GithubSources implements AutoCloseable {
  /** An organisation login as GitHub allows it. */
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

  /** A repository name as GitHub allows it; {@code .} and {@code ..} are refused apart. */
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Path root;
  private final List<Target> targets;

  private GithubSources(Path root, List<Target> targets) {
    this.root = root;
    this.targets = targets;
  }

  /**
   * Clones every non-archived repository of the organisation the settings name. The names become
   * directories that are deleted afterwards, so a name the API gives that is not a GitHub name (one
   * with {@code /} or {@code ..}, from a compromised or impostor server) is skipped with a warning:
   * nothing is ever written or deleted outside the organisation's directory.
   */
  public static GithubSources cloneAll(Settings settings, String org, Path home, PrintStream err) {
    if (!LOGIN.matcher(org).matches()) {
      throw new ScanException("--github-org " + shown(org) + ": not a GitHub organisation login");
    }
    Path root = home.resolve(".aiscan").resolve("github").resolve(org);
    delete(root);
    List<Target> targets = new ArrayList<>();
    for (GithubRepositories.Repo repo : GithubRepositories.list(settings)) {
      String name = repo.name();
      if (!REPOSITORY.matcher(name).matches() || name.equals(".") || name.equals("..")) {
        err.println(
            "aiscan: warning: github "
                + org
                + ": the API named a repository "
                + shown(name)
                + ", which is not a GitHub repository name; not cloned");
        continue;
      }
      Path dir = root.resolve(name);
      try {
        GithubRepositories.shallowClone(repo, dir, settings);
        targets.add(SourceConnector.target(dir));
      } catch (ScanException e) {
        delete(dir);
        err.println("aiscan: warning: " + e.getMessage());
      }
    }
    return new GithubSources(root, targets);
  }

  /** A value from outside, quoted on one line: control characters escaped, at most 80 shown. */
  private static String shown(String value) {
    StringBuilder out = new StringBuilder("'");
    value
        .codePoints()
        .limit(80)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append(value.codePointCount(0, value.length()) > 80 ? "…'" : "'").toString();
  }

  /** Source targets, one per cloned repository, named by the repository. */
  public List<Target> targets() {
    return targets;
  }

  /** Deletes the clones: code stays on disk only while it is scanned. */
  @Override
  public void close() {
    delete(root);
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
