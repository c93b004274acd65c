package dev.aiscan.register.seed;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.CloudResource;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Seeds the AI register from a scan: one draft entry per system for the shadow assets no entry
 * covers, with owner and risk suggestions, written as YAML for a person to review.
 *
 * <p>A source tree is one system: all its shadow assets form one entry ({@code support-desk-ai}).
 * In cloud accounts and SaaS tenants each provider is one entry ({@code prod-aws-bedrock}). A
 * draft's selectors cover exactly its assets: the target (by name, or by location when the name is
 * ambiguous) and the providers; its models are every model those assets use.
 *
 * <p>Owners are suggested from CODEOWNERS and git for source trees, and from the {@code owner}
 * (else {@code team}) tags of the resources the findings are located at for cloud accounts and SaaS
 * tenants. Drafts never select by tags: the account and the providers already cover exactly the
 * draft's assets, and a tag would only make the entry depend on a tag staying put.
 */
public final class RegisterSeeder {
  private RegisterSeeder() {}

  /** The target kind of source trees. */
  static final String SOURCE_KIND = "source";

  /**
   * Draft entries for every shadow asset of {@code result}, one per system, sorted by id. Drafts
   * whose id an entry of {@code existing} already has are left out, so seeding twice adds nothing.
   */
  public static List<SeedDraft> seed(ScanResult result, Register existing) {
    Objects.requireNonNull(result, "result");
    Register register = existing == null ? Register.NONE : existing;
    Set<String> existingIds =
        register.entries().stream().map(RegisterEntry::id).collect(Collectors.toSet());

    Map<String, Target> targets = new LinkedHashMap<>();
    for (Target t : result.scan().targets()) {
      targets.putIfAbsent(t.id(), t);
    }
    for (Asset a : result.assets()) {
      targets.computeIfAbsent(a.targetId(), RegisterSeeder::unknownTarget);
    }
    Map<String, Finding> findings = new HashMap<>();
    for (Finding f : result.findings()) {
      findings.putIfAbsent(f.id(), f);
    }
    Map<List<String>, CloudResource> resources = new HashMap<>();
    for (CloudResource r : result.resources()) {
      resources.putIfAbsent(List.of(r.targetId(), r.id()), r);
    }

    // target id, then provider for targets seeded per provider ("" for source trees)
    Map<List<String>, List<Asset>> groups = new TreeMap<>(RegisterSeeder::compareKeys);
    for (Asset a : result.assets()) {
      if (a.status() != AssetStatus.SHADOW) {
        continue;
      }
      Target t = targets.get(a.targetId());
      String provider = isSource(t) ? "" : a.provider();
      groups.computeIfAbsent(List.of(t.id(), provider), k -> new ArrayList<>()).add(a);
    }

    Set<String> usedIds = new HashSet<>();
    List<SeedDraft> drafts = new ArrayList<>();
    for (Map.Entry<List<String>, List<Asset>> group : groups.entrySet()) {
      Target target = targets.get(group.getKey().get(0));
      String provider = group.getKey().get(1);
      String baseId = slug(target.name()) + (provider.isEmpty() ? "-ai" : "-" + slug(provider));
      String id = baseId;
      for (int n = 2; !usedIds.add(id); n++) {
        id = baseId + "-" + n;
      }
      if (existingIds.contains(id)) {
        continue;
      }
      List<Asset> assets = new ArrayList<>(group.getValue());
      assets.sort(Comparator.comparing(Asset::id));
      drafts.add(draft(id, target, provider, assets, findings, resources, targets.values()));
    }
    drafts.sort(Comparator.comparing(d -> d.entry().id()));
    return List.copyOf(drafts);
  }

