package dev.aiscan.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The literal tokens of the content prefilter: for every matcher that applies to facts extracted
 * from file content, strings such that whenever a fact extracted from a file could match the
 * matcher, at least one of them occurs in the file's raw bytes (ASCII case-insensitively). Matchers
 * about a file's name or header ({@code file}, {@code model-file}) and facts not read from files
 * ({@code saas-app}, {@code usage-event}, {@code setting}, {@code api-key}) contribute none.
 *
 * <p>Where a fact's value need not appear verbatim, a part that must is used instead: YAML nests
 * config keys ({@code spring:\n ai:\n openai:}), so a key prefix contributes one of its segments;
 * Python's {@code from google import genai} yields the import {@code google.genai}, so a Python
 * module contributes its parent or its last segment; a type is often written by its simple name
 * after an import; Bicep nests child resources, so an ARM type contributes its provider namespace.
 * Among several sound candidates the most distinctive is chosen.
 */
public final class PrefilterTokens {
  /**
   * Words too common in ordinary code to be good tokens; chosen only when nothing else is sound.
   */
  static final Set<String> COMMON =
      Set.of(
          "ai",
          "api",
          "apis",
          "app",
          "aws",
          "azure",
          "client",
          "clients",
          "cloud",
          "com",
          "common",
          "core",
          "dev",
          "github",
          "go",
          "google",
          "http",
          "https",
          "io",
          "java",
          "js",
          "lib",
          "main",
          "microsoft",
          "model",
          "models",
          "net",
          "node",
          "org",
          "py",
          "python",
          "sdk",
          "server",
          "service",
          "services",
          "types",
          "util",
          "utils",
          "v1",
          "v2",
          "v3",
          "www",
          "amazon",
          "software",
          "runtime",
          "chat",
          "llm",
          "llms",
          "text",
          "data",
          "base",
          "tools",
          "agent",
          "agents",
          "web",
          "ml",
          "index",
          "vector",
          "vectors",
          "store",
          "stores",
          "embedding",
          "embeddings",
          "integrations",
          "components",
          "document",
          "documents",
          "schema",
          "config",
          "test",
          "tests",
          "spring",
          "boot",
          "starter",
          "framework",
          "plugin",
          "extension",
          "extensions",
          "shared",
          "kit",
          "parse",
          "parser",
          "format",
          "json",
          "request",
          "response",
          "string",
          "list",
          "map",
          "file",
          "files",
          "read",
          "write",
          "load",
          "search",
          "query",
          "image",
          "images",
          "audio",
          "video",
          "stream",
          "auth",
          "token",
          "tokens",
          "key",
          "keys",
          "run",
          "engine",
          "cli",
          "cpp",
          "rs",
          "ts",
          "generator",
          "generators",
          "retriever",
          "retrievers",
          "memory",
          "local",
          "remote",
          "proxy",
          "command",
          "commands",
          "default",
          "type",
          "value",
          "name",
          "action",
          "source",
          "target",
          "user",
          "system",
          "content",
          "message",
          "messages",
          "prompt",
          "input",
          "output",
          "options",
          "settings",
          "vertex",
          "builder",
          "factory",
          "context",
          "session",
          "handler",
          "manager",
          "provider");

  /**
   * Common alone (too short), but a compound with them is AI-specific: {@code aiservices}, {@code
   * llmchain}.
   */
  private static final Set<String> AI_WORDS =
      Set.of("ai", "llm", "llms", "ml", "chat", "prompt", "embedding", "embeddings");

  private final PythonImports python;

  /** token -> ids of the rules that need it. */
  private final Map<ByteTokenFilter.Token, Set<String>> tokens = new LinkedHashMap<>();

  public PrefilterTokens(PythonImports python) {
    this.python = python;
  }

  /** Each token with the ids of the rules whose matchers contributed it. */
  public Map<ByteTokenFilter.Token, Set<String>> tokens() {
    return tokens;
  }

