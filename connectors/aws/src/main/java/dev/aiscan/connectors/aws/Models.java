package dev.aiscan.connectors.aws;

/** Model ids as code names them, from the ARNs and ids AWS APIs return. */
final class Models {
  private Models() {}

  /**
   * The model id behind a Bedrock model ARN or id: {@code
   * arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1} is {@code
   * anthropic.claude-v2:1}; a custom model ARN ({@code custom-model/BASE/ID}) gives its base model;
   * an inference profile ARN its profile id ({@code us.anthropic.claude-3-5-sonnet-...}); a plain
   * id is kept. Null for null or blank.
   */
  static String bedrock(String arnOrId) {
    if (arnOrId == null || arnOrId.isBlank()) {
      return null;
    }
    String v = arnOrId.strip();
    if (!v.startsWith("arn:")) {
      return v;
    }
    int slash = v.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String kind = v.substring(v.lastIndexOf(':', slash) + 1, slash);
    String rest = v.substring(slash + 1);
    if (kind.equals("custom-model")) {
      int last = rest.lastIndexOf('/');
      return last > 0 ? rest.substring(0, last) : rest;
    }
    return rest.isEmpty() ? null : rest;
  }
}
