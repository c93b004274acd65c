package dev.aiscan.shell.notify;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces new shadow AI: posts a {@link ShadowAlert} to a Slack or Teams webhook and appends it
 * to a JSON Lines file. A notification that fails is a warning, never an error: the scan it reports
 * on stands.
 *
 * <pre>{@code
 * List<String> warnings = Notifier.create().send(ShadowAlert.of(result), settings);
 * warnings.forEach(System.err::println);
 * }</pre>
 *
 * <p>A webhook gets one retry, after {@code Retry-After} (when it asks for at most 10 s) or a short
 * back-off, on 429, 5xx or a failed connection. Warnings name a webhook by scheme and host only:
 * its path is the secret that lets anyone post.
 */
public final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  private static final MediaType JSON = MediaType.get("application/json");

  /** The longest {@code Retry-After} worth waiting for after a scan: longer ones are warnings. */
  static final int MAX_RETRY_AFTER_SECONDS = 10;

  static final Duration BACKOFF = Duration.ofMillis(500);

  private final OkHttpClient http;
  private final Clock clock;

  /**
   * @param http the client to post with; each request is further limited to the settings' timeout
   * @param clock reads {@code Retry-After} given as a date
   */
  public Notifier(OkHttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** A notifier on its own client, with {@link NotificationSettings#DEFAULT_TIMEOUT} timeouts. */
  public static Notifier create() {
    long ms = NotificationSettings.DEFAULT_TIMEOUT.toMillis();
    return new Notifier(
        new OkHttpClient.Builder()
            .connectTimeout(ms, TimeUnit.MILLISECONDS)
            .readTimeout(ms, TimeUnit.MILLISECONDS)
            .writeTimeout(ms, TimeUnit.MILLISECONDS)
            .build(),
        Clock.systemUTC());
  }

  /**
   * Sends the alert where the settings say; nothing when it is empty or nothing is configured.
   *
   * @return one line per failure (a webhook that did not accept the alert, a file that could not be
   *     written), empty when every configured destination got it
   */
  public List<String> send(ShadowAlert alert, NotificationSettings settings) {
    if (alert.isEmpty() || !settings.enabled()) {
      return List.of();
    }
    List<String> warnings = new ArrayList<>();
    if (settings.webhookUrl() != null) {
      String body =
          AlertPayloads.write(
              settings.format() == WebhookFormat.TEAMS
                  ? AlertPayloads.teams(alert)
                  : AlertPayloads.slack(alert));
      post(settings, body).ifPresent(warnings::add);
    }
    if (settings.file() != null) {
      append(settings.file(), AlertPayloads.write(AlertPayloads.line(alert)))
          .ifPresent(warnings::add);
    }
    return List.copyOf(warnings);
  }

  /** Posts with one retry; a warning when the webhook did not take it. */
  private Optional<String> post(NotificationSettings settings, String body) {
    String where = "notification webhook " + NotificationSettings.redact(settings.webhookUrl());
    HttpUrl url = HttpUrl.parse(settings.webhookUrl());
    if (url == null) {
      return Optional.of(where + ": not an http or https URL");
    }
    OkHttpClient client =
        http.newBuilder().callTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).build();
    Request request =
        new Request.Builder()
            .url(url)
            .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON))
            .build();
    Attempt first = attempt(client, request, settings, url);
    if (first.failure() == null) {
      return Optional.empty();
    }
    String failure = first.failure();
    if (first.retry()) {
      LOG.debug("{}: {}; retrying in {} ms", where, failure, first.delay().toMillis());
      if (!sleep(first.delay())) {
        failure += " (interrupted before the retry)";
      } else {
        Attempt second = attempt(client, request, settings, url);
        if (second.failure() == null) {
          return Optional.empty();
        }
        failure = second.failure() + " (after a retry)";
      }
    }
    LOG.warn("{}: {}", where, failure);
    return Optional.of(where + ": " + failure);
  }

  /**
   * How one request went.
   *
   * @param failure why it failed, or null when the webhook took the alert
   * @param retry whether trying again may help
   * @param delay how long to wait before trying again
   */
  private record Attempt(String failure, boolean retry, Duration delay) {}

  private Attempt attempt(
      OkHttpClient client, Request request, NotificationSettings settings, HttpUrl url) {
    try (Response response = client.newCall(request).execute()) {
      int code = response.code();
      if (response.isSuccessful()) {
        LOG.info(
            "New shadow AI announced to {} (HTTP {})",
            NotificationSettings.redact(settings.webhookUrl()),
            code);
        return new Attempt(null, false, Duration.ZERO);
      }
      String failure = "HTTP " + code + detail(response, settings.webhookUrl(), url);
      if (code != 429 && code < 500) {
        return new Attempt(failure, false, Duration.ZERO);
      }
      Duration asked = retryAfter(response.header("Retry-After"));
      if (asked == null) {
        return new Attempt(failure, true, BACKOFF);
      }
      if (asked.getSeconds() > MAX_RETRY_AFTER_SECONDS) {
        // Retrying sooner than asked would only be refused again.
        return new Attempt(
            failure + ", Retry-After " + asked.getSeconds() + " s is too long to wait",
            false,
            Duration.ZERO);
      }
      return new Attempt(failure, true, asked);
    } catch (InterruptedIOException e) {
      return new Attempt(
          "no answer within " + settings.timeout().toMillis() + " ms", true, BACKOFF);
    } catch (IOException e) {
      String why =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      return new Attempt(scrub(why, settings.webhookUrl(), url), true, BACKOFF);
    }
  }

  /** Appends one JSON line, creating the directories; a warning naming the file when it cannot. */
  private static Optional<String> append(Path file, String line) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
      LOG.info("New shadow AI appended to {}", file);
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      String why =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      LOG.warn("notification file {}: cannot write it ({})", file, why);
      return Optional.of("notification file " + file + ": cannot write it (" + why + ")");
    }
  }

  /**
   * The wait a {@code Retry-After} asks for, in seconds or as an HTTP date; null when absent or
   * unreadable.
   */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim();
    try {
      Duration d =
          h.chars().allMatch(Character::isDigit)
              ? Duration.ofSeconds(Long.parseLong(h))
              : Duration.between(
                  clock.instant(),
                  ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /** A short, one-line excerpt of the response body: Slack says why in it ({@code no_service}). */
  private static String detail(Response response, String secretUrl, HttpUrl url) {
    String text;
    try {
      text = response.body().string();
    } catch (IOException e) {
      text = "";
    }
    text = scrub(text, secretUrl, url).replaceAll("\\s+", " ").strip();
    if (text.length() > 120) {
      text = text.substring(0, 119) + "…";
    }
    return text.isEmpty() ? "" : " (" + text + ")";
  }

  /** Removes the webhook's URL and path from a message in case the other side echoes them. */
  private static String scrub(String message, String secretUrl, HttpUrl url) {
    String s = message.replace(secretUrl, NotificationSettings.redact(secretUrl));
    String path = url.encodedPath();
    if (path.length() > 1) {
      s = s.replace(path, "/…");
    }
    String query = url.encodedQuery();
    if (query != null && !query.isEmpty()) {
      s = s.replace(query, "…");
    }
    return s;
  }

  private static boolean sleep(Duration wait) {
    try {
      Thread.sleep(Math.max(0, wait.toMillis()));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
