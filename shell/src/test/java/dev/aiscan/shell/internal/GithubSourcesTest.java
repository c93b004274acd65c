package dev.aiscan.shell.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repository names from the GitHub API become directories that are cloned into and deleted: a name
 * that is not a GitHub name, from a compromised or impostor server, must never lead outside the
 * organisation's directory.
 */
class GithubSourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;
  WireMockServer github;
  Path home;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    home = work.resolve("home");
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  private Settings settings() {
    return Settings.of(
        Map.of(
            "connectors.github.org", "acme-example",
            "connectors.github.token", "ghp_test_token_not_real",
            "connectors.github.base-url", github.baseUrl()));
  }

  /** The connector's recorded repository list, with the names and clone URLs given. */
  private void serveRepositories(Map<String, String> cloneUrlByName) throws Exception {
    ArrayNode page =
        (ArrayNode)
            JSON.readTree(
                Path.of("../connectors/saas-github/src/test/resources/wire/github-repos-page1.json")
                    .toFile());
    ObjectNode template = (ObjectNode) page.get(0);
    ArrayNode repos = JSON.createArrayNode();
    cloneUrlByName.forEach(
        (name, url) -> repos.add(template.deepCopy().put("name", name).put("clone_url", url)));
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme-example/repos"))
            .willReturn(okJson(JSON.writeValueAsString(repos))));
  }

  private static String gitRepository(Path dir) throws Exception {
    Files.createDirectories(dir);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("app.py"), "import openai\n");
      git.add().addFilepattern("app.py").call();
      git.commit()
          .setMessage("first")
          .setAuthor("Dev", "dev@acme.example")
          .setCommitter("Dev", "dev@acme.example")
          .call();
    }
    return dir.toUri().toString();
  }

  @Test
  void aRepositoryNameThatIsNotAGithubNameIsNeverMadeAPath() throws Exception {
    String origin = gitRepository(work.resolve("origin/hello-world"));
    // what a traversal would reach, and delete when its clone fails
    Path victim = Files.createDirectories(home.resolve("victim"));
    Files.writeString(victim.resolve("keep.txt"), "precious");
    serveRepositories(
        Map.of(
            "hello-world", origin,
            "../../../victim", origin,
            "..", origin,
            "a/b", origin,
            "line\nbreak", origin));

    GithubSources sources;
    try (PrintStream out = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      sources = GithubSources.cloneAll(settings(), "acme-example", home, out);
    }

    assertThat(sources.targets()).extracting(Target::name).containsExactly("hello-world");
    assertThat(home.resolve(".aiscan/github/acme-example/hello-world/app.py")).exists();
    assertThat(victim.resolve("keep.txt")).hasContent("precious");
    assertThat(home.resolve(".aiscan/github/a")).doesNotExist();
    String warnings = err.toString(StandardCharsets.UTF_8);
    assertThat(warnings.lines())
        .containsExactlyInAnyOrder(
            "aiscan: warning: github acme-example: the API named a repository '../../../victim',"
                + " which is not a GitHub repository name; not cloned",
            "aiscan: warning: github acme-example: the API named a repository '..', which is not"
                + " a GitHub repository name; not cloned",
            "aiscan: warning: github acme-example: the API named a repository 'a/b', which is not"
                + " a GitHub repository name; not cloned",
            "aiscan: warning: github acme-example: the API named a repository 'line\\u000abreak',"
                + " which is not a GitHub repository name; not cloned");

    sources.close();
    assertThat(home.resolve(".aiscan/github/acme-example")).doesNotExist();
    assertThat(victim.resolve("keep.txt")).hasContent("precious");
  }

  @Test
  void anOrganisationThatIsNotALoginIsRefusedBeforeAnythingIsDeleted() throws Exception {
    Path victim = Files.createDirectories(home.resolve("victim"));
    Files.writeString(victim.resolve("keep.txt"), "precious");

    assertThatThrownBy(
            () ->
                GithubSources.cloneAll(
                    settings(), "../../victim", home, new PrintStream(err, true, "UTF-8")))
        .isInstanceOf(ScanException.class)
        .hasMessage("--github-org '../../victim': not a GitHub organisation login");
    assertThat(victim.resolve("keep.txt")).hasContent("precious");
  }
}
