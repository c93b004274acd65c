package dev.aiscan.core.model;

import java.util.Locale;

/** How sure a rule is that its match means AI use. Ordered from least to most confident. */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Confidence fromWire(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
