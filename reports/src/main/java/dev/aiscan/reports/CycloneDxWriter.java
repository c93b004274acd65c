package dev.aiscan.reports;

import com.github.packageurl.PackageURL;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.PackageDependency;
import dev.aiscan.core.model.Target;
import dev.aiscan.reports.internal.AiProviders;
import dev.aiscan.reports.internal.AtomicFiles;
import dev.aiscan.reports.internal.Inventory;
import dev.aiscan.reports.internal.Purls;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.Service;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Writes {@code aiscan.cdx.json}: the inventory as a CycloneDX 1.6 AI/ML bill of materials, built
 * and serialised with the CycloneDX Java library.
 *
 * <ul>
 *   <li>{@code metadata}: aiscan as the tool, the scan's end as the timestamp (the only time in the
 *       file), a serial number derived from the scan id, and an application named after the scanned
 *       targets as the component the BOM describes.
 *   <li>{@code components}: each project with AI in its dependency tree ({@code application});
 *       every package of those trees ({@code library}, with a package URL), the AI packages
 *       carrying which assets they belong to; each model named in a finding ({@code
 *       machine-learning-model}, with a model card giving the task where the provider tells it);
 *       each model file; and an AI use neither a package, a model nor a service shows (a framework
 *       imported in source, a coding assistant).
 *   <li>{@code services}: each asset of a hosted AI provider, an AI endpoint, a cloud AI resource
 *       or a SaaS app, named after its provider, with the URLs its evidence names (scheme, host,
 *       port and path only: never user info, query or fragment).
 *   <li>{@code dependencies}: the inventory on projects, services and loose components; a project
 *       on the packages it declares; a package on the packages it brings in; a service on its
 *       models.
 * </ul>
 *
 * <p>Every AI component and service carries the properties {@code aiscan:provider}, {@code
 * aiscan:assetId} and {@code aiscan:status} (an assetId/status pair per asset, in asset order), and
 * components carry where they were found as {@code evidence.occurrences}; services, which have no
 * evidence in CycloneDX, carry it as {@code aiscan:occurrence} properties. Credentials appear
 * nowhere: a service only says it is {@code authenticated}. bom-refs are derived from content
 * (package URLs, asset and finding ids), so the same result renders the same bytes.
 */
public final class CycloneDxWriter implements ReportWriter {
  /** The bom-ref of the application the BOM describes. */
  public static final String INVENTORY_REF = "aiscan:inventory";

  public static final String PROVIDER = "aiscan:provider";
  public static final String ASSET_ID = "aiscan:assetId";
  public static final String STATUS = "aiscan:status";

  private static final Pattern URL =
      Pattern.compile(
          "(https?|wss?)://(?:[^/@\\s\"'`<>]*@)?([A-Za-z0-9.-]+)(:\\d{1,5})?"
              + "(/[A-Za-z0-9._~!$&()*+,;=:@%/-]*)?");

  @Override
  public String format() {
    return "cyclonedx";
  }

  @Override
  public String fileName() {
    return "aiscan.cdx.json";
  }

  @Override
  public void write(ScanResult result, Path outputDirectory) {
    AtomicFiles.write(outputDirectory, fileName(), out -> write(result, out));
  }

