package dev.aiscan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small fixture trees for tests: {@code FixtureTree.in(tempDir).file("src/App.java", """
 * ...""")}. Large or binary inputs are generated here rather than committed.
 */
public final class FixtureTree {
  private final Path root;

  private FixtureTree(Path root) {
    this.root = root;
  }

  public static FixtureTree in(Path root) {
    return new FixtureTree(root);
  }

  public Path root() {
    return root;
  }

  public FixtureTree file(String relative, String text) {
    return bytes(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  public FixtureTree bytes(String relative, byte[] content) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path resolve(String relative) {
    return root.resolve(relative);
  }
}
