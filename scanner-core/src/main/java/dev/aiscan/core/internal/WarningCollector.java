package dev.aiscan.core.internal;

import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.ScanListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe store of warnings: one line each, secrets masked, at most {@value #MAX_KEPT} kept.
 */
public final class WarningCollector {
  static final int MAX_KEPT = 10_000;
  private static final int MAX_MESSAGE = 300;
  private static final Logger log = LoggerFactory.getLogger(WarningCollector.class);

  private final Secrets secrets;
  private final ScanListener listener;
  private final ConcurrentLinkedQueue<Warning> kept = new ConcurrentLinkedQueue<>();
  private final AtomicLong count = new AtomicLong();

  public WarningCollector(Secrets secrets, ScanListener listener) {
    this.secrets = secrets;
    this.listener = listener;
  }

  public void add(String source, String message) {
    Warning w = new Warning(oneLine(secrets.mask(source)), oneLine(secrets.mask(message)));
    log.debug("{}: {}", w.source(), w.message());
    listener.warning(w);
    if (count.incrementAndGet() <= MAX_KEPT) {
      kept.add(w);
    }
  }

  public List<Warning> sorted() {
    List<Warning> list = new ArrayList<>(kept);
    list.sort(Comparator.comparing(Warning::source).thenComparing(Warning::message));
    return list;
  }

  public long dropped() {
    return Math.max(0, count.get() - MAX_KEPT);
  }

  static String oneLine(String s) {
    String flat = s == null ? "" : s.replaceAll("[\\r\\n\\t\\u0000-\\u001f]+", " ").strip();
    return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
