package dev.aiscan.core.register;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reconciles a scan with the organisation's AI register and with history: every asset becomes
 * {@code registered}, {@code drift} or {@code shadow}, with the reason; every entry is matched,
 * unmatched or stale; assets the previous scan of the same targets did not see are new; assets that
 * are one AI system are linked.
 *
 * <p>Matching: within one kind of selector any value may match, across kinds all that are given
 * must. Where-selectors (repositories, paths, packages, cloud accounts, resources, tags, SaaS
 * tenants and apps, API keys) decide which places an entry covers; what-selectors (providers,
 * models) decide whether an asset in those places is as registered or drifted. An entry with no
 * where-selector covers every asset of its providers. When several entries cover an asset, the
 * first that registers it wins, else the first it drifts from.
 *
 * <p>Tags are read from the scan's {@link ScanResult#resources() resources}: an asset carries a
 * resource's tags when one of its findings is located at that resource, in the same target.
 */
public final class Reconciler {
  /** Scans in a row an entry may cover nothing before it is stale. */
  public static final int DEFAULT_STALE_AFTER = 3;

  private static final List<String> ECOSYSTEMS =
      List.of("npm:", "maven:", "pypi:", "go:", "nuget:", "cargo:", "rubygems:");

  private Reconciler() {}

  public static ScanResult reconcile(
      ScanResult result, Register register, ScanHistory history, int staleAfter) {
    Map<String, Target> targets = new HashMap<>();
    result.scan().targets().forEach(t -> targets.put(t.id(), t));
    Map<String, Finding> findings = new HashMap<>();
    result.findings().forEach(f -> findings.put(f.id(), f));
    Map<String, CloudResource> resources = new HashMap<>();
    result.resources().forEach(r -> resources.put(resourceKey(r.targetId(), r.id()), r));

    Map<String, List<String>> covered = new LinkedHashMap<>();
    register.entries().forEach(e -> covered.put(e.id(), new ArrayList<>()));
    List<Asset> assets = new ArrayList<>();
    for (Asset asset : result.assets()) {
      List<Finding> evidence =
          asset.findingIds().stream().map(findings::get).filter(f -> f != null).toList();
      Target target = targets.get(asset.targetId());
      Asset reconciled =
          reconcile(asset, target, evidence, resourcesOf(evidence, resources), register);
      if (reconciled.registerId() != null) {
        covered.get(reconciled.registerId()).add(asset.id());
      }
      assets.add(reconciled);
    }

    List<String> targetIds = result.scan().targets().stream().map(Target::id).toList();
    List<ScanSnapshot> previous =
        history.before(result.scan().started(), targetIds, Math.max(1, staleAfter - 1));
    List<EntryStatus> entries = new ArrayList<>();
    for (RegisterEntry entry : register.entries()) {
      entries.add(status(entry, covered.get(entry.id()), previous, result, staleAfter));
    }
    Set<String> newAssets = new HashSet<>();
    String previousScan = previous.isEmpty() ? null : previous.get(0).scanId();
    for (Asset a : assets) {
      if (previous.isEmpty() || previous.get(0).asset(a.id()).isEmpty()) {
        newAssets.add(a.id());
      }
    }
    Reconciliation reconciliation =
        new Reconciliation(
            register.source(), entries, Correlator.links(result), newAssets, previousScan);
    return result.reconciled(assets, reconciliation);
  }

  private static String resourceKey(String targetId, String resourceId) {
    return targetId + '\u0000' + resourceId;
  }

  /** The resources the findings are located at, in the findings' targets, sorted by id. */
  private static List<CloudResource> resourcesOf(
      List<Finding> evidence, Map<String, CloudResource> resources) {
    Map<String, CloudResource> at = new TreeMap<>();
    for (Finding f : evidence) {
      if (f.location().resource() != null) {
        CloudResource r = resources.get(resourceKey(f.targetId(), f.location().resource()));
        if (r != null) {
          at.put(r.id(), r);
        }
      }
    }
    return List.copyOf(at.values());
  }

  private static Asset reconcile(
      Asset asset,
      Target target,
      List<Finding> evidence,
      List<CloudResource> resources,
      Register register) {
    if (!register.given()) {
      return asset.withStatus(AssetStatus.SHADOW, null, "no register given");
    }
    RegisterEntry drifted = null;
    String driftReason = null;
    for (RegisterEntry entry : register.entries()) {
      List<String> place = place(entry.selectors(), asset, target, evidence, resources);
      if (place == null) {
        continue;
      }
      String drift = drift(entry, asset);
      if (drift == null) {
        return asset.withStatus(
            AssetStatus.REGISTERED,
            entry.id(),
            "entry "
                + entry.id()
                + " ("
                + entry.origin()
                + ") covers it by "
                + String.join(", ", place));
      }
      if (drifted == null) {
        drifted = entry;
        driftReason =
            "entry " + entry.id() + " (" + entry.origin() + ") covers its place but " + drift;
      }
    }
    if (drifted != null) {
      return asset.withStatus(AssetStatus.DRIFT, drifted.id(), driftReason);
    }
    return asset.withStatus(AssetStatus.SHADOW, null, "no register entry covers it");
  }

