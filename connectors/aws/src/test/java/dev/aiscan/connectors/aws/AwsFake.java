package dev.aiscan.connectors.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.aiscan.testkit.VendorFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake AWS: one WireMock server that the real SDK clients reach through {@code
 * connectors.aws.endpoint-url}. Regions are told apart by the credential scope of the request's
 * SigV4 {@code Authorization} header ({@code .../20261126/us-east-1/bedrock/aws4_request}).
 *
 * <p>Anything not stubbed answers {@code {}}, a valid empty answer of every JSON protocol (no
 * items, no next page), so a test stubs only what it is about.
 */
final class AwsFake implements AutoCloseable {
  static final String ACCOUNT = "123456789012";
  private static final Pattern ISO_TIME =
      Pattern.compile(
          "\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d))\"");

  final WireMockServer server;

  AwsFake() {
    server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));
    server.start();
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(json("{}")));
    // services on the Smithy RPC v2 CBOR protocol (Translate): an empty CBOR map
    server.stubFor(
        any(anyUrl())
            .atPriority(9)
            .withHeader("smithy-protocol", equalTo("rpc-v2-cbor"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/cbor")
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withBody(new byte[] {(byte) 0xA0})));
    server.stubFor(
        post(urlEqualTo("/"))
            .atPriority(5)
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(vendor("sts/GetCallerIdentity.xml"))));
  }

  String url() {
    return server.baseUrl();
  }

  /** A JSON 1.1 (or 1.0) operation: {@code POST /} with {@code X-Amz-Target: target}. */
  static MappingBuilder target(String target) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
  }

  /** Only requests signed for this region. */
  static MappingBuilder in(MappingBuilder m, String region) {
    return m.withHeader("Authorization", containing("/" + region + "/"));
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }

  /** An AWS JSON error: the code in both the body and the header, as AWS sends it. */
  static ResponseDefinitionBuilder error(int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-ErrorType", code)
        .withBody("{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  /** A hand-written wire body from {@code src/test/resources/wire/}. */
  static String wire(String name) {
    try (var in = AwsFake.class.getResourceAsStream("/wire/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource wire/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A vendor-published body from {@code ../shared/fixtures/vendor/aws/}, read in place. AWS CLI
   * examples print timestamps as ISO-8601 strings where the JSON 1.1 wire sends epoch seconds (see
   * that directory's README): such strings become numbers here, nothing else changes.
   */
  static String vendor(String path) {
    String text = VendorFixtures.read("aws/" + path);
    if (!path.endsWith(".json")) {
      return text;
    }
    Matcher m = ISO_TIME.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      OffsetDateTime t = OffsetDateTime.parse(m.group(1));
      double seconds = t.toEpochSecond() + t.getNano() / 1e9;
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(seconds)));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public void close() {
    server.stop();
  }
}
