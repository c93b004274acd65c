package dev.aiscan.connectors.source.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aiscan.connectors.source.internal.ExtractorHarness;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.testkit.RecordingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelFileExtractorTest {
  private final ModelFileExtractor extractor = new ModelFileExtractor();
  @TempDir Path root;

  static List<Arguments> recognised() throws IOException {
    return List.of(
        Arguments.of("models/llama-3.1-8b.Q4_K_M.gguf", gguf(), "gguf"),
        Arguments.of("models/model.safetensors", safetensors(), "safetensors"),
        Arguments.of("models/classifier.onnx", onnx(), "onnx"),
        Arguments.of(
            "checkpoints/model.pt",
            zip("archive/data.pkl", new byte[] {(byte) 0x80, 2, '.'}),
            "pytorch"),
        Arguments.of("checkpoints/model.pth", legacyTorch(), "pytorch"),
        Arguments.of(
            "checkpoints/epoch=3.ckpt",
            zip("epoch=3/data.pkl", new byte[] {(byte) 0x80, 2, '.'}),
            "pytorch"),
        Arguments.of(
            "hf/pytorch_model.bin",
            zip("pytorch_model/data.pkl", new byte[] {(byte) 0x80, 2, '.'}),
            "pytorch"),
        Arguments.of("hf/legacy_model.bin", legacyTorch(), "pytorch"),
        Arguments.of("ggml/model.bin", gguf(), "gguf"),
        Arguments.of(
            "keras/model.keras",
            zip("config.json", "{}".getBytes(StandardCharsets.UTF_8)),
            "keras"),
        Arguments.of("keras/model.h5", hdf5(0), "hdf5"),
        Arguments.of("keras/weights.hdf5", hdf5(512), "hdf5"),
        Arguments.of(
            "sk/model.pkl",
            new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, 0, '.'},
            "pickle"),
        Arguments.of("sk/model.pickle", new byte[] {(byte) 0x80, 5, '.'}, "pickle"),
        Arguments.of("sk/model.joblib", new byte[] {(byte) 0x80, 3, '.'}, "joblib"),
        Arguments.of("sk/compressed.joblib", new byte[] {0x78, (byte) 0x9c, 1, 2, 3}, "joblib"),
        Arguments.of(
            "mobile/model.tflite", new byte[] {0x1c, 0, 0, 0, 'T', 'F', 'L', '3', 0, 0}, "tflite"),
        Arguments.of("ios/Model.mlmodel", coreMl(), "coreml"));
  }

  @ParameterizedTest(name = "{0} is {2}")
  @MethodSource("recognised")
  void recognisesEachFormat(String relative, byte[] content, String format) {
    RecordingContext context = ExtractorHarness.run(extractor, root, relative, content);

    assertThat(context.warnings()).isEmpty();
    Fact fact = assertThat(context.facts()).singleElement().actual();
    assertThat(fact.type()).isEqualTo(FactType.MODEL_FILE);
    assertThat(fact.value()).isEqualTo(format);
    assertThat(fact.location().file()).isEqualTo(relative);
    assertThat(fact.location().line()).isNull();
    assertThat(fact.attributes())
        .containsEntry("size", Integer.toString(content.length))
        .containsEntry("language", "model");
  }

  static List<Arguments> mismatched() {
    byte[] text = "this is not a model\n".getBytes(StandardCharsets.UTF_8);
    return List.of(
        Arguments.of("x.gguf", text, "gguf"),
        Arguments.of("x.safetensors", text, "safetensors"),
        // Header length larger than the file.
        Arguments.of(
            "y.safetensors",
            ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(1_000)
                .put((byte) '{')
                .array(),
            "safetensors"),
        Arguments.of("x.onnx", text, "onnx"),
        // 0x08 then a version, then a group wire type ONNX never uses.
        Arguments.of("y.onnx", new byte[] {0x08, 0x07, 0x0b, 0x00, 0x00}, "onnx"),
        Arguments.of("x.pt", text, "pytorch"),
        Arguments.of("x.keras", hdf5(0), "keras"),
        Arguments.of("x.h5", text, "hdf5"),
        Arguments.of("x.pkl", "(dp0\nS'a'\n".getBytes(StandardCharsets.UTF_8), "pickle"),
        Arguments.of("x.joblib", text, "joblib"),
        Arguments.of("x.tflite", text, "tflite"),
        Arguments.of("x.mlmodel", text, "coreml"),
        Arguments.of("empty.onnx", new byte[0], "onnx"));
  }

  @ParameterizedTest(name = "{0} claims {2}")
  @MethodSource("mismatched")
  void mismatchedHeaderWarnsAndEmitsNothing(String relative, byte[] content, String format) {
    RecordingContext context = ExtractorHarness.run(extractor, root, relative, content);

    assertThat(context.facts()).isEmpty();
    assertThat(context.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("test/" + relative);
              assertThat(w.message())
                  .isEqualTo("model file: extension says " + format + " but header does not match");
            });
  }

  @Test
  void binThatIsNotAModelStaysSilent() {
    RecordingContext firmware =
        ExtractorHarness.run(
            extractor, root, "firmware/image.bin", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    RecordingContext pickle =
        ExtractorHarness.run(extractor, root, "data/cache.bin", new byte[] {(byte) 0x80, 4, '.'});
    RecordingContext zip =
        ExtractorHarness.run(
            extractor, root, "data/archive.bin", zip("readme.txt", new byte[] {'x'}));

    for (RecordingContext context : List.of(firmware, pickle, zip)) {
      assertThat(context.facts()).isEmpty();
      assertThat(context.warnings()).isEmpty();
    }
  }

  @Test
  void zipBombNamedPtIsNeverInflated() throws IOException {
    // 256 MiB of zeros deflate to a few hundred KiB; inflating them would be the bomb.
    Path bomb = root.resolve("bomb.pt");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry("bomb/data.pkl"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }

    RecordingContext context =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> run(bomb, "bomb.pt"));

    assertThat(context.values(FactType.MODEL_FILE)).containsExactly("pytorch");
    assertThat(Files.size(bomb)).isLessThan(2L << 20);
  }

  @Test
  void hugeFilesAreIdentifiedFromTheHeaderAlone() throws IOException {
    Path huge = root.resolve("huge.gguf");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.write(gguf());
      file.setLength(5L << 30); // 5 GiB, sparse: more than a byte[] could ever hold
    }

    RecordingContext context =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> run(huge, "huge.gguf"));

    assertThat(extractor.readsWholeFile()).isFalse();
    assertThat(context.facts())
        .singleElement()
        .satisfies(f -> assertThat(f.attribute("size")).isEqualTo(Long.toString(5L << 30)));
  }

  @Test
  void acceptsByExtension() {
    for (String name :
        List.of(
            "a.gguf",
            "a.safetensors",
            "a.onnx",
            "a.pt",
            "a.pth",
            "a.ckpt",
            "a.bin",
            "a.h5",
            "a.hdf5",
            "a.keras",
            "a.pkl",
            "a.pickle",
            "a.joblib",
            "a.tflite",
            "a.mlmodel",
            "A.GGUF")) {
      assertThat(extractor.accepts(file(name))).as(name).isTrue();
    }
    for (String name : List.of("a.json", "a.py", "model", "a.safetensors.index.json")) {
      assertThat(extractor.accepts(file(name))).as(name).isFalse();
    }
  }

  private RecordingContext run(Path path, String relative) throws IOException {
    RecordingContext context = new RecordingContext();
    SourceFile source =
        new SourceFile(path, relative, Files.size(path), m -> context.warn(relative, m));
    FactWriter out =
        new FactWriter(
            context, ExtractorHarness.TARGET, source, extractor.language(), "test/" + relative);
    extractor.extract(source, out);
    return context;
  }

  private static SourceFile file(String relative) {
    return new SourceFile(Path.of(relative), relative, 0, m -> {});
  }

  private static byte[] gguf() {
    return ByteBuffer.allocate(24)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put("GGUF".getBytes(StandardCharsets.US_ASCII))
        .putInt(3)
        .putLong(291)
        .putLong(24)
        .array();
  }

  private static byte[] safetensors() {
    byte[] json =
        "{\"__metadata__\":{\"format\":\"pt\"},\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}"
            .getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + json.length + 4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(json.length)
        .put(json)
        .putFloat(1f)
        .array();
  }

  /** ir_version 8, producer "pytorch" 2.1.0, an empty graph and opset 17. */
  private static byte[] onnx() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0x08, 0x08, 0x12, 0x07});
    b.writeBytes("pytorch".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(new byte[] {0x1a, 0x05});
    b.writeBytes("2.1.0".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(new byte[] {0x3a, 0x02, 0x0a, 0x00, 0x42, 0x04, 0x0a, 0x00, 0x10, 0x11});
    return b.toByteArray();
  }

  /** specificationVersion 4, a description, then the neuralNetwork field (500). */
  private static byte[] coreMl() {
    return new byte[] {0x08, 0x04, 0x12, 0x02, 0x0a, 0x00, (byte) 0xa2, 0x1f, 0x00};
  }

  private static byte[] legacyTorch() {
    return new byte[] {
      (byte) 0x80,
      0x02,
      (byte) 0x8a,
      0x0a,
      0x6c,
      (byte) 0xfc,
      (byte) 0x9c,
      0x46,
      (byte) 0xf9,
      0x20,
      0x6a,
      (byte) 0xa8,
      0x50,
      0x19,
      '.'
    };
  }

  private static byte[] hdf5(int offset) {
    byte[] b = new byte[offset + 16];
    byte[] magic = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(magic, 0, b, offset, magic.length);
    return b;
  }

  private static byte[] zip(String firstEntry, byte[] data) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry(firstEntry));
        zip.write(data);
        zip.closeEntry();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
