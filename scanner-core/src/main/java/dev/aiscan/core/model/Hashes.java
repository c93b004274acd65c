package dev.aiscan.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, stable identifiers derived from content. */
public final class Hashes {
  private Hashes() {}

  /** The first 12 hex digits of the SHA-256 of {@code text} (UTF-8). */
  public static String shortSha256(String text) {
    return sha256Hex(text).substring(0, 12);
  }

  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
