package dev.aiscan.connectors.dependencies.internal.dotnet;

import static dev.aiscan.connectors.dependencies.internal.RecordingOutput.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NuGetReaderTest {
  @TempDir Path root;
  private final NuGetReader reader = new NuGetReader();
  private final RecordingOutput out = new RecordingOutput();

  @Test
  void centralPackageManagementWithLockFile() {
    write(
        root,
        "Directory.Packages.props",
        """
        <Project>
          <PropertyGroup>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
          </PropertyGroup>
          <ItemGroup>
            <PackageVersion Include="Azure.AI.OpenAI" Version="2.0.0" />
            <PackageVersion Include="Serilog" Version="4.0.0" />
          </ItemGroup>
        </Project>
        """);
    write(
        root,
        "src/ChatApi/ChatApi.csproj",
        """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Azure.AI.OpenAI" />
            <PackageReference Include="Serilog">
              <Version>4.0.1</Version>
            </PackageReference>
          </ItemGroup>
        </Project>
        """);
    write(
        root,
        "src/ChatApi/packages.lock.json",
        """
        {
          "version": 2,
          "dependencies": {
            "net8.0": {
              "Azure.AI.OpenAI": {
                "type": "Direct",
                "requested": "[2.0.0, )",
                "resolved": "2.0.0",
                "dependencies": {
                  "Azure.Core": "1.42.0",
                  "OpenAI": "2.0.0"
                }
              },
              "Serilog": {
                "type": "Direct",
                "requested": "[4.0.1, )",
                "resolved": "4.0.1"
              },
              "Azure.Core": {
                "type": "Transitive",
                "resolved": "1.42.0",
                "dependencies": {"System.Memory.Data": "1.0.2"}
              },
              "OpenAI": {
                "type": "Transitive",
                "resolved": "2.0.0"
              },
              "System.Memory.Data": {
                "type": "Transitive",
                "resolved": "1.0.2"
              }
            }
          }
        }
        """);
    List<String> files =
        List.of(
            "Directory.Packages.props",
            "src/ChatApi/ChatApi.csproj",
            "src/ChatApi/packages.lock.json");
    assertThat(files).allMatch(f -> reader.wants(f, f.substring(f.lastIndexOf('/') + 1)));

    reader.read(root, files, null, out);

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("Azure.AI.OpenAI"))
        .isEqualTo(
            new Dependency(
                "nuget",
                "Azure.AI.OpenAI",
                "2.0.0",
                "net8.0",
                true,
                List.of("ChatApi", "Azure.AI.OpenAI@2.0.0"),
                "src/ChatApi/ChatApi.csproj",
                6));
    assertThat(out.one("Serilog"))
        .extracting(Dependency::version, Dependency::line)
        .containsExactly("4.0.1", 7);
    assertThat(out.one("OpenAI"))
        .isEqualTo(
            new Dependency(
                "nuget",
                "OpenAI",
                "2.0.0",
                "net8.0",
                false,
                List.of("ChatApi", "Azure.AI.OpenAI@2.0.0", "OpenAI@2.0.0"),
                "src/ChatApi/ChatApi.csproj",
                6));
    assertThat(out.one("System.Memory.Data").path())
        .containsExactly(
            "ChatApi", "Azure.AI.OpenAI@2.0.0", "Azure.Core@1.42.0", "System.Memory.Data@1.0.2");
  }

  @Test
  void centralVersionWithoutLockFileAndPackagesConfig() {
    write(
        root,
        "Directory.Packages.props",
        """
        <Project><ItemGroup>
          <PackageVersion Include="Azure.AI.OpenAI" Version="2.0.0" />
        </ItemGroup></Project>
        """);
    write(
        root,
        "App/App.csproj",
        """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup>
            <PackageReference Include="Azure.AI.OpenAI" />
            <PackageReference Update="Newtonsoft.Json" Version="13.0.3" />
          </ItemGroup>
        </Project>
        """);
    write(
        root,
        "Legacy/packages.config",
        """
        <?xml version="1.0" encoding="utf-8"?>
        <packages>
          <package id="Microsoft.SemanticKernel" version="1.15.0" targetFramework="net48" />
        </packages>
        """);

    reader.read(
        root,
        List.of("App/App.csproj", "Directory.Packages.props", "Legacy/packages.config"),
        null,
        out);

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("Azure.AI.OpenAI"))
        .isEqualTo(
            new Dependency(
                "nuget",
                "Azure.AI.OpenAI",
                "2.0.0",
                null,
                true,
                List.of("App", "Azure.AI.OpenAI@2.0.0"),
                "App/App.csproj",
                3));
    assertThat(out.one("Newtonsoft.Json").version()).isEqualTo("13.0.3");
    assertThat(out.one("Microsoft.SemanticKernel"))
        .isEqualTo(
            new Dependency(
                "nuget",
                "Microsoft.SemanticKernel",
                "1.15.0",
                null,
                true,
                List.of("Legacy", "Microsoft.SemanticKernel@1.15.0"),
                "Legacy/packages.config",
                3));
  }

  @Test
  void malformedXmlAndJsonWarnButKeepWhatWasRead() {
    write(
        root,
        "App.csproj",
        """
        <Project>
          <ItemGroup>
            <PackageReference Include="Azure.AI.OpenAI" Version="2.0.0" />
            <PackageReference Include="Broken"
        """);
    write(root, "packages.lock.json", "{\"version\": 2, \"dependencies\": {");
    write(
        root,
        "Evil.csproj",
        """
        <?xml version="1.0"?>
        <!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <Project><ItemGroup><PackageReference Include="&x;" Version="1" /></ItemGroup></Project>
        """);

    reader.read(root, List.of("App.csproj", "Evil.csproj", "packages.lock.json"), null, out);

    assertThat(out.warnings)
        .anyMatch(w -> w.startsWith("App.csproj:") && w.contains("malformed XML"));
    assertThat(out.warnings)
        .anyMatch(w -> w.startsWith("packages.lock.json") && w.contains("malformed"));
    assertThat(out.warnings).anyMatch(w -> w.startsWith("Evil.csproj"));
    assertThat(out.one("Azure.AI.OpenAI").version()).isEqualTo("2.0.0");
    assertThat(out.dependencies).noneMatch(d -> d.name().contains("root:"));
  }

  @Test
  void versionsFromMsBuildPropertiesOfTheProjectAndDirectoryBuildProps() {
    write(
        root,
        "Directory.Build.props",
        """
        <Project>
          <PropertyGroup>
            <OpenAIVersion>2.1.0</OpenAIVersion>
            <SemanticKernelVersion>1.30.0</SemanticKernelVersion>
          </PropertyGroup>
        </Project>
        """);
    write(
        root,
        "src/Bot/Bot.csproj",
        """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <SemanticKernelVersion>1.31.0</SemanticKernelVersion>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Azure.AI.OpenAI" Version="$(OpenAIVersion)" />
            <PackageReference Include="Microsoft.SemanticKernel" Version="$(SemanticKernelVersion)" />
            <PackageReference Include="Serilog" Version="$(UndefinedVersion)" />
          </ItemGroup>
        </Project>
        """);
    RecordingOutput out = new RecordingOutput();

    reader.read(root, List.of("Directory.Build.props", "src/Bot/Bot.csproj"), null, out);

    assertThat(out.one("Azure.AI.OpenAI").version()).isEqualTo("2.1.0");
    assertThat(out.one("Microsoft.SemanticKernel").version()).isEqualTo("1.31.0");
    assertThat(out.one("Serilog").version()).isEqualTo("$(UndefinedVersion)");
  }
}
