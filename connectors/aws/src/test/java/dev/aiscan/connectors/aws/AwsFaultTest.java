package dev.aiscan.connectors.aws;

import static dev.aiscan.connectors.aws.AwsFake.error;
import static dev.aiscan.connectors.aws.AwsFake.in;
import static dev.aiscan.connectors.aws.AwsFake.json;
import static dev.aiscan.connectors.aws.AwsFake.target;
import static dev.aiscan.connectors.aws.AwsFake.vendor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.aiscan.core.model.Warning;
import dev.aiscan.testkit.RecordingContext;
import dev.aiscan.testkit.ThreadLeaks;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the network can do to one call, through the real SDK clients: the call is one warning naming
 * the service and region, every other service is still read, the target is marked incomplete, and
 * no thread is left behind.
 */
class AwsFaultTest extends FakeAwsTest {

  /** A call that breaks is a warning on its service; the region goes on. */
  private static final String CALL = "aws 123456789012 us-east-1 comprehend";

  static Stream<Arguments> faults() {
    return Stream.of(
        fault(
            "connection reset",
            () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            "comprehend:ListEndpoints failed: the connection broke off (SocketException)"),
        fault(
            "empty response",
            () -> aResponse().withFault(Fault.EMPTY_RESPONSE),
            "comprehend:ListEndpoints failed: the connection broke off (NoHttpResponseException)"),
        fault(
            "garbage, then closed",
            () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
            "comprehend:ListEndpoints"),
        fault(
            "503 on every attempt",
            () -> error(503, "ServiceUnavailableException", "Service is unavailable"),
            "comprehend:ListEndpoints failed: ServiceUnavailableException: Service is unavailable"),
        fault(
            "HTML from a proxy",
            () -> aResponse().withStatus(502).withBody("<html>bad</html>"),
            "comprehend:ListEndpoints failed: HTTP 502"));
  }

  private static Arguments fault(
      String name, Supplier<ResponseDefinitionBuilder> response, String message) {
    return Arguments.of(name, response, message);
  }

  private static ResponseDefinitionBuilder aResponse() {
    return com.github.tomakehurst.wiremock.client.WireMock.aResponse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void oneBrokenCallIsOneWarningOnItsServiceAndTheRegionIsStillRead(
      String name, Supplier<ResponseDefinitionBuilder> response, String message) {
    stubBedrock();
    stubServices();
    aws.server.stubFor(
        in(target("Comprehend_20171127.ListEndpoints"), "us-east-1")
            .atPriority(1)
            .willReturn(response.get()));
    Set<Thread> before = ThreadLeaks.now();

    RecordingContext ctx = new RecordingContext(settings("us-east-1"));
    assertThatCode(() -> new AwsConnector().collect(ACCOUNT, ctx)).doesNotThrowAnyException();

    assertThat(ctx.warnings())
        .as(name + " " + ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo(CALL);
              assertThat(w.message()).startsWith(message).doesNotContain("\n");
            });
    // the rest of the region is read: Comprehend's other list, and Bedrock
    assertThat(
            resource(
                ctx,
                "arn:aws:comprehend:us-west-2:111122223333:document-classifier/exampleclassifier1"))
        .isNotNull();
    assertThat(resource(ctx, "arn:aws:bedrock:us-east-1:123456789012:agent/AGENT0EXMP"))
        .isNotNull();
    assertThat(ctx.isIncomplete()).isTrue();
    assertThat(ctx.warnings()).extracting(Warning::message).noneMatch(m -> m.contains(SECRET));
    ThreadLeaks.assertNoneLeftSince(before, t -> false);
  }

  @Test
  void aCallThatTricklesPastTheTimeoutSkipsTheRestOfItsRegionWithOneWarning() {
    stubBedrock();
    stubServices();
    aws.server.stubFor(
        in(target("Comprehend_20171127.ListEndpoints"), "us-east-1")
            .atPriority(1)
            .willReturn(
                json(vendor("comprehend/ListEndpoints.json")).withChunkedDribbleDelay(40, 6_000)));
    Set<Thread> before = ThreadLeaks.now();

    RecordingContext ctx = new RecordingContext(settings("us-east-1"));
    new AwsConnector().collect(ACCOUNT, ctx);

    // a stalled answer reads as a stalled region (as a firewall that drops packets would look):
    // one warning, not one per remaining call, and nothing of the region is called gone
    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("aws 123456789012 us-east-1");
              // whichever call of the region ran out of time first (the stalled one holds the
              // fake's connection while the others wait)
              assertThat(w.message())
                  .endsWith("timed out after 2 s in us-east-1; the rest of the region is skipped");
            });
    assertThat(ctx.isIncomplete()).isTrue();
    ThreadLeaks.assertNoneLeftSince(before, t -> false);
  }
}
