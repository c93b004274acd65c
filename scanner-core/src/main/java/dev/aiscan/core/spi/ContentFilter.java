package dev.aiscan.core.spi;

/**
 * A cheap test of raw file content: can anything in these bytes matter to the detector? Connectors
 * ask it before parsing a file, so that the many files that name no AI at all cost one pass over
 * their bytes and no parse. It answers for content only; facts about a file's name or presence do
 * not depend on it.
 *
 * <p>Must be sound: when it answers false, no fact extracted from the content could match any rule.
 * False positives only cost time.
 */
@FunctionalInterface
public interface ContentFilter {
  /** Lets everything through. */
  ContentFilter ALL = (bytes, offset, length) -> true;

  boolean mayMatch(byte[] bytes, int offset, int length);

  default boolean mayMatch(byte[] bytes) {
    return mayMatch(bytes, 0, bytes.length);
  }
}
