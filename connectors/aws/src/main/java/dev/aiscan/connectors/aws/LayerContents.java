package dev.aiscan.connectors.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The packages inside a Lambda layer, from its ZIP's entry names alone: {@code python/openai/...},
 * {@code python/lib/python3.12/site-packages/openai-1.40.0.dist-info/...}, {@code
 * nodejs/node_modules/@anthropic-ai/sdk/...}. No file inside is read or run.
 */
final class LayerContents {
  private static final Pattern PYTHON_DIST =
      Pattern.compile(
          "^python/(?:lib/python[\\d.]+/site-packages/)?([A-Za-z0-9_.-]+?)-[^/-]+\\.(?:dist|egg)-info/");
  private static final Pattern NODE =
      Pattern.compile("^nodejs/(?:node\\d+/)?node_modules/((?:@[^/]+/)?[^/@.][^/]*)/");

  private LayerContents() {}

  /** Package name to ecosystem ({@code pypi}, {@code npm}); reads at most {@code maxBytes}. */
  static Map<String, String> packages(InputStream zip, long maxBytes) throws IOException {
    Map<String, String> packages = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new Capped(zip, maxBytes))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName();
        Matcher py = PYTHON_DIST.matcher(name);
        if (py.find()) {
          packages.put(normalizePython(py.group(1)), "pypi");
          continue;
        }
        Matcher node = NODE.matcher(name);
        if (node.find()) {
          packages.put(node.group(1), "npm");
        }
      }
    }
    return packages;
  }

  /** PEP 503: runs of {@code -_.} are one {@code -}, lower case. */
  private static String normalizePython(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(java.util.Locale.ROOT);
  }

  /** Fails once more than the cap was read, so a huge layer cannot hold the scan. */
  private static final class Capped extends FilterInputStream {
    private final long max;
    private long read;

    Capped(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) throws IOException {
      read += n;
      if (read > max) {
        throw new IOException("layer larger than " + max + " bytes");
      }
    }
  }
}
