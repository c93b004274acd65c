package dev.aiscan.connectors.dependencies.internal.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Maven repository on disk that tests fill with generated POMs and tiny jars, reached as {@code
 * file://}.
 */
final class FileRepository {
  private final Path dir;

  FileRepository(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  String url() {
    return dir.toUri().toString();
  }

  /**
   * Publishes {@code g:a:v} with the given dependencies (each {@code "g:a:v"} or {@code
   * "g:a:v:scope"}) as a jar.
   */
  FileRepository jar(String gav, String... dependencies) {
    StringBuilder deps = new StringBuilder();
    for (String d : dependencies) {
      deps.append(dependency(d));
    }
    String[] c = gav.split(":");
    return pom(gav, "jar", "<dependencies>" + deps + "</dependencies>").bytes(c, "jar", jarBytes());
  }

  /**
   * Publishes {@code g:a:v} with the raw XML given inside {@code <project>}, after the coordinates.
   */
  FileRepository pom(String gav, String packaging, String body) {
    String[] c = gav.split(":");
    String xml =
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><packaging>%s</packaging>
          %s
        </project>
        """
            .formatted(c[0], c[1], c[2], packaging, body);
    return bytes(c, "pom", xml.getBytes(StandardCharsets.UTF_8));
  }

  static String dependency(String spec) {
    String[] d = spec.split(":");
    StringBuilder sb =
        new StringBuilder("<dependency><groupId>")
            .append(d[0])
            .append("</groupId><artifactId>")
            .append(d[1])
            .append("</artifactId>");
    if (d.length > 2 && !d[2].isEmpty()) {
      sb.append("<version>").append(d[2]).append("</version>");
    }
    if (d.length > 3) {
      if (d[3].equals("optional")) {
        sb.append("<optional>true</optional>");
      } else {
        sb.append("<scope>").append(d[3]).append("</scope>");
      }
    }
    return sb.append("</dependency>").toString();
  }

  private FileRepository bytes(String[] c, String extension, byte[] content) {
    try {
      Path file =
          dir.resolve(c[0].replace('.', '/'))
              .resolve(c[1])
              .resolve(c[2])
              .resolve(c[1] + "-" + c[2] + "." + extension);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] jarBytes() {
    try (var bytes = new java.io.ByteArrayOutputStream();
        var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A settings.xml whose mirror of everything is this repository. */
  String settingsXml(Path localRepository) {
    return """
        <settings>
          <localRepository>%s</localRepository>
          <mirrors><mirror><id>test</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors>
        </settings>
        """
        .formatted(localRepository, url());
  }
}
