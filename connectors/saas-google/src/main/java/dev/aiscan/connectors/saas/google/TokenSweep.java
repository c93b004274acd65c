package dev.aiscan.connectors.saas.google;

import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.spi.CollectContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every user's {@code tokens.list} on a small bounded pool: a domain has thousands of users
 * and one call each, so one at a time takes too long and the engine's pool (all cores) would only
 * run into Google's quota.
 *
 * <p>One user's failure does not stop the others. Failures are reported once all are done: a few by
 * name, the rest counted, so a large domain does not drown the scan in warnings; and when every
 * user was refused (the token lacks {@code admin.directory.user.security}) it is one warning, and
 * the sweep gives up after the first round of refusals instead of asking for every user.
 */
final class TokenSweep {
  /** Failures named one by one; further ones are counted. */
  static final int MAX_NAMED_FAILURES = 10;

  private final GoogleWorkspaceApi api;
  private final TenantScan scan;
  private final CollectContext context;
  private final int parallelism;

  private final AtomicInteger read = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final List<Map.Entry<String, SaasException>> failures = new ArrayList<>();
  private int failed;
  private volatile boolean givenUp;

  TokenSweep(GoogleWorkspaceApi api, TenantScan scan, CollectContext context, int parallelism) {
    this.api = api;
    this.scan = scan;
    this.context = context;
    this.parallelism = parallelism;
  }

  /**
   * Reads the tokens of {@code users} (emails) into {@code apps}; returns whether every user was
   * read.
   */
  boolean run(List<String> users, GrantedApps apps) {
    if (users.isEmpty()) {
      return true;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallelism, users.size()),
            r -> {
              Thread t = new Thread(r, "google-workspace-tokens");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> pending = new ArrayList<>(users.size());
      for (String user : users) {
        pending.add(pool.submit(() -> readOne(user, apps)));
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scan.warn("tokens.list interrupted after " + read.get() + " of " + users.size() + " users");
      return false;
    } catch (ExecutionException e) {
      // readOne catches everything; an error (out of memory) is not to be hidden
      throw new IllegalStateException("tokens.list: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    report(users.size());
    return failed == 0;
  }

  private void readOne(String user, GrantedApps apps) {
    if (givenUp) {
      return;
    }
    try {
      apps.add(user, api.tokens(user));
      read.incrementAndGet();
      context.progress(1);
    } catch (SaasException e) {
      fail(user, e);
    } catch (RuntimeException e) {
      fail(user, new SaasException(SaasException.Kind.OTHER, 0, e.getClass().getSimpleName()));
    }
  }

  private synchronized void fail(String user, SaasException e) {
    failed++;
    if (failures.size() < MAX_NAMED_FAILURES) {
      failures.add(Map.entry(user, e));
    }
    if (e.kind() == SaasException.Kind.DENIED
        && refused.incrementAndGet() >= parallelism
        && read.get() == 0) {
      givenUp = true;
    }
  }

  private synchronized void report(int users) {
    if (failed == 0) {
      return;
    }
    if (read.get() == 0 && refused.get() == failed) {
      SaasException first = failures.get(0).getValue();
      report(
          "tokens.list",
          new SaasException(
              first.kind(),
              first.status(),
              "every user asked ("
                  + failed
                  + " of "
                  + users
                  + ") was refused, "
                  + failures.get(0).getKey()
                  + ": "
                  + first.getMessage()));
      return;
    }
    failures.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
    for (Map.Entry<String, SaasException> f : failures) {
      report("tokens.list of " + f.getKey(), f.getValue());
    }
    if (failed > failures.size()) {
      scan.warn(
          "tokens.list failed for "
              + (failed - failures.size())
              + " more users of "
              + users
              + "; their apps are missing");
    }
  }

  /** TenantScan words the warning (refused, timed out, ...) as for any call. */
  private void report(String call, SaasException e) {
    scan.call(
        call,
        GoogleWorkspaceApi.TOKENS_SCOPE,
        () -> {
          throw e;
        });
  }
}
