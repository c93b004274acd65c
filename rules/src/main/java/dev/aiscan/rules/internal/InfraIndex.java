package dev.aiscan.rules.internal;

import dev.aiscan.core.model.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matchers over configuration and infrastructure facts: config keys, environment variables,
 * container images, model files, cloud resource types, SaaS apps. All exact names are hash lookups;
 * the few regexes run only on these (short, infrequent) facts.
 */
public final class InfraIndex {
  private static final int MAX_ENV_NAME = 128;
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private record Regex(Pattern pattern, Binding binding) {}

  /** A cloud-resource matcher's binding with its {@code kind} filter (lowercase; empty: any). */
  private record Cloud(Binding binding, java.util.Set<String> kinds) {
    boolean accepts(Fact fact) {
      if (kinds.isEmpty()) {
        return true;
      }
      String kind = fact.attribute(Fact.Attr.KIND);
      return kind != null && kinds.contains(kind.toLowerCase(Locale.ROOT));
    }
  }

  private record Prefix(String prefix, Cloud cloud) {}

  private final SegmentMap<Binding> configPrefixes = new SegmentMap<>(".");
  private final List<Regex> configPatterns = new ArrayList<>();
  private final Map<String, List<Binding>> envNames = new HashMap<>();
  private final List<Regex> envPatterns = new ArrayList<>();
  private final Map<String, List<Binding>> images = new HashMap<>();
  private final Map<String, List<Binding>> modelFiles = new HashMap<>();
  private final Map<String, List<Cloud>> cloudExact = new HashMap<>();
  private final List<Prefix> cloudPrefixes = new ArrayList<>();
  private final Map<String, List<Binding>> saasNames = new HashMap<>();
  private final Map<String, List<Binding>> saasDomains = new HashMap<>();
  private final Map<String, List<Binding>> saasClientIds = new HashMap<>();
  private final List<MatcherSpec.UnknownSaasApp> unknownSaasApps = new ArrayList<>();

  void add(MatcherSpec.ConfigKey spec) {
    spec.prefixes().forEach(p -> configPrefixes.put(p.toLowerCase(Locale.ROOT), spec.binding()));
    if (spec.pattern() != null) {
      configPatterns.add(new Regex(spec.pattern(), spec.binding()));
    }
  }

  void add(MatcherSpec.Env spec) {
    spec.names().forEach(n -> put(envNames, n, spec.binding()));
    if (spec.pattern() != null) {
      envPatterns.add(new Regex(spec.pattern(), spec.binding()));
    }
  }

  void add(MatcherSpec.Image spec) {
    spec.names().forEach(n -> put(images, Names.imagePath(n), spec.binding()));
  }

  void add(MatcherSpec.ModelFile spec) {
    spec.formats().forEach(f -> put(modelFiles, f.toLowerCase(Locale.ROOT), spec.binding()));
  }

  void add(MatcherSpec.CloudResource spec) {
    Cloud cloud =
        new Cloud(
            spec.binding(),
            java.util.Set.copyOf(
                spec.kinds().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList()));
    for (String t : spec.types()) {
      String type = t.toLowerCase(Locale.ROOT);
      if (type.endsWith("*")) {
        cloudPrefixes.add(new Prefix(type.substring(0, type.length() - 1), cloud));
      } else {
        cloudExact.computeIfAbsent(type, k -> new ArrayList<>()).add(cloud);
      }
    }
  }

  void add(MatcherSpec.UnknownSaasApp spec) {
    unknownSaasApps.add(spec);
  }

  void add(MatcherSpec.SaasApp spec) {
    spec.names().forEach(n -> put(saasNames, n.toLowerCase(Locale.ROOT), spec.binding()));
    spec.domains().forEach(d -> put(saasDomains, d.toLowerCase(Locale.ROOT), spec.binding()));
    spec.clientIds().forEach(c -> put(saasClientIds, c, spec.binding()));
  }

  void freeze() {
    configPrefixes.freeze();
  }

  /** Prefix on {@code .} segments, case-insensitive (Spring's relaxed binding), or regex. */
  void matchConfigKey(Hits hits) {
    String key = hits.fact().value().toLowerCase(Locale.ROOT);
    configPrefixes.lookup(key, hits::add);
    for (Regex r : configPatterns) {
      if (r.pattern.matcher(hits.fact().value()).find()) {
        hits.add(r.binding);
      }
    }
  }

