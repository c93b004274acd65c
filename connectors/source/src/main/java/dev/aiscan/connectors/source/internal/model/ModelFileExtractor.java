package dev.aiscan.connectors.source.internal.model;

import dev.aiscan.connectors.source.internal.Extractor;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.connectors.source.internal.SourceFile;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import java.util.Map;

/**
 * Model files, identified by extension and confirmed by magic bytes: one {@code model-file} fact
 * per file, valued with the format ({@code gguf}, {@code safetensors}, {@code onnx}, {@code
 * pytorch}, {@code keras}, {@code hdf5}, {@code pickle}, {@code joblib}, {@code tflite}, {@code
 * coreml}) and carrying the file size. Only the first {@value #HEADER} bytes are read, never the
 * rest: model files are often gigabytes, and a ZIP bomb named {@code .pt} is never opened.
 *
 * <p>A file whose extension names a format its header does not match is reported as a warning;
 * {@code .bin} files, which are as often not models as models, are reported only when the header
 * proves a known format, and otherwise stay silent.
 */
public final class ModelFileExtractor implements Extractor {
  /** Enough for every check below, including an HDF5 superblock after a 2048-byte user block. */
  static final int HEADER = 4096;

  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry("gguf", "gguf"),
          Map.entry("safetensors", "safetensors"),
          Map.entry("onnx", "onnx"),
          Map.entry("pt", "pytorch"),
          Map.entry("pth", "pytorch"),
          Map.entry("ckpt", "pytorch"),
          Map.entry("bin", "pytorch"),
          Map.entry("h5", "hdf5"),
          Map.entry("hdf5", "hdf5"),
          Map.entry("keras", "keras"),
          Map.entry("pkl", "pickle"),
          Map.entry("pickle", "pickle"),
          Map.entry("joblib", "joblib"),
          Map.entry("tflite", "tflite"),
          Map.entry("mlmodel", "coreml"));

  @Override
  public String language() {
    return "model";
  }

  @Override
  public boolean accepts(SourceFile file) {
    return EXPECTED.containsKey(file.extension());
  }

  @Override
  public boolean readsWholeFile() {
    return false;
  }

  @Override
  public void extract(SourceFile file, FactWriter out) {
    String extension = file.extension();
    byte[] header = file.header(HEADER);
    String format = identify(extension, header, file.size());
    if (format != null) {
      out.emit(
          FactType.MODEL_FILE,
          format,
          Location.file(file.relative(), null),
          Map.of(Fact.Attr.SIZE, Long.toString(file.size())));
    } else if (!extension.equals("bin")) {
      out.warn(
          null,
          "model file: extension says " + EXPECTED.get(extension) + " but header does not match");
    }
  }

  /** The format the header proves for a file with this extension, or null. */
  static String identify(String extension, byte[] h, long size) {
    return switch (extension) {
      case "gguf" -> MagicBytes.isGguf(h) ? "gguf" : null;
      case "safetensors" -> MagicBytes.isSafetensors(h, size) ? "safetensors" : null;
      case "onnx" -> MagicBytes.isOnnx(h, size) ? "onnx" : null;
      case "pt", "pth", "ckpt" ->
          MagicBytes.isTorchZip(h) || MagicBytes.isPickle(h) ? "pytorch" : null;
      case "bin" -> binary(h, size);
      case "h5", "hdf5" -> MagicBytes.isHdf5(h) ? "hdf5" : null;
      case "keras" -> MagicBytes.isZip(h) ? "keras" : null;
      case "pkl", "pickle" -> MagicBytes.isPickle(h) ? "pickle" : null;
      case "joblib" -> MagicBytes.isPickle(h) || MagicBytes.isCompressed(h) ? "joblib" : null;
      case "tflite" -> MagicBytes.isTflite(h) ? "tflite" : null;
      case "mlmodel" -> MagicBytes.isCoreMl(h, size) ? "coreml" : null;
      default -> null;
    };
  }

  /**
   * {@code .bin} is a model only when the header proves it: GGUF, PyTorch zip or legacy PyTorch.
   */
  private static String binary(byte[] h, long size) {
    if (MagicBytes.isGguf(h)) {
      return "gguf";
    }
    if (MagicBytes.isTorchZip(h) || MagicBytes.isLegacyTorch(h)) {
      return "pytorch";
    }
    return MagicBytes.isSafetensors(h, size) ? "safetensors" : null;
  }
}
