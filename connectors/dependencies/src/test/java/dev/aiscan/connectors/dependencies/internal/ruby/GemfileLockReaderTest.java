package dev.aiscan.connectors.dependencies.internal.ruby;

import static dev.aiscan.connectors.dependencies.internal.RecordingOutput.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GemfileLockReaderTest {
  @TempDir Path root;
  private final GemfileLockReader reader = new GemfileLockReader();
  private final RecordingOutput out = new RecordingOutput();

  @Test
  void specsGiveTheGraphAndGemfileTheLines() {
    write(
        root,
        "bot/Gemfile",
        """
        source "https://rubygems.org"

        gem "ruby-openai", "~> 7.0"

        group :development, :test do
          gem "rspec"
        end
        """);
    write(
        root,
        "bot/Gemfile.lock",
        """
        GEM
          remote: https://rubygems.org/
          specs:
            event_stream_parser (1.0.0)
            faraday (2.9.2)
              faraday-net_http (>= 2.0, < 3.2)
            faraday-net_http (3.1.0)
            rspec (3.13.0)
            ruby-openai (7.1.0)
              event_stream_parser (>= 0.3.0, < 2.0.0)
              faraday (>= 1)

        PLATFORMS
          ruby

        DEPENDENCIES
          rspec
          ruby-openai (~> 7.0)

        BUNDLED WITH
           2.5.11
        """);

    reader.read(root, List.of("bot/Gemfile", "bot/Gemfile.lock"), null, out);

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("ruby-openai"))
        .isEqualTo(
            new Dependency(
                "rubygems",
                "ruby-openai",
                "7.1.0",
                null,
                true,
                List.of("bot", "ruby-openai@7.1.0"),
                "bot/Gemfile",
                3));
    assertThat(out.one("rspec"))
        .extracting(Dependency::scope, Dependency::line)
        .containsExactly("development,test", 6);
    assertThat(out.one("faraday-net_http"))
        .isEqualTo(
            new Dependency(
                "rubygems",
                "faraday-net_http",
                "3.1.0",
                null,
                false,
                List.of("bot", "ruby-openai@7.1.0", "faraday@2.9.2", "faraday-net_http@3.1.0"),
                "bot/Gemfile",
                3));
  }

  @Test
  void withoutGemfileLocatesAtTheLockAndWarnsOnBadEntries() {
    write(
        root,
        "Gemfile.lock",
        """
        GEM
          specs:
            ruby-openai (7.1.0)
            ??? bad
        DEPENDENCIES
          ruby-openai!
        """);

    reader.read(root, List.of("Gemfile.lock"), null, out);

    assertThat(out.warnings)
        .containsExactly("Gemfile.lock:4 cannot read the GEM entry on this line");
    assertThat(out.one("ruby-openai"))
        .extracting(Dependency::version, Dependency::manifest, Dependency::line)
        .containsExactly("7.1.0", "Gemfile.lock", 6);
  }

  @Test
  void aGemWithoutLockStillReportsWhatItsGemfileDeclares() {
    write(
        root,
        "tools/summary/Gemfile",
        """
        source "https://rubygems.org"

        gem "ruby-openai", "~> 7.3"
        gem "rake"

        group :development, :test do
          gem "rspec", "~> 3.13"
        end
        """);

    reader.read(root, List.of("tools/summary/Gemfile"), null, out);

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
            "ruby-openai ~> 7.3 null tools/summary/Gemfile:3 [summary, ruby-openai@~> 7.3]",
            "rake null null tools/summary/Gemfile:4 [summary, rake]",
            "rspec ~> 3.13 development,test tools/summary/Gemfile:7 [summary, rspec@~> 3.13]");
    assertThat(out.warnings).isEmpty();
  }
}
