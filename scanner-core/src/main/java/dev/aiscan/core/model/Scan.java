package dev.aiscan.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One run of aiscan.
 *
 * @param id unique scan id
 * @param started when it started
 * @param finished when it finished
 * @param targets what it scanned
 * @param aiscanVersion the version of aiscan that ran it
 */
public record Scan(
    String id, Instant started, Instant finished, List<Target> targets, String aiscanVersion) {
  public Scan {
    targets = List.copyOf(targets);
  }
}
