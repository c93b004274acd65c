package dev.aiscan.connectors.dependencies.internal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import dev.aiscan.testkit.FixtureTree;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real project against Maven Central; skipped only when Central cannot be reached. */
class MavenReaderOnlineTest {
  @TempDir Path base;

  @Test
  void resolvesLangchain4jOpenAiFromCentral() throws IOException {
    Assumptions.assumeTrue(centralReachable(), "Maven Central cannot be reached");
    FixtureTree tree =
        FixtureTree.in(Files.createDirectories(base.resolve("tree")))
            .file(
                "pom.xml",
                """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>chat</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j-open-ai</artifactId><version>1.13.0</version></dependency>
          </dependencies>
        </project>
        """);
    // An empty home: no settings.xml, a fresh local repository, Central as Maven knows it.
    RecordingOutput out = new RecordingOutput();

    new MavenReader()
        .read(
            tree.root(),
            List.of("pom.xml"),
            new DependencySettings(false, null, null, base.resolve("home")),
            out);

    assertThat(out.warnings).isEmpty();
    assertThat(out.find("com.acme:chat:1", "dev.langchain4j:langchain4j-open-ai"))
        .isEqualTo(
            new Dependency(
                "maven",
                "dev.langchain4j:langchain4j-open-ai",
                "1.13.0",
                "compile",
                true,
                List.of("com.acme:chat:1", "dev.langchain4j:langchain4j-open-ai:1.13.0"),
                "pom.xml",
                5));
    Dependency core = out.find("com.acme:chat:1", "dev.langchain4j:langchain4j-core");
    assertThat(core).isNotNull();
    assertThat(core.direct()).isFalse();
    assertThat(core.path())
        .startsWith("com.acme:chat:1", "dev.langchain4j:langchain4j-open-ai:1.13.0");
    assertThat(core.line()).isEqualTo(5);
    assertThat(out.dependencies)
        .hasSizeGreaterThan(5)
        .allMatch(d -> d.version() != null && d.manifest().equals("pom.xml"));
  }

  private static boolean centralReachable() {
    try {
      HttpURLConnection c =
          (HttpURLConnection) URI.create(MavenSession.CENTRAL).toURL().openConnection();
      c.setConnectTimeout(5_000);
      c.setReadTimeout(5_000);
      c.setRequestMethod("HEAD");
      int code = c.getResponseCode();
      c.disconnect();
      return code < 500;
    } catch (IOException e) {
      return false;
    }
  }
}