  public void add(MatcherSpec m) {
    String rule = m.binding().rule().id();
    if (m instanceof MatcherSpec.Import s) {
      for (String module : s.modules()) {
        put(importToken(module, pythonCapable(m.binding())), rule, !Names.isGlob(module));
      }
    } else if (m instanceof MatcherSpec.Package s) {
      addPackage(s, rule);
    } else if (m instanceof MatcherSpec.Type s) {
      s.names().forEach(n -> put(Names.simpleName(n), rule, true));
      s.packages().forEach(p -> put(p, rule, true));
      s.simpleNames().forEach(n -> put(n, rule, true));
    } else if (m instanceof MatcherSpec.Call s) {
      for (String r : s.receivers()) {
        String last = Names.simpleName(r);
        put(!last.isEmpty() && Character.isUpperCase(last.charAt(0)) ? last : r, rule, true);
      }
    } else if (m instanceof MatcherSpec.Host s) {
      s.hosts().forEach(h -> put(hostToken(h), rule, false));
    } else if (m instanceof MatcherSpec.Regex s) {
      regexTokens(s).forEach(t -> put(t, rule, false));
    } else if (m instanceof MatcherSpec.ConfigKey s) {
      s.prefixes().forEach(p -> put(configKeyToken(p), rule, true));
      s.tokens().forEach(t -> put(best(split(t, ".")), rule, false));
    } else if (m instanceof MatcherSpec.Env s) {
      s.names().forEach(n -> put(n, rule, true));
      s.tokens().forEach(t -> put(t, rule, false));
    } else if (m instanceof MatcherSpec.Image s) {
      s.names().forEach(n -> put(Names.imagePath(n), rule, false));
    } else if (m instanceof MatcherSpec.CloudResource s) {
      s.types().forEach(t -> put(cloudToken(t), rule, false));
    }
    // file, model-file, saas-app, usage-event, setting, api-key: not about file content
  }

  /**
   * The strongest of several sound token sets (the one whose weakest token is best): the regex's
   * declared tokens, those derived from its pattern, and those derived from its {@code key} filter
   * (the key's {@code .} segments appear in the file: a variable name, or a config path whose
   * segments are the file's keys) or its {@code context} filter (a Java call chain: its identifiers
   * appear in the file). A fact must satisfy every one of them, so any one set is sound.
   */
  static List<String> regexTokens(MatcherSpec.Regex s) {
    List<List<String>> candidates = new ArrayList<>();
    candidates.add(s.tokens());
    candidates.add(RegexTokens.derive(s.pattern().pattern()));
    if (s.key() != null) {
      candidates.add(pieces(RegexTokens.derive(s.key().pattern()), "."));
    }
    if (s.context() != null) {
      candidates.add(pieces(RegexTokens.derive(s.context().pattern()), NON_IDENTIFIER));
    }
    List<String> best = s.tokens();
    for (List<String> c : candidates) {
      if (!c.isEmpty() && weakest(c) > weakest(best)) {
        best = c;
      }
    }
    return best;
  }

  private static final String NON_IDENTIFIER = " .()[]{}<>,;:\"'=+-*/\\!?&|^%#@$~`\t\n";

  /** The best piece of each token between separators; empty if some token has no piece. */
  private static List<String> pieces(List<String> tokens, String separators) {
    List<String> out = new ArrayList<>();
    for (String t : tokens) {
      String b = best(split(t, separators));
      if (b.isEmpty()) {
        return List.of();
      }
      out.add(b);
    }
    return out;
  }

  private static double weakest(List<String> tokens) {
    double min = Double.MAX_VALUE;
    for (String t : tokens) {
      min = Math.min(min, score(t));
    }
    return tokens.isEmpty() ? -1 : min;
  }

  /**
   * A config key prefix contributes one segment, which appears whether the key is written flat
   * ({@code spring.ai.openai.api-key=}) or nested in YAML ({@code spring:\n ai:\n openai:}): the
   * most distinctive, or the last (most specific) when all are weak ({@code spring.ai} -> {@code
   * ai}, bounded).
   */
  static String configKeyToken(String prefix) {
    List<String> segments = split(prefix, ".");
    String best = best(segments);
    return weak(best) && !segments.isEmpty() ? segments.get(segments.size() - 1) : best;
  }

  private static boolean weak(String token) {
    return token.length() < 4 || isCommon(token);
  }

  private static boolean pythonCapable(Binding b) {
    return b.languages().isEmpty() || b.languages().contains("python");
  }

