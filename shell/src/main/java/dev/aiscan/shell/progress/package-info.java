/**
 * Scan progress on stderr: a live block of lines redrawn in place on a terminal, plain periodic
 * lines otherwise (CI logs, cron mail), nothing with {@code --quiet} or {@code --json}. Entry
 * points: {@link dev.aiscan.shell.progress.ProgressReporter} and {@link
 * dev.aiscan.shell.progress.Terminals}.
 */
package dev.aiscan.shell.progress;