  /**
   * The seeded register as YAML, dated today: every existing entry, then the drafts. Prefer {@link
   * #toYaml(Register, List, String, LocalDate)}, whose header names the scan.
   */
  public static String toYaml(Register existing, List<SeedDraft> drafts) {
    return toYaml(existing, drafts, null, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * The seeded register as YAML: a header naming the scan and the date, every existing entry with
   * all its fields, then the drafts with TODO for what a person must fill in.
   *
   * @param scanId the scan the drafts come from, or null
   * @param date the date of the header
   */
  public static String toYaml(
      Register existing, List<SeedDraft> drafts, String scanId, LocalDate date) {
    return SeedYaml.write(
        existing == null ? Register.NONE : existing,
        drafts == null ? List.of() : drafts,
        scanId,
        date == null ? LocalDate.now(ZoneOffset.UTC) : date);
  }

  private static SeedDraft draft(
      String id,
      Target target,
      String provider,
      List<Asset> assets,
      Map<String, Finding> findingsById,
      Map<List<String>, CloudResource> resources,
      Collection<Target> allTargets) {
    TreeSet<String> providers =
        assets.stream().map(Asset::provider).collect(Collectors.toCollection(TreeSet::new));
    TreeSet<String> models =
        assets.stream()
            .flatMap(a -> a.models().stream())
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(TreeSet::new));
    List<Finding> findings = new ArrayList<>();
    for (Asset a : assets) {
      for (String fid : a.findingIds()) {
        Finding f = findingsById.get(fid);
        if (f != null) {
          findings.add(f);
        }
      }
    }
    Path root = isSource(target) ? directory(target.location()) : null;
    List<OwnerSuggestion> owners;
    if (root != null) {
      owners =
          OwnerFinder.owners(
              root,
              findings.stream()
                  .map(f -> f.location().file())
                  .filter(Objects::nonNull)
                  .collect(Collectors.toCollection(TreeSet::new)));
    } else if (!target.tree()) {
      owners = OwnerFinder.fromTags(resourcesOf(findings, resources));
    } else {
      owners = List.of();
    }
    RiskSuggestion risk = RiskAdvisor.suggest(assets, findings, root);

    List<String> place = List.of(target.location());
    Selectors selectors =
        new Selectors(
            target.tree() ? List.of(repository(target, allTargets)) : null,
            null,
            null,
            target.cloud() ? place : null,
            null,
            null,
            target.saas() ? place : null,
            null,
            null,
            List.copyOf(providers),
            null);
    String name =
        provider.isEmpty() ? target.name() + " AI use" : provider + " in " + target.name();
    RegisterEntry entry =
        new RegisterEntry(
            id,
            name,
            null,
            owners.isEmpty() ? null : owners.get(0).owner(),
            null,
            null,
            null,
            null,
            RegisterEntry.PersonalData.UNKNOWN,
            null,
            supplier(providers),
            List.copyOf(models),
            List.of(),
            null,
            selectors,
            RegisterEntry.Origin.NONE);
    return new SeedDraft(entry, owners, risk, assets.stream().map(Asset::id).toList());
  }

  /** The resources the findings are located at, in the findings' own targets, once each. */
  private static List<CloudResource> resourcesOf(
      List<Finding> findings, Map<List<String>, CloudResource> resources) {
    Map<String, CloudResource> at = new TreeMap<>();
    for (Finding f : findings) {
      if (f.location().resource() != null) {
        CloudResource r = resources.get(List.of(f.targetId(), f.location().resource()));
        if (r != null) {
          at.putIfAbsent(r.id(), r);
        }
      }
    }
    return List.copyOf(at.values());
  }

  /**
   * The supplier of these providers: the third parties behind them, null when all are in-house,
   * with TODO for a provider whose supplier is not known.
   */
  static String supplier(Set<String> providers) {
    TreeSet<String> suppliers = new TreeSet<>();
    boolean unknown = false;
    for (String p : providers) {
      String s = Providers.supplier(p);
      if (Providers.UNKNOWN_SUPPLIER.equals(s)) {
        unknown = true;
      } else if (s != null) {
        suppliers.add(s);
      }
    }
    List<String> parts = new ArrayList<>(suppliers);
    if (unknown) {
      parts.add(Providers.UNKNOWN_SUPPLIER);
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /**
   * How a repositories selector names this target: by name, or by location when the name has glob
   * characters or another target of the scan has it as name or location (selectors ignore case).
   */
  private static String repository(Target target, Collection<Target> all) {
    String name = target.name();
    boolean ambiguous =
        name.isBlank()
            || hasGlob(name)
            || all.stream()
                .anyMatch(
                    t ->
                        !t.id().equals(target.id())
                            && (t.name().equalsIgnoreCase(name)
                                || t.location().equalsIgnoreCase(name)));
    return ambiguous ? target.location() : name;
  }

  private static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  /** Whether a target is a source tree: one system, with files to read. */
  private static boolean isSource(Target t) {
    return SOURCE_KIND.equals(t.kind().toLowerCase(Locale.ROOT));
  }

  private static Path directory(String location) {
    try {
      Path p = Path.of(location);
      return Files.isDirectory(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** A target an asset names but the scan does not list. */
  private static Target unknownTarget(String id) {
    String location = id.contains(":") ? id.substring(id.indexOf(':') + 1) : id;
    String name = location.replaceAll("/+$", "");
    name = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
    return new Target(id, "unknown", name.isEmpty() ? id : name, location);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }

  /**
   * A register id from a name: lower case, ASCII letters and digits, dashes between ({@code Support
   * Desk} is {@code support-desk}).
   */
  static String slug(String s) {
    String ascii =
        Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "system" : slug;
  }
}
