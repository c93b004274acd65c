package dev.aiscan.reports.diff;

import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.AssetStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two scans: assets added, removed and changed, each list sorted by target,
 * provider and id.
 *
 * <p>An asset counts as removed only when both scans covered its target: an asset of a target the
 * later scan did not scan (or could not finish) is not gone, just not looked at.
 *
 * @param fromScan the earlier scan's id
 * @param toScan the later scan's id
 * @param added assets the later scan saw and the earlier did not
 * @param removed assets the earlier scan saw that the later scan, covering their target, did not
 * @param changed assets both saw whose status, register entry or models differ
 */
public record ScanDiff(
    String fromScan,
    String toScan,
    List<AssetState> added,
    List<AssetState> removed,
    List<Change> changed) {

  /** Assets in a deterministic order: target, provider, id. */
  public static final Comparator<AssetState> ORDER =
      Comparator.comparing(AssetState::targetId)
          .thenComparing(AssetState::provider)
          .thenComparing(AssetState::id);

  public ScanDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /**
   * One asset both scans saw, changed.
   *
   * @param before as the earlier scan saw it
   * @param after as the later scan saw it
   * @param what what changed, one short phrase each: {@code status shadow -> registered}, {@code
   *     models +gpt-4o -gpt-4}, {@code register entry x -> y}
   */
  public record Change(AssetState before, AssetState after, List<String> what) {
    public Change {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      what = List.copyOf(what);
    }
  }

  /** What changed from {@code from} to {@code to}. */
  public static ScanDiff between(ScanSnapshot from, ScanSnapshot to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Map<String, AssetState> before = byId(from.assets());
    Map<String, AssetState> after = byId(to.assets());
    Set<String> bothCovered = new TreeSet<>(from.targetIds());
    bothCovered.retainAll(Set.copyOf(to.targetIds()));

    List<AssetState> added = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    for (AssetState a : after.values()) {
      AssetState b = before.get(a.id());
      if (b == null) {
        added.add(a);
      } else {
        List<String> what = differences(b, a);
        if (!what.isEmpty()) {
          changed.add(new Change(b, a, what));
        }
      }
    }
    List<AssetState> removed = new ArrayList<>();
    for (AssetState b : before.values()) {
      if (!after.containsKey(b.id()) && bothCovered.contains(b.targetId())) {
        removed.add(b);
      }
    }
    added.sort(ORDER);
    removed.sort(ORDER);
    changed.sort(Comparator.comparing(Change::after, ORDER));
    return new ScanDiff(from.scanId(), to.scanId(), added, removed, changed);
  }

  /** Assets that are shadow AI now and were not before: added as shadow, or turned shadow. */
  public List<AssetState> newShadow() {
    List<AssetState> shadow = new ArrayList<>();
    for (AssetState a : added) {
      if (a.status() == AssetStatus.SHADOW) {
        shadow.add(a);
      }
    }
    for (Change c : changed) {
      if (c.after().status() == AssetStatus.SHADOW && c.before().status() != AssetStatus.SHADOW) {
        shadow.add(c.after());
      }
    }
    shadow.sort(ORDER);
    return List.copyOf(shadow);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  private static Map<String, AssetState> byId(List<AssetState> assets) {
    Map<String, AssetState> byId = new LinkedHashMap<>();
    for (AssetState a : assets) {
      byId.putIfAbsent(a.id(), a);
    }
    return byId;
  }

  private static List<String> differences(AssetState before, AssetState after) {
    List<String> what = new ArrayList<>();
    if (before.status() != after.status()) {
      what.add("status " + before.status().wireName() + " -> " + after.status().wireName());
    }
    if (!Objects.equals(before.registerId(), after.registerId())) {
      what.add(
          "register entry " + orNone(before.registerId()) + " -> " + orNone(after.registerId()));
    }
    Set<String> gained = new TreeSet<>(after.models());
    before.models().forEach(gained::remove);
    Set<String> lost = new TreeSet<>(before.models());
    after.models().forEach(lost::remove);
    if (!gained.isEmpty() || !lost.isEmpty()) {
      StringBuilder models = new StringBuilder("models");
      gained.forEach(m -> models.append(" +").append(m));
      lost.forEach(m -> models.append(" -").append(m));
      what.add(models.toString());
    }
    return what;
  }

  private static String orNone(String registerId) {
    return registerId == null ? "none" : registerId;
  }
}
