package dev.aiscan.core.model;

/** The kinds of observation connectors make. Rules match on these; connectors never judge them. */
public enum FactType {
  /** An import, require, using or Go import; value is the module, package or namespace path. */
  IMPORT,
  /** A declared or installed dependency; value is the package name, attribute {@code ecosystem}. */
  PACKAGE,
  /** A method call; value is the method name, attributes {@code receiver} (type or chain root). */
  CALL,
  /**
   * A type referenced, instantiated or extended; value is the resolved (qualified if known) name.
   */
  TYPE_REFERENCE,
  /** An annotation; value is its resolved name. */
  ANNOTATION,
  /** A string literal or configuration value; value is its text. */
  STRING_LITERAL,
  /** A configuration key (properties, YAML path); value is the dotted key. */
  CONFIG_KEY,
  /** An environment variable name defined or read; value is the name. */
  ENV_VAR,
  /** A container image reference; value is the image (registry/name:tag). */
  CONTAINER_IMAGE,
  /**
   * A file present in a source tree, whatever its content; value is its path relative to the target
   * root ({@code .github/copilot-instructions.md}), attribute {@code name} its file name.
   */
  FILE,
  /** A model file identified from its header; value is the format, attributes {@code size}. */
  MODEL_FILE,
  /** A resource type declared in infrastructure code or found in a cloud account. */
  CLOUD_RESOURCE,
  /** A SaaS application granted, installed or requested in a tenant. */
  SAAS_APP,
  /**
   * Evidence of use (an API call, a sign-in) seen in logs or usage reports; value is the action as
   * {@code service:Action} ({@code bedrock:InvokeModel}), attributes {@code principal}, {@code
   * count}, {@code model}.
   */
  USAGE_EVENT,
  /**
   * A governance setting of a cloud account or tenant; value is its name ({@code
   * bedrock:model-invocation-logging}), attribute {@code state} ({@code on}, {@code off}).
   */
  SETTING,
  /**
   * An API key as a provider's admin API lists it; value is the redacted hint the provider shows
   * ({@code sk-ant-api03-R2D...igAA}, {@code sk-abc...def}), never a secret; attributes {@code
   * name}, {@code owner}, {@code created}, {@code last-used}, {@code project}, {@code origin} (the
   * provider).
   */
  API_KEY;

  /** The lowercase, kebab-case name used in rule files and reports. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
