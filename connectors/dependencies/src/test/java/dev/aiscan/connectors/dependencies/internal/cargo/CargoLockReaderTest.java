package dev.aiscan.connectors.dependencies.internal.cargo;

import static dev.aiscan.connectors.dependencies.internal.RecordingOutput.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CargoLockReaderTest {
  @TempDir Path root;
  private final CargoLockReader reader = new CargoLockReader();
  private final RecordingOutput out = new RecordingOutput();

  @Test
  void membersDependenciesAreDirectWithCargoTomlLines() {
    write(
        root,
        "Cargo.toml",
        """
        [package]
        name = "chat-cli"
        version = "0.1.0"

        [dependencies]
        async-openai = "0.23"
        tokio = { version = "1", features = ["full"] }
        """);
    write(
        root,
        "Cargo.lock",
        """
        version = 3

        [[package]]
        name = "async-openai"
        version = "0.23.4"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        dependencies = [
         "reqwest",
         "serde 1.0.203",
        ]

        [[package]]
        name = "chat-cli"
        version = "0.1.0"
        dependencies = [
         "async-openai",
         "tokio",
        ]

        [[package]]
        name = "reqwest"
        version = "0.12.5"
        source = "registry+https://github.com/rust-lang/crates.io-index"

        [[package]]
        name = "serde"
        version = "1.0.203"
        source = "registry+https://github.com/rust-lang/crates.io-index"

        [[package]]
        name = "tokio"
        version = "1.38.0"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        """);

    reader.read(root, List.of("Cargo.lock", "Cargo.toml"), null, out);

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("async-openai"))
        .isEqualTo(
            new Dependency(
                "cargo",
                "async-openai",
                "0.23.4",
                null,
                true,
                List.of("chat-cli", "async-openai@0.23.4"),
                "Cargo.toml",
                6));
    assertThat(out.one("tokio").line()).isEqualTo(7);
    assertThat(out.one("serde"))
        .isEqualTo(
            new Dependency(
                "cargo",
                "serde",
                "1.0.203",
                null,
                false,
                List.of("chat-cli", "async-openai@0.23.4", "serde@1.0.203"),
                "Cargo.toml",
                6));
    assertThat(out.find("chat-cli")).isEmpty();
  }

  @Test
  void withoutCargoTomlLocatesAtTheLockAndMalformedWarns() {
    write(
        root,
        "a/Cargo.lock",
        """
        [[package]]
        name = "app"
        version = "0.1.0"
        dependencies = ["async-openai"]

        [[package]]
        name = "async-openai"
        version = "0.23.4"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        """);
    write(root, "b/Cargo.lock", "[[package]\nname = ");

    reader.read(root, List.of("a/Cargo.lock", "b/Cargo.lock"), null, out);

    assertThat(out.one("async-openai"))
        .extracting(Dependency::manifest, Dependency::line, Dependency::direct)
        .containsExactly("a/Cargo.lock", 2, true);
    assertThat(out.warnings)
        .singleElement()
        .asString()
        .startsWith("b/Cargo.lock")
        .contains("malformed Cargo.lock");
  }

  @Test
  void aLibraryWithoutLockfileStillReportsWhatItsManifestDeclares() {
    write(
        root,
        "crates/summarizer/Cargo.toml",
        """
        [package]
        name = "summarizer"
        version = "0.2.0"

        [dependencies]
        async-openai = "0.26"
        serde = { version = "1", features = ["derive"] }

        [dev-dependencies]
        tokio = { version = "1.41", features = ["macros"] }
        """);

    reader.read(root, List.of("crates/summarizer/Cargo.toml"), null, out);

    assertThat(out.dependencies)
        .extracting(
            d ->
                d.name()
                    + " "
                    + d.version()
                    + " "
                    + d.scope()
                    + " "
                    + d.manifest()
                    + ":"
                    + d.line()
                    + " "
                    + d.path())
        .containsExactlyInAnyOrder(
            "async-openai 0.26 null crates/summarizer/Cargo.toml:6 [summarizer, async-openai@0.26]",
            "serde 1 null crates/summarizer/Cargo.toml:7 [summarizer, serde@1]",
            "tokio 1.41 dev crates/summarizer/Cargo.toml:10 [summarizer, tokio@1.41]");
    assertThat(out.dependencies).allMatch(Dependency::direct);
    assertThat(out.warnings).isEmpty();
  }
}
