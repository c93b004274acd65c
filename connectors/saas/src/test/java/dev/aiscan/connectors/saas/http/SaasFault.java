package dev.aiscan.connectors.saas.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The faults every SaaS connector's fault test injects into one call, with what {@link SaasHttp}
 * does about each: whether it retries, how long its backoff waits at least, and the one-line
 * warning the connector gives. Shared through this module's test jar, so that the six connectors
 * are held to one policy. Timeouts assume a connector {@code timeout} of 0.5 s.
 */
public enum SaasFault {
  CONNECTION_RESET(b -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), true, "failed"),
  EMPTY_RESPONSE(b -> aResponse().withFault(Fault.EMPTY_RESPONSE), true, "failed"),
  RANDOM_DATA(b -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), true, "failed"),
  MALFORMED_JSON(b -> okJson(b.substring(0, b.length() / 2)), false, "malformed"),
  HTTP_500(b -> aResponse().withStatus(500).withBody("Internal Server Error"), true, "500"),
  HTTP_503(b -> aResponse().withStatus(503).withBody("Service Unavailable"), true, "503"),
  TIMEOUT(b -> okJson(b).withFixedDelay(3_000), true, "timeout"),
  TRICKLE(b -> okJson(b).withChunkedDribbleDelay(40, 4_000), true, "timeout");

  /** The broken answer, made from the healthy body the call would have had. */
  public final Function<String, ResponseDefinitionBuilder> answer;

  private final boolean retried;
  private final String kind;

  SaasFault(Function<String, ResponseDefinitionBuilder> answer, boolean retried, String kind) {
    this.answer = answer;
    this.retried = retried;
    this.kind = kind;
  }

  /** How often the broken call is asked, with {@code retries} retries of network faults, 5xx. */
  public int attempts(int retries) {
    return retried ? retries + 1 : 1;
  }

  /** The least the retries wait: SaasHttp's backoff, 0.5 s doubled at each retry. */
  public Duration backoff(int retries) {
    return retried ? Duration.ofMillis(500L * ((1L << retries) - 1)) : Duration.ZERO;
  }

  /** The one-line warning for the call {@code api} of {@code path}. */
  public Pattern warning(String api, String path, int retries) {
    String call = Pattern.quote(api);
    String at = Pattern.quote(path);
    return Pattern.compile(
        switch (kind) {
          case "failed" -> call + " failed: " + at + ": \\w+Exception";
          case "malformed" ->
              call + " answered a malformed response: " + at + ": not JSON \\(.*\\)";
          case "timeout" -> call + " timed out: " + at + ": no answer within the timeout";
          default ->
              call
                  + " failed: "
                  + at
                  + ": HTTP "
                  + kind
                  + " after "
                  + attempts(retries)
                  + " attempts";
        });
  }
}
