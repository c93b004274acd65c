package dev.aiscan.register;

import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.register.Tree.Field;
import dev.aiscan.register.Tree.Kind;
import dev.aiscan.register.Tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a register from a YAML or JSON tree: the document's shape (mappings, lists, strings, known
 * fields) here, the checks all formats share in {@link Entries}.
 */
final class TreeRegister {
  private final Problems problems;
  private final Entries entries;

  TreeRegister(Problems problems, Entries entries) {
    this.problems = problems;
    this.entries = entries;
  }

  void read(Node root) {
    if (root == null || root.isNull()) {
      problems.add(1, "empty register: expected 'version: 1' and an 'entries' list");
      return;
    }
    if (root.kind() != Kind.MAP) {
      problems.add(root.line(), "register must be a mapping with 'version' and 'entries'");
      return;
    }
    Node list = null;
    for (Field f : known(root, Names.ROOT, "", "")) {
      Node v = f.value();
      switch (f.name()) {
        case "version" -> {
          if (v.kind() != Kind.SCALAR || !"1".equals(v.text())) {
            String shown = v.kind() == Kind.SCALAR && v.text() != null ? v.text() : "";
            problems.add(v.line(), "unsupported version '" + Names.show(shown) + "': expected 1");
          }
        }
        case "entries" -> list = v;
        default -> throw new IllegalStateException(f.name());
      }
    }
    if (list == null) {
      problems.add(root.line(), "missing 'entries' list");
    } else if (list.kind() == Kind.SEQ) {
      int ordinal = 0;
      for (Node item : list.items()) {
        entry(item, ++ordinal);
      }
    } else if (!list.isNull()) {
      problems.add(list.line(), "'entries' must be a list");
    }
  }

  private void entry(Node node, int ordinal) {
    if (node.kind() != Kind.MAP) {
      problems.add(node.line(), "entry #" + ordinal + " must be a mapping of fields");
      return;
    }
    Draft d = new Draft(node.line(), ordinal, "selectors.");
    for (Field f : node.fields()) {
      if ("id".equals(f.name())) {
        Node v = f.value();
        if (v.string() && !v.text().isBlank()) {
          d.id = new Draft.Val(v.text().strip(), v.line());
        }
        break;
      }
    }
    String label = d.label();
    for (Field f : known(node, Names.ENTRY, label + ": ", "")) {
      Node v = f.value();
      String as = f.name();
      switch (Names.canonical(as, Names.ENTRY)) {
        case "id" -> {
          if (d.id == null && !v.isNull() && !(v.string() && v.text().isBlank())) {
            d.idUnusable = true;
            problems.add(v.line(), label + ": " + as + " must be a string");
          }
        }
        case "name" -> {
          d.name = text(v, label, as);
          d.nameUnusable = d.name == null && !v.isNull() && !v.string();
        }
        case "purpose" -> d.purpose = text(v, label, as);
        case "owner" -> d.owner = text(v, label, as);
        case "businessUnit" -> d.businessUnit = text(v, label, as);
        case "lifecycle" -> d.lifecycle = text(v, label, as);
        case "riskLevel" -> d.riskLevel = text(v, label, as);
        case "impactOnIndividuals" -> d.impactOnIndividuals = text(v, label, as);
        case "humanOversight" -> d.humanOversight = text(v, label, as);
        case "supplier" -> d.supplier = text(v, label, as);
        case "reviewDate" -> d.reviewDate = text(v, label, as);
        case "models" -> d.models.addAll(strings(v, label, as));
        case "dataSources" -> d.dataSources.addAll(strings(v, label, as));
        case "personalData" -> d.personalData = personalData(v, label, as);
        case "selectors" -> selectors(v, d, label, as);
        case "suggestedRisk", "owners" -> {
          // notes for the compliance lead, written by seeding
        }
        default -> throw new IllegalStateException(as);
      }
    }
    entries.add(d);
  }

  private void selectors(Node node, Draft d, String label, String as) {
    if (node.isNull() || isTodo(node)) {
      return;
    }
    if (node.kind() != Kind.MAP) {
      problems.add(node.line(), label + ": " + as + " must be a mapping");
      return;
    }
    for (Field f : known(node, Names.SELECTORS, label + ": ", " in " + as)) {
      String kind = Names.canonical(f.name(), Names.SELECTORS);
      String field = as + "." + f.name();
      if (kind.equals("tags")) {
        tags(f.value(), d, label, field);
      } else {
        d.selector(kind).addAll(strings(f.value(), label, field));
      }
    }
  }

