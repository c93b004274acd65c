package dev.aiscan.connectors.support;

import dev.aiscan.core.spi.CollectContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One walk of a source tree read by several connectors at once: each reads every entry, in the
 * walk's order, at its own pace, and the tree is listed only once.
 *
 * <p>Whichever reader is ahead advances the walk, one reader at a time and without holding the
 * lock, so that the others go on reading what is kept meanwhile. Entries are kept until the slowest
 * reader has passed them, and a reader may run at most {@link #AHEAD} entries ahead of the slowest;
 * then it waits until that one has caught up half the distance. Memory therefore stays bounded
 * whatever the size of the tree. A reader that has not started yet counts as the slowest, at the
 * start; a reader that has finished ({@link #finished}) no longer holds anything back, so a
 * connector that never reads the walk delays the others by at most {@code AHEAD} entries, until it
 * finishes.
 */
final class SharedWalk implements CollectContext.Shared {
  /** The most entries a reader may be ahead of the slowest (a few megabytes of entries). */
  static final int AHEAD = 1 << 15;

  private final Iterator<TreeWalker.Entry> walk;
  private final TreeWalker.Entry[] ring;
  private final int mask;
  private final int resumeAt;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Index (in walk order) of the oldest entry kept. */
  private long base;

  /** Entries kept, from {@code base}. */
  private int size;

  /** A reader is advancing the walk. */
  private boolean walking;

  private boolean walked;

  /** For every reader not finished: the index of the next entry it reads. */
  private final Map<String, Long> positions = new HashMap<>();

  private final Set<String> opened = new HashSet<>();
  private int waiting;

  SharedWalk(Iterator<TreeWalker.Entry> walk, Collection<String> readers) {
    this(walk, readers, AHEAD);
  }

  SharedWalk(Iterator<TreeWalker.Entry> walk, Collection<String> readers, int ahead) {
    if (Integer.bitCount(ahead) != 1 || ahead < 2) {
      throw new IllegalArgumentException("ahead must be a power of two: " + ahead);
    }
    this.walk = walk;
    this.ring = new TreeWalker.Entry[ahead];
    this.mask = ahead - 1;
    this.resumeAt = ahead / 2;
    readers.forEach(r -> positions.put(r, 0L));
  }

  /**
   * The walk for one reader, from its first entry; empty when that is no longer possible (the
   * reader is unknown, finished, or opened the walk before), so the caller walks on its own.
   */
  Optional<Iterator<TreeWalker.Entry>> open(String reader) {
    lock.lock();
    try {
      if (!positions.containsKey(reader) || !opened.add(reader) || base > 0) {
        return Optional.empty();
      }
      return Optional.of(new Reader(reader));
    } finally {
      lock.unlock();
    }
  }

  /** Entries kept for readers behind (for tests). */
  int kept() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void finished(String reader) {
    lock.lock();
    try {
      if (positions.remove(reader) != null) {
        trim();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Is there an entry at {@code index}? Advances the walk when this reader is ahead. Locked. */
  private boolean has(long index) {
    while (index >= base + size && !walked) {
      if (walking || size == ring.length) {
        await();
        continue;
      }
      walking = true;
      TreeWalker.Entry entry = null;
      boolean stepped = false;
      lock.unlock();
      try {
        // listing a directory takes a while: the other readers read what is kept meanwhile
        entry = walk.hasNext() ? walk.next() : null;
        stepped = true;
      } finally {
        lock.lock();
        walking = false;
        if (entry != null) {
          ring[(int) ((base + size) & mask)] = entry;
          size++;
        } else if (stepped) {
          walked = true;
        }
        if (waiting > 0) {
          changed.signalAll();
        }
      }
    }
    return index < base + size;
  }

  private void await() {
    waiting++;
    try {
      changed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while walking the tree", e);
    } finally {
      waiting--;
    }
  }

  /** Drops the entries every reader has passed; wakes a waiting reader once there is room. */
  private void trim() {
    long slowest = base + size;
    for (long p : positions.values()) {
      slowest = Math.min(slowest, p);
    }
    while (base < slowest) {
      ring[(int) (base & mask)] = null;
      base++;
      size--;
    }
    if (waiting > 0 && size <= resumeAt) {
      changed.signalAll();
    }
  }

  private final class Reader implements Iterator<TreeWalker.Entry> {
    private final String name;
    private long next;

    Reader(String name) {
      this.name = name;
    }

    @Override
    public boolean hasNext() {
      lock.lock();
      try {
        return has(next);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public TreeWalker.Entry next() {
      lock.lock();
      try {
        if (!has(next)) {
          throw new NoSuchElementException();
        }
        TreeWalker.Entry entry = ring[(int) (next & mask)];
        boolean wasSlowest = next == base;
        next++;
        if (positions.replace(name, next) != null && wasSlowest) {
          trim();
        }
        return entry;
      } finally {
        lock.unlock();
      }
    }
  }
}
