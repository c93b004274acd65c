package dev.aiscan.core.internal;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Hashes;
import dev.aiscan.core.model.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Groups findings into assets: one asset per target, provider and kind of use. Until an AI register
 * is reconciled, every asset is {@link AssetStatus#SHADOW}: nothing registered covers it.
 */
public final class InventoryBuilder {
  /** Why an asset is shadow before any register is applied. */
  public static final String NO_REGISTER = "no register given";

  private InventoryBuilder() {}

  public static List<Asset> build(List<Finding> findings, List<Target> targets) {
    Map<String, Target> targetsById =
        targets.stream().collect(Collectors.toMap(Target::id, Function.identity(), (a, b) -> a));
    Map<String, List<Finding>> groups = new TreeMap<>();
    for (Finding f : findings) {
      groups
          .computeIfAbsent(
              f.targetId() + '\u0000' + f.provider() + '\u0000' + kindOf(f.category()),
              k -> new ArrayList<>())
          .add(f);
    }
    List<Asset> assets = new ArrayList<>();
    for (List<Finding> group : groups.values()) {
      Finding first = group.get(0);
      String kind = kindOf(first.category());
      Target target = targetsById.get(first.targetId());
      String targetName = target == null ? first.targetId() : target.name();
      assets.add(
          new Asset(
              "a-"
                  + Hashes.shortSha256(
                      first.targetId() + '\u0000' + first.provider() + '\u0000' + kind),
              first.provider(),
              kind,
              first.provider()
                  + (kind.equals("model-file") ? " model files" : "")
                  + " in "
                  + targetName,
              first.targetId(),
              group.stream()
                  .map(Finding::model)
                  .filter(Objects::nonNull)
                  .collect(Collectors.toCollection(TreeSet::new))
                  .stream()
                  .toList(),
              group.stream()
                  .map(Finding::category)
                  .collect(Collectors.toCollection(TreeSet::new))
                  .stream()
                  .toList(),
              group.stream()
                  .map(Finding::confidence)
                  .max(Comparator.naturalOrder())
                  .orElse(Confidence.LOW),
              group.stream().allMatch(f -> f.dependency() != null && !f.dependency().direct()),
              group.stream().map(Finding::id).sorted().distinct().toList(),
              AssetStatus.SHADOW,
              null,
              NO_REGISTER));
    }
    assets.sort(
        Comparator.comparing(Asset::targetId)
            .thenComparing(Asset::provider)
            .thenComparing(Asset::kind));
    return assets;
  }

  static String kindOf(Category category) {
    return switch (category) {
      case MODEL_FILE -> "model-file";
      case CLOUD_SERVICE, GOVERNANCE -> "cloud-resource";
      case SAAS_APP -> "saas-app";
      default -> "ai-integration";
    };
  }
}
