package dev.aiscan.connectors.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.aiscan.connectors.azure.AzureFake.error;
import static dev.aiscan.connectors.azure.AzureFake.json;
import static dev.aiscan.connectors.azure.AzureFake.vendor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.aiscan.core.model.Warning;
import dev.aiscan.testkit.RecordingContext;
import dev.aiscan.testkit.ThreadLeaks;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the network can do to one Resource Manager call, through the real Azure SDK client: the
 * provider it lists is one warning, every other provider is still read, and the subscription is
 * marked incomplete.
 */
class AzureFaultTest extends FakeAzureTest {
  static final String WORKSPACES =
      "/subscriptions/" + SUB + "/providers/Microsoft.MachineLearningServices/workspaces";

  static Stream<Arguments> faults() {
    return Stream.of(
        fault("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        fault("empty response", () -> aResponse().withFault(Fault.EMPTY_RESPONSE)),
        fault("garbage, then closed", () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
        fault(
            "503 on every attempt",
            () -> error(503, "ServiceUnavailable", "The service is temporarily unavailable.")),
        fault("HTML from a proxy", () -> aResponse().withStatus(502).withBody("<html>bad</html>")),
        fault(
            "a delay past the timeout",
            () ->
                json(vendor("machinelearningservices/Workspaces_ListBySubscription.json", null))
                    .withFixedDelay(8_000)));
  }

  private static Arguments fault(String name, Supplier<ResponseDefinitionBuilder> response) {
    return Arguments.of(name, response);
  }

  private static ResponseDefinitionBuilder aResponse() {
    return com.github.tomakehurst.wiremock.client.WireMock.aResponse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void oneBrokenListIsOneWarningAndTheOtherProvidersAreRead(
      String name, Supplier<ResponseDefinitionBuilder> response) {
    stubCognitive();
    stubTheRest();
    azure.server.stubFor(get(urlPathEqualTo(WORKSPACES)).atPriority(1).willReturn(response.get()));

    RecordingContext ctx = new RecordingContext(settings());
    assertThatCode(() -> new AzureConnector(azure.ssl).collect(SUBSCRIPTION, ctx))
        .doesNotThrowAnyException();

    assertThat(ctx.warnings())
        .as(name + " " + ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source())
                  .isEqualTo("azure Contoso Production Microsoft.MachineLearningServices");
              assertThat(w.message())
                  .startsWith("Microsoft.MachineLearningServices/workspaces/read")
                  .doesNotContain("\n")
                  .doesNotContain(AzureFake.TOKEN);
            });
    assertThat(resource(ctx, AzureConnectorTest.OPENAI)).isNotNull();
    assertThat(ctx.facts()).isNotEmpty();
    assertThat(ctx.isIncomplete()).isTrue();
    assertThat(ctx.warnings()).extracting(Warning::source).doesNotContainNull();
  }

  /**
   * The SDK's executors and schedulers are the process's (its global executor and Reactor's, shared
   * by every client), and they and the HTTP client's work threads idle out by themselves; nothing
   * else may outlive a scan.
   */
  static final java.util.function.Predicate<Thread> SHARED =
      t ->
          t.isDaemon()
              && (t.getName().startsWith(AzureClients.HTTP_THREAD_PREFIX)
                  || t.getName().startsWith("azure-sdk-global-thread-")
                  || t.getName().startsWith("boundedElastic-")
                  || t.getName().startsWith("parallel-"));

  @Test
  void aScanLeavesNoThreadBehind() {
    stubCognitive();
    stubTheRest();
    azure.server.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .atPriority(1)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    scan(); // the first scan of the process makes its HTTP client

    java.util.Set<Thread> before = ThreadLeaks.now();
    RecordingContext ctx = scan();

    assertThat(ctx.warnings()).hasSize(1);
    assertThat(ctx.facts()).isNotEmpty();
    ThreadLeaks.assertNoneLeftSince(before, SHARED);
  }

  @Test
  void aSlowAnswerThatKeepsComingIsReadWhole() {
    stubCognitive();
    stubTheRest();
    // 40 chunks over 8 s: every chunk comes within the 5 s timeout, so the answer is waited for
    azure.server.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .atPriority(1)
            .willReturn(
                json(vendor("machinelearningservices/Workspaces_ListBySubscription.json", null))
                    .withChunkedDribbleDelay(40, 8_000)));

    RecordingContext ctx = new RecordingContext(settings());
    new AzureConnector(azure.ssl).collect(SUBSCRIPTION, ctx);

    assertThat(ctx.warnings()).isEmpty();
    assertThat(ctx.isIncomplete()).isFalse();
    assertThat(ctx.facts()).anyMatch(f -> f.location().resource().contains("/workspaces/"));
  }

  @Test
  void anAnswerThatTricklesOnAndOnIsCutOffAtTheDeadline() {
    stubCognitive();
    stubTheRest();
    // a chunk every 0.6 s for a minute: each within the 1 s timeout, the whole far past the
    // deadline
    azure.server.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .atPriority(1)
            .willReturn(
                json(vendor("machinelearningservices/Workspaces_ListBySubscription.json", null))
                    .withChunkedDribbleDelay(100, 60_000)));
    java.util.Map<String, String> quick = new java.util.HashMap<>(settings().asMap());
    quick.put("connectors.azure.timeout-seconds", "1");
    quick.put("connectors.azure.max-retries", "0");

    long start = System.nanoTime();
    RecordingContext ctx = new RecordingContext(dev.aiscan.core.spi.Settings.of(quick));
    new AzureConnector(azure.ssl).collect(SUBSCRIPTION, ctx);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source())
                  .isEqualTo("azure Contoso Production Microsoft.MachineLearningServices");
              assertThat(w.message())
                  .isEqualTo("Microsoft.MachineLearningServices/workspaces/read timed out");
            });
    assertThat(resource(ctx, AzureConnectorTest.OPENAI)).isNotNull();
    assertThat(ctx.isIncomplete()).isTrue();
    assertThat(seconds).as("cut off at the 2 s deadline, not after the minute").isLessThan(20);
  }
}
