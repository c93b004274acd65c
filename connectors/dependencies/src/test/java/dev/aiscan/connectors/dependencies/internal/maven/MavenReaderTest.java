package dev.aiscan.connectors.dependencies.internal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import dev.aiscan.testkit.FixtureTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven Resolver for real, against a file repository the tests write; no network. */
class MavenReaderTest {
  @TempDir Path base;
  FileRepository repo;
  FixtureTree tree;
  Path settingsFile;
  Path local;

  @BeforeEach
  void setUp() throws IOException {
    repo = new FileRepository(base.resolve("repo"));
    tree = FixtureTree.in(Files.createDirectories(base.resolve("tree")));
    local = base.resolve("local");
    settingsFile = base.resolve("settings.xml");
    Files.writeString(settingsFile, repo.settingsXml(local));
  }

  @Test
  void parentPropertiesManagementAndBomImport() throws IOException {
    repo.pom(
            "org.bom:bom:1.0",
            "pom",
            "<dependencyManagement><dependencies>"
                + FileRepository.dependency("org.b:b:2.0")
                + "</dependencies></dependencyManagement>")
        .jar("org.a:a:1.0", "org.c:c:1.0")
        .jar("org.c:c:1.0")
        .jar("org.b:b:1.0")
        .jar("org.b:b:2.0")
        .jar("org.junit:j:1.0");
    tree.file(
            "pom.xml",
            """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging>
          <properties><a.version>1.0</a.version></properties>
          <modules><module>app</module></modules>
          <dependencyManagement><dependencies>
            <dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>${a.version}</version></dependency>
            <dependency><groupId>org.bom</groupId><artifactId>bom</artifactId><version>1.0</version><type>pom</type><scope>import</scope></dependency>
          </dependencies></dependencyManagement>
          <dependencies>
            <dependency><groupId>org.junit</groupId><artifactId>j</artifactId><version>1.0</version><scope>test</scope></dependency>
          </dependencies>
        </project>
        """)
        .file(
            "app/pom.xml",
            """
        <project><modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1</version></parent>
          <artifactId>app</artifactId>
          <dependencies>
            <dependency><groupId>org.a</groupId><artifactId>a</artifactId></dependency>
            <dependency><groupId>org.b</groupId><artifactId>b</artifactId></dependency>
          </dependencies>
        </project>
        """);

    RecordingOutput out = read("pom.xml", "app/pom.xml");

    assertThat(out.warnings).isEmpty();
    assertThat(out.packages("com.acme:app:1"))
        .containsExactly("org.a:a:1.0", "org.b:b:2.0", "org.c:c:1.0", "org.junit:j:1.0");
    assertThat(out.find("com.acme:app:1", "org.a:a"))
        .isEqualTo(
            new Dependency(
                "maven",
                "org.a:a",
                "1.0",
                "compile",
                true,
                List.of("com.acme:app:1", "org.a:a:1.0"),
                "app/pom.xml",
                5));
    assertThat(out.find("com.acme:app:1", "org.c:c"))
        .isEqualTo(
            new Dependency(
                "maven",
                "org.c:c",
                "1.0",
                "compile",
                false,
                List.of("com.acme:app:1", "org.a:a:1.0", "org.c:c:1.0"),
                "app/pom.xml",
                5));
    assertThat(out.find("com.acme:app:1", "org.b:b").line()).isEqualTo(6);
    // Inherited from the parent: located where the parent declares it.
    Dependency junit = out.find("com.acme:app:1", "org.junit:j");
    assertThat(junit.scope()).isEqualTo("test");
    assertThat(junit.direct()).isTrue();
    assertThat(junit.manifest()).isEqualTo("pom.xml");
    assertThat(junit.line()).isEqualTo(10);
    assertThat(out.packages("com.acme:parent:1")).containsExactly("org.junit:j:1.0");
  }

