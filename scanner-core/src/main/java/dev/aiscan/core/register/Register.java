package dev.aiscan.core.register;

import java.util.List;
import java.util.Optional;

/**
 * The organisation's AI register: its entries, in file order.
 *
 * @param source the file it was read from, or null
 * @param entries the entries
 */
public record Register(String source, List<RegisterEntry> entries) {
  /** No register given: every asset is shadow. */
  public static final Register NONE = new Register(null, List.of());

  public Register {
    entries = List.copyOf(entries);
  }

  public boolean given() {
    return source != null;
  }

  public Optional<RegisterEntry> entry(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
