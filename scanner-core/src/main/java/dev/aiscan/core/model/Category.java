package dev.aiscan.core.model;

import java.util.Locale;

/** What kind of AI use a finding shows. */
public enum Category {
  SDK,
  FRAMEWORK,
  ENDPOINT,
  MODEL,
  CREDENTIAL,
  MODEL_FILE,
  CLOUD_SERVICE,
  SAAS_APP,
  VECTOR_DB,
  ML_FRAMEWORK,
  /**
   * An AI coding assistant configured in a repository (CLAUDE.md, .cursorrules, MCP client
   * configs).
   */
  CODING_ASSISTANT,
  /** A control around AI use is missing or off, e.g. Bedrock model invocation logging. */
  GOVERNANCE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Category fromWire(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
