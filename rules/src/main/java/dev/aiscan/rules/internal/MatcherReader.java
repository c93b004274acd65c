package dev.aiscan.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.rules.Rule;
import dev.aiscan.rules.RuleFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns one schema-valid matcher node into a {@link MatcherSpec}, compiling its regexes once. */
final class MatcherReader {
  private final String file;
  private final Rule rule;

  MatcherReader(String file, Rule rule) {
    this.file = file;
    this.rule = rule;
  }

  MatcherSpec read(JsonNode matcher) {
    String kind = matcher.fieldNames().next();
    JsonNode body = matcher.get(kind);
    Confidence confidence =
        body.has("confidence")
            ? Confidence.fromWire(body.get("confidence").asText())
            : rule.confidence();
    Binding b = new Binding(rule, confidence, Set.copyOf(strings(body, "language")));
    return switch (kind) {
      case "import" -> new MatcherSpec.Import(b, strings(body, "module"));
      case "package" ->
          new MatcherSpec.Package(
              b, strings(body, "ecosystem"), strings(body, "name"), strings(body, "pattern"));
      case "type" ->
          new MatcherSpec.Type(
              b, strings(body, "name"), strings(body, "package"), strings(body, "simple-name"));
      case "call" -> new MatcherSpec.Call(b, strings(body, "receiver"), strings(body, "method"));
      case "host" -> host(b, body);
      case "literal" -> regex(b, body, MatcherSpec.RegexKind.LITERAL);
      case "model" -> regex(b, body, MatcherSpec.RegexKind.MODEL);
      case "key-format" -> regex(b, body, MatcherSpec.RegexKind.KEY_FORMAT);
      case "config-key" -> {
        Pattern p = optionalRegex(body, "pattern");
        yield new MatcherSpec.ConfigKey(b, strings(body, "prefix"), p, patternTokens(body, p));
      }
      case "env" -> {
        Pattern p = optionalRegex(body, "pattern");
        yield new MatcherSpec.Env(b, strings(body, "name"), p, patternTokens(body, p));
      }
      case "image" -> new MatcherSpec.Image(b, strings(body, "name"));
      case "model-file" -> new MatcherSpec.ModelFile(b, strings(body, "format"));
      case "cloud-resource" ->
          new MatcherSpec.CloudResource(b, strings(body, "type"), strings(body, "kind"));
      case "file" -> file(b, body);
      case "saas-app" ->
          new MatcherSpec.SaasApp(
              b, strings(body, "name"), strings(body, "domain"), strings(body, "client-id"));
      case "unknown-saas-app" -> unknownSaasApp(b, body);
      case "usage-event" -> usageEvent(b, body);
      case "setting" -> new MatcherSpec.Setting(b, strings(body, "name"), strings(body, "state"));
      case "api-key" -> new MatcherSpec.ApiKey(b, strings(body, "origin"));
      default -> throw error(matcher, "unknown matcher '" + kind + "'");
    };
  }

  private MatcherSpec unknownSaasApp(Binding b, JsonNode body) {
    Pattern name = optionalRegex(body, "name-pattern");
    List<String> scopes = strings(body, "scopes");
    if (name == null || scopes.isEmpty()) {
      throw error(body, "unknown-saas-app needs both 'name-pattern' and 'scopes'");
    }
    return new MatcherSpec.UnknownSaasApp(
        b, Pattern.compile(name.pattern(), Pattern.CASE_INSENSITIVE), scopes);
  }

  private MatcherSpec host(Binding b, JsonNode body) {
    List<String> hosts = strings(body, "host");
    for (String h : hosts) {
      String problem = HostIndex.check(h);
      if (problem != null) {
        throw error(body.get("host"), problem);
      }
    }
    return new MatcherSpec.Host(
        b, hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(), strings(body, "path"));
  }

  private MatcherSpec usageEvent(Binding b, JsonNode body) {
    List<String> actions = strings(body, "action");
    for (String a : actions) {
      String problem = UsageIndex.checkAction(a);
      if (problem != null) {
        throw error(body.get("action"), problem);
      }
    }
    return new MatcherSpec.UsageEvent(b, actions);
  }

  private MatcherSpec file(Binding b, JsonNode body) {
    List<String> names = strings(body, "name");
    for (String n : names) {
      if (n.indexOf('/') >= 0 || n.indexOf('*') >= 0) {
        throw error(
            body.get("name"),
            "file name '" + n + "' must be a plain file name (use 'path' for globs)");
      }
    }
    List<String> paths = strings(body, "path");
    for (String p : paths) {
      String problem = PathGlob.check(p);
      if (problem != null) {
        throw error(body.get("path"), problem);
      }
    }
    return new MatcherSpec.File(b, names, paths);
  }

  private MatcherSpec regex(Binding b, JsonNode body, MatcherSpec.RegexKind kind) {
    Pattern pattern = optionalRegex(body, "pattern");
    return new MatcherSpec.Regex(
        b,
        kind,
        pattern,
        patternTokens(body, pattern),
        optionalRegex(body, "context"),
        optionalRegex(body, "key"));
  }

  /**
   * The declared {@code tokens}, else those derived from {@code pattern}: literal strings of which
   * every match contains one. Empty when there is no pattern; an error when none can be derived.
   */
  private List<String> patternTokens(JsonNode body, Pattern pattern) {
    List<String> tokens = strings(body, "tokens");
    for (String t : tokens) {
      if (t.length() < RegexTokens.MIN_LENGTH || !t.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw error(
            body.get("tokens"),
            "tokens must be printable ASCII of at least " + RegexTokens.MIN_LENGTH + " characters");
      }
    }
    if (pattern == null) {
      if (!tokens.isEmpty()) {
        throw error(body.get("tokens"), "'tokens' without 'pattern'");
      }
      return List.of();
    }
    if (tokens.isEmpty()) {
      tokens = RegexTokens.derive(pattern.pattern());
      if (tokens.isEmpty()) {
        throw error(
            body.get("pattern"),
            "cannot derive a prefilter token from pattern '"
                + pattern.pattern()
                + "': declare 'tokens'");
      }
    }
    return tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  private Pattern optionalRegex(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null) {
      return null;
    }
    try {
      return Pattern.compile(n.asText());
    } catch (PatternSyntaxException e) {
      throw error(
          n,
          "invalid regex in '"
              + field
              + "': "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
  }

  static List<String> strings(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null) {
      return List.of();
    }
    if (n.isArray()) {
      List<String> out = new ArrayList<>();
      n.forEach(e -> out.add(e.asText()));
      return List.copyOf(out);
    }
    return List.of(n.asText());
  }

  private RuleFormatException error(JsonNode at, String message) {
    return new RuleFormatException(
        file + ":" + PackReader.line(at, lineOf(rule)) + ": rule " + rule.id() + ": " + message);
  }

  private static int lineOf(Rule rule) {
    String s = rule.source();
    return Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
  }
}