  private void tags(Node node, Draft d, String label, String field) {
    if (node.isNull() || isTodo(node)) {
      return;
    }
    if (node.kind() != Kind.MAP) {
      problems.add(
          node.line(), label + ": " + field + " must be a mapping of strings (key: value)");
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (Field f : node.fields()) {
      Node v = f.value();
      if (f.name() == null || f.name().isBlank()) {
        problems.add(f.line(), label + ": " + field + " keys must be non-empty strings");
      } else if (seen.putIfAbsent(f.name(), f.line()) != null) {
        problems.add(
            f.line(),
            label
                + ": duplicate tag '"
                + Names.show(f.name())
                + "' in "
                + field
                + " (first at line "
                + seen.get(f.name())
                + ")");
      } else if (!v.string()) {
        problems.add(
            v.line(), label + ": " + field + "." + Names.show(f.name()) + " must be a string");
      } else if (!isTodo(v)) {
        d.tags.put(f.name(), v.text());
      }
    }
  }

  private RegisterEntry.PersonalData personalData(Node node, String label, String as) {
    String expected = " must be true, false or {processed: true|false, categories: [...]}";
    if (node.isNull() || isTodo(node)) {
      return RegisterEntry.PersonalData.UNKNOWN;
    }
    if (node.kind() == Kind.SCALAR) {
      Boolean processed = Names.bool(node.text());
      if (processed == null) {
        problems.add(node.line(), label + ": " + as + expected);
        return RegisterEntry.PersonalData.UNKNOWN;
      }
      return new RegisterEntry.PersonalData(processed, List.of());
    }
    if (node.kind() != Kind.MAP) {
      problems.add(node.line(), label + ": " + as + expected);
      return RegisterEntry.PersonalData.UNKNOWN;
    }
    Boolean processed = null;
    List<String> categories = new ArrayList<>();
    for (Field f : known(node, Names.PERSONAL_DATA, label + ": ", " in " + as)) {
      Node v = f.value();
      String field = as + "." + f.name();
      if (f.name().equals("processed")) {
        if (v.isNull() || isTodo(v)) {
          continue;
        }
        processed = v.kind() == Kind.SCALAR ? Names.bool(v.text()) : null;
        if (processed == null) {
          problems.add(v.line(), label + ": " + field + " must be true or false");
        }
      } else {
        strings(v, label, field).forEach(c -> categories.add(c.text()));
      }
    }
    return new RegisterEntry.PersonalData(processed, categories);
  }

  /**
   * The fields of {@code node} that have a known name, each once; unknown, repeated and non-string
   * field names are reported.
   */
  private List<Field> known(Node node, List<String> names, String prefix, String where) {
    List<Field> known = new ArrayList<>();
    Map<String, Field> seen = new HashMap<>();
    for (Field f : node.fields()) {
      if (f.name() == null) {
        problems.add(f.line(), prefix + "field names must be strings" + where);
        continue;
      }
      String canonical = Names.canonical(f.name(), names);
      if (canonical == null) {
        problems.add(
            f.line(),
            prefix
                + "unknown field '"
                + Names.show(f.name())
                + "'"
                + where
                + Names.didYouMean(f.name(), Names.spellings(names)));
        continue;
      }
      Field first = seen.putIfAbsent(canonical, f);
      if (first != null) {
        String same = first.name().equals(f.name()) ? "first" : "same as '" + first.name() + "'";
        problems.add(
            f.line(),
            prefix
                + "duplicate field '"
                + f.name()
                + "'"
                + where
                + " ("
                + same
                + " at line "
                + first.line()
                + ")");
        continue;
      }
      known.add(f);
    }
    return known;
  }

  /** A free-text or enum value: null when absent, empty or not a string (reported). */
  private Draft.Val text(Node v, String label, String field) {
    if (v.isNull()) {
      return null;
    }
    if (!v.string()) {
      problems.add(v.line(), label + ": " + field + " must be a string");
      return null;
    }
    if (v.text().isBlank()) {
      return null;
    }
    return new Draft.Val(v.text().strip(), v.line());
  }

  /** A list of strings (one string is a list of one), TODO left out; bad items reported. */
  private List<Draft.Val> strings(Node v, String label, String field) {
    List<Draft.Val> values = new ArrayList<>();
    if (v.isNull() || isTodo(v)) {
      return values;
    }
    if (v.kind() == Kind.SCALAR) {
      if (!v.string() || v.text().isBlank()) {
        problems.add(v.line(), label + ": " + field + " must be a list of non-empty strings");
      } else {
        values.add(new Draft.Val(v.text().strip(), v.line()));
      }
      return values;
    }
    if (v.kind() == Kind.MAP) {
      problems.add(v.line(), label + ": " + field + " must be a list of strings");
      return values;
    }
    int index = 0;
    for (Node item : v.items()) {
      if (!item.string() || item.text().isBlank()) {
        problems.add(
            item.line(), label + ": " + field + "[" + index + "] must be a non-empty string");
      } else if (!isTodo(item)) {
        values.add(new Draft.Val(item.text().strip(), item.line()));
      }
      index++;
    }
    return values;
  }

  private static boolean isTodo(Node v) {
    return v.string() && Names.TODO.equals(v.text().strip());
  }
}