  /** Writes the BOM as pretty-printed UTF-8 JSON with {@code \n} line ends. */
  public void write(ScanResult result, OutputStream out) throws IOException {
    String json;
    try {
      json = new BomJsonGenerator(bom(result), Version.VERSION_16).toJsonString();
    } catch (GeneratorException e) {
      throw new ScanException("cannot render the CycloneDX BOM: " + e.getMessage(), e);
    }
    json = json.replace("\r\n", "\n");
    out.write((json.endsWith("\n") ? json : json + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The serial number of a scan's BOM: a name-based UUID of its scan id. */
  public static String serialNumber(String scanId) {
    return "urn:uuid:"
        + UUID.nameUUIDFromBytes(("aiscan:" + scanId).getBytes(StandardCharsets.UTF_8));
  }

  /** The BOM of a scan, as the CycloneDX library models it. */
  public Bom bom(ScanResult result) {
    return new Builder(result).build();
  }

  /** One package of a dependency tree, merged across the projects that have it. */
  private static final class Pkg {
    final String key;
    final String ecosystem;
    final String name;
    final String version;
    String ref;
    final Set<Asset> assets = new LinkedHashSet<>();
    final Set<String> categories = new TreeSet<>();
    final Set<Occ> occurrences = new TreeSet<>();

    Pkg(String key, String ecosystem, String name, String version) {
      this.key = key;
      this.ecosystem = ecosystem;
      this.name = name;
      this.version = version;
    }
  }

  /** A model named in findings of one provider. */
  private static final class Model {
    final String provider;
    final String name;
    final Set<Asset> assets = new LinkedHashSet<>();
    final Set<Occ> occurrences = new TreeSet<>();

    Model(String provider, String name) {
      this.provider = provider;
      this.name = name;
    }

    String ref() {
      return "model:" + provider + "/" + name;
    }
  }

  /** Where something was found, ordered for output. */
  private record Occ(String location, Integer line, String context) implements Comparable<Occ> {
    private static final Comparator<Occ> ORDER =
        Comparator.comparing(Occ::location)
            .thenComparing(Occ::line, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Occ::context, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(Occ o) {
      return ORDER.compare(this, o);
    }

    Occurrence toOccurrence() {
      Occurrence o = new Occurrence();
      o.setLocation(location);
      o.setLine(line);
      o.setAdditionalContext(context);
      return o;
    }
  }

  private static final class Builder {
    private final ScanResult result;
    private final Inventory inv;
    private final Map<String, PackageDependency> depIndex = new HashMap<>();
    private final Map<String, Pkg> packages = new TreeMap<>();

    /** Project ref to its name and target id. */
    private final Map<String, String[]> projects = new TreeMap<>();

    private final Map<String, Set<String>> edges = new HashMap<>();
    private final Map<String, Model> models = new TreeMap<>();
    private final List<Component> modelFiles = new ArrayList<>();
    private final List<Component> loose = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final Set<String> modelsUnderServices = new HashSet<>();

    Builder(ScanResult result) {
      this.result = result;
      this.inv = new Inventory(result);
      for (PackageDependency d : result.dependencies()) {
        depIndex.putIfAbsent(key(d.targetId(), d.project(), d.label()), d);
      }
    }

    private static String key(String targetId, String project, String label) {
      return targetId + '\u0000' + project + '\u0000' + label;
    }

    Bom build() {
      collectPackages();
      for (Asset a : result.assets()) {
        collectAsset(a);
      }
      assignPackageRefs();

      Bom bom = new Bom();
      bom.setSerialNumber(serialNumber(result.scan().id()));
      bom.setVersion(1);
      bom.setMetadata(metadata());

      List<Component> components = new ArrayList<>();
      for (Map.Entry<String, String[]> p : projects.entrySet()) {
        components.add(project(p.getKey(), p.getValue()[0], p.getValue()[1]));
      }
      for (Pkg p : sortedPackages()) {
        components.add(library(p));
      }
      for (Model m : models.values()) {
        components.add(model(m));
      }
      components.addAll(modelFiles);
      components.addAll(loose);
      bom.setComponents(components);
      bom.setServices(services);
      bom.setDependencies(dependencies(components));
      return bom;
    }

    // ---- packages and the dependency tree ----

    private void collectPackages() {
      Set<String> aiProjects = new LinkedHashSet<>();
      for (Finding f : result.findings()) {
        DependencyPath path = f.dependency();
        if (path == null || path.path().size() < 2) {
          continue;
        }
        String project = path.path().get(0);
        aiProjects.add(f.targetId() + '\u0000' + project);
        String parent = projectRef(f.targetId(), project);
        for (int i = 1; i < path.path().size(); i++) {
          Pkg p = pkg(f.targetId(), project, path.path().get(i));
          edge(parent, p.key);
          parent = p.key;
        }
      }
      for (PackageDependency d : result.dependencies()) {
        if (!aiProjects.contains(d.targetId() + '\u0000' + d.project())) {
          continue;
        }
        Pkg p = pkg(d.targetId(), d.project(), d.label());
        String parent =
            d.parent() == null
                ? projectRef(d.targetId(), d.project())
                : pkg(d.targetId(), d.project(), d.parent()).key;
        edge(parent, p.key);
        if (d.manifest() != null) {
          p.occurrences.add(new Occ(inv.displayPath(d.targetId(), d.manifest()), null, null));
        }
      }
    }

    private String projectRef(String targetId, String project) {
      String ref = "project:" + targetId + ":" + project;
      projects.putIfAbsent(ref, new String[] {project, targetId});
      return ref;
    }

    /** The package a dependency path step names, known from the dependency tree or not. */
    private Pkg pkg(String targetId, String project, String label) {
      PackageDependency d = depIndex.get(key(targetId, project, label));
      if (d != null) {
        return packages.computeIfAbsent(
            d.packageKey(), k -> new Pkg(k, d.ecosystem(), d.name(), d.version()));
      }
      return packages.computeIfAbsent("unknown:" + label, k -> new Pkg(k, "unknown", label, null));
    }

    private void edge(String from, String to) {
      edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
    }

    private void assignPackageRefs() {
      Set<String> used = new HashSet<>();
      for (Pkg p : packages.values()) {
        PackageURL purl = Purls.of(p.ecosystem, p.name, Purls.exactVersion(p.version));
        String ref = purl == null ? "package:" + p.key : purl.canonicalize();
        String unique = ref;
        for (int n = 2; !used.add(unique); n++) {
          unique = ref + "#" + n;
        }
        p.ref = unique;
      }
    }

    private List<Pkg> sortedPackages() {
      List<Pkg> list = new ArrayList<>(packages.values());
      list.sort(Comparator.comparing(p -> p.ref));
      return list;
    }

    // ---- assets ----

    private void collectAsset(Asset a) {
      boolean shown = false;
      for (Finding f : inv.findingsOf(a)) {
        if (f.dependency() != null && f.dependency().path().size() >= 2) {
          List<String> path = f.dependency().path();
          Pkg p = pkg(f.targetId(), path.get(0), path.get(path.size() - 1));
          p.assets.add(a);
          p.categories.add(f.category().wireName());
          p.occurrences.add(occ(f));
          shown = true;
        }
        if (f.model() != null) {
          Model m =
              models.computeIfAbsent(
                  f.provider() + "/" + f.model(), k -> new Model(f.provider(), f.model()));
          m.assets.add(a);
          m.occurrences.add(occ(f));
          shown = true;
        }
        if (f.category() == Category.MODEL_FILE) {
          modelFiles.add(modelFile(a, f));
          shown = true;
        }
      }
      if (AiProviders.isService(a)) {
        services.add(service(a));
        shown = true;
      }
      if (!shown) {
        loose.add(loose(a));
      }
    }

    private Occ occ(Finding f) {
      Location l = f.location();
      if (l.file() == null) {
        return new Occ(l.toString(), null, null);
      }
      String where = inv.displayPath(f.targetId(), l.file());
      if (l.cell() != null) {
        return new Occ(
            where,
            null,
            "notebook cell " + l.cell() + (l.line() == null ? "" : ", line " + l.line()));
      }
      return new Occ(where, l.line(), null);
    }

    private static void assetProperties(Component c, Set<Asset> assets) {
      assets.stream().map(Asset::provider).distinct().forEach(p -> prop(c, PROVIDER, p));
      for (Asset a : assets) {
        prop(c, ASSET_ID, a.id());
        prop(c, STATUS, a.status().wireName());
      }
    }

    private static void prop(Component c, String name, String value) {
      c.addProperty(new Property(name, value));
    }

    private static void prop(Service s, String name, String value) {
      s.addProperty(new Property(name, value));
    }

    private static void evidence(Component c, Set<Occ> occurrences) {
      if (occurrences.isEmpty()) {
        return;
      }
      Evidence e = new Evidence();
      e.setOccurrences(occurrences.stream().map(Occ::toOccurrence).toList());
      c.setEvidence(e);
    }

    // ---- components ----

    private Metadata metadata() {
      Metadata m = new Metadata();
      m.setTimestamp(Date.from(result.scan().finished()));
      Component tool = new Component();
      tool.setType(Component.Type.APPLICATION);
      tool.setName("aiscan");
      tool.setVersion(result.scan().aiscanVersion());
      ToolInformation tools = new ToolInformation();
      tools.setComponents(List.of(tool));
      m.setToolChoice(tools);

      Component app = new Component();
      app.setType(Component.Type.APPLICATION);
      app.setBomRef(INVENTORY_REF);
      String names =
          result.scan().targets().stream().map(Target::name).collect(Collectors.joining(", "));
      app.setName(names.isEmpty() ? "aiscan inventory" : names);
      app.setDescription("AI inventory found by aiscan");
      for (Target t : result.scan().targets()) {
        prop(app, "aiscan:target", t.id());
      }
      m.setComponent(app);

      m.addProperty(new Property("aiscan:scanId", result.scan().id()));
      if (result.reconciliation().registerGiven()) {
        m.addProperty(new Property("aiscan:register", result.reconciliation().registerSource()));
      }
      if (result.reconciliation().previousScan() != null) {
        m.addProperty(new Property("aiscan:previousScan", result.reconciliation().previousScan()));
      }
      return m;
    }

    private Component project(String ref, String name, String targetId) {
      Component c = new Component();
      c.setType(Component.Type.APPLICATION);
      c.setBomRef(ref);
      c.setName(name);
      prop(c, "aiscan:target", inv.targetName(targetId));
      return c;
    }

    private static Component library(Pkg p) {
      Component c = new Component();
      c.setType(Component.Type.LIBRARY);
      c.setBomRef(p.ref);
      c.setName(p.name);
      String exact = Purls.exactVersion(p.version);
      if (exact != null) {
        c.setVersion(exact);
      }
      PackageURL purl = Purls.of(p.ecosystem, p.name, exact);
      if (purl != null) {
        c.setPurl(purl.canonicalize());
      }
      if (p.version != null && exact == null) {
        prop(c, "aiscan:declaredVersion", p.version);
      }
      if (!p.assets.isEmpty()) {
        assetProperties(c, p.assets);
        p.categories.forEach(cat -> prop(c, "aiscan:category", cat));
      }
      evidence(c, p.occurrences);
      return c;
    }

    private static Component model(Model m) {
      Component c = new Component();
      c.setType(Component.Type.MACHINE_LEARNING_MODEL);
      c.setBomRef(m.ref());
      c.setName(m.name);
      ModelCard card = new ModelCard();
      String task = AiProviders.task(m.provider, m.name);
      if (task != null) {
        ModelParameters parameters = new ModelParameters();
        parameters.setTask(task);
        card.setModelParameters(parameters);
      }
      card.setProperties(List.of(new Property(PROVIDER, m.provider)));
      c.setModelCard(card);
      assetProperties(c, m.assets);
      evidence(c, m.occurrences);
      return c;
    }

    private Component modelFile(Asset a, Finding f) {
      Component c = new Component();
      c.setType(Component.Type.MACHINE_LEARNING_MODEL);
      c.setBomRef("model-file:" + f.id());
      String file = f.location().file() == null ? f.location().toString() : f.location().file();
      c.setName(file.substring(file.lastIndexOf('/') + 1));
      c.setDescription("model file of " + a.provider());
      assetProperties(c, Set.of(a));
      evidence(c, new TreeSet<>(List.of(occ(f))));
      return c;
    }

    private Component loose(Asset a) {
      Component c = new Component();
      c.setType(
          a.categories().contains(Category.CODING_ASSISTANT)
              ? Component.Type.APPLICATION
              : a.categories().contains(Category.FRAMEWORK)
                  ? Component.Type.FRAMEWORK
                  : Component.Type.LIBRARY);
      c.setBomRef("asset:" + a.id());
      c.setName(a.provider());
      c.setDescription(a.name());
      assetProperties(c, Set.of(a));
      evidence(
          c,
          inv.findingsOf(a).stream().map(this::occ).collect(Collectors.toCollection(TreeSet::new)));
      return c;
    }

    private Service service(Asset a) {
      Service s = new Service();
      s.setBomRef("service:" + a.id());
      s.setName(a.provider());
      s.setDescription(a.name());
      Set<String> endpoints = new TreeSet<>();
      Set<String> where = new TreeSet<>();
      boolean credential = false;
      for (Finding f : inv.findingsOf(a)) {
        if (f.category() == Category.CREDENTIAL) {
          credential = true;
        } else {
          endpoints.addAll(urls(f.evidence()));
        }
        where.add(inv.displayLocation(f.targetId(), f.location()));
        if (f.model() != null) {
          modelsUnderServices.add("model:" + f.provider() + "/" + f.model());
        }
      }
      if (!endpoints.isEmpty()) {
        s.setEndpoints(new ArrayList<>(endpoints));
      }
      if (credential) {
        s.setAuthenticated(true);
      }
      if (AiProviders.hosted(a.provider()) || a.categories().contains(Category.SAAS_APP)) {
        s.setxTrustBoundary(true);
      }
      prop(s, PROVIDER, a.provider());
      prop(s, ASSET_ID, a.id());
      prop(s, STATUS, a.status().wireName());
      if (a.statusReason() != null) {
        prop(s, "aiscan:statusReason", a.statusReason());
      }
      if (a.registerId() != null) {
        prop(s, "aiscan:registerId", a.registerId());
      }
      prop(s, "aiscan:kind", a.kind());
      prop(s, "aiscan:target", inv.targetName(a.targetId()));
      a.models().forEach(m -> prop(s, "aiscan:model", m));
      where.forEach(w -> prop(s, "aiscan:occurrence", w));
      return s;
    }

    /** The http(s) and ws(s) URLs a text names, without user info, query or fragment. */
    static Set<String> urls(String text) {
      Set<String> out = new TreeSet<>();
      Matcher m = URL.matcher(text);
      while (m.find()) {
        String path = m.group(4) == null ? "" : m.group(4);
        while (!path.isEmpty() && ".,;:!)".indexOf(path.charAt(path.length() - 1)) >= 0) {
          path = path.substring(0, path.length() - 1);
        }
        String host = m.group(2);
        while (host.endsWith(".")) {
          host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
          continue;
        }
        out.add(m.group(1) + "://" + host + (m.group(3) == null ? "" : m.group(3)) + path);
      }
      return out;
    }

    // ---- dependencies ----

    private List<Dependency> dependencies(List<Component> components) {
      Map<String, Set<String>> graph = new LinkedHashMap<>();
      Set<String> top = new TreeSet<>(projects.keySet());
      for (Service s : services) {
        top.add(s.getBomRef());
      }
      for (Model m : models.values()) {
        if (!modelsUnderServices.contains(m.ref())) {
          top.add(m.ref());
        }
      }
      modelFiles.forEach(c -> top.add(c.getBomRef()));
      loose.forEach(c -> top.add(c.getBomRef()));
      graph.put(INVENTORY_REF, top);

      Map<String, String> refOfKey = new HashMap<>();
      packages.values().forEach(p -> refOfKey.put(p.key, p.ref));
      Map<String, Set<String>> byRef = new TreeMap<>();
      for (Component c : components) {
        byRef.put(c.getBomRef(), new TreeSet<>());
      }
      for (Service s : services) {
        Set<String> deps = new TreeSet<>();
        for (Finding f : inv.findingsOf(assetOf(s))) {
          if (f.model() != null) {
            deps.add("model:" + f.provider() + "/" + f.model());
          }
        }
        byRef.put(s.getBomRef(), deps);
      }
      for (Map.Entry<String, Set<String>> e : edges.entrySet()) {
        String from = refOfKey.getOrDefault(e.getKey(), e.getKey());
        Set<String> to = byRef.computeIfAbsent(from, k -> new TreeSet<>());
        e.getValue().forEach(k -> to.add(refOfKey.getOrDefault(k, k)));
      }
      graph.putAll(byRef);

      List<Dependency> out = new ArrayList<>();
      for (Map.Entry<String, Set<String>> e : graph.entrySet()) {
        Dependency d = new Dependency(e.getKey());
        for (String child : e.getValue()) {
          d.addDependency(new Dependency(child));
        }
        out.add(d);
      }
      return out;
    }

    private Asset assetOf(Service s) {
      String id = s.getBomRef().substring("service:".length());
      return result.assets().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
  }
}
