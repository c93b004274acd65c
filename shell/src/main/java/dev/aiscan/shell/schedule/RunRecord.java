package dev.aiscan.shell.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the run history {@code aiscan schedule} keeps: a scheduled scan, when it ran and how
 * it ended. Stored as JSON Lines, one record per run.
 *
 * @param schedule the schedule's name
 * @param started when the run started (ISO-8601)
 * @param finished when it ended (ISO-8601)
 * @param status {@code ok}, {@code fail-on} (the file's {@code fail-on} condition was met) or
 *     {@code failed} (no scan: bad configuration, credentials refused, ...)
 * @param scanId the scan's id, null when it failed
 * @param findings findings found
 * @param assets AI assets found
 * @param shadow shadow AI assets
 * @param newShadow shadow AI assets the previous scan did not see
 * @param warnings warnings in the report
 * @param message why it failed or met {@code fail-on}; the notification warnings; or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
    String schedule,
    String started,
    String finished,
    String status,
    String scanId,
    long findings,
    long assets,
    long shadow,
    long newShadow,
    long warnings,
    String message) {

  /** A run that produced no scan. */
  public static RunRecord failed(String schedule, String started, String finished, String why) {
    return new RunRecord(schedule, started, finished, "failed", null, 0, 0, 0, 0, 0, why);
  }
}
