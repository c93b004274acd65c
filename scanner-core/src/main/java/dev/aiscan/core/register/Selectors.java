package dev.aiscan.core.register;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which discovered assets a register entry covers. Within one kind of selector any value may match
 * ({@code repositories: [shop-*, billing]}); across kinds all that are given must match. Values are
 * globs where it makes sense: {@code *} matches within a path segment, {@code **} across segments.
 *
 * <p><b>Where</b> selectors say which places the entry covers: repositories, paths, packages, cloud
 * accounts, resources and tags, SaaS tenants and apps, API keys. <b>What</b> selectors say which
 * providers and models it may use: an asset in the entry's places that uses another provider or an
 * unlisted model is {@code drift}. An entry with no where selector covers every asset of its
 * providers.
 *
 * @param repositories target names or locations (a repository's directory name, a clone URL)
 * @param paths files inside a target ({@code services/support/**})
 * @param packages dependency coordinates, {@code ecosystem:name} or {@code name} ({@code
 *     npm:openai}, {@code dev.langchain4j:*})
 * @param cloudAccounts AWS account ids, Azure subscription ids
 * @param cloudResources resource ids or ARNs
 * @param tags cloud resource tags that must all be present with these values (keys compared
 *     ignoring case, values exactly), on a resource one of the asset's findings is located at;
 *     sorted by key
 * @param saasTenants SaaS tenant ids or domains
 * @param saasApps SaaS app ids or names
 * @param apiKeys API key names (the variable or key name) or fingerprints
 * @param providers provider ids ({@code openai}, {@code azure-openai})
 * @param models model name patterns ({@code gpt-4o*})
 */
public record Selectors(
    List<String> repositories,
    List<String> paths,
    List<String> packages,
    List<String> cloudAccounts,
    List<String> cloudResources,
    Map<String, String> tags,
    List<String> saasTenants,
    List<String> saasApps,
    List<String> apiKeys,
    List<String> providers,
    List<String> models) {

  public static final Selectors NONE =
      new Selectors(null, null, null, null, null, null, null, null, null, null, null);

  public Selectors {
    repositories = copy(repositories);
    paths = copy(paths);
    packages = copy(packages);
    cloudAccounts = copy(cloudAccounts);
    cloudResources = copy(cloudResources);
    tags =
        tags == null
            ? Map.of()
            : Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(tags)));
    saasTenants = copy(saasTenants);
    saasApps = copy(saasApps);
    apiKeys = copy(apiKeys);
    providers = copy(providers);
    models = copy(models);
  }

  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Whether any where selector is given. */
  public boolean hasPlace() {
    return !repositories.isEmpty()
        || !paths.isEmpty()
        || !packages.isEmpty()
        || !cloudAccounts.isEmpty()
        || !cloudResources.isEmpty()
        || !tags.isEmpty()
        || !saasTenants.isEmpty()
        || !saasApps.isEmpty()
        || !apiKeys.isEmpty();
  }

  /** Whether any selector at all is given. */
  public boolean isEmpty() {
    return !hasPlace() && providers.isEmpty() && models.isEmpty();
  }
}
