package dev.aiscan.connectors.saas.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one HTTP client of the SaaS connectors, on OkHttp: connect and read timeouts, retries with
 * exponential backoff for network failures and 5xx, and for 429 the wait the vendor asks for
 * ({@code Retry-After} in seconds or as a date, {@code retry-after-ms}, GitHub's {@code
 * x-ratelimit-reset} when {@code x-ratelimit-remaining} is 0, Anthropic's {@code
 * anthropic-ratelimit-requests-reset}), capped; GitHub's 403 with {@code x-ratelimit-remaining: 0}
 * counts as a 429. Answers are parsed as JSON. Nothing here logs a header or a URL's query, so
 * tokens stay in memory.
 */
public final class SaasHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration BASE_BACKOFF = Duration.ofMillis(500);
  private static final OkHttpClient SHARED = new OkHttpClient();

  /** What an API answered. */
  public record Answer(int status, Headers headers, JsonNode body) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  private final OkHttpClient client;
  private final int maxRetries;
  private final Duration maxWait;
  private final Clock clock;

  /**
   * @param timeout connect and read timeout of one attempt
   * @param maxRetries attempts after the first
   * @param maxWait the longest a 429 may make the scan wait before one retry
   */
  public SaasHttp(Duration timeout, int maxRetries, Duration maxWait) {
    this(timeout, maxRetries, maxWait, Clock.systemUTC());
  }

  SaasHttp(Duration timeout, int maxRetries, Duration maxWait, Clock clock) {
    // derived from one shared client: every SaaS source shares its connection pool and threads
    this.client =
        SHARED
            .newBuilder()
            .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .callTimeout(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false) // retried here, with backoff
            .followRedirects(false) // a redirect could carry the Authorization header elsewhere
            .build();
    this.maxRetries = maxRetries;
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /**
   * Connections of the shared pool a call still holds: each is an answer whose body was never
   * closed, a leak. Zero whenever no call is under way (checked by the connectors' fault tests).
   */
  public static int connectionsInUse() {
    okhttp3.ConnectionPool pool = SHARED.connectionPool();
    return pool.connectionCount() - pool.idleConnectionCount();
  }

  /** GETs {@code url} with {@code headers} (the token among them) and parses the JSON answer. */
  public Answer get(HttpUrl url, Map<String, String> headers) {
    Request.Builder request = new Request.Builder().url(url).get();
    headers.forEach(request::header);
    return send(request.build());
  }

  private Answer send(Request request) {
    String where = request.url().encodedPath();
    for (int attempt = 0; ; attempt++) {
      Duration wait;
      try (Response response = client.newCall(request).execute()) {
        int status = rateLimited(response) ? 429 : response.code();
        if (status == 429 || status == 503 || status >= 500) {
          if (attempt >= maxRetries) {
            throw new SaasException(
                status == 429 ? SaasException.Kind.THROTTLED : SaasException.Kind.OTHER,
                status,
                where + ": HTTP " + status + " after " + (attempt + 1) + " attempts");
          }
          wait =
              status == 429 || status == 503
                  ? retryAfter(response.headers(), attempt)
                  : backoff(attempt);
        } else {
          return answer(where, status, response);
        }
      } catch (InterruptedIOException e) {
        if (attempt >= maxRetries) {
          throw new SaasException(
              SaasException.Kind.TIMEOUT, 0, where + ": no answer within the timeout");
        }
        wait = backoff(attempt);
      } catch (IOException e) {
        if (attempt >= maxRetries) {
          throw new SaasException(
              SaasException.Kind.OTHER, 0, where + ": " + e.getClass().getSimpleName());
        }
        wait = backoff(attempt);
      }
      sleep(wait);
    }
  }

  private static Answer answer(String where, int status, Response response) throws IOException {
    ResponseBody body = response.body();
    String text = body == null ? "" : body.string();
    if (status == 401 || status == 403) {
      throw new SaasException(
          SaasException.Kind.DENIED, status, where + ": HTTP " + status + snippet(text));
    }
    if (status / 100 != 2) {
      throw new SaasException(
          SaasException.Kind.OTHER, status, where + ": HTTP " + status + snippet(text));
    }
    try {
      JsonNode json = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
      return new Answer(status, response.headers(), json);
    } catch (IOException e) {
      throw new SaasException(
          SaasException.Kind.MALFORMED,
          status,
          where + ": not JSON (" + oneLine(e.getMessage(), 100) + ")");
    }
  }

  /**
   * GitHub signals its rate limits with 403 and {@code x-ratelimit-remaining: 0} (primary) or a
   * {@code Retry-After} (secondary): a wait, not a refusal.
   */
  private static boolean rateLimited(Response r) {
    return r.code() == 403
        && ("0".equals(r.header("x-ratelimit-remaining")) || r.header("Retry-After") != null);
  }

  /** The wait a 429 asks for, by the vendor's headers, else the backoff; at most maxWait. */
  Duration retryAfter(Headers h, int attempt) {
    Duration asked = null;
    String ms = h.get("retry-after-ms");
    String after = h.get("Retry-After");
    String remaining = h.get("x-ratelimit-remaining");
    String reset = h.get("x-ratelimit-reset");
    String anthropic = h.get("anthropic-ratelimit-requests-reset");
    try {
      if (ms != null) {
        asked = Duration.ofMillis(Long.parseLong(ms.trim()));
      } else if (after != null) {
        String a = after.trim();
        asked =
            a.chars().allMatch(Character::isDigit)
                ? Duration.ofSeconds(Long.parseLong(a))
                : Duration.between(
                    clock.instant(),
                    ZonedDateTime.parse(a, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } else if ("0".equals(remaining) && reset != null) {
        asked =
            Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
      } else if (anthropic != null) {
        asked =
            Duration.between(clock.instant(), OffsetDateTime.parse(anthropic.trim()).toInstant());
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      asked = null;
    }
    if (asked == null || asked.isNegative()) {
      return backoff(attempt);
    }
    return asked.compareTo(maxWait) > 0 ? maxWait : asked;
  }

  private static Duration backoff(int attempt) {
    return BASE_BACKOFF.multipliedBy(1L << Math.min(attempt, 6));
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(Math.max(0, wait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SaasException(SaasException.Kind.OTHER, 0, "interrupted");
    }
  }

  private static String snippet(String body) {
    String s = oneLine(body, 160);
    return s.isEmpty() ? "" : ": " + s;
  }

  static String oneLine(String s, int max) {
    if (s == null) {
      return "";
    }
    String line = s.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