  /**
   * Which selectors put the asset in the entry's places, or null when it is not in them. With no
   * where-selector, the entry's providers (or models) are its place.
   *
   * @param resources the resources the asset's findings are located at, sorted by id
   */
  static List<String> place(
      Selectors s,
      Asset asset,
      Target target,
      List<Finding> evidence,
      List<CloudResource> resources) {
    List<String> why = new ArrayList<>();
    if (!s.hasPlace()) {
      if (!s.providers().isEmpty()) {
        String p = first(s.providers(), v -> v.equalsIgnoreCase(asset.provider()));
        return p == null ? null : List.of("provider " + p);
      }
      if (!s.models().isEmpty() && !asset.models().isEmpty()) {
        String m =
            first(s.models(), v -> asset.models().stream().anyMatch(x -> Globs.matches(v, x)));
        return m == null ? null : List.of("model " + m);
      }
      return null;
    }
    if (!check(
        why,
        "repository",
        s.repositories(),
        v -> target != null && target.tree() && names(v, target))) {
      return null;
    }
    if (!check(
        why,
        "path",
        s.paths(),
        v -> evidence.stream().anyMatch(f -> Globs.matches(v, f.location().file())))) {
      return null;
    }
    if (!check(
        why, "package", s.packages(), v -> evidence.stream().anyMatch(f -> packageMatches(v, f)))) {
      return null;
    }
    if (!check(
        why,
        "cloud account",
        s.cloudAccounts(),
        v -> target != null && target.cloud() && names(v, target))) {
      return null;
    }
    if (!check(
        why,
        "cloud resource",
        s.cloudResources(),
        v -> evidence.stream().anyMatch(f -> Globs.matches(v, f.location().resource())))) {
      return null;
    }
    if (!s.tags().isEmpty()) {
      CloudResource tagged = null;
      for (CloudResource r : resources) {
        if (carries(r, s.tags())) {
          tagged = r;
          break;
        }
      }
      if (tagged == null) {
        return null;
      }
      why.add("tags " + tags(s.tags()) + " on " + tagged.id());
    }
    if (!check(
        why,
        "SaaS tenant",
        s.saasTenants(),
        v -> target != null && target.saas() && names(v, target))) {
      return null;
    }
    if (!check(
        why,
        "SaaS app",
        s.saasApps(),
        v ->
            evidence.stream()
                .anyMatch(
                    f ->
                        f.category() == Category.SAAS_APP
                            && (Globs.matches(v, f.provider())
                                || Globs.matches(v, f.location().resource()))))) {
      return null;
    }
    if (!check(
        why,
        "API key",
        s.apiKeys(),
        v ->
            evidence.stream()
                .anyMatch(
                    f ->
                        f.category() == Category.CREDENTIAL
                            && (f.evidence().contains(v) || v.equals(f.fingerprint()))))) {
      return null;
    }
    return why;
  }

