package dev.aiscan.core.spi;

import dev.aiscan.core.ScanException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Flat, immutable scan settings: {@code connectors.<id>.<option>} keys with string values, as the
 * shell assembles them from flags and the config file. Each connector parses its own namespace into
 * a typed settings record.
 */
public final class Settings {
  private static final Settings EMPTY = new Settings(Map.of());
  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  public static Settings empty() {
    return EMPTY;
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A comma-separated list; empty when unset. */
  public List<String> list(String key) {
    return get(key)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** A size such as {@code 5242880}, {@code 512k}, {@code 5m} or {@code 1g} (binary units). */
  public long bytes(String key, long defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    String v = raw.get().trim().toLowerCase(java.util.Locale.ROOT);
    long unit = 1;
    if (v.endsWith("b")) {
      v = v.substring(0, v.length() - 1);
    }
    if (v.endsWith("k")) {
      unit = 1L << 10;
    } else if (v.endsWith("m")) {
      unit = 1L << 20;
    } else if (v.endsWith("g")) {
      unit = 1L << 30;
    }
    if (unit != 1) {
      v = v.substring(0, v.length() - 1);
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n * unit;
    } catch (NumberFormatException e) {
      throw new ScanException(key + ": not a size: " + raw.get());
    }
  }

  /**
   * A whole number from {@code min} to {@code max} (a count of retries, of days).
   *
   * @throws ScanException naming the key and the range when the value is anything else
   */
  public int wholeNumber(String key, int defaultValue, int min, int max) {
    String raw = get(key).map(String::strip).orElse("");
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ScanException(key + ": not a number from " + min + " to " + max + ": " + raw);
  }

  /**
   * A positive number of seconds, fractions allowed ({@code 30}, {@code 0.5}): the {@code timeout}
   * of the SaaS connectors.
   *
   * @throws ScanException naming the key when the value is anything else
   */
  public Duration seconds(String key, Duration defaultValue) {
    String raw = get(key).map(String::strip).orElse("");
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      long millis = Math.round(Double.parseDouble(raw) * 1000);
      if (millis > 0) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ScanException(key + ": not a positive number of seconds: " + raw);
  }

  /**
   * A positive duration: {@code 30s}, {@code 500ms} or a number of seconds.
   *
   * @throws ScanException naming the key when the value is none of these
   */
  public Duration duration(String key, Duration defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    String v = raw.get().strip().toLowerCase(java.util.Locale.ROOT);
    try {
      Duration d;
      if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
      } else {
        d = Duration.ofSeconds(Long.parseLong(v.replaceAll("s$", "").strip()));
      }
      if (d.isNegative() || d.isZero()) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ScanException(key + ": not a duration (30s, 500ms): " + raw.get());
    }
  }

  public Settings with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new Settings(copy);
  }

  public Map<String, String> asMap() {
    return values;
  }
}
