package dev.aiscan.core;

import dev.aiscan.core.model.Hashes;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How aiscan speaks of a secret without writing it: a fingerprint made of a short hash and the
 * first and last four characters ({@code sk-p…Xy7Q sha256:1a2b3c4d}), and masking of every known
 * secret pattern in free text.
 */
public final class Secrets {
  private static final int SHOWN = 4;

  private final List<Pattern> patterns;

  public Secrets(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /**
   * Fingerprint of a secret. Keys shorter than 16 characters show no characters at all, so that the
   * visible part is never a large share of the secret.
   */
  public static String fingerprint(String secret) {
    String hash = "sha256:" + Hashes.sha256Hex(secret).substring(0, 8);
    if (secret.length() < 16) {
      return "… " + hash;
    }
    return secret.substring(0, SHOWN)
        + "…"
        + secret.substring(secret.length() - SHOWN)
        + " "
        + hash;
  }

  /** Replaces every match of a known secret pattern in {@code text} by its fingerprint. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Pattern p : patterns) {
      Matcher m = p.matcher(out);
      if (m.find()) {
        StringBuilder sb = new StringBuilder();
        do {
          m.appendReplacement(
              sb, Matcher.quoteReplacement("[redacted " + fingerprint(m.group()) + "]"));
        } while (m.find());
        m.appendTail(sb);
        out = sb.toString();
      }
    }
    return out;
  }
}
