package dev.aiscan.connectors.source.internal.model;

import java.nio.charset.StandardCharsets;

/**
 * Header checks for model formats. Each looks only at the bytes given, which may be fewer than
 * asked.
 */
final class MagicBytes {
  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  /**
   * {@code torch.save} before 1.6: pickle protocol 2, then the magic number 0x1950a86a20f9469cfc6c
   * as a LONG1.
   */
  private static final byte[] LEGACY_TORCH = {
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
    0x19
  };

  private static final long MAX_SAFETENSORS_HEADER = 100L * 1024 * 1024;

  private MagicBytes() {}

  static boolean isGguf(byte[] h) {
    return startsWith(h, 0, new byte[] {'G', 'G', 'U', 'F'});
  }

  /** 8-byte little-endian JSON header length, sane and inside the file, then {@code {}. */
  static boolean isSafetensors(byte[] h, long size) {
    if (h.length < 9) {
      return false;
    }
    long n = 0;
    for (int i = 7; i >= 0; i--) {
      n = (n << 8) | (h[i] & 0xff);
    }
    return n >= 2 && n <= MAX_SAFETENSORS_HEADER && n + 8 <= size && h[8] == '{';
  }

  static boolean isZip(byte[] h) {
    return startsWith(h, 0, new byte[] {'P', 'K', 3, 4});
  }

  /**
   * A PyTorch zip archive: its first entry lives in a folder ({@code archive/data.pkl}, {@code
   * model/version}) or is {@code data.pkl}.
   */
  static boolean isTorchZip(byte[] h) {
    if (!isZip(h) || h.length < 30) {
      return false;
    }
    int nameLength = (h[26] & 0xff) | (h[27] & 0xff) << 8;
    if (nameLength == 0 || 30 + nameLength > h.length) {
      return false;
    }
    String name = new String(h, 30, nameLength, StandardCharsets.UTF_8);
    return name.endsWith("data.pkl") || name.indexOf('/') > 0;
  }

  /** Pickle protocol 2 to 5 (PROTO opcode). */
  static boolean isPickle(byte[] h) {
    return h.length >= 2 && (h[0] & 0xff) == 0x80 && h[1] >= 2 && h[1] <= 5;
  }

  static boolean isLegacyTorch(byte[] h) {
    return startsWith(h, 0, LEGACY_TORCH);
  }

  /** joblib's compressors: zlib (any level), gzip, bzip2, xz. */
  static boolean isCompressed(byte[] h) {
    if (h.length < 2) {
      return false;
    }
    int b0 = h[0] & 0xff;
    int b1 = h[1] & 0xff;
    boolean zlib = b0 == 0x78 && (b1 == 0x01 || b1 == 0x5e || b1 == 0x9c || b1 == 0xda);
    boolean gzip = b0 == 0x1f && b1 == 0x8b;
    boolean bzip2 = startsWith(h, 0, new byte[] {'B', 'Z', 'h'});
    boolean xz = startsWith(h, 0, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0});
    return zlib || gzip || bzip2 || xz;
  }

  /** The HDF5 signature at 0 or after a user block of 512, 1024 or 2048 bytes. */
  static boolean isHdf5(byte[] h) {
    return startsWith(h, 0, HDF5)
        || startsWith(h, 512, HDF5)
        || startsWith(h, 1024, HDF5)
        || startsWith(h, 2048, HDF5);
  }

  /** FlatBuffer file identifier {@code TFL3} at bytes 4 to 7. */
  static boolean isTflite(byte[] h) {
    return startsWith(h, 4, new byte[] {'T', 'F', 'L', '3'});
  }

  /**
   * ONNX {@code ModelProto}: field 1 ({@code ir_version}, a small varint) first, then well-formed
   * fields of the message ({@code producer_name} 0x12, {@code graph} 0x3a, {@code opset_import}
   * 0x42, ...).
   */
  static boolean isOnnx(byte[] h, long size) {
    return Protobuf.startsWithVersion(h, size, 1, 64, Protobuf.ONNX_MODEL_FIELDS);
  }

  /** Core ML {@code Model}: field 1 ({@code specificationVersion}), then well-formed fields. */
  static boolean isCoreMl(byte[] h, long size) {
    return Protobuf.startsWithVersion(h, size, 1, 64, null);
  }

  private static boolean startsWith(byte[] h, int offset, byte[] magic) {
    if (h.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (h[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
