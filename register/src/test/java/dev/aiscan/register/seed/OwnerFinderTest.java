package dev.aiscan.register.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.CloudResource;
import dev.aiscan.testkit.FixtureTree;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerFinderTest {
  private static final PersonIdent ALICE =
      new PersonIdent(
          "Alice Martin", "alice@acme.test", Instant.parse("2025-05-01T09:00:00Z"), ZoneOffset.UTC);
  private static final PersonIdent BOB =
      new PersonIdent(
          "Bob Chen", "bob@acme.test", Instant.parse("2025-05-02T09:00:00Z"), ZoneOffset.UTC);

  private static void commit(Git git, Path root, PersonIdent who, String file, String text)
      throws Exception {
    FixtureTree.in(root).file(file, text);
    git.add().addFilepattern(file).call();
    git.commit()
        .setMessage("Change " + file)
        .setAuthor(who)
        .setCommitter(who)
        .setSign(false)
        .call();
  }

  /** A repository where Alice wrote the support code twice, Bob once, and Bob the README. */
  private static Path repository(Path dir) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      commit(git, dir, ALICE, "services/support/reply.py", "from openai import OpenAI\n");
      commit(
          git,
          dir,
          BOB,
          "services/support/reply.py",
          "from openai import OpenAI\nclient = OpenAI()\n");
      commit(git, dir, ALICE, "services/support/tickets.py", "import anthropic\n");
      commit(git, dir, BOB, "README.md", "# Support desk\n");
      commit(git, dir, BOB, "services/billing/invoice.py", "import openai\n");
    }
    return dir;
  }

  @Test
  void gitAuthorsOfTheEvidenceFilesRankedByCommits(@TempDir Path dir) throws Exception {
    Path root = repository(dir);

    List<OwnerSuggestion> owners =
        OwnerFinder.owners(
            root, List.of("services/support/reply.py", "services/support/tickets.py"));

    assertThat(owners)
        .containsExactly(
            new OwnerSuggestion(
                "Alice Martin <alice@acme.test>",
                "git: 2 of the last 3 commits touching the evidence files"),
            new OwnerSuggestion(
                "Bob Chen <bob@acme.test>",
                "git: 1 of the last 3 commits touching the evidence files"));
  }

  @Test
  void aTreeInsideARepositoryUsesPathsRelativeToTheTree(@TempDir Path dir) throws Exception {
    Path root = repository(dir).resolve("services/billing");

    assertThat(OwnerFinder.owners(root, List.of("invoice.py")))
        .containsExactly(
            new OwnerSuggestion(
                "Bob Chen <bob@acme.test>",
                "git: 1 of the last 1 commit touching the evidence files"));
  }

  @Test
  void aTreeInsideARepositoryUsesTheRepositorysCodeOwners(@TempDir Path dir) throws Exception {
    Path root = repository(dir).resolve("services/billing");
    FixtureTree.in(dir)
        .file(".github/CODEOWNERS", "* @acme/platform\n/services/billing/ @acme/billing\n");

    assertThat(OwnerFinder.owners(root, List.of("invoice.py")))
        .containsExactly(
            new OwnerSuggestion(
                "@acme/billing", ".github/CODEOWNERS line 2 (/services/billing/ @acme/billing)"),
            new OwnerSuggestion(
                "Bob Chen <bob@acme.test>",
                "git: 1 of the last 1 commit touching the evidence files"));
  }

  @Test
  void codeOwnersComeFirstMostFilesFirst(@TempDir Path dir) throws Exception {
    Path root = repository(dir);
    FixtureTree.in(root)
        .file(
            "CODEOWNERS",
            """
            *                     @acme/platform
            /services/support/    @acme/support-team
            *.py                  @acme/python-guild
            /services/support/reply.py  @acme/support-team @acme/ai-team
            """);

    List<OwnerSuggestion> owners =
        OwnerFinder.owners(
            root, List.of("services/support/reply.py", "services/support/tickets.py", "README.md"));

    assertThat(owners)
        .extracting(OwnerSuggestion::owner)
        .containsExactly(
            "@acme/ai-team",
            "@acme/platform",
            "@acme/python-guild",
            "@acme/support-team",
            "Alice Martin <alice@acme.test>",
            "Bob Chen <bob@acme.test>");
    assertThat(owners.get(0).source())
        .isEqualTo(
            "CODEOWNERS line 4 (/services/support/reply.py @acme/support-team @acme/ai-team)");
    assertThat(owners.get(4).source())
        .isEqualTo("git: 2 of the last 4 commits touching the evidence files");
  }

  @Test
  void noCodeOwnersAndNoGitMeansNoSuggestion(@TempDir Path dir) {
    FixtureTree.in(dir).file("app/main.py", "import openai\n");
    assertThat(OwnerFinder.owners(dir, List.of("app/main.py"))).isEmpty();
    assertThat(OwnerFinder.owners(dir.resolve("missing"), List.of("app/main.py"))).isEmpty();
    assertThat(OwnerFinder.owners(dir, List.of())).isEmpty();
  }

  @Test
  void aRepositoryWithoutCommitsHasNoAuthors(@TempDir Path dir) throws Exception {
    Git.init().setDirectory(dir.toFile()).call().close();
    FixtureTree.in(dir).file("app/main.py", "import openai\n");
    assertThat(OwnerFinder.owners(dir, List.of("app/main.py"))).isEmpty();
  }

  private static CloudResource resource(String name, Map<String, String> tags) {
    return new CloudResource(
        "aws:123456789012",
        "arn:aws:bedrock:us-east-1:123456789012:agent/" + name,
        "AWS::Bedrock::Agent",
        name,
        "us-east-1",
        tags);
  }

  @Test
  void cloudOwnersComeFromTheOwnerTagElseTheTeamTagInAnyCase() {
    List<OwnerSuggestion> owners =
        OwnerFinder.fromTags(
            List.of(
                resource("TRIAGE", Map.of("team", "support", "Owner", "alice@acme.test")),
                resource("ROUTER", Map.of("TEAM", "support")),
                resource("SCRATCH", Map.of("env", "dev"))));

    assertThat(owners)
        .containsExactly(
            new OwnerSuggestion(
                "alice@acme.test",
                "tag Owner on arn:aws:bedrock:us-east-1:123456789012:agent/TRIAGE"),
            new OwnerSuggestion(
                "support", "tag TEAM on arn:aws:bedrock:us-east-1:123456789012:agent/ROUTER"));
  }

  @Test
  void theOwnerOfMostResourcesComesFirstAndNamesThem() {
    List<OwnerSuggestion> owners =
        OwnerFinder.fromTags(
            List.of(
                resource("A1", Map.of("owner", "data-science")),
                resource("A2", Map.of("owner", "data-science")),
                resource("A3", Map.of("owner", "data-science")),
                resource("B1", Map.of("owner", "alice@acme.test")),
                resource("C1", Map.of("owner", " "))));

    assertThat(owners)
        .containsExactly(
            new OwnerSuggestion(
                "data-science",
                "tag owner on 3 of 5 resources:"
                    + " arn:aws:bedrock:us-east-1:123456789012:agent/A1,"
                    + " arn:aws:bedrock:us-east-1:123456789012:agent/A2 and 1 more"),
            new OwnerSuggestion(
                "alice@acme.test", "tag owner on arn:aws:bedrock:us-east-1:123456789012:agent/B1"));
    assertThat(OwnerFinder.fromTags(List.of())).isEmpty();
    assertThat(OwnerFinder.fromTags(null)).isEmpty();
  }
}