  @Test
  void exclusionsOptionalAndNearestWins() throws IOException {
    repo.jar("org.a:a:1.0", "org.c:c:1.0", "org.d:d:1.0", "org.o:o:1.0:optional", "org.y:y:1.0")
        .jar("org.b:b:1.0", "org.e:e:1.0")
        .jar("org.e:e:1.0", "org.y:y:2.0")
        .jar("org.c:c:1.0")
        .jar("org.d:d:1.0")
        .jar("org.o:o:1.0")
        .jar("org.y:y:1.0")
        .jar("org.y:y:2.0");
    tree.file(
        "pom.xml",
        """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>app</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>1.0</version>
              <exclusions><exclusion><groupId>org.d</groupId><artifactId>d</artifactId></exclusion></exclusions>
            </dependency>
            <dependency><groupId>org.b</groupId><artifactId>b</artifactId><version>1.0</version><scope>test</scope></dependency>
          </dependencies>
        </project>
        """);

    RecordingOutput out = read("pom.xml");

    assertThat(out.warnings).isEmpty();
    // d excluded, o optional, y mediated to the nearest (1.0 at depth 2 beats 2.0 at depth 3).
    assertThat(out.packages("com.acme:app:1"))
        .containsExactly("org.a:a:1.0", "org.b:b:1.0", "org.c:c:1.0", "org.e:e:1.0", "org.y:y:1.0");
    assertThat(out.find("com.acme:app:1", "org.e:e"))
        .isEqualTo(
            new Dependency(
                "maven",
                "org.e:e",
                "1.0",
                "test",
                false,
                List.of("com.acme:app:1", "org.b:b:1.0", "org.e:e:1.0"),
                "pom.xml",
                7));
    assertThat(out.find("com.acme:app:1", "org.y:y").path())
        .containsExactly("com.acme:app:1", "org.a:a:1.0", "org.y:y:1.0");
    assertThat(out.find("com.acme:app:1", "org.y:y").scope()).isEqualTo("compile");
  }

  @Test
  void reactorModulesResolveSiblingsFromTheTree() throws IOException {
    repo.jar("org.a:a:1.0", "org.c:c:1.0").jar("org.c:c:1.0");
    tree.file(
            "pom.xml",
            """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>root</artifactId><version>2.0-SNAPSHOT</version><packaging>pom</packaging>
          <modules><module>lib</module><module>app</module></modules>
        </project>
        """)
        .file(
            "lib/pom.xml",
            """
        <project><modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.acme</groupId><artifactId>root</artifactId><version>2.0-SNAPSHOT</version></parent>
          <artifactId>lib</artifactId>
          <dependencies><dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>1.0</version></dependency></dependencies>
        </project>
        """)
        .file(
            "app/pom.xml",
            """
        <project><modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.acme</groupId><artifactId>root</artifactId><version>2.0-SNAPSHOT</version></parent>
          <artifactId>app</artifactId>
          <dependencies>
            <dependency><groupId>${project.groupId}</groupId><artifactId>lib</artifactId><version>${project.version}</version></dependency>
          </dependencies>
        </project>
        """);

    RecordingOutput out = read("app/pom.xml", "lib/pom.xml", "pom.xml");

    assertThat(out.warnings).isEmpty();
    assertThat(out.packages("com.acme:app:2.0-SNAPSHOT"))
        .containsExactly("com.acme:lib:2.0-SNAPSHOT", "org.a:a:1.0", "org.c:c:1.0");
    assertThat(out.find("com.acme:app:2.0-SNAPSHOT", "org.c:c"))
        .isEqualTo(
            new Dependency(
                "maven",
                "org.c:c",
                "1.0",
                "compile",
                false,
                List.of(
                    "com.acme:app:2.0-SNAPSHOT",
                    "com.acme:lib:2.0-SNAPSHOT",
                    "org.a:a:1.0",
                    "org.c:c:1.0"),
                "app/pom.xml",
                5));
    assertThat(out.packages("com.acme:lib:2.0-SNAPSHOT"))
        .containsExactly("org.a:a:1.0", "org.c:c:1.0");
    assertThat(out.packages("com.acme:root:2.0-SNAPSHOT")).isEmpty();
  }

  @Test
  void malformedXmlWarnsAndKeepsWhatWasDeclared() throws IOException {
    tree.file(
        "pom.xml",
        """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>broken</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j</artifactId><version>1.0.0</version></dependency>
          </dependencies>
          <build><plugins></build>
        </project>
        """);

    RecordingOutput out = read("pom.xml");

    assertThat(out.warnings)
        .singleElement()
        .asString()
        .startsWith("pom.xml:6 malformed XML")
        .contains("com.acme:broken:1");
    assertThat(out.dependencies)
        .containsExactly(
            new Dependency(
                "maven",
                "dev.langchain4j:langchain4j",
                "1.0.0",
                "compile",
                true,
                List.of("com.acme:broken:1", "dev.langchain4j:langchain4j:1.0.0"),
                "pom.xml",
                4));
  }

