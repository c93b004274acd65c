package dev.aiscan.shell.internal;

import dev.aiscan.connectors.saas.github.GithubRepositories;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.shell.config.ScanSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The repositories a scan clones before it reads them: the git URLs it names, and with {@code
 * connectors.github.clone-repos} the GitHub organisation's repositories. Each is cloned shallow
 * under {@code ~/.aiscan}, and deleted when the scan is done, so code stays on disk only while it
 * is read. A repository that cannot be cloned is one line on stderr; the others are scanned.
 */
final class Clones implements AutoCloseable {
  private final List<Target> targets;
  private final List<AutoCloseable> cleanups;

  private Clones(List<Target> targets, List<AutoCloseable> cleanups) {
    this.targets = targets;
    this.cleanups = cleanups;
  }

  static Clones of(ScanSpec spec, Settings settings, Path home, PrintStream err) {
    List<Target> targets = new ArrayList<>();
    List<AutoCloseable> cleanups = new ArrayList<>();
    List<String> urls = ScanSpec.list(spec.gitRepositories());
    if (!urls.isEmpty()) {
      Path root = home.resolve(".aiscan").resolve("git");
      cleanups.add(() -> GithubSources.delete(root));
      for (String url : urls) {
        String name = repositoryName(url);
        // the URL's hash keeps two repositories of one name apart
        Path dir = root.resolve(name + "-" + shortHash(url));
        GithubSources.delete(dir);
        try {
          GithubRepositories.shallowClone(
              new GithubRepositories.Repo(name, url, null, false, false), dir, (String) null);
          Target cloned = SourceConnector.target(dir);
          targets.add(new Target(cloned.id(), cloned.kind(), name, cloned.location()));
        } catch (ScanException e) {
          GithubSources.delete(dir);
          err.println("aiscan: warning: " + e.getMessage());
        }
      }
    }
    if (spec.runs("github")
        && settings.get("connectors.github.clone-repos").map(Boolean::parseBoolean).orElse(false)) {
      GithubSources org =
          GithubSources.cloneAll(
              settings, settings.get("connectors.github.org").orElse(""), home, err);
      cleanups.add(org);
      targets.addAll(org.targets());
    }
    return new Clones(targets, cleanups);
  }

  /** A source target per cloned repository, named by the repository. */
  List<Target> targets() {
    return targets;
  }

  @Override
  public void close() {
    for (AutoCloseable cleanup : cleanups) {
      try {
        cleanup.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot delete a clone: " + e.getMessage(), e);
      }
    }
  }

  /** {@code https://github.com/acme/chatbot.git} → {@code chatbot}. */
  static String repositoryName(String url) {
    String s = url.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith(".git")) {
      s = s.substring(0, s.length() - 4);
    }
    int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
    String name = s.substring(cut + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    return name.isEmpty() || name.startsWith(".") ? "repository" : name.toLowerCase(Locale.ROOT);
  }

  private static String shortHash(String url) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(url.getBytes());
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
