package dev.aiscan.connectors.saas.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.connectors.saas.github.GithubRepositories.Repo;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing the organisation's repositories (hand-written {@code GET /orgs/{org}/repos} pages, see
 * {@code src/test/resources/wire/README.md}: GitHub's example is not among the fixtures) and
 * cloning one for real: the test creates a Git repository with JGit and lists it by its {@code
 * file://} URL.
 */
class GithubRepositoriesTest {
  static final String TOKEN = GithubConnectorTest.TOKEN;
  static final String REPOS = "/orgs/acme-example/repos";

  WireMockServer github;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  Settings settings() {
    return Settings.of(
        Map.of(
            "connectors.github.token",
            TOKEN,
            "connectors.github.org",
            "acme-example",
            "connectors.github.base-url",
            github.baseUrl()));
  }

  void stubRepos(String cloneUrl) {
    String page2 = github.baseUrl() + REPOS + "?type=all&per_page=100&page=2";
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .withQueryParam("page", absent())
            .willReturn(
                okJson(
                        GithubConnectorTest.wire("github-repos-page1.json")
                            .replace("CLONE_URL_OF_HELLO_WORLD", cloneUrl))
                    .withHeader("Link", "<" + page2 + ">; rel=\"next\"")));
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson(GithubConnectorTest.wire("github-repos-page2.json"))));
  }

  /** A repository with two commits on {@code main}, so a clone of depth 1 is visibly shallow. */
  Path origin() throws Exception {
    Path dir = tmp.resolve("origin");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("README.md"), "first\n");
      git.add().addFilepattern("README.md").call();
      git.commit().setMessage("first").setAuthor("Test", "test@example.com").call();
      Files.writeString(dir.resolve("app.py"), "from openai import OpenAI\n");
      git.add().addFilepattern("app.py").call();
      git.commit().setMessage("second").setAuthor("Test", "test@example.com").call();
      git.branchCreate().setName("other").call();
    }
    return dir;
  }

  @Test
  void listsTheRepositoriesAcrossPagesWithoutArchivedOnes() {
    stubRepos("https://github.com/acme-example/hello-world.git");

    List<Repo> repos = GithubRepositories.list(settings());

    assertThat(repos)
        .containsExactly(
            new Repo(
                "hello-world",
                "https://github.com/acme-example/hello-world.git",
                "main",
                false,
                false),
            new Repo(
                "forked-lib",
                "https://github.com/acme-example/forked-lib.git",
                "trunk",
                false,
                true));
    github.verify(
        getRequestedFor(urlPathEqualTo(REPOS))
            .withQueryParam("type", equalTo("all"))
            .withQueryParam("per_page", equalTo("100"))
            .withQueryParam("page", absent())
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    github.verify(getRequestedFor(urlPathEqualTo(REPOS)).withQueryParam("page", equalTo("2")));
  }

  @Test
  void aListedRepositoryIsClonedShallowAtItsDefaultBranch() throws Exception {
    Path origin = origin();
    stubRepos(origin.toUri().toString());
    Repo hello = GithubRepositories.list(settings()).get(0);
    assertThat(hello.cloneUrl()).startsWith("file:");

    Path clone = tmp.resolve("clone");
    GithubRepositories.shallowClone(hello, clone, TOKEN);

    assertThat(clone.resolve("app.py")).hasContent("from openai import OpenAI");
    assertThat(clone.resolve("README.md")).exists();
    assertThat(clone.resolve(".git/shallow")).exists();
    try (Git git = Git.open(clone.toFile())) {
      assertThat(git.getRepository().getBranch()).isEqualTo("main");
      Iterable<RevCommit> log = git.log().call();
      assertThat(log).extracting(RevCommit::getShortMessage).containsExactly("second");
      assertThat(git.branchList().call())
          .extracting(r -> r.getName())
          .containsExactly("refs/heads/main");
    }
  }

  @Test
  void aFailedCloneIsOneLineWithoutTheToken() {
    Repo gone = new Repo("gone", "https://127.0.0.1:1/acme-example/gone.git", "main", false, false);

    assertThatThrownBy(() -> GithubRepositories.shallowClone(gone, tmp.resolve("gone"), TOKEN))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("git clone of gone failed: ")
        .hasMessageNotContaining(TOKEN)
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aRefusedListIsOneLineSayingWhatTheTokenNeeds() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(aResponse().withStatus(403).withBody("{\"message\": \"Forbidden\"}")));

    assertThatThrownBy(() -> GithubRepositories.list(settings()))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith(
            "GitHub repositories of acme-example: /orgs/acme-example/repos: HTTP 403")
        .hasMessageEndingWith(
            "the token needs read access to the organisation's repositories (repo for private"
                + " ones)")
        .hasMessageNotContaining(TOKEN);
  }

  @org.junit.jupiter.api.Test
  void theTokenGoesOnlyToGithubsOwnHost() {
    okhttp3.HttpUrl cloud = okhttp3.HttpUrl.get("https://api.github.com");
    okhttp3.HttpUrl server = okhttp3.HttpUrl.get("https://git.acme.example/api/v3");
    org.assertj.core.api.Assertions.assertThat(
            GithubRepositories.offersTokenTo("https://github.com/acme-example/app.git", cloud))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(
            GithubRepositories.offersTokenTo("https://git.acme.example/acme/app.git", server))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(
            GithubRepositories.offersTokenTo("https://collector.example.net/app.git", cloud))
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(
            GithubRepositories.offersTokenTo("http://github.com/acme-example/app.git", cloud))
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(
            GithubRepositories.offersTokenTo("file:///tmp/app", cloud))
        .isFalse();
  }
}