  /**
   * A module as written ({@code import x.y}, {@code require('x')}, {@code using X.Y;}, Go's quoted
   * path); for matchers that may apply to Python, {@code from a.b import c} yields {@code a.b.c}
   * without the text containing it, but it contains the parent {@code a.b} and the last segment
   * {@code c}: the better of the two. A glob contributes its best literal piece within a segment.
   */
  static String importToken(String module, boolean python) {
    if (Names.isGlob(module)) {
      return best(split(module, "*./"));
    }
    if (!python) {
      return module;
    }
    int dot = module.lastIndexOf('.');
    if (dot < 0) {
      return module;
    }
    String parent = module.substring(0, dot);
    String last = module.substring(dot + 1);
    // The parent starts with the top-level package (haystack, llama_index, azure.ai): a name chosen
    // to be unique, where the last segment is often an ordinary word (components, inference).
    if (parent.length() >= 4 && !isCommon(parent)) {
      return parent;
    }
    return score(last) >= score(parent) ? last : parent;
  }

  private void addPackage(MatcherSpec.Package s, String rule) {
    for (String eco : s.ecosystems()) {
      String e = eco.toLowerCase(Locale.ROOT);
      for (String name : s.names()) {
        // A whole name stands as a word in a manifest or import. A segment of a PyPI name need not
        // ("scikit_learn"), but a one-segment PyPI name is the whole name: no separator can touch
        // it.
        boolean whole = !e.equals("pypi") || Names.pep503(name).indexOf('-') < 0;
        put(packageToken(e, name, false), rule, whole);
      }
      for (String pattern : s.patterns()) {
        put(packageToken(e, pattern, true), rule, false);
      }
      if (e.equals("pypi")) {
        addPythonImportNames(s, rule);
      }
    }
  }

  /**
   * A package name: PyPI names are compared PEP 503-normalised, so only their {@code -} segments
   * are sure to appear (in {@code Scikit_Learn}, in {@code import langchain_openai}); a Maven
   * {@code group:artifact} is written with the artifact id; other names as written. Globs
   * contribute their best literal piece.
   */
  static String packageToken(String ecosystem, String name, boolean glob) {
    switch (ecosystem) {
      case "pypi" -> {
        String n = Names.pep503(name.replace("*", "\u0000")).replace("\u0000", "*");
        return best(split(n, "-*"));
      }
      case "maven" -> {
        int colon = name.indexOf(':');
        String group = colon < 0 ? name : name.substring(0, colon);
        String artifact = colon < 0 ? "" : name.substring(colon + 1);
        if (!glob) {
          // the group is written too (<groupId>, group:artifact): use it when the artifact id is
          // weak
          return artifact.isEmpty() || weak(artifact) && !weak(group) ? group : artifact;
        }
        String a = best(split(artifact, "*"));
        return a.length() >= 3 ? a : best(split(group, "*"));
      }
      default -> {
        return glob ? best(split(name, "*")) : name;
      }
    }
  }

  /** Import names the Python map turns into one of this matcher's distributions. */
  private void addPythonImportNames(MatcherSpec.Package s, String rule) {
    List<Pattern> globs = new ArrayList<>();
    for (String p : s.patterns()) {
      globs.add(Names.glob(Names.pep503(p.replace("*", "\u0000")).replace("\u0000", "*")));
    }
    Set<String> names = new LinkedHashSet<>();
    s.names().forEach(n -> names.add(Names.packageName("pypi", n)));
    python
        .entries()
        .forEach(
            (module, distributions) -> {
              for (String d : distributions) {
                if (names.contains(d) || globs.stream().anyMatch(g -> g.matcher(d).matches())) {
                  // `from google import genai`: only the segments of a dotted import name are sure
                  // to appear
                  put(best(split(module, ".")), rule, true);
                  return;
                }
              }
            });
  }