  @Test
  void externalEntitiesAreNeverRead() throws IOException {
    Path secret = Files.writeString(base.resolve("secret.txt"), "TOPSECRET");
    tree.file(
        "pom.xml",
        """
        <?xml version="1.0"?>
        <!DOCTYPE project [<!ENTITY x SYSTEM "%s">]>
        <project><modelVersion>4.0.0</modelVersion><groupId>&x;</groupId><artifactId>a</artifactId><version>1</version></project>
        """
            .formatted(secret.toUri()));

    RecordingOutput out = read("pom.xml");

    assertThat(out.warnings).singleElement().asString().contains("malformed XML");
    assertThat(out.warnings.toString() + out.dependencies).doesNotContain("TOPSECRET");
  }

  @Test
  void missingParentWarnsAndKeepsWhatWasDeclared() throws IOException {
    tree.file(
        "pom.xml",
        """
        <project><modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.gone</groupId><artifactId>parent</artifactId><version>9</version><relativePath/></parent>
          <artifactId>orphan</artifactId>
          <dependencies>
            <dependency><groupId>com.openai</groupId><artifactId>openai-java</artifactId><version>2.0.0</version></dependency>
          </dependencies>
        </project>
        """);

    RecordingOutput out = read("pom.xml");

    assertThat(out.warnings)
        .singleElement()
        .asString()
        .startsWith("pom.xml cannot build the POM of com.gone:orphan:9")
        .contains("com.gone:parent");
    assertThat(out.dependencies)
        .containsExactly(
            new Dependency(
                "maven",
                "com.openai:openai-java",
                "2.0.0",
                "compile",
                true,
                List.of("com.gone:orphan:9", "com.openai:openai-java:2.0.0"),
                "pom.xml",
                5));
  }

  @Test
  void aMissingPomIsReportedToEveryModuleWhoseGraphHoldsItNotOnlyTheFirstToReadIt()
      throws IOException {
    repo.jar("org.a:a:1.0", "org.gone:transitive:1.0");
    repo.jar("org.b:b:1.0", "org.gone:transitive:1.0");
    String module =
        """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>%s</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>org.x</groupId><artifactId>x</artifactId><version>1.0</version><scope>test</scope></dependency>
            <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>1.0</version></dependency>
          </dependencies>
        </project>
        """;
    repo.jar("org.x:x:1.0");
    tree.file("one/pom.xml", module.formatted("one", "org.a", "a"))
        .file("two/pom.xml", module.formatted("two", "org.b", "b"))
        .file("three/pom.xml", module.formatted("three", "org.a", "a"));

    // the resolver's session cache reads the missing POM once, for whichever module comes first
    RecordingOutput out = read("one/pom.xml", "two/pom.xml", "three/pom.xml");

    assertThat(out.warnings)
        .containsExactlyInAnyOrder(
            "one/pom.xml:5 no POM for org.gone:transitive:jar:1.0 in the dependencies of"
                + " com.acme:one:1; its dependencies are left out",
            "two/pom.xml:5 no POM for org.gone:transitive:jar:1.0 in the dependencies of"
                + " com.acme:two:1; its dependencies are left out",
            "three/pom.xml:5 no POM for org.gone:transitive:jar:1.0 in the dependencies of"
                + " com.acme:three:1; its dependencies are left out");
    assertThat(read("three/pom.xml", "two/pom.xml", "one/pom.xml").warnings)
        .containsExactlyInAnyOrderElementsOf(out.warnings);
  }

  @Test
  void unresolvableArtifactsAndVersionsWarnAndAreStillEmitted() throws IOException {
    repo.jar("org.a:a:1.0", "org.gone:transitive:1.0");
    tree.file(
        "pom.xml",
        """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>app</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>org.nope</groupId><artifactId>nope</artifactId><version>1.0</version></dependency>
            <dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>1.0</version></dependency>
            <dependency><groupId>org.v</groupId><artifactId>v</artifactId><version>[5.0,6.0)</version></dependency>
            <dependency><groupId>org.p</groupId><artifactId>p</artifactId><version>${undefined}</version></dependency>
          </dependencies>
        </project>
        """);

    RecordingOutput out = read("pom.xml");

    assertThat(out.warnings)
        .anyMatch(w -> w.contains("org.nope:nope"))
        .anyMatch(w -> w.contains("org.gone:transitive"))
        .anyMatch(w -> w.contains("org.v:v"));
    assertThat(out.warnings).allMatch(w -> w.startsWith("pom.xml") && !w.contains("\n"));
    // A POM missing deep in the graph is located at the direct dependency it comes through.
    assertThat(out.warnings)
        .anyMatch(
            w ->
                w.startsWith(
                    "pom.xml:5 no POM for org.gone:transitive:jar:1.0 in the dependencies of com.acme:app:1"));
    assertThat(out.dependencies)
        .filteredOn(Dependency::direct)
        .extracting(Dependency::name)
        .contains("org.nope:nope", "org.a:a", "org.v:v", "org.p:p");
    assertThat(out.find("com.acme:app:1", "org.v:v").line()).isEqualTo(6);
  }

