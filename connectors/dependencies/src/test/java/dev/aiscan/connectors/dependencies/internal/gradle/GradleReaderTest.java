package dev.aiscan.connectors.dependencies.internal.gradle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradleReaderTest {
  @TempDir Path temp;

  @Test
  void kotlinDslWithAVersionCatalog() throws IOException {
    write(
        "settings.gradle.kts",
        """
        rootProject.name = "assistant"
        include("app")
        """);
    write(
        "gradle/libs.versions.toml",
        """
        [versions]
        langchain4j = "0.35.0"
        spring-boot = "3.3.4"

        [libraries]
        langchain4j-core = { module = "dev.langchain4j:langchain4j", version.ref = "langchain4j" }
        langchain4j-open-ai = { group = "dev.langchain4j", name = "langchain4j-open-ai", version.ref = "langchain4j" }
        spring-boot-bom = { module = "org.springframework.boot:spring-boot-dependencies", version.ref = "spring-boot" }
        spring-boot-starter-web = { module = "org.springframework.boot:spring-boot-starter-web" }
        junit-jupiter = "org.junit.jupiter:junit-jupiter:5.11.0"

        [bundles]
        langchain4j = ["langchain4j-core", "langchain4j-open-ai"]
        """);
    write(
        "app/build.gradle.kts",
        """
        plugins {
            id("org.springframework.boot") version "3.3.4"
            kotlin("jvm") version "2.0.20"
        }

        dependencies {
            implementation(platform(libs.spring.boot.bom))
            implementation(libs.bundles.langchain4j)
            implementation(libs.spring.boot.starter.web)
            implementation(kotlin("reflect"))
            compileOnly("org.projectlombok:lombok:1.18.34")
            runtimeOnly(group = "com.h2database", name = "h2", version = "2.3.232")
            // implementation("com.example:commented-out:1.0")
            testImplementation(libs.junit.jupiter)
            implementation(project(":core"))
            implementation(libs.missing.thing)
        }
        """);

    RecordingOutput out = read();

    assertThat(out.warnings)
        .containsExactly(
            "app/build.gradle.kts:16 libs.missing.thing is not in the version catalog; skipped");
    String build = "app/build.gradle.kts";
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
            tuple(
                "maven",
                "org.springframework.boot:spring-boot-dependencies",
                "3.3.4",
                "compile",
                true,
                List.of(":app", "org.springframework.boot:spring-boot-dependencies:3.3.4"),
                build,
                7),
            tuple(
                "maven",
                "dev.langchain4j:langchain4j",
                "0.35.0",
                "compile",
                true,
                List.of(":app", "dev.langchain4j:langchain4j:0.35.0"),
                build,
                8),
            tuple(
                "maven",
                "dev.langchain4j:langchain4j-open-ai",
                "0.35.0",
                "compile",
                true,
                List.of(":app", "dev.langchain4j:langchain4j-open-ai:0.35.0"),
                build,
                8),
            tuple(
                "maven",
                "org.springframework.boot:spring-boot-starter-web",
                null,
                "compile",
                true,
                List.of(":app", "org.springframework.boot:spring-boot-starter-web"),
                build,
                9),
            tuple(
                "maven",
                "org.jetbrains.kotlin:kotlin-reflect",
                null,
                "compile",
                true,
                List.of(":app", "org.jetbrains.kotlin:kotlin-reflect"),
                build,
                10),
            tuple(
                "maven",
                "org.projectlombok:lombok",
                "1.18.34",
                "provided",
                true,
                List.of(":app", "org.projectlombok:lombok:1.18.34"),
                build,
                11),
            tuple(
                "maven",
                "com.h2database:h2",
                "2.3.232",
                "runtime",
                true,
                List.of(":app", "com.h2database:h2:2.3.232"),
                build,
                12),
            tuple(
                "maven",
                "org.junit.jupiter:junit-jupiter",
                "5.11.0",
                "test",
                true,
                List.of(":app", "org.junit.jupiter:junit-jupiter:5.11.0"),
                build,
                14));
  }

  @Test
  void groovyDslWithALockfile() throws IOException {
    write("settings.gradle", "rootProject.name = 'legacy'\n");
    write(
        "build.gradle",
        """
        plugins {
            id 'java'
        }
        def springAiVersion = '1.0.0-M2'

        dependencies {
            implementation "org.springframework.ai:spring-ai-openai:${springAiVersion}"
            implementation group: 'com.theokanning.openai-gpt3-java', name: 'service', version: '0.18.2'
            api 'com.google.guava:guava:33.3.0-jre'
            testImplementation 'org.junit.jupiter:junit-jupiter'
        }
        """);
    write(
        "gradle.lockfile",
        """
        # This is a Gradle generated file for dependency locking.
        # Manual edits can break the build and are not advised.
        # This file is expected to be part of source control.
        com.google.guava:guava:33.3.0-jre=compileClasspath,runtimeClasspath
        com.squareup.okhttp3:okhttp:4.12.0=runtimeClasspath
        com.theokanning.openai-gpt3-java:service:0.18.2=compileClasspath,runtimeClasspath
        org.junit.jupiter:junit-jupiter:5.10.3=testCompileClasspath,testRuntimeClasspath
        org.springframework.ai:spring-ai-openai:1.0.0-M2=compileClasspath,runtimeClasspath
        not a coordinate at all
        empty=annotationProcessor
        """);

    RecordingOutput out = read();

    assertThat(out.warnings)
        .singleElement()
        .asString()
        .startsWith("gradle.lockfile:9 ")
        .doesNotContain("coordinate at all");
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
                "org.springframework.ai:spring-ai-openai",
                "1.0.0-M2",
                "compile",
                true,
                List.of("legacy", "org.springframework.ai:spring-ai-openai:1.0.0-M2"),
                "build.gradle",
                7),
            tuple(
                "com.theokanning.openai-gpt3-java:service",
                "0.18.2",
                "compile",
                true,
                List.of("legacy", "com.theokanning.openai-gpt3-java:service:0.18.2"),
                "build.gradle",
                8),
            tuple(
                "com.google.guava:guava",
                "33.3.0-jre",
                "compile",
                true,
                List.of("legacy", "com.google.guava:guava:33.3.0-jre"),
                "build.gradle",
                9),
            tuple(
                "org.junit.jupiter:junit-jupiter",
                "5.10.3",
                "test",
                true,
                List.of("legacy", "org.junit.jupiter:junit-jupiter:5.10.3"),
                "build.gradle",
                10),
            tuple(
                "com.squareup.okhttp3:okhttp",
                "4.12.0",
                "runtime",
                false,
                List.of("legacy", "com.squareup.okhttp3:okhttp:4.12.0"),
                "gradle.lockfile",
                5));
  }

  @Test
  void aMalformedCatalogWarnsAndKeepsPlainDeclarations() throws IOException {
    write(
        "gradle/libs.versions.toml",
        "[libraries]\nopenai = { module = \"com.openai:openai-java\"\n");
    write(
        "build.gradle.kts",
        """
        dependencies {
            implementation(libs.openai)
            implementation("dev.langchain4j:langchain4j-open-ai:0.35.0")
        }
        """);

    RecordingOutput out = read();

    assertThat(out.warnings).hasSize(2);
    assertThat(out.warnings.get(0))
        .startsWith("gradle/libs.versions.toml:")
        .contains("not valid TOML");
    assertThat(out.warnings.get(1)).startsWith("build.gradle.kts:2 ").contains("libs.openai");
    assertThat(out.dependencies)
        .extracting(Dependency::name, Dependency::line)
        .containsExactly(tuple("dev.langchain4j:langchain4j-open-ai", 3));
  }

  @Test
  void everyDirectoryWithABuildFileIsAProject() throws IOException {
    write("settings.gradle", "include 'core', 'services:chat'\n");
    write("build.gradle", "");
    write("core/build.gradle", "dependencies { implementation 'com.openai:openai-java:0.8.0' }\n");
    write(
        "services/chat/build.gradle", "dependencies {\n  implementation 'ai.djl:api:0.30.0'\n}\n");

    RecordingOutput out = read();

    assertThat(out.dependencies)
        .extracting(Dependency::name, Dependency::path, Dependency::manifest, Dependency::line)
        .containsExactlyInAnyOrder(
            tuple(
                "com.openai:openai-java",
                List.of(":core", "com.openai:openai-java:0.8.0"),
                "core/build.gradle",
                1),
            tuple(
                "ai.djl:api",
                List.of(":services:chat", "ai.djl:api:0.30.0"),
                "services/chat/build.gradle",
                2));
  }

  @Test
  void versionsComeFromGradlePropertiesTheNearestWinning() throws IOException {
    write("gradle.properties", "langchain4jVersion=1.0.0\nopenaiVersion=0.8.0\n");
    write("app/gradle.properties", "langchain4jVersion=1.1.0\n");
    write(
        "app/build.gradle.kts",
        """
        dependencies {
            implementation("dev.langchain4j:langchain4j-open-ai:$langchain4jVersion")
            implementation("com.openai:openai-java:${openaiVersion}")
        }
        """);

    RecordingOutput out = read();

    assertThat(out.dependencies)
        .extracting(Dependency::name, Dependency::version)
        .containsExactlyInAnyOrder(
            tuple("dev.langchain4j:langchain4j-open-ai", "1.1.0"),
            tuple("com.openai:openai-java", "0.8.0"));
    assertThat(out.warnings).isEmpty();
  }

  private void write(String relative, String text) throws IOException {
    Path file = temp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private RecordingOutput read() {
    return RecordingOutput.readTree(new GradleReader(), temp);
  }
}
