package dev.aiscan.core.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One scan's worker threads, and the watchdog that gives up on an item that runs past its time
 * bound (a parser in a loop, an {@code open} blocked on a FIFO swapped in for a file).
 *
 * <p>Java cannot stop a thread safely, so an overdue item is not stopped: its thread is interrupted
 * (which ends a blocking read) and left to finish or hang on its own, and the pool gets a new
 * thread in its place. The rest of the item's batch goes on on that thread. All threads are
 * daemons: one stuck for good never keeps the process alive.
 */
public final class Workers implements AutoCloseable {
  private static final long MIN_TICK = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MAX_TICK = TimeUnit.SECONDS.toNanos(1);

  private final ThreadPoolExecutor pool;
  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final AtomicInteger abandoned = new AtomicInteger();
  private volatile long tickNanos = MAX_TICK;
  private Thread watchdog;
  private volatile boolean closed;

  /** What the watchdog looks after: a batch of items, each with a time bound. */
  interface Watched extends Runnable {
    /**
     * Gives up on the item running now if it is past its bound, and says so.
     *
     * @return true if the item was given up; the caller then hands the batch to another thread
     */
    boolean abandonIfOverdue(long nowNanos);
  }

  public Workers(int parallelism) {
    this.pool =
        new ThreadPoolExecutor(
            parallelism,
            parallelism,
            0L,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            daemons("aiscan-worker-"));
  }

  void execute(Runnable task) {
    pool.execute(task);
  }

  /**
   * Watches {@code batch} until {@link #unwatch}, looking at least every tenth of {@code bound}.
   */
  void watch(Watched batch, Duration bound) {
    long tick = Math.max(MIN_TICK, Math.min(MAX_TICK, bound.toNanos() / 10));
    synchronized (this) {
      if (tick < tickNanos) {
        tickNanos = tick;
      }
      if (watchdog == null && !closed) {
        watchdog = daemons("aiscan-watchdog").newThread(this::patrol);
        watchdog.start();
      }
    }
    watched.add(batch);
    if (watchdog != null) {
      LockSupport.unpark(watchdog); // a shorter tick applies at once
    }
  }

  void unwatch(Watched batch) {
    watched.remove(batch);
  }

  /** How many items were given up in this scan. */
  public int abandoned() {
    return abandoned.get();
  }

  private void patrol() {
    while (!closed) {
      LockSupport.parkNanos(tickNanos);
      long now = System.nanoTime();
      for (Watched batch : watched) {
        boolean overdue;
        try {
          overdue = batch.abandonIfOverdue(now);
        } catch (RuntimeException e) {
          overdue = false; // (reporting failed before the item was given up)
        }
        if (overdue) {
          // given up: the batch must go on, or the forEach waiting for it waits for ever
          abandoned.incrementAndGet();
          replaceStuckThread();
          pool.execute(batch);
        }
      }
    }
  }

  /** One more thread, for the one left with the abandoned item. */
  private synchronized void replaceStuckThread() {
    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
    pool.setCorePoolSize(pool.getCorePoolSize() + 1);
  }

  @Override
  public void close() {
    closed = true;
    Thread w;
    synchronized (this) {
      w = watchdog;
    }
    if (w != null) {
      LockSupport.unpark(w);
    }
    pool.shutdownNow();
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
      t.setDaemon(true);
      return t;
    };
  }
}
