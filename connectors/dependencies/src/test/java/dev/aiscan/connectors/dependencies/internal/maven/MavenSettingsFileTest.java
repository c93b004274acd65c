package dev.aiscan.connectors.dependencies.internal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenSettingsFileTest {
  @TempDir Path dir;

  @Test
  void activeProxiesAndServerCredentialsAreRead() throws IOException {
    Path settings = dir.resolve("settings.xml");
    Files.writeString(
        settings,
        """
        <settings>
          <localRepository>/cache/m2</localRepository>
          <proxies>
            <proxy>
              <id>corp</id><active>true</active><protocol>https</protocol>
              <host>proxy.acme.example</host><port>3128</port>
              <username>svc-build</username><password>proxy-pass</password>
              <nonProxyHosts>*.acme.example|localhost</nonProxyHosts>
            </proxy>
            <proxy><id>old</id><active>false</active><host>old-proxy.acme.example</host></proxy>
          </proxies>
          <servers>
            <server><id>acme-releases</id><username>reader</username><password>s3cret-value</password></server>
          </servers>
          <mirrors>
            <mirror><id>acme-releases</id><mirrorOf>*</mirrorOf><url>https://repo.acme.example/maven</url></mirror>
          </mirrors>
        </settings>
        """);

    MavenSettingsFile file = MavenSettingsFile.read(settings);

    assertThat(file.localRepository()).isEqualTo("/cache/m2");
    assertThat(file.proxies())
        .containsExactly(
            new MavenSettingsFile.Proxy(
                "https",
                "proxy.acme.example",
                3128,
                "svc-build",
                "proxy-pass",
                "*.acme.example|localhost"));
    assertThat(file.servers())
        .extracting(MavenSettingsFile.Server::id)
        .containsExactly("acme-releases");
    assertThat(file.servers().get(0).password()).isEqualTo("s3cret-value");
    assertThat(file.toString()).doesNotContain("s3cret-value").doesNotContain("proxy-pass");
    assertThat(file.mirrors())
        .extracting(MavenSettingsFile.Mirror::url)
        .containsExactly("https://repo.acme.example/maven");
  }
}
