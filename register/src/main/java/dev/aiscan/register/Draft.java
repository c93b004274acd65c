package dev.aiscan.register;

import dev.aiscan.core.register.RegisterEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry as written, before the checks all formats share ({@link Entries}). Values keep their
 * text ({@code TODO} included) and line; the format readers have already reported shape problems (a
 * list where a string belongs, ...) and left such values out.
 */
final class Draft {
  /** A written value and its line. */
  record Val(String text, int line) {
    boolean todo() {
      return Names.TODO.equals(text);
    }
  }

  final int line;
  final int ordinal;

  /** How selector fields are named in messages: {@code "selectors."} in YAML/JSON, "" in CSV. */
  final String selectorPrefix;

  Val id;
  Val name;

  /** The id or name field was given but unusable (already reported): do not call it missing. */
  boolean idUnusable;

  boolean nameUnusable;
  Val purpose;
  Val owner;
  Val businessUnit;
  Val lifecycle;
  Val riskLevel;
  Val impactOnIndividuals;
  Val humanOversight;
  Val supplier;
  Val reviewDate;
  RegisterEntry.PersonalData personalData = RegisterEntry.PersonalData.UNKNOWN;
  final List<Val> models = new ArrayList<>();
  final List<Val> dataSources = new ArrayList<>();

  /** Selector kind (canonical name, tags excepted) to its values, TODO left out. */
  final Map<String, List<Val>> selectors = new LinkedHashMap<>();

  final Map<String, String> tags = new LinkedHashMap<>();

  Draft(int line, int ordinal, String selectorPrefix) {
    this.line = line;
    this.ordinal = ordinal;
    this.selectorPrefix = selectorPrefix;
  }

  /** {@code entry 'id'}, or {@code entry #3} (1-based, in file order) when it has no id. */
  String label() {
    return id == null ? "entry #" + ordinal : "entry '" + Names.show(id.text()) + "'";
  }

  List<Val> selector(String kind) {
    return selectors.computeIfAbsent(kind, k -> new ArrayList<>());
  }
}
