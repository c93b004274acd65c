package dev.aiscan.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One AI use in one target: the findings of one provider in one source tree, account or tenant,
 * with the models seen. This is what the AI register is reconciled against.
 *
 * @param id stable id derived from target and provider
 * @param provider canonical provider id
 * @param kind {@code ai-integration}, {@code model-file}, {@code cloud-resource}, {@code saas-app}
 * @param name human name, e.g. {@code openai in shop-backend}
 * @param targetId the target it lives in
 * @param models model names seen, sorted
 * @param categories categories of its findings, sorted
 * @param confidence the highest confidence among its findings
 * @param transitiveOnly true when every finding is a package the project only gets through other
 *     dependencies: AI the team may not know it ships
 * @param findingIds its findings, sorted
 * @param status reconciliation status
 * @param registerId the register entry covering it, or null
 * @param statusReason why it has its status, one line: which selector of which entry matched, or
 *     that no entry covers it
 */
public record Asset(
    String id,
    String provider,
    String kind,
    String name,
    String targetId,
    List<String> models,
    List<Category> categories,
    Confidence confidence,
    boolean transitiveOnly,
    List<String> findingIds,
    AssetStatus status,
    String registerId,
    String statusReason) {

  public Asset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(status, "status");
    models = List.copyOf(models);
    categories = List.copyOf(categories);
    findingIds = List.copyOf(findingIds);
  }

  /** This asset with another status, entry and reason. */
  public Asset withStatus(AssetStatus newStatus, String newRegisterId, String reason) {
    return new Asset(
        id,
        provider,
        kind,
        name,
        targetId,
        models,
        categories,
        confidence,
        transitiveOnly,
        findingIds,
        newStatus,
        newRegisterId,
        reason);
  }
}