  void matchEnv(Hits hits) {
    String name = hits.fact().value();
    addAll(hits, envNames.get(name));
    for (Regex r : envPatterns) {
      if (r.pattern.matcher(name).find()) {
        hits.add(r.binding);
      }
    }
  }

  /** A literal whose whole value is an environment variable name, e.g. {@code getenv("X")}. */
  void matchEnvLiteral(Hits hits) {
    String v = hits.fact().value();
    if (v.length() > MAX_ENV_NAME) {
      return;
    }
    List<Binding> exact = envNames.get(v);
    boolean envLike = exact != null || !envPatterns.isEmpty() && ENV_NAME.matcher(v).matches();
    if (!envLike) {
      return;
    }
    String evidence = "env " + v;
    if (exact != null) {
      exact.forEach(b -> hits.add(b, evidence, null, null));
    }
    for (Regex r : envPatterns) {
      if (r.pattern.matcher(v).find()) {
        hits.add(r.binding, evidence, null, null);
      }
    }
  }

  /** The repository path equals a name, or starts or ends with it on a {@code /} boundary. */
  void matchImage(Hits hits) {
    if (images.isEmpty()) {
      return;
    }
    String path = Names.imagePath(hits.fact().value());
    addAll(hits, images.get(path));
    for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
      addAll(hits, images.get(path.substring(0, i)));
      addAll(hits, images.get(path.substring(i + 1)));
    }
  }

  void matchModelFile(Hits hits) {
    addAll(hits, modelFiles.get(hits.fact().value().toLowerCase(Locale.ROOT)));
  }

  /** Exact type or prefix, case-insensitive; then the matcher's {@code kind} filter, if any. */
  void matchCloudResource(Hits hits) {
    Fact f = hits.fact();
    String type = f.value().toLowerCase(Locale.ROOT);
    List<Cloud> exact = cloudExact.get(type);
    if (exact != null) {
      for (Cloud c : exact) {
        if (c.accepts(f)) {
          hits.add(c.binding);
        }
      }
    }
    for (Prefix p : cloudPrefixes) {
      if (type.startsWith(p.prefix) && p.cloud.accepts(f)) {
        hits.add(p.cloud.binding);
      }
    }
  }

  /** Name (case-insensitive), domain or subdomain ({@code domain} attribute), client id. */
  void matchSaasApp(Hits hits) {
    Fact f = hits.fact();
    addAll(hits, saasNames.get(f.value().toLowerCase(Locale.ROOT)));
    String domain = f.attribute(Fact.Attr.DOMAIN);
    if (domain != null) {
      String d = domain.toLowerCase(Locale.ROOT);
      addAll(hits, saasDomains.get(d));
      for (int i = d.indexOf('.'); i > 0; i = d.indexOf('.', i + 1)) {
        addAll(hits, saasDomains.get(d.substring(i + 1)));
      }
    }
    String clientId = f.attribute(Fact.Attr.CLIENT_ID);
    if (clientId != null) {
      addAll(hits, saasClientIds.get(clientId));
    }
    if (hits.isEmpty() && !unknownSaasApps.isEmpty()) {
      matchUnknownSaasApp(hits);
    }
  }

  /** An app the catalogue does not know, with an AI-like name and a broad scope. */
  private void matchUnknownSaasApp(Hits hits) {
    Fact f = hits.fact();
    String scopes = f.attribute("scopes");
    if (scopes == null || scopes.isBlank()) {
      return;
    }
    List<String> held =
        java.util.Arrays.stream(scopes.split("[,\\s]+"))
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .toList();
    for (MatcherSpec.UnknownSaasApp u : unknownSaasApps) {
      if (u.namePattern().matcher(f.value()).find() && broad(held, u.scopes())) {
        hits.add(u.binding());
      }
    }
  }

  private static boolean broad(List<String> held, List<String> wanted) {
    for (String w : wanted) {
      String want = w.toLowerCase(Locale.ROOT);
      boolean prefix = want.endsWith("*");
      String stem = prefix ? want.substring(0, want.length() - 1) : want;
      for (String h : held) {
        if (prefix ? h.startsWith(stem) : h.equals(stem)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void addAll(Hits hits, List<Binding> bindings) {
    if (bindings != null) {
      bindings.forEach(hits::add);
    }
  }

  private static void put(Map<String, List<Binding>> map, String key, Binding binding) {
    map.computeIfAbsent(key, k -> new ArrayList<>()).add(binding);
  }
}
