package dev.aiscan.core.internal;

import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe store of findings, one per finding id: the same rule on the same line (say an import
 * and a type reference both naming the SDK) is one finding, the first one reported. Evidence is
 * masked once more on the way in, whatever the detector did.
 */
public final class FindingCollector {
  private static final Comparator<Integer> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<String> STR_NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::targetId)
          .thenComparing(f -> f.location().file(), STR_NULLS_FIRST)
          .thenComparing(f -> f.location().resource(), STR_NULLS_FIRST)
          .thenComparing(f -> f.location().cell(), NULLS_FIRST)
          .thenComparing(f -> f.location().line(), NULLS_FIRST)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::evidence);

  private final Secrets secrets;
  private final ConcurrentHashMap<String, Finding> byId = new ConcurrentHashMap<>();

  public FindingCollector(Secrets secrets) {
    this.secrets = secrets;
  }

  public void add(Finding finding) {
    byId.computeIfAbsent(finding.id(), k -> finding.withEvidence(secrets.mask(finding.evidence())));
  }

  public long size() {
    return byId.size();
  }

  public List<Finding> sorted() {
    List<Finding> list = new ArrayList<>(byId.values());
    list.sort(ORDER);
    return list;
  }
}
