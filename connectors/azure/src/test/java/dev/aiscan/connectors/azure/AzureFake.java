package dev.aiscan.connectors.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.aiscan.testkit.VendorFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A fake Azure Resource Manager: WireMock over HTTPS (the Azure SDK sends bearer tokens over TLS
 * only) with a certificate for {@code localhost} that {@code keytool} makes for the test run, and a
 * TLS context that trusts it. Anything not stubbed answers an empty list.
 */
final class AzureFake implements AutoCloseable {
  static final String PASSWORD = "aiscan-test";
  static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-test-token.signature";
  private static final ObjectMapper JSON = new ObjectMapper();

  final WireMockServer server;
  final SSLContext ssl;
  final Path keystore;

  AzureFake(Path dir) {
    this.keystore = keystore(dir);
    this.server =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12")
                .containerThreads(32));
    server.start();
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(json("{\"value\": []}")));
    this.ssl = trusting(keystore);
  }

  String url() {
    return "https://localhost:" + server.httpsPort();
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** A Resource Manager error as ARM sends it. */
  static ResponseDefinitionBuilder error(int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
  }

  /**
   * The body of a published example ({@code responses.200.body} of the file under {@code
   * ../shared/fixtures/vendor/azure/}), read in place, with its {@code nextLink} (a placeholder
   * such as {@code "string"} in the specifications) replaced by {@code nextLink} or removed when
   * null.
   */
  static String vendor(String path, String nextLink) {
    try {
      JsonNode doc = JSON.readTree(VendorFixtures.read("azure/" + path));
      JsonNode body = doc.path("responses").path("200").path("body");
      if (body instanceof ObjectNode o && o.has("value")) {
        if (nextLink == null) {
          o.remove("nextLink");
        } else {
          o.put("nextLink", nextLink);
        }
      }
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String wire(String name) {
    try (InputStream in = AzureFake.class.getResourceAsStream("/wire/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource wire/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A PKCS#12 key store with a self-signed certificate for localhost, made by the JDK's keytool.
   */
  static Path keystore(Path dir) {
    Path ks = dir.resolve("wiremock-localhost.p12");
    if (Files.exists(ks)) {
      return ks;
    }
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command =
        List.of(
            keytool.toString(),
            "-genkeypair",
            "-alias",
            "localhost",
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-validity",
            "2",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=dns:localhost,ip:127.0.0.1",
            "-keystore",
            ks.toString(),
            "-storetype",
            "PKCS12",
            "-storepass",
            PASSWORD,
            "-keypass",
            PASSWORD);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + out);
      }
      return ks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * One TLS context per key store, as a real process has one: the connector keeps one HTTP client
   * per context for the life of the process.
   */
  private static final java.util.Map<Path, SSLContext> TRUST =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static SSLContext trusting(Path keystore) {
    return TRUST.computeIfAbsent(keystore, AzureFake::loadTrust);
  }

  private static SSLContext loadTrust(Path keystore) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, PASSWORD.toCharArray());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException("test TLS context", e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
