package dev.aiscan.connectors.dependencies.internal.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpmReaderTest {
  private static final String APP = "chat-app@0.1.0";

  @TempDir Path temp;

  /** The Next.js app: the same installed graph whatever the lockfile format. */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2", "v3", "yarn-classic", "yarn-berry", "pnpm6", "pnpm9"})
  void readsTheInstalledGraphFromEveryLockfileFormat(String fixture) {
    RecordingOutput out = read(fixture(fixture));

    assertThat(out.warnings).isEmpty();
    assertThat(out.dependencies)
        .extracting(
            Dependency::ecosystem,
            Dependency::name,
            Dependency::version,
            Dependency::scope,
            Dependency::direct,
            Dependency::path,
            Dependency::manifest,
            Dependency::line)
        .containsExactlyInAnyOrder(
            row("next", "14.2.3", null, true, 6, "next@14.2.3"),
            row("openai", "4.47.1", null, true, 7, "openai@4.47.1"),
            row("@langchain/openai", "0.0.28", null, true, 8, "@langchain/openai@0.0.28"),
            row("typescript", "5.4.5", "dev", true, 11, "typescript@5.4.5"),
            row("uuid", "8.3.2", null, false, 6, "next@14.2.3", "uuid@8.3.2"),
            row("node-fetch", "2.7.0", null, false, 7, "openai@4.47.1", "node-fetch@2.7.0"),
            row(
                "whatwg-url",
                "5.0.0",
                null,
                false,
                7,
                "openai@4.47.1",
                "node-fetch@2.7.0",
                "whatwg-url@5.0.0"),
            row(
                "@langchain/core",
                "0.1.60",
                null,
                false,
                8,
                "@langchain/openai@0.0.28",
                "@langchain/core@0.1.60"),
            row(
                "uuid",
                "9.0.1",
                null,
                false,
                8,
                "@langchain/openai@0.0.28",
                "@langchain/core@0.1.60",
                "uuid@9.0.1"));
  }

  @Test
  void peerDependencyMetadataIsNotAnInstalledPackage() {
    RecordingOutput out = read(fixture("v3"));

    assertThat(out.dependencies).extracting(Dependency::name).doesNotContain("react", "encoding");
  }

  @Test
  void withoutALockfileEmitsTheDeclaredRanges() {
    RecordingOutput out = read(fixture("no-lock"));

    assertThat(out.dependencies)
        .extracting(
            Dependency::name,
            Dependency::version,
            Dependency::scope,
            Dependency::direct,
            Dependency::path,
            Dependency::line)
        .containsExactlyInAnyOrder(
            tuple("next", "14.2.3", null, true, List.of(APP, "next@14.2.3"), 6),
            tuple("openai", "^4.47.0", null, true, List.of(APP, "openai@^4.47.0"), 7),
            tuple(
                "@langchain/openai",
                "^0.0.28",
                null,
                true,
                List.of(APP, "@langchain/openai@^0.0.28"),
                8),
            tuple("typescript", "^5.4.0", "dev", true, List.of(APP, "typescript@^5.4.0"), 11));
  }

  @Test
  void npmWorkspacesAreOneProjectEachResolvedThroughTheRootLockfile() {
    RecordingOutput out = read(fixture("workspace"));

    assertThat(out.warnings).isEmpty();
    assertThat(out.dependencies)
        .extracting(
            Dependency::name,
            Dependency::version,
            Dependency::scope,
            Dependency::direct,
            Dependency::path,
            Dependency::manifest,
            Dependency::line)
        .containsExactlyInAnyOrder(
            tuple(
                "typescript",
                "5.4.5",
                "dev",
                true,
                List.of("mono", "typescript@5.4.5"),
                "package.json",
                6),
            tuple(
                "openai",
                "4.20.0",
                null,
                true,
                List.of("@mono/api@1.0.0", "openai@4.20.0"),
                "packages/api/package.json",
                5),
            tuple(
                "node-fetch",
                "2.7.0",
                null,
                false,
                List.of("@mono/api@1.0.0", "openai@4.20.0", "node-fetch@2.7.0"),
                "packages/api/package.json",
                5),
            tuple(
                "@mono/shared",
                "1.0.0",
                null,
                true,
                List.of("@mono/api@1.0.0", "@mono/shared@1.0.0"),
                "packages/api/package.json",
                6),
            tuple(
                "uuid",
                "9.0.1",
                null,
                false,
                List.of("@mono/api@1.0.0", "@mono/shared@1.0.0", "uuid@9.0.1"),
                "packages/api/package.json",
                6),
            tuple(
                "uuid",
                "9.0.1",
                null,
                true,
                List.of("@mono/shared@1.0.0", "uuid@9.0.1"),
                "packages/shared/package.json",
                5));
  }

  @Test
  void pnpmWorkspacesStripPeerSuffixesAndKeepWorkspaceLinksDeclared() {
    RecordingOutput out = read(fixture("pnpm-workspace"));

    assertThat(out.warnings).isEmpty();
    assertThat(out.dependencies)
        .extracting(
            Dependency::name,
            Dependency::version,
            Dependency::direct,
            Dependency::path,
            Dependency::manifest,
            Dependency::line)
        .containsExactlyInAnyOrder(
            tuple(
                "openai",
                "4.20.0",
                true,
                List.of("@mono/api@1.0.0", "openai@4.20.0"),
                "packages/api/package.json",
                5),
            tuple(
                "@mono/shared",
                "workspace:*",
                true,
                List.of("@mono/api@1.0.0", "@mono/shared@workspace:*"),
                "packages/api/package.json",
                6),
            tuple(
                "@langchain/openai",
                "0.0.28",
                true,
                List.of("@mono/api@1.0.0", "@langchain/openai@0.0.28"),
                "packages/api/package.json",
                7),
            tuple(
                "uuid",
                "9.0.1",
                true,
                List.of("@mono/shared@1.0.0", "uuid@9.0.1"),
                "packages/shared/package.json",
                5));
  }

  @Test
  void aMalformedLockfileWarnsAndFallsBackToTheDeclaredDependencies() throws IOException {
    write(
        "package.json",
        """
        {
          "name": "broken",
          "dependencies": {
            "openai": "^4.0.0"
          }
        }
        """);
    write(
        "package-lock.json",
        """
        {"lockfileVersion": 3, "packages": {"node_modules/openai": {"version": "4.1.0",,}}}
        """);

    RecordingOutput out = read(temp);

    assertThat(out.warnings)
        .singleElement()
        .asString()
        .startsWith("package-lock.json:1 ")
        .contains("not valid JSON")
        .doesNotContain("4.1.0");
    assertThat(out.dependencies)
        .extracting(Dependency::name, Dependency::version, Dependency::line)
        .containsExactly(tuple("openai", "^4.0.0", 4));
  }

  @Test
  void aMalformedPackageJsonKeepsWhatWasDeclaredBeforeTheFault() throws IOException {
    write(
        "package.json",
        """
        {
          "name": "half",
          "dependencies": {
            "openai": "^4.0.0",
            "zod": 3,
            "ai": "^3.0.0"
        """);

    RecordingOutput out = read(temp);

    assertThat(out.warnings).hasSize(2);
    assertThat(out.warnings.get(0)).startsWith("package.json:5 ").contains("zod");
    assertThat(out.warnings.get(1)).startsWith("package.json:").contains("not valid JSON");
    assertThat(out.dependencies).extracting(Dependency::name).containsExactly("openai", "ai");
  }

  @Test
  void malformedYarnAndPnpmLockfilesWarnWithTheirLine() throws IOException {
    write("a/package.json", "{\"name\": \"a\", \"dependencies\": {\"openai\": \"^4.0.0\"}}");
    write("a/yarn.lock", "openai@^4.0.0\n  version \"4.1.0\"\n");
    write("b/package.json", "{\"name\": \"b\", \"dependencies\": {\"openai\": \"^4.0.0\"}}");
    write("b/pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .: [unclosed\n");

    RecordingOutput out = read(temp);

    assertThat(out.warnings).hasSize(2);
    assertThat(out.warnings.get(0)).startsWith("a/yarn.lock:1 ");
    assertThat(out.warnings.get(1)).startsWith("b/pnpm-lock.yaml:");
    assertThat(out.dependencies)
        .extracting(Dependency::name, Dependency::version)
        .containsExactly(tuple("openai", "^4.0.0"), tuple("openai", "^4.0.0"));
  }

  @Test
  void aLargeLockfileParsesInLinearTime() throws IOException {
    int count = 60_000;
    StringBuilder lock = new StringBuilder("{\"lockfileVersion\": 3, \"packages\": {\"\": {},\n");
    for (int i = 0; i < count; i++) {
      lock.append("\"node_modules/p")
          .append(i)
          .append("\": {\"version\": \"1.0.")
          .append(i)
          .append("\", \"resolved\": \"https://registry.npmjs.org/p")
          .append(i)
          .append("/-/p-1.0.0.tgz\", \"integrity\": \"sha512-")
          .append("A".repeat(88))
          .append("\", \"dependencies\": {\"p")
          .append(2 * i + 1)
          .append("\": \"^1.0.0\", \"p")
          .append(2 * i + 2)
          .append("\": \"^1.0.0\"}},\n");
    }
    lock.append("\"node_modules/last\": {\"version\": \"1.0.0\"}}}");
    write("package-lock.json", lock.toString());
    write("package.json", "{\"name\": \"big\", \"dependencies\": {\"p0\": \"^1.0.0\"}}");
    assertThat(Files.size(temp.resolve("package-lock.json"))).isGreaterThan(10_000_000);

    long start = System.nanoTime();
    RecordingOutput out = read(temp);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(out.dependencies).hasSize(count);
    assertThat(millis).isLessThan(20_000);
  }

  @Test
  void wantsManifestsAndLockfilesOutsideNodeModules() {
    NpmReader reader = new NpmReader();
    assertThat(reader.wants("web/package.json", "package.json")).isTrue();
    assertThat(reader.wants("pnpm-lock.yaml", "pnpm-lock.yaml")).isTrue();
    assertThat(reader.wants("node_modules/x/package.json", "package.json")).isFalse();
    assertThat(reader.wants("tsconfig.json", "tsconfig.json")).isFalse();
  }

  private static Tuple row(
      String name, String version, String scope, boolean direct, int line, String... path) {
    return tuple(
        "npm",
        name,
        version,
        scope,
        direct,
        Stream.concat(Stream.of(APP), Stream.of(path)).toList(),
        "package.json",
        line);
  }

  private void write(String relative, String text) throws IOException {
    Path file = temp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Path fixture(String name) {
    try {
      return Path.of(NpmReaderTest.class.getResource("/npm/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RecordingOutput read(Path root) {
    return RecordingOutput.readTree(new NpmReader(), root);
  }
}
