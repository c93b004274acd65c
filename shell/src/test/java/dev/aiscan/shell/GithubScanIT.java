package dev.aiscan.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aiscan.testkit.VendorFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiscan scan --github-org ORG --github-repos} against a fake GitHub API: the organisation's
 * Copilot seats (GitHub's published example) and its repositories, one of which (a real git
 * repository reached by a {@code file://} clone URL) is cloned shallow and scanned as source. The
 * organisation and repository bodies are the GitHub connector's hand-written ones.
 */
class GithubScanIT {
  static final String TOKEN = "ghp_ExampleExampleExampleExampleExample0";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static WireMockServer github;
  static CliRunner.Run run;

  static String wire(String name) throws Exception {
    return Files.readString(Path.of("../connectors/saas-github/src/test/resources/wire", name));
  }

  static String vendor(String path) throws Exception {
    return VendorFixtures.read("github/" + path);
  }

  @BeforeAll
  static void scan() throws Exception {
    Path origin = work.resolve("origin/hello-world");
    Files.createDirectories(origin);
    try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
      Files.writeString(origin.resolve("app.py"), "import openai\n\nclient = openai.OpenAI()\n");
      git.add().addFilepattern("app.py").call();
      git.commit()
          .setMessage("first")
          .setAuthor("Dev", "dev@acme.example")
          .setCommitter("Dev", "dev@acme.example")
          .call();
    }
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme-example")).willReturn(okJson(wire("github-org.json"))));
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme-example/repos"))
            .willReturn(
                okJson(
                    wire("github-repos-page1.json")
                        .replace("CLONE_URL_OF_HELLO_WORLD", origin.toUri().toString()))));
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme-example/copilot/billing/seats"))
            .willReturn(okJson(vendor("copilot/list_copilot_seats.json"))));
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme-example/installations"))
            .willReturn(okJson(vendor("orgs/list_org_installations.json"))));
    run =
        CliRunner.run(
            work,
            Map.of("GITHUB_TOKEN", TOKEN),
            "scan",
            "--github-org",
            "acme-example",
            "--github-repos",
            "--github-base-url",
            github.baseUrl(),
            "--graph",
            "none",
            "--out",
            work.resolve("report").toString());
  }

  @AfterAll
  static void stop() {
    github.stop();
  }

  @Test
  void seatsAndTheClonedRepositorysCodeAreInTheInventory() throws Exception {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode inventory = JSON.readTree(work.resolve("report/inventory.json").toFile());
    assertThat(inventory.get("scan").get("targets").findValuesAsText("name"))
        .containsExactly("acme-example", "hello-world");
    assertThat(inventory.get("findings").findValuesAsText("provider"))
        .contains("github-copilot", "openai");
    assertThat(inventory.get("findings").findValuesAsText("file")).contains("app.py");
    // the clone is gone once the scan is done; the token is nowhere
    assertThat(work.resolve("home/.aiscan/github/acme-example")).doesNotExist();
    assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
    assertThat(Files.readString(work.resolve("report/inventory.json"))).doesNotContain(TOKEN);
  }
}
