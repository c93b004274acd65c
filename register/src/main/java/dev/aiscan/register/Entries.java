package dev.aiscan.register;

import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.RegisterEntry.Lifecycle;
import dev.aiscan.core.register.RegisterEntry.RiskLevel;
import dev.aiscan.core.register.Selectors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks every format shares, and the model entries: required and unique ids, names, enums,
 * dates, known providers, entries that select nothing. {@code TODO} means "not known yet": null in
 * the model, and no problem.
 */
final class Entries {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final String file;
  private final Set<String> knownProviders;
  private final Problems problems;
  private final Map<String, Integer> idLines = new HashMap<>();
  private final List<RegisterEntry> entries = new ArrayList<>();

  Entries(String file, Set<String> knownProviders, Problems problems) {
    this.file = file;
    this.knownProviders = new TreeSet<>(knownProviders);
    this.problems = problems;
  }

  List<RegisterEntry> entries() {
    return List.copyOf(entries);
  }

  void add(Draft d) {
    String label = d.label();
    String id = null;
    if (d.id == null) {
      if (!d.idUnusable) {
        problems.add(d.line, label + ": missing 'id'");
      }
    } else {
      id = d.id.text();
      if (!ID.matcher(id).matches()) {
        problems.add(
            d.id.line(),
            label
                + ": id must match ^[a-z0-9][a-z0-9._-]*$ (lowercase letters, digits, '.', '_',"
                + " '-')");
      }
      Integer first = idLines.putIfAbsent(id, d.id.line());
      if (first != null) {
        problems.add(d.id.line(), label + ": duplicate id (first at line " + first + ")");
      }
    }
    if (d.name == null && !d.nameUnusable) {
      problems.add(d.line, label + ": missing 'name'");
    }
    Lifecycle lifecycle =
        choice(d.lifecycle, Lifecycle.values(), Lifecycle::wireName, "lifecycle", label);
    RiskLevel riskLevel =
        choice(d.riskLevel, RiskLevel.values(), RiskLevel::wireName, "riskLevel", label);
    LocalDate reviewDate = date(d.reviewDate, label);
    if (!knownProviders.isEmpty()) {
      for (Draft.Val provider : d.selector("providers")) {
        if (!knownProviders.contains(provider.text())) {
          problems.add(
              provider.line(),
              label
                  + ": unknown provider '"
                  + Names.show(provider.text())
                  + "' in "
                  + d.selectorPrefix
                  + "providers"
                  + Names.didYouMean(provider.text(), knownProviders));
        }
      }
    }
    Set<String> models = new LinkedHashSet<>(texts(d.models));
    models.addAll(texts(d.selector("models")));
    Selectors selectors =
        new Selectors(
            texts(d.selector("repositories")),
            texts(d.selector("paths")),
            texts(d.selector("packages")),
            texts(d.selector("cloudAccounts")),
            texts(d.selector("cloudResources")),
            d.tags,
            texts(d.selector("saasTenants")),
            texts(d.selector("saasApps")),
            texts(d.selector("apiKeys")),
            texts(d.selector("providers")),
            List.copyOf(models));
    if (selectors.isEmpty()) {
      problems.add(
          d.line, label + " selects nothing: add selectors (repositories, providers, ...)");
    }
    if (id == null) {
      return;
    }
    entries.add(
        new RegisterEntry(
            id,
            known(d.name),
            known(d.purpose),
            known(d.owner),
            known(d.businessUnit),
            lifecycle,
            riskLevel,
            known(d.impactOnIndividuals),
            d.personalData,
            known(d.humanOversight),
            known(d.supplier),
            texts(d.models),
            texts(d.dataSources),
            reviewDate,
            selectors,
            new RegisterEntry.Origin(file, d.line)));
  }

  /** The value's text, or null when absent or {@code TODO}. */
  private static String known(Draft.Val v) {
    return v == null || v.todo() ? null : v.text();
  }

  private static List<String> texts(List<Draft.Val> values) {
    return values.stream().map(Draft.Val::text).toList();
  }

  private <E extends Enum<E>> E choice(
      Draft.Val v,
      E[] values,
      java.util.function.Function<E, String> wire,
      String field,
      String label) {
    String text = known(v);
    if (text == null) {
      return null;
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (E e : values) {
      if (wire.apply(e).equals(wanted)) {
        return e;
      }
    }
    problems.add(
        v.line(),
        label
            + ": "
            + field
            + " '"
            + Names.show(text)
            + "' must be one of "
            + Arrays.stream(values).map(wire).collect(Collectors.joining(", "))
            + " (or TODO)");
    return null;
  }

  private LocalDate date(Draft.Val v, String label) {
    String text = known(v);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(
          v.line(),
          label + ": reviewDate '" + Names.show(text) + "' is not an ISO date (YYYY-MM-DD)");
      return null;
    }
  }
}
