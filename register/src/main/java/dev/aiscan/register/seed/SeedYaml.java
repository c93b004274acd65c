package dev.aiscan.register.seed;

import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a seeded register as YAML by hand, so that it can carry a header comment and TODO markers:
 * existing entries with all their fields, then the drafts.
 */
final class SeedYaml {
  private SeedYaml() {}

  static final String TODO = "TODO";

  /** Strings that can be written without quotes in block and flow context. */
  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z_](?:[A-Za-z0-9_ .()/+-]*[A-Za-z0-9_.()/+-])?");

  /** Plain scalars YAML 1.1 or 1.2 would read as something other than a string. */
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf");

  static String write(Register existing, List<SeedDraft> drafts, String scanId, LocalDate date) {
    StringBuilder y = new StringBuilder();
    y.append("# AI register seeded by aiscan");
    if (scanId != null && !scanId.isBlank()) {
      y.append(" from scan ").append(oneLine(scanId));
    }
    y.append(" on ").append(date).append(": review every TODO.\n");
    y.append("version: 1\n");
    if (existing.entries().isEmpty() && drafts.isEmpty()) {
      y.append("entries: []\n");
      return y.toString();
    }
    y.append("entries:\n");
    for (RegisterEntry e : existing.entries()) {
      existingEntry(y, e);
    }
    for (SeedDraft d : drafts) {
      draft(y, d);
    }
    return y.toString();
  }

  private static void existingEntry(StringBuilder y, RegisterEntry e) {
    y.append("  - id: ").append(scalar(e.id())).append('\n');
    field(y, "name", e.name());
    field(y, "purpose", e.purpose());
    field(y, "owner", e.owner());
    field(y, "businessUnit", e.businessUnit());
    field(y, "lifecycle", e.lifecycle() == null ? null : e.lifecycle().wireName());
    field(y, "riskLevel", e.riskLevel() == null ? null : e.riskLevel().wireName());
    field(y, "impactOnIndividuals", e.impactOnIndividuals());
    String personalData = personalData(e.personalData());
    if (personalData != null) {
      y.append("    personalData: ").append(personalData).append('\n');
    }
    field(y, "humanOversight", e.humanOversight());
    field(y, "supplier", e.supplier());
    if (!e.models().isEmpty()) {
      y.append("    models: ").append(flow(e.models())).append('\n');
    }
    if (!e.dataSources().isEmpty()) {
      y.append("    dataSources: ").append(flow(e.dataSources())).append('\n');
    }
    if (e.reviewDate() != null) {
      y.append("    reviewDate: ").append(e.reviewDate()).append('\n');
    }
    selectors(y, e.selectors());
  }

  private static void draft(StringBuilder y, SeedDraft d) {
    RegisterEntry e = d.entry();
    if (!d.assetIds().isEmpty()) {
      y.append("  # drafted from shadow assets ")
          .append(oneLine(String.join(", ", d.assetIds())))
          .append('\n');
    }
    y.append("  - id: ").append(scalar(e.id())).append('\n');
    todo(y, "name", e.name());
    todo(y, "purpose", e.purpose());
    todo(y, "owner", e.owner());
    if (!d.owners().isEmpty()) {
      y.append("    owners:\n");
      for (OwnerSuggestion o : d.owners()) {
        y.append("      - {owner: ")
            .append(quoted(o.owner()))
            .append(", source: ")
            .append(quoted(o.source()))
            .append("}\n");
      }
    }
    todo(y, "businessUnit", e.businessUnit());
    todo(y, "lifecycle", e.lifecycle() == null ? null : e.lifecycle().wireName());
    todo(y, "riskLevel", e.riskLevel() == null ? null : e.riskLevel().wireName());
    y.append("    suggestedRisk:\n");
    y.append("      level: ").append(d.risk().level().wireName()).append('\n');
    if (d.risk().reasons().isEmpty()) {
      y.append("      reasons: []\n");
    } else {
      y.append("      reasons:\n");
      for (String reason : d.risk().reasons()) {
        y.append("        - ").append(quoted(reason)).append('\n');
      }
    }
    todo(y, "impactOnIndividuals", e.impactOnIndividuals());
    String personalData = personalData(e.personalData());
    y.append("    personalData: ").append(personalData == null ? TODO : personalData).append('\n');
    todo(y, "humanOversight", e.humanOversight());
    if (e.supplier() == null) {
      y.append("    supplier: null   # in-house: no third-party supplier found\n");
    } else {
      field(y, "supplier", e.supplier());
    }
    y.append("    models: ").append(flow(e.models())).append('\n');
    y.append("    dataSources: ")
        .append(e.dataSources().isEmpty() ? TODO : flow(e.dataSources()))
        .append('\n');
    y.append("    reviewDate: ")
        .append(e.reviewDate() == null ? TODO : e.reviewDate().toString())
        .append('\n');
    selectors(y, e.selectors());
  }

  private static void field(StringBuilder y, String key, String value) {
    if (value != null) {
      y.append("    ").append(key).append(": ").append(scalar(value)).append('\n');
    }
  }

  private static void todo(StringBuilder y, String key, String value) {
    y.append("    ").append(key).append(": ").append(value == null ? TODO : scalar(value));
    y.append('\n');
  }

  /** {@code true}, {@code {processed: true, categories: [health]}}, or null when unknown. */
  private static String personalData(RegisterEntry.PersonalData p) {
    if (p == null || (p.processed() == null && p.categories().isEmpty())) {
      return null;
    }
    if (p.categories().isEmpty()) {
      return p.processed().toString();
    }
    return (p.processed() == null ? "{" : "{processed: " + p.processed() + ", ")
        + "categories: "
        + flow(p.categories())
        + "}";
  }

  private static void selectors(StringBuilder y, Selectors s) {
    StringBuilder body = new StringBuilder();
    list(body, "repositories", s.repositories());
    list(body, "paths", s.paths());
    list(body, "packages", s.packages());
    list(body, "cloudAccounts", s.cloudAccounts());
    list(body, "cloudResources", s.cloudResources());
    if (!s.tags().isEmpty()) {
      StringBuilder tags = new StringBuilder("{");
      for (Map.Entry<String, String> t : new TreeMap<>(s.tags()).entrySet()) {
        if (tags.length() > 1) {
          tags.append(", ");
        }
        tags.append(scalar(t.getKey())).append(": ").append(scalar(t.getValue()));
      }
      body.append("      tags: ").append(tags).append("}\n");
    }
    list(body, "saasTenants", s.saasTenants());
    list(body, "saasApps", s.saasApps());
    list(body, "apiKeys", s.apiKeys());
    list(body, "providers", s.providers());
    list(body, "models", s.models());
    if (body.length() == 0) {
      y.append("    selectors: {}\n");
    } else {
      y.append("    selectors:\n").append(body);
    }
  }

  private static void list(StringBuilder y, String key, List<String> values) {
    if (!values.isEmpty()) {
      y.append("      ").append(key).append(": ").append(flow(values)).append('\n');
    }
  }

  /** A flow sequence: {@code [a, "b: c"]}. */
  static String flow(List<String> values) {
    StringBuilder s = new StringBuilder("[");
    for (String v : values) {
      if (s.length() > 1) {
        s.append(", ");
      }
      s.append(scalar(v));
    }
    return s.append(']').toString();
  }

  /** A string as a YAML scalar: plain when that reads back as the same string, else quoted. */
  static String scalar(String s) {
    if (s == null) {
      return "null";
    }
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    return quoted(s);
  }

  /** A double-quoted YAML scalar. */
  static String quoted(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
  }
}
