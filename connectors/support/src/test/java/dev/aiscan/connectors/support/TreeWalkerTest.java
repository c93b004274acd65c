package dev.aiscan.connectors.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.testkit.FixtureTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWalkerTest {
  @TempDir Path dir;
  Path root;
  final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void tree() throws IOException {
    root = dir.resolve("repo");
    FixtureTree.in(root)
        .file("src/app.py", "import openai\n")
        .file("src/web/chat.ts", "import OpenAI from 'openai';\n")
        .file("node_modules/openai/index.js", "x")
        .file(".git/config", "[core]")
        .file("target/classes/App.java", "x")
        .file("build/out.py", "x")
        .file("dist/bundle.js", "x")
        .file("src/__pycache__/app.cpython-311.pyc", "x")
        .file(".venv/lib/site.py", "x")
        .file("tools/env/pyvenv.cfg", "home = /usr/bin")
        .file("tools/env/lib/x.py", "x")
        .file(".gitignore", "*.log\nsecret/\n!keep.log\n")
        .file("app.log", "x")
        .file("keep.log", "x")
        .file("secret/notes.py", "x")
        .file("src/web/.gitignore", "generated.ts\n")
        .file("src/web/generated.ts", "x");
  }

  private List<String> walk(List<String> includes, List<String> excludes, boolean gitignore)
      throws IOException {
    TreeWalker walker =
        new TreeWalker(
            root.toRealPath(), includes, excludes, gitignore, (f, m) -> warnings.add(f + ": " + m));
    return StreamSupport.stream(walker.spliterator(), false)
        .map(TreeWalker.Entry::relative)
        .toList();
  }

  @Test
  void skipsVcsBuildOutputVendoredDirsVirtualenvsAndGitignoredFiles() throws IOException {
    assertThat(walk(List.of(), List.of(), true))
        .containsExactly(
            ".gitignore", "keep.log", "src/app.py", "src/web/.gitignore", "src/web/chat.ts");
    assertThat(warnings).isEmpty();
  }

  @Test
  void withoutGitignoreTheIgnoredFilesAreScannedButTheSkipListStillApplies() throws IOException {
    assertThat(walk(List.of(), List.of(), false))
        .contains("app.log", "secret/notes.py", "src/web/generated.ts")
        .noneMatch(p -> p.startsWith("node_modules/") || p.startsWith(".git/"));
  }

  @Test
  void excludeGlobsWinAndIncludeGlobsSelectEvenSkippedFiles() throws IOException {
    assertThat(walk(List.of(), List.of("src/web/**"), true))
        .doesNotContain("src/web/chat.ts")
        .contains("src/app.py");
    assertThat(walk(List.of("**/*.js"), List.of(), true))
        .containsExactlyInAnyOrder("node_modules/openai/index.js", "dist/bundle.js");
  }

  @Test
  void linksAreFollowedInsideTheTreeOnlyAndLoopsAreReported() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("leak.py"), "import openai\n");
    Files.createSymbolicLink(root.resolve("src/out"), outside);
    Files.createSymbolicLink(root.resolve("src/loop"), root.resolve("src"));
    Files.createSymbolicLink(root.resolve("src/self"), root.resolve("src/self"));
    Files.createSymbolicLink(root.resolve("src/dangling.py"), root.resolve("nowhere.py"));
    Files.createSymbolicLink(root.resolve("alias.py"), root.resolve("src/app.py"));

    List<String> files = walk(List.of(), List.of(), true);

    assertThat(files).noneMatch(p -> p.contains("leak.py")).contains("alias.py");
    assertThat(warnings)
        .containsExactlyInAnyOrder(
            "src/out: symbolic link points outside the target; not followed",
            "src/loop: symbolic link loop; not followed",
            "src/self: symbolic link loop; not followed",
            "src/dangling.py: broken symbolic link; skipped");
  }

  @Test
  void fifosAreNeverOpenedAndSaySo() throws Exception {
    Path fifo = root.resolve("src/pipe.py");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Files.createSymbolicLink(root.resolve("pipe-link.py"), fifo);
    Path ignored = root.resolve("secret/pipe.py"); // .gitignore'd: passed over without a word
    assertThat(new ProcessBuilder("mkfifo", ignored.toString()).start().waitFor()).isZero();

    List<String> files = walk(List.of(), List.of(), true);

    assertThat(files).noneMatch(p -> p.contains("pipe"));
    assertThat(warnings)
        .containsExactlyInAnyOrder(
            "src/pipe.py: not a regular file (a FIFO, socket or device); not read",
            "pipe-link.py: not a regular file (a FIFO, socket or device); not read");
  }

  @Test
  void walksLazily() throws IOException {
    TreeWalker walker = new TreeWalker(root.toRealPath(), List.of(), List.of(), true, (f, m) -> {});
    var it = walker.iterator();
    assertThat(it.next().relative()).isEqualTo(".gitignore");
    assertThat(it.hasNext()).isTrue();
  }
}