  @Test
  void cycleWarnsAndTheGraphIsStillEmitted() throws IOException {
    repo.jar("org.cy:one:1.0", "org.cy:two:1.0").jar("org.cy:two:1.0", "org.cy:one:1.0");
    tree.file(
        "pom.xml",
        """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>app</artifactId><version>1</version>
          <dependencies><dependency><groupId>org.cy</groupId><artifactId>one</artifactId><version>1.0</version></dependency></dependencies>
        </project>
        """);

    RecordingOutput out = read("pom.xml");

    assertThat(out.warnings)
        .singleElement()
        .asString()
        .startsWith("pom.xml dependency cycle in com.acme:app:1")
        .contains("org.cy:one");
    assertThat(out.packages("com.acme:app:1")).containsExactly("org.cy:one:1.0", "org.cy:two:1.0");
  }

  @Test
  void offlineUsesOnlyTheLocalRepository() throws IOException {
    repo.jar("org.a:a:1.0", "org.c:c:1.0").jar("org.c:c:1.0");
    tree.file(
        "pom.xml",
        """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>app</artifactId><version>1</version>
          <dependencies><dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>1.0</version></dependency></dependencies>
        </project>
        """);
    DependencySettings offline =
        new DependencySettings(true, settingsFile, null, base.resolve("home"));

    RecordingOutput cold = read(offline, "pom.xml");
    assertThat(cold.warnings).singleElement().asString().contains("org.a:a");
    assertThat(cold.packages("com.acme:app:1")).containsExactly("org.a:a:1.0");

    read(settings(), "pom.xml");
    RecordingOutput warm = read(offline, "pom.xml");
    assertThat(warm.warnings).isEmpty();
    assertThat(warm.packages("com.acme:app:1")).containsExactly("org.a:a:1.0", "org.c:c:1.0");
  }

  @Test
  void userHomeLocatesSettingsAndTheLocalRepository() throws IOException {
    repo.jar("org.a:a:1.0");
    Path home = base.resolve("home");
    Files.createDirectories(home.resolve(".m2"));
    Files.writeString(
        home.resolve(".m2/settings.xml"),
        """
        <settings><mirrors><mirror><id>m</id><mirrorOf>central</mirrorOf><url>%s</url></mirror></mirrors></settings>
        """
            .formatted(repo.url()));
    tree.file(
        "pom.xml",
        """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>app</artifactId><version>1</version>
          <dependencies><dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>1.0</version></dependency></dependencies>
        </project>
        """);

    RecordingOutput out = read(new DependencySettings(false, null, null, home), "pom.xml");

    assertThat(out.warnings).isEmpty();
    assertThat(out.packages("com.acme:app:1")).containsExactly("org.a:a:1.0");
    assertThat(home.resolve(".m2/repository/org/a/a/1.0/a-1.0.pom")).exists();
  }

  @Test
  void wantsPomFilesOnly() {
    MavenReader reader = new MavenReader();
    assertThat(reader.ecosystem()).isEqualTo("maven");
    assertThat(reader.wants("a/pom.xml", "pom.xml")).isTrue();
    assertThat(reader.wants("a/build.gradle", "build.gradle")).isFalse();
    assertThat(reader.wants("a/pom.xml.bak", "pom.xml.bak")).isFalse();
  }

  private DependencySettings settings() {
    return new DependencySettings(false, settingsFile, null, base.resolve("home"));
  }

  private RecordingOutput read(String... files) {
    return read(settings(), files);
  }

  private RecordingOutput read(DependencySettings settings, String... files) {
    RecordingOutput out = new RecordingOutput();
    new MavenReader().read(tree.root(), Stream.of(files).sorted().toList(), settings, out);
    return out;
  }
}
