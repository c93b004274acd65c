package dev.aiscan.connectors.saas.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The organisation's repositories, for the shell to clone and scan as source targets: the list
 * ({@code GET /orgs/{org}/repos?type=all}, archived ones left out, since nobody ships from them)
 * and a shallow clone of one repository's default branch, which is all a scan of the code needs.
 */
public final class GithubRepositories {
  /** How long a clone may wait on the network before it gives up, in seconds. */
  private static final int CLONE_TIMEOUT_SECONDS = 120;

  private GithubRepositories() {}

  /**
   * One repository of the organisation.
   *
   * @param name the repository's name, without the organisation ({@code hello-world})
   * @param cloneUrl its HTTPS clone URL
   * @param defaultBranch the branch to scan ({@code main}); null when GitHub names none (an empty
   *     repository)
   * @param archived whether it is archived (never, in {@link #list}'s answer)
   * @param fork whether it is a fork of another repository
   */
  public record Repo(
      String name, String cloneUrl, String defaultBranch, boolean archived, boolean fork) {}

  /**
   * The repositories of {@code connectors.github.org} that are not archived, in GitHub's order.
   *
   * @throws ScanException (one line, no token) when GitHub refuses or fails to list them
   */
  public static List<Repo> list(Settings settings) {
    GithubSettings s = GithubSettings.from(settings);
    String org = s.requireOrg();
    GithubApi.Pages pages;
    try {
      pages = new GithubApi(s).list(List.of("orgs", org, "repos"), Map.of("type", "all"), null);
    } catch (SaasException e) {
      throw new ScanException(
          "GitHub repositories of "
              + org
              + ": "
              + e.getMessage()
              + (e.kind() == SaasException.Kind.DENIED
                  ? "; the token needs read access to the organisation's repositories (repo for"
                      + " private ones)"
                  : ""));
    }
    List<Repo> repos = new ArrayList<>();
    for (JsonNode r : pages.items()) {
      String name = r.path("name").asText("");
      String url = r.path("clone_url").asText("");
      boolean archived = r.path("archived").asBoolean(false);
      if (name.isBlank() || url.isBlank() || archived) {
        continue;
      }
      String branch = r.path("default_branch").asText("");
      repos.add(
          new Repo(
              name, url, branch.isBlank() ? null : branch, false, r.path("fork").asBoolean(false)));
    }
    return repos;
  }

  /**
   * Clones {@code repo} with the settings' token, offered only when the clone URL is on GitHub's
   * own host for the API the settings name ({@code github.com} for {@code api.github.com}, the same
   * host for GitHub Enterprise Server): a repository list naming another host gets no token.
   */
  public static void shallowClone(Repo repo, Path dir, Settings settings) {
    GithubSettings s = GithubSettings.from(settings);
    shallowClone(repo, dir, offersTokenTo(repo.cloneUrl(), s.baseUrl()) ? s.token() : null);
  }

  /** Whether a clone URL is on the host the token belongs to. */
  static boolean offersTokenTo(String cloneUrl, okhttp3.HttpUrl apiBase) {
    okhttp3.HttpUrl clone = okhttp3.HttpUrl.parse(cloneUrl);
    if (clone == null || !clone.isHttps()) {
      return false;
    }
    String api = apiBase.host().toLowerCase(Locale.ROOT);
    String home = api.equals("api.github.com") ? "github.com" : api;
    return clone.host().equalsIgnoreCase(home);
  }

  /**
   * Clones {@code repo}'s default branch into {@code dir} (empty or absent) with depth 1. The token
   * is offered as the HTTP basic password of user {@code x-access-token}, as GitHub asks, and only
   * over HTTPS; it appears in no message.
   *
   * @param token the GitHub token, or null for public repositories
   * @throws ScanException (one line) when the clone fails
   */
  public static void shallowClone(Repo repo, Path dir, String token) {
    CloneCommand clone =
        Git.cloneRepository()
            .setURI(repo.cloneUrl())
            .setDirectory(dir.toFile())
            .setDepth(1)
            .setCloneAllBranches(false)
            .setNoTags()
            .setTimeout(CLONE_TIMEOUT_SECONDS);
    if (repo.defaultBranch() != null) {
      String ref = "refs/heads/" + repo.defaultBranch();
      clone.setBranch(ref).setBranchesToClone(List.of(ref));
    }
    if (token != null && !token.isBlank() && https(repo.cloneUrl())) {
      clone.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider("x-access-token", token));
    }
    try (Git git = clone.call()) {
      // cloned; the working tree is what the source scan reads
    } catch (GitAPIException | JGitInternalException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (token != null && !token.isBlank()) {
        why = why.replace(token, "***");
      }
      throw new ScanException(
          "git clone of " + repo.name() + " failed: " + why.strip().replaceAll("\\s+", " "));
    }
  }

  private static boolean https(String url) {
    try {
      String scheme = new URIish(url).getScheme();
      return scheme != null && scheme.toLowerCase(Locale.ROOT).equals("https");
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
