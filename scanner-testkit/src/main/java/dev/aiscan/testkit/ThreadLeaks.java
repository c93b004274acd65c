package dev.aiscan.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Threads a connector leaves behind after {@code collect}, for the fault tests of the HTTP
 * connectors: take {@link #now()} before, then {@link #assertNoneLeftSince} after.
 */
public final class ThreadLeaks {
  private ThreadLeaks() {}

  /** A WireMock server's own (Jetty) threads, started on demand to answer: the fake's, not ours. */
  public static final Predicate<Thread> WIREMOCK =
      t -> t.getName().startsWith("qtp") || t.getName().startsWith("Connector-Scheduler-");

  /**
   * The daemons of OkHttp's one shared client, from which every SaaS connector's client derives;
   * they idle out by themselves.
   */
  public static final Predicate<Thread> OKHTTP_SHARED =
      t ->
          t.isDaemon()
              && List.of(
                      "OkHttp TaskRunner",
                      "OkHttp ConnectionPool connection closer", // a TaskRunner thread, named for
                      // it
                      "Okio Watchdog")
                  .contains(t.getName());

  public static Set<Thread> now() {
    return Set.copyOf(Thread.getAllStackTraces().keySet());
  }

  /**
   * Fails when a thread started since {@code before} is still alive two seconds on, other than
   * those {@code expected} allows (with {@link #WIREMOCK} always allowed).
   */
  public static void assertNoneLeftSince(Set<Thread> before, Predicate<Thread> expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    List<Thread> left;
    while (true) {
      left =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !before.contains(t) && t.isAlive())
              .filter(WIREMOCK.or(expected).negate())
              .toList();
      if (left.isEmpty() || System.nanoTime() > deadline) {
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(left).extracting(Thread::getName).as("threads left after collect").isEmpty();
  }

  /**
   * A few requests to a fake HTTP server before the scan, so that its first answer (class loading,
   * warm-up) is not what a short timeout catches. Any answer will do, a 404 included.
   */
  public static void warmUp(String baseUrl) {
    for (int i = 0; i < 3; i++) {
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(baseUrl + "/warm-up").toURL().openConnection();
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
          if (in != null) {
            in.readAllBytes();
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