  /**
   * Whether a resource carries every tag: keys are compared ignoring case (a resource may have both
   * {@code Team} and {@code team}; either will do), values exactly.
   */
  static boolean carries(CloudResource resource, Map<String, String> tags) {
    for (Map.Entry<String, String> wanted : tags.entrySet()) {
      boolean found = false;
      for (Map.Entry<String, String> tag : resource.tags().entrySet()) {
        if (tag.getKey().equalsIgnoreCase(wanted.getKey())
            && tag.getValue().equals(wanted.getValue())) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** Tags as the register writes them, sorted by key: {@code {env: prod, team: fraud}}. */
  private static String tags(Map<String, String> tags) {
    StringBuilder s = new StringBuilder("{");
    new TreeMap<>(tags)
        .forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append(k).append(": ").append(v));
    return s.append('}').toString();
  }

  /**
   * Adds "kind value" for the first value that matches; false when values are given and none do.
   */
  private static boolean check(
      List<String> why, String kind, List<String> values, Predicate<String> matches) {
    if (values.isEmpty()) {
      return true;
    }
    String hit = first(values, matches);
    if (hit == null) {
      return false;
    }
    why.add(kind + " " + hit);
    return true;
  }

  private static String first(List<String> values, Predicate<String> matches) {
    for (String v : values) {
      if (matches.test(v)) {
        return v;
      }
    }
    return null;
  }

  /**
   * A package selector against a finding's package: {@code name}, {@code ecosystem:name}, globs.
   */
  private static boolean packageMatches(String selector, Finding f) {
    if (f.dependency() == null || f.dependency().path().isEmpty()) {
      return false;
    }
    String wanted = selector;
    for (String eco : ECOSYSTEMS) {
      if (wanted.startsWith(eco)) {
        wanted = wanted.substring(eco.length());
        break;
      }
    }
    List<String> path = f.dependency().path();
    String label = path.get(path.size() - 1);
    return Globs.matches(wanted, label)
        || Globs.matches(wanted, packageName(label))
        || Globs.matches(wanted, f.evidence());
  }

  /** The name part of a dependency label: {@code openai@4.1}, {@code torch==2.3}, {@code g:a:v}. */
  static String packageName(String label) {
    int at = label.lastIndexOf('@');
    if (at > 0) {
      return label.substring(0, at);
    }
    for (String sep : List.of("==", ">=", "<=", "~=", "!=", "^", "~", "<", ">")) {
      int i = label.indexOf(sep);
      if (i > 0) {
        return label.substring(0, i);
      }
    }
    int lastColon = label.lastIndexOf(':');
    if (lastColon > 0 && label.indexOf(':') != lastColon) {
      return label.substring(0, lastColon);
    }
    return label;
  }

  /** Why the asset differs from what the entry lists, or null when it does not. */
  private static String drift(RegisterEntry entry, Asset asset) {
    List<String> providers = entry.selectors().providers();
    if (!providers.isEmpty()
        && providers.stream().noneMatch(p -> p.equalsIgnoreCase(asset.provider()))) {
      return "does not list provider " + asset.provider();
    }
    List<String> patterns = entry.selectors().models();
    if (!patterns.isEmpty()) {
      TreeSet<String> unlisted = new TreeSet<>();
      for (String model : asset.models()) {
        if (patterns.stream().noneMatch(p -> Globs.matches(p, model))) {
          unlisted.add(model);
        }
      }
      if (!unlisted.isEmpty()) {
        return "does not list model"
            + (unlisted.size() > 1 ? "s " : " ")
            + String.join(", ", unlisted);
      }
    }
    return null;
  }

  private static EntryStatus status(
      RegisterEntry entry,
      List<String> assetIds,
      List<ScanSnapshot> previous,
      ScanResult result,
      int staleAfter) {
    List<String> sorted = assetIds.stream().sorted().toList();
    if (!sorted.isEmpty()) {
      return new EntryStatus(
          entry.id(),
          entry.name(),
          entry.owner(),
          entry.origin(),
          sorted,
          EntryStatus.State.MATCHED,
          0);
    }
    if (!inScope(entry.selectors(), result.scan().targets())) {
      return new EntryStatus(
          entry.id(),
          entry.name(),
          entry.owner(),
          entry.origin(),
          sorted,
          EntryStatus.State.OUT_OF_SCOPE,
          0);
    }
    int unmatched = 1;
    for (ScanSnapshot s : previous) {
      Integer matches = s.entryMatches().get(entry.id());
      if (matches == null || matches > 0) {
        break;
      }
      unmatched++;
    }
    EntryStatus.State state =
        unmatched >= staleAfter ? EntryStatus.State.STALE : EntryStatus.State.UNMATCHED;
    return new EntryStatus(
        entry.id(), entry.name(), entry.owner(), entry.origin(), sorted, state, unmatched);
  }

  /**
   * Whether the scan looked where the entry points: an entry about cloud accounts says nothing when
   * only source trees were scanned.
   */
  private static boolean inScope(Selectors s, List<Target> targets) {
    if (!s.repositories().isEmpty()) {
      return anyNamed(s.repositories(), targets, Target::tree);
    }
    if (!s.cloudAccounts().isEmpty()) {
      return anyNamed(s.cloudAccounts(), targets, Target::cloud);
    }
    if (!s.saasTenants().isEmpty()) {
      return anyNamed(s.saasTenants(), targets, Target::saas);
    }
    if (!s.cloudResources().isEmpty() || !s.tags().isEmpty()) {
      return targets.stream().anyMatch(Target::cloud);
    }
    if (!s.saasApps().isEmpty()) {
      return targets.stream().anyMatch(Target::saas);
    }
    return true;
  }

  /** Whether a target of the given sort is named by one of the globs. */
  private static boolean anyNamed(
      List<String> globs, List<Target> targets, Predicate<Target> sort) {
    return targets.stream()
        .anyMatch(t -> sort.test(t) && globs.stream().anyMatch(v -> names(v, t)));
  }

  /**
   * Whether a glob names the target, by its name or its location. A register's values are read with
   * the blanks around them taken off, so a target is also named without its own (an account called
   * {@code " shop"}, as a seeded entry writes it, is selected by {@code shop}).
   */
  private static boolean names(String glob, Target t) {
    return Globs.matches(glob, t.name())
        || Globs.matches(glob, t.location())
        || t.name() != null && Globs.matches(glob, t.name().strip())
        || t.location() != null && Globs.matches(glob, t.location().strip());
  }
}
