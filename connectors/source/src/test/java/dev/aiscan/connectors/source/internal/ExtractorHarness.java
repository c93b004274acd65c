package dev.aiscan.connectors.source.internal;

import dev.aiscan.core.model.Target;
import dev.aiscan.testkit.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs one extractor over one file written into a temporary directory, recording its facts. */
public final class ExtractorHarness {
  public static final Target TARGET = new Target("source:test", "source", "test", "/test");

  private ExtractorHarness() {}

  public static RecordingContext run(
      Extractor extractor, Path root, String relative, String content) {
    return run(extractor, root, relative, content.getBytes(StandardCharsets.UTF_8));
  }

  public static RecordingContext run(
      Extractor extractor, Path root, String relative, byte[] content) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      RecordingContext context = new RecordingContext();
      SourceFile source =
          new SourceFile(
              file, relative, Files.size(file), message -> context.warn(relative, message));
      FactWriter out =
          new FactWriter(context, TARGET, source, extractor.language(), "test/" + relative);
      context.forEach(
          java.util.List.of(source).iterator(),
          SourceFile::relative,
          f -> extractor.extract(f, out));
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
