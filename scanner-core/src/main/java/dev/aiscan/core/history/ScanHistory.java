package dev.aiscan.core.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Past scans, newest first: kept in the graph, or without a graph in the output directory. Used to
 * tell what is new since the last scan, to mark register entries stale, and by {@code aiscan diff}.
 */
public interface ScanHistory {
  /** No history: every asset is new, no entry has been unmatched before. */
  ScanHistory NONE =
      new ScanHistory() {
        @Override
        public List<ScanSnapshot> before(Instant started, Collection<String> targetIds, int limit) {
          return List.of();
        }

        @Override
        public Optional<ScanSnapshot> find(String scanId) {
          return Optional.empty();
        }

        @Override
        public List<ScanSnapshot> latest(int limit) {
          return List.of();
        }
      };

  /**
   * The complete scans that started before {@code started} and scanned all of {@code targetIds},
   * newest first, at most {@code limit}.
   */
  List<ScanSnapshot> before(Instant started, Collection<String> targetIds, int limit);

  /** One scan by id. */
  Optional<ScanSnapshot> find(String scanId);

  /** The latest complete scans, newest first, at most {@code limit}. */
  List<ScanSnapshot> latest(int limit);
}
