package dev.aiscan.rules.internal;

import java.util.List;
import java.util.regex.Pattern;

/** One parsed matcher of a rule; the indexes are built from these. */
public sealed interface MatcherSpec {
  Binding binding();

  /** Module, package or namespace prefix on a {@code .} or {@code /} boundary; globs allowed. */
  record Import(Binding binding, List<String> modules) implements MatcherSpec {}

  /** Declared or installed package: exact names or globs, per ecosystem. */
  record Package(
      Binding binding, List<String> ecosystems, List<String> names, List<String> patterns)
      implements MatcherSpec {}

  /**
   * Type reference or annotation: qualified names, package prefixes, or unqualified simple names.
   */
  record Type(Binding binding, List<String> names, List<String> packages, List<String> simpleNames)
      implements MatcherSpec {}

  /** Method call: receiver type or package prefix, and optionally the method names. */
  record Call(Binding binding, List<String> receivers, List<String> methods)
      implements MatcherSpec {}

  /** Host of a URL or bare host name in a literal; optional path prefixes. */
  record Host(Binding binding, List<String> hosts, List<String> paths) implements MatcherSpec {}

  /** What a regular expression over string literals means. */
  enum RegexKind {
    LITERAL,
    MODEL,
    KEY_FORMAT
  }

  /** A regular expression over string literals, with its prefilter tokens and attribute filters. */
  record Regex(
      Binding binding,
      RegexKind kind,
      Pattern pattern,
      List<String> tokens,
      Pattern context,
      Pattern key)
      implements MatcherSpec {}

  /**
   * Configuration key prefixes (on {@code .}) or a regular expression, with the content prefilter's
   * tokens for the regex (empty without one).
   */
  record ConfigKey(Binding binding, List<String> prefixes, Pattern pattern, List<String> tokens)
      implements MatcherSpec {}

  /**
   * Environment variable names or a regular expression, with the content prefilter's tokens for the
   * regex (empty without one).
   */
  record Env(Binding binding, List<String> names, Pattern pattern, List<String> tokens)
      implements MatcherSpec {}

  /** Container image names, registry and tag ignored. */
  record Image(Binding binding, List<String> names) implements MatcherSpec {}

  /** Model file formats. */
  record ModelFile(Binding binding, List<String> formats) implements MatcherSpec {}

  /**
   * Cloud resource types, exact or {@code prefix*}; when {@code kinds} is not empty, the fact's
   * {@code kind} attribute must be one of them (case-insensitive).
   */
  record CloudResource(Binding binding, List<String> types, List<String> kinds)
      implements MatcherSpec {}

  /** A file present in a tree: exact file names, or globs over the path relative to the root. */
  record File(Binding binding, List<String> names, List<String> paths) implements MatcherSpec {}

  /**
   * A SaaS application the catalogue does not know, by an AI-like name ({@code namePattern}, found
   * case-insensitively) and at least one broad scope (exact, or a prefix with a trailing {@code *},
   * case-insensitive, against the fact's comma-separated {@code scopes}). Only facts no {@code
   * saas-app} matcher matched are tried.
   */
  record UnknownSaasApp(Binding binding, Pattern namePattern, List<String> scopes)
      implements MatcherSpec {}

  /** SaaS application by name, domain or OAuth client id. */
  record SaasApp(Binding binding, List<String> names, List<String> domains, List<String> clientIds)
      implements MatcherSpec {}

  /**
   * Usage events by action, {@code service:Action} exact or with a trailing {@code *}
   * (case-insensitive), e.g. {@code bedrock:InvokeModel}, {@code rekognition:Detect*}.
   */
  record UsageEvent(Binding binding, List<String> actions) implements MatcherSpec {}

  /**
   * API keys of a provider's key inventory ({@code api-key} facts) by the provider that listed
   * them: the fact's {@code origin} attribute, one of {@code origins} (case-insensitive).
   */
  record ApiKey(Binding binding, List<String> origins) implements MatcherSpec {}

  /**
   * Governance settings by name (case-insensitive); when {@code states} is not empty, the fact's
   * {@code state} attribute must be one of them (case-insensitive).
   */
  record Setting(Binding binding, List<String> names, List<String> states) implements MatcherSpec {}
}
