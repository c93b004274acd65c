package dev.aiscan.rules.internal;

import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Package matchers keyed by ecosystem and normalised name (PEP 503 for PyPI). Go module names also
 * match on path prefixes, so {@code github.com/openai/openai-go} covers {@code .../openai-go/v3}.
 */
public final class PackageIndex {
  private record Glob(String ecosystem, String prefix, Pattern pattern, Binding binding) {}

  private final Map<String, List<Binding>> exact = new HashMap<>();
  private final SegmentMap<Binding> goModules = new SegmentMap<>("/");
  private final List<Glob> globs = new ArrayList<>();
  private final java.util.Set<String> ecosystems = new java.util.HashSet<>();

  void add(MatcherSpec.Package spec) {
    for (String eco : spec.ecosystems()) {
      String e = eco.toLowerCase(Locale.ROOT);
      ecosystems.add(e);
      for (String name : spec.names()) {
        String n = Names.packageName(e, name);
        if (e.equals("go")) {
          goModules.put(n, spec.binding());
        } else {
          exact.computeIfAbsent(e + '\u0000' + n, k -> new ArrayList<>()).add(spec.binding());
        }
      }
      for (String pattern : spec.patterns()) {
        String p = e.equals("pypi") ? pep503Glob(pattern) : Names.packageName(e, pattern);
        globs.add(new Glob(e, Names.globPrefix(p), Names.glob(p), spec.binding()));
      }
    }
  }

  void freeze() {
    goModules.freeze();
  }

  void match(Hits hits) {
    Fact f = hits.fact();
    String eco = f.attribute(Fact.Attr.ECOSYSTEM);
    if (eco == null) {
      return;
    }
    String e = eco.toLowerCase(Locale.ROOT);
    match(hits, e, Names.packageName(e, f.value()));
  }

  /**
   * Package matchers of {@code ecosystem} for an already normalised {@code name}; matches are
   * reported with the fact's own evidence (for a Python import: {@code import sklearn}).
   */
  void match(Hits hits, String ecosystem, String name) {
    if (ecosystem.equals("go")) {
      goModules.lookup(name, hits::add);
    } else {
      List<Binding> bindings = exact.get(ecosystem + '\u0000' + name);
      if (bindings != null) {
        bindings.forEach(hits::add);
      }
    }
    for (Glob g : globs) {
      if (g.ecosystem.equals(ecosystem)
          && name.startsWith(g.prefix)
          && g.pattern.matcher(name).matches()) {
        hits.add(g.binding);
      }
    }
  }

  boolean hasEcosystem(String ecosystem) {
    return ecosystems.contains(ecosystem);
  }

  /** PEP 503 for a glob: each literal part normalised, the stars kept. */
  private static String pep503Glob(String glob) {
    StringBuilder sb = new StringBuilder();
    String[] parts = glob.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('*');
      }
      sb.append(parts[i].isEmpty() ? "" : Names.pep503(parts[i]));
    }
    return sb.toString();
  }
}
