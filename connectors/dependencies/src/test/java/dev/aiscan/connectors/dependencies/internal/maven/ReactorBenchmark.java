package dev.aiscan.connectors.dependencies.internal.maven;

import dev.aiscan.connectors.dependencies.DependencySettings;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run by hand: generates a 200-module reactor over a file repository of 300 artifacts and times
 * resolution, cold (empty local repository) then warm. Arguments: [modules] [artifacts].
 */
public final class ReactorBenchmark {
  private ReactorBenchmark() {}

  public static void main(String[] args) throws IOException {
    int modules = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int artifacts = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path base = Files.createTempDirectory("aiscan-maven-bench");
    try {
      FileRepository repo = new FileRepository(base.resolve("repo"));
      // A layered library graph: each artifact depends on two of the next layer, with conflicting
      // versions.
      for (int i = 0; i < artifacts; i++) {
        List<String> deps = new ArrayList<>();
        if (i + 10 < artifacts) {
          deps.add("org.lib" + ":l" + (i + 7 + i % 3) + ":1.0");
          deps.add("org.lib" + ":l" + (i + 10) + ":" + (i % 2 == 0 ? "1.0" : "2.0"));
        }
        repo.jar("org.lib:l" + i + ":1.0", deps.toArray(String[]::new));
        repo.jar("org.lib:l" + i + ":2.0", deps.toArray(String[]::new));
      }
      Path tree = Files.createDirectories(base.resolve("tree"));
      List<String> files = new ArrayList<>();
      StringBuilder moduleList = new StringBuilder();
      for (int m = 0; m < modules; m++) {
        moduleList.append("<module>m").append(m).append("</module>");
        StringBuilder deps = new StringBuilder();
        for (int k = 0; k < 5; k++) {
          deps.append(
                  FileRepository.dependency("org.lib:l" + ((m * 7 + k * 13) % artifacts) + ":1.0"))
              .append('\n');
        }
        if (m > 0) {
          deps.append(FileRepository.dependency("com.bench:m" + (m - 1) / 2 + ":1")).append('\n');
        }
        write(
            tree.resolve("m" + m + "/pom.xml"),
            """
            <project><modelVersion>4.0.0</modelVersion>
              <parent><groupId>com.bench</groupId><artifactId>root</artifactId><version>1</version></parent>
              <artifactId>m%d</artifactId>
              <dependencies>
              %s</dependencies>
            </project>
            """
                .formatted(m, deps));
        files.add("m" + m + "/pom.xml");
      }
      write(
          tree.resolve("pom.xml"),
          """
          <project><modelVersion>4.0.0</modelVersion>
            <groupId>com.bench</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>
            <modules>%s</modules>
          </project>
          """
              .formatted(moduleList));
      files.add("pom.xml");
      files.sort(Comparator.naturalOrder());
      Path settings = base.resolve("settings.xml");
      Files.writeString(settings, repo.settingsXml(base.resolve("local")));
      DependencySettings options =
          new DependencySettings(false, settings, null, base.resolve("home"));
      for (String run : List.of("cold", "warm")) {
        RecordingOutput out = new RecordingOutput();
        long start = System.nanoTime();
        new MavenReader().read(tree, files, options, out);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            "%s: %d modules, %d packages emitted, %d warnings in %d ms%n",
            run, modules + 1, out.dependencies.size(), out.warnings.size(), ms);
        out.warnings.stream().limit(5).forEach(System.out::println);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(base)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
