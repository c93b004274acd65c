package dev.aiscan.connectors.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.support.SourceTrees;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.FixtureTree;
import dev.aiscan.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyConnectorTest {
  @TempDir Path dir;

  @Test
  void everyPackageOfEveryProjectIsAFactWithItsPathAtTheDirectDeclaration() {
    Path root = dir.resolve("shop");
    FixtureTree.in(root)
        .file("api/requirements.txt", "fastapi==0.115.5\nopenai==1.54.0\n")
        .file(
            "web/package.json",
            """
            {
              "name": "web",
              "version": "1.0.0",
              "dependencies": {
                "@langchain/openai": "^0.3.14"
              }
            }
            """)
        .file(
            "web/package-lock.json",
            """
            {
              "name": "web", "version": "1.0.0", "lockfileVersion": 3,
              "packages": {
                "": {"name": "web", "version": "1.0.0", "dependencies": {"@langchain/openai": "^0.3.14"}},
                "node_modules/@langchain/openai": {"version": "0.3.14", "dependencies": {"openai": "^4.71.0"}},
                "node_modules/openai": {"version": "4.73.0"}
              }
            }
            """)
        .file(
            "web/node_modules/openai/package.json",
            "{\"name\": \"openai\", \"version\": \"4.73.0\"}")
        .file("broken/pyproject.toml", "[project\nname = \"x\"\n");
    Target target = new Target("source:" + root, "source", "shop", root.toString());
    RecordingContext ctx = new RecordingContext();

    new DependencyConnector().collect(target, ctx);

    assertThat(ctx.facts(FactType.PACKAGE))
        .extracting(
            f ->
                f.value()
                    + " "
                    + f.attribute(Fact.Attr.ECOSYSTEM)
                    + " "
                    + f.attribute(Fact.Attr.DIRECT)
                    + " "
                    + f.location()
                    + " ["
                    + f.attribute(Fact.Attr.PATH)
                    + "]")
        .containsExactlyInAnyOrder(
            "fastapi pypi true api/requirements.txt:1 [api -> fastapi==0.115.5]",
            "openai pypi true api/requirements.txt:2 [api -> openai==1.54.0]",
            "@langchain/openai npm true web/package.json:5 [web@1.0.0 -> @langchain/openai@0.3.14]",
            "openai npm false web/package.json:5 [web@1.0.0 -> @langchain/openai@0.3.14 -> openai@4.73.0]");
    assertThat(ctx.warnings())
        .extracting(Warning::source)
        .singleElement()
        .asString()
        .startsWith("shop/broken/pyproject.toml");
  }

  @Test
  void aManifestTheTreesExcludeGlobsLeaveOutIsNotRead() {
    Path root = dir.resolve("repo");
    FixtureTree.in(root)
        .file("api/requirements.txt", "openai==1.54.0\n")
        .file("legacy/requirements.txt", "anthropic==0.39.0\n")
        .file(".gitignore", "generated/\n")
        .file("generated/requirements.txt", "cohere==5.0.0\n");
    Target target = new Target("source:" + root, "source", "repo", root.toString());
    RecordingContext ctx =
        new RecordingContext(Settings.of(Map.of(SourceTrees.EXCLUDE, "legacy/**")));

    new DependencyConnector().collect(target, ctx);

    assertThat(ctx.values(FactType.PACKAGE)).containsExactly("openai");
    assertThat(ctx.warnings()).isEmpty();
  }
}
