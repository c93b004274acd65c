package dev.aiscan.rules.internal;

import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Matchers over code structure: imports, type references and annotations, method calls. */
public final class CodeIndex {
  private record Glob(String prefix, Pattern pattern, Binding binding) {}

  private final SegmentMap<Binding> imports = new SegmentMap<>("./");
  private final List<Glob> importGlobs = new ArrayList<>();
  private final Map<String, List<Binding>> typeNames = new HashMap<>();
  private final SegmentMap<Binding> typePackages = new SegmentMap<>(".");
  private final Map<String, List<Binding>> simpleNames = new HashMap<>();
  private final Map<String, SegmentMap<Binding>> callsByMethod = new HashMap<>();
  private final SegmentMap<Binding> callsAnyMethod = new SegmentMap<>(".");

  void add(MatcherSpec.Import spec) {
    for (String m : spec.modules()) {
      if (Names.isGlob(m)) {
        importGlobs.add(new Glob(Names.globPrefix(m), Names.glob(m), spec.binding()));
      } else {
        imports.put(m, spec.binding());
      }
    }
  }

  void add(MatcherSpec.Type spec) {
    spec.names()
        .forEach(n -> typeNames.computeIfAbsent(n, k -> new ArrayList<>()).add(spec.binding()));
    spec.packages().forEach(p -> typePackages.put(p, spec.binding()));
    spec.simpleNames()
        .forEach(n -> simpleNames.computeIfAbsent(n, k -> new ArrayList<>()).add(spec.binding()));
  }

  void add(MatcherSpec.Call spec) {
    if (spec.methods().isEmpty()) {
      spec.receivers().forEach(r -> callsAnyMethod.put(r, spec.binding()));
    } else {
      for (String m : spec.methods()) {
        SegmentMap<Binding> byReceiver =
            callsByMethod.computeIfAbsent(m, k -> new SegmentMap<>("."));
        spec.receivers().forEach(r -> byReceiver.put(r, spec.binding()));
      }
    }
  }

  void freeze() {
    imports.freeze();
    typePackages.freeze();
    callsAnyMethod.freeze();
    callsByMethod.values().forEach(SegmentMap::freeze);
  }

  /** Module prefix on a segment boundary; globs are tried on the value and each segment prefix. */
  void matchImport(Hits hits) {
    String v = hits.fact().value();
    imports.lookup(v, hits::add);
    for (Glob g : importGlobs) {
      if (v.startsWith(g.prefix) && globMatches(g.pattern, v)) {
        hits.add(g.binding);
      }
    }
  }

  private static boolean globMatches(Pattern glob, String v) {
    if (glob.matcher(v).matches()) {
      return true;
    }
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if ((c == '.' || c == '/') && glob.matcher(v.substring(0, i)).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Qualified name, package prefix, or (for unqualified values only) a simple name. */
  void matchType(Hits hits) {
    String v = hits.fact().value();
    List<Binding> exact = typeNames.get(v);
    if (exact != null) {
      exact.forEach(hits::add);
    }
    typePackages.lookup(v, hits::add);
    if (v.indexOf('.') < 0) {
      List<Binding> simple = simpleNames.get(v);
      if (simple != null) {
        simple.forEach(hits::add);
      }
    }
  }

  /** Method name (hash lookup), then receiver type or package prefix. */
  void matchCall(Hits hits) {
    String receiver = hits.fact().attribute(Fact.Attr.RECEIVER);
    if (receiver == null || receiver.isEmpty()) {
      return;
    }
    SegmentMap<Binding> byReceiver = callsByMethod.get(hits.fact().value());
    if (byReceiver != null) {
      byReceiver.lookup(receiver, hits::add);
    }
    callsAnyMethod.lookup(receiver, hits::add);
  }
}
