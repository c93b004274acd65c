package dev.aiscan.reports.internal;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.EntryStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Look-ups over one scan result that every report needs: a finding's asset, an asset's findings (in
 * the result's order), targets by id, register entries by id.
 */
public final class Inventory {
  private final ScanResult result;
  private final Map<String, Target> targets = new LinkedHashMap<>();
  private final Map<String, Asset> assetByFinding = new HashMap<>();
  private final Map<String, List<Finding>> findingsByAsset = new HashMap<>();
  private final Map<String, EntryStatus> entries = new HashMap<>();

  public Inventory(ScanResult result) {
    this.result = result;
    result.scan().targets().forEach(t -> targets.putIfAbsent(t.id(), t));
    for (Asset a : result.assets()) {
      a.findingIds().forEach(id -> assetByFinding.putIfAbsent(id, a));
      findingsByAsset.put(a.id(), new ArrayList<>());
    }
    for (Finding f : result.findings()) {
      Asset a = assetByFinding.get(f.id());
      if (a != null) {
        findingsByAsset.get(a.id()).add(f);
      }
    }
    result.reconciliation().entries().forEach(e -> entries.putIfAbsent(e.id(), e));
  }

  public ScanResult result() {
    return result;
  }

  /** The target's short name, or its id when the scan does not list it. */
  public String targetName(String targetId) {
    Target t = targets.get(targetId);
    return t == null ? targetId : t.name();
  }

  /** The target's location, or the empty string when the scan does not list it. */
  public String targetLocation(String targetId) {
    Target t = targets.get(targetId);
    return t == null ? "" : t.location();
  }

  /** The asset a finding belongs to, or null. */
  public Asset assetOf(Finding f) {
    return assetByFinding.get(f.id());
  }

  /** The asset's findings, in the result's order (target, file, line, rule). */
  public List<Finding> findingsOf(Asset a) {
    return findingsByAsset.getOrDefault(a.id(), List.of());
  }

  /** Where the asset was first seen: {@code file:line}, {@code file#cellN:line} or a resource. */
  public String firstEvidence(Asset a) {
    List<Finding> fs = findingsOf(a);
    return fs.isEmpty() ? "" : fs.get(0).location().toString();
  }

  public boolean isNew(Asset a) {
    return result.reconciliation().newAssets().contains(a.id());
  }

  /** The owner the register gives for the asset's entry, or null. */
  public String owner(Asset a) {
    if (a.registerId() == null) {
      return null;
    }
    EntryStatus e = entries.get(a.registerId());
    return e == null ? null : e.owner();
  }

  /** Whether the scan has more than one target, so paths need the target's name in front. */
  public boolean multiTarget() {
    return targets.size() > 1;
  }

  /**
   * A file as reports show it: relative to its target root when the scan has one target, else
   * behind the target's name ({@code shop/src/App.java}).
   */
  public String displayPath(String targetId, String file) {
    return multiTarget() ? targetName(targetId) + "/" + file : file;
  }

  /** {@link #displayPath} of a location, with its line ({@code shop/src/App.java:16}). */
  public String displayLocation(String targetId, Location l) {
    if (l.file() == null) {
      return l.toString();
    }
    return multiTarget() ? targetName(targetId) + "/" + l : l.toString();
  }

  /**
   * Percent-encodes a relative path for a URI reference, segment by segment: unreserved characters
   * and {@code !$&'()*+,;=@} stay, everything else (spaces, {@code :}, {@code %}, non-ASCII) is
   * encoded as UTF-8.
   */
  public static String uriPath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
