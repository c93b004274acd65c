package dev.aiscan.register.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.testkit.FixtureTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeOwnersTest {
  private static final CodeOwners OWNERS =
      CodeOwners.parse(
          ".github/CODEOWNERS",
          """
          # Default owners for everything in the repo.
          *                 @acme/platform

          # JavaScript anywhere belongs to the web team
          *.js              @acme/web-team
          /web/             @acme/web-team @jane   # the web app, recursively
          docs/*            docs@acme.test
          apps/**/x         @acme/x-team
          **/logs           @acme/sre
          /build/           # generated: no owner
          /web/vendor/      @acme/platform
          """);

  private static String owners(String path) {
    CodeOwners.Rule rule = OWNERS.ruleFor(path);
    return rule == null ? null : String.join(" ", rule.owners());
  }

  @Test
  void theLastMatchingPatternWins() {
    assertThat(owners("README.md")).isEqualTo("@acme/platform");
    assertThat(owners("lib/util.js")).isEqualTo("@acme/web-team");
    assertThat(owners("web/app/main.py")).isEqualTo("@acme/web-team @jane");
    assertThat(owners("web/vendor/lib.js")).isEqualTo("@acme/platform");
  }

  @Test
  void aSlashAnchorsAtTheRootAndDirectoryStarMatchesOnlyDirectChildren() {
    assertThat(owners("src/web/page.py")).isEqualTo("@acme/platform");
    assertThat(owners("docs/getting-started.md")).isEqualTo("docs@acme.test");
    assertThat(owners("docs/build-app/troubleshooting.md")).isEqualTo("@acme/platform");
  }

  @Test
  void doubleStarsCrossDirectories() {
    assertThat(owners("apps/x")).isEqualTo("@acme/x-team");
    assertThat(owners("apps/a/b/x")).isEqualTo("@acme/x-team");
    assertThat(owners("apps/a/x/main.go")).isEqualTo("@acme/x-team");
    assertThat(owners("apps/a/xy")).isEqualTo("@acme/platform");
    assertThat(owners("deeply/nested/logs/app.log")).isEqualTo("@acme/sre");
    assertThat(owners("logs/today.log")).isEqualTo("@acme/sre");
  }

  @Test
  void aLineWithoutOwnersLeavesFilesUnowned() {
    assertThat(owners("build/out/app.js")).isEmpty();
  }

  @Test
  void rulesKeepTheirLineAndTextWithoutComment() {
    CodeOwners.Rule rule = OWNERS.ruleFor("web/index.html");
    assertThat(rule.line()).isEqualTo(6);
    assertThat(rule.text()).isEqualTo("/web/ @acme/web-team @jane");
  }

  @Test
  void githubLooksInDotGithubThenTheRootThenDocs(@TempDir Path dir) {
    FixtureTree.in(dir)
        .file("docs/CODEOWNERS", "* @from-docs\n")
        .file("CODEOWNERS", "* @from-root\n");
    assertThat(CodeOwners.find(dir).file()).isEqualTo("CODEOWNERS");
    FixtureTree.in(dir).file(".github/CODEOWNERS", "* @from-github\n");
    assertThat(CodeOwners.find(dir).ruleFor("a.py").owners()).containsExactly("@from-github");
  }

  @Test
  void aTreeWithoutCodeOwnersHasNone(@TempDir Path dir) {
    assertThat(CodeOwners.find(dir)).isNull();
  }
}
