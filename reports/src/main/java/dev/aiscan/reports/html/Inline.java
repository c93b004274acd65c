package dev.aiscan.reports.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.aiscan.core.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What it takes to inline text into one HTML file without letting it break out: HTML escaping for
 * text and attributes, script escaping for inlined libraries, JSON escaping for the data block, and
 * the CSP hash of each inline script.
 */
final class Inline {
  private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");

  private Inline() {}

  /** Escapes text for an HTML text node or a double-quoted attribute value. */
  static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escapes text for a double-quoted attribute value, leaving single quotes readable (a CSP's
   * {@code 'none'}).
   */
  static String attribute(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  /**
   * Makes JavaScript source safe inside {@code <script>...</script>}: no {@code </script} can end
   * the element early and no {@code <!--} can switch the parser into its escaped state. Both
   * rewrites keep the meaning of a string, regular expression or comment.
   */
  static String script(String source) {
    String s = SCRIPT_END.matcher(source).replaceAll(Matcher.quoteReplacement("<\\/") + "$1");
    return s.replace("<!--", "<\\!--");
  }

  /** The CSP source expression allowing exactly this inline script: {@code 'sha256-...'}. */
  static String cspHash(String scriptText) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(scriptText.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** A UTF-8 text resource on the classpath; fails with the resource named when it is missing. */
  static String resource(String path) {
    try (InputStream in = Inline.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new ScanException("report resource missing from the classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScanException("cannot read report resource " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The text of a file inside an npm WebJar on the classpath. The version is the one of the jar the
   * build put on the classpath, read from its Maven metadata, so upgrading the WebJar in the POM is
   * all an upgrade takes.
   *
   * @param artifact the WebJar's artifactId, e.g. {@code chart.js}
   * @param file the file inside the package, e.g. {@code dist/chart.umd.min.js}
   */
  static WebJarFile webJar(String artifact, String file) {
    String metadata = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    Properties props = new Properties();
    try (InputStream in = Inline.class.getResourceAsStream(metadata)) {
      if (in == null) {
        throw new ScanException(
            "WebJar org.webjars.npm:" + artifact + " is not on the classpath (" + metadata + ")");
      }
      props.load(in);
    } catch (IOException e) {
      throw new ScanException("cannot read " + metadata + ": " + e.getMessage(), e);
    }
    String version = props.getProperty("version");
    String path = "/META-INF/resources/webjars/" + artifact + "/" + version + "/" + file;
    return new WebJarFile(artifact, version, resource(path));
  }

  /** A library file read from a WebJar. */
  record WebJarFile(String artifact, String version, String text) {}

  /**
   * JSON string escapes for a {@code <script type="application/json">} block: {@code <}, {@code >}
   * and {@code &} become {@code \u003c}-style escapes so no content can close the element or open a
   * comment, and U+2028/U+2029 are escaped for older JavaScript parsers.
   */
  static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    ScriptSafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
      ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
      ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028) {
        return new SerializedString("\\u2028");
      }
      if (ch == 0x2029) {
        return new SerializedString("\\u2029");
      }
      return null;
    }
  }
}