  /**
   * The literal part of a host pattern: the host (with port) itself, {@code .suffix}, or the
   * longest literal.
   */
  static String hostToken(String pattern) {
    String p = pattern.toLowerCase(Locale.ROOT);
    if (p.indexOf('*') < 0) {
      return p;
    }
    if (p.startsWith("*.") && p.indexOf('*', 1) < 0 && p.indexOf(':') < 0) {
      return p.substring(1);
    }
    int colon = p.indexOf(':');
    String host = colon < 0 ? p : p.substring(0, colon);
    // bedrock-runtime.*.amazonaws.com: the service label is rarer than the cloud's own domain,
    // which every AWS URL carries; controller.*.pinecone.io: the vendor's domain beats a common
    // word.
    String best = "";
    double bestScore = -1;
    for (String part : host.split("\\*")) {
      String core = trimDots(part);
      double score =
          core.length() < 4 || CLOUD_SUFFIXES.contains(core) ? core.length() / 100.0 : score(core);
      if (score > bestScore) {
        best = part;
        bestScore = score;
      }
    }
    return best;
  }

  private static final Set<String> CLOUD_SUFFIXES =
      Set.of(
          "amazonaws.com",
          "api.aws",
          "azure.com",
          "windows.net",
          "azure.net",
          "googleapis.com",
          "cloud.google.com",
          "huggingface.cloud");

  private static String trimDots(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '.') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '.') {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * A resource type: CloudFormation and Terraform types as written (the literal prefix of {@code
   * prefix*}); ARM types by their provider namespace ({@code microsoft.cognitiveservices}), since
   * Bicep and ARM nest child resources and the full type is then composed, not written.
   */
  static String cloudToken(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    int star = t.indexOf('*');
    if (star >= 0) {
      t = t.substring(0, star);
    }
    int slash = t.indexOf('/');
    return slash >= 0 && t.indexOf("::") < 0 ? t.substring(0, slash) : t;
  }

  /**
   * The most distinctive candidate: the longest that is not a common word (any, if all are); among
   * equals the last.
   */
  static String best(List<String> candidates) {
    String best = "";
    for (String c : candidates) {
      if (score(c) >= score(best)) {
        best = c; // ties: the later, more specific segment
      }
    }
    return best;
  }

  /**
   * Longer is rarer; common words, and compounds of common words only ({@code ClientSession},
   * {@code api_key}), are the worst, whatever their length.
   */
  private static double score(String t) {
    if (t.isEmpty()) {
      return -1;
    }
    if (isCommon(t)) {
      return t.length() / 100.0;
    }
    // Punctuation or digits (imagen-, azure.ai, lex:, gpt-4) rarely occur by chance in prose or
    // identifiers; a plain word of the same length (generate, inference) does.
    boolean marked = !t.chars().allMatch(Character::isLetter);
    return t.length() + (marked ? 8 : 0);
  }

  private static boolean isCommon(String t) {
    String lower = t.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return true;
    }
    // a compound of common words: ClientSession, api_key, vectorstore (but not aiservices)
    String letters = lower.replaceAll("[^a-z0-9]", "");
    int n = letters.length();
    if (n == 0 || n > 64) {
      return false;
    }
    int[] words = new int[n + 1]; // fewest common words covering letters[0, i), or -1
    java.util.Arrays.fill(words, -1);
    words[0] = 0;
    for (int i = 1; i <= n; i++) {
      for (int j = 0; j < i; j++) {
        String w = letters.substring(j, i);
        if (words[j] >= 0 && COMMON.contains(w) && !AI_WORDS.contains(w)) {
          words[i] = words[i] < 0 ? words[j] + 1 : Math.min(words[i], words[j] + 1);
        }
      }
    }
    return words[n] >= 2;
  }

  /**
   * Adds a token. One that is sure to stand as a whole word where it occurs ({@code wordBounded}: a
   * module, a package or type name, a key segment, a variable name) is a bounded token, so that
   * {@code ort} is not found in {@code import}, nor {@code torch} in {@code vectorChild}.
   */
  private void put(String token, String rule, boolean wordBounded) {
    ByteTokenFilter.Token t =
        new ByteTokenFilter.Token(ByteTokenFilter.asciiLower(token), wordBounded);
    tokens.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(rule);
  }

  static List<String> split(String s, String separators) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || separators.indexOf(s.charAt(i)) >= 0) {
        if (i > from) {
          out.add(s.substring(from, i));
        }
        from = i + 1;
      }
    }
    return out;
  }
}
