package dev.aiscan.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Deterministic, source-like text without AI: Java, Python, TypeScript and Go snippets with
 * ordinary identifiers: the rules' prefilter tests check that it is rejected, and the benchmarks
 * time the prefilter over it. AI product names are tokens by design, so the vocabulary has none.
 */
public final class SourceTextGenerator {
  private static final String[] WORDS = {
    "user",
    "order",
    "account",
    "item",
    "price",
    "total",
    "count",
    "name",
    "value",
    "cache",
    "request",
    "response",
    "handler",
    "service",
    "repository",
    "settings",
    "logger",
    "error",
    "result",
    "buffer",
    "file",
    "path",
    "line",
    "session",
    "customer",
    "invoice",
    "product",
    "cart",
    "payment",
    "address",
    "email",
    "status",
    "date",
    "time",
    "event",
    "queue",
    "worker",
    "job",
    "task",
    "schedule",
    "report",
    "metric",
    "view",
    "page",
    "form",
    "field",
    "table",
    "column",
    "row",
    "filter",
    "sort",
    "parent",
    "child",
    "tree",
    "graph",
    "edge",
    "node",
    "matrix",
    "vector",
    "offset",
    "limit",
    "size",
    "width",
    "height",
    "color",
    "style",
    "theme",
    "label",
    "title",
    "body",
    "header",
    "footer",
    "menu",
    "button",
    "click",
    "submit",
    "validate",
    "parse",
    "format",
    "render",
    "update",
    "delete",
    "create",
    "fetch",
    "load",
    "save",
    "store",
    "retry",
    "timeout",
    "client",
    "server",
    "router",
    "route",
    "middleware",
    "context",
    "config",
    "options",
    "builder",
    "factory",
    "adapter",
    "mapper",
    "entity",
    "record",
    "message",
    "channel",
    "topic",
    "stock",
    "warehouse",
    "shipment",
    "discount",
    "coupon"
  };

  private final Random random;

  public SourceTextGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** About {@code bytes} bytes of mixed source text (ASCII). */
  public byte[] generate(int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 512);
    while (sb.length() < bytes) {
      switch (random.nextInt(4)) {
        case 0 -> java(sb);
        case 1 -> python(sb);
        case 2 -> typescript(sb);
        default -> go(sb);
      }
    }
    sb.setLength(bytes);
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The languages {@link #generate(Language, int)} writes. */
  public enum Language {
    JAVA,
    PYTHON,
    TYPESCRIPT,
    GO
  }

  /** About {@code bytes} bytes of one language's source text (ASCII), for a file of its own. */
  public byte[] generate(Language language, int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 512);
    if (language == Language.GO) {
      sb.append("package ").append(word()).append("\n\nimport \"fmt\"\n\n");
    }
    while (sb.length() < bytes) {
      switch (language) {
        case JAVA -> java(sb);
        case PYTHON -> python(sb);
        case TYPESCRIPT -> typescript(sb);
        case GO -> go(sb);
      }
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private String camel() {
    String w = word();
    String v = word();
    return w + Character.toUpperCase(v.charAt(0)) + v.substring(1);
  }

  private String type() {
    String c = camel();
    return Character.toUpperCase(c.charAt(0)) + c.substring(1);
  }

  private String snake() {
    return word() + "_" + word();
  }

  private void java(StringBuilder sb) {
    String t = type();
    sb.append("import com.example.")
        .append(word())
        .append('.')
        .append(type())
        .append(";\n\n")
        .append("public class ")
        .append(t)
        .append(" {\n")
        .append("  private final ")
        .append(type())
        .append(' ')
        .append(camel())
        .append(";\n")
        .append("  public ")
        .append(type())
        .append(' ')
        .append(camel())
        .append("(int ")
        .append(word())
        .append(", String ")
        .append(camel())
        .append(") {\n")
        .append("    if (")
        .append(word())
        .append(" > ")
        .append(random.nextInt(1000))
        .append(") {\n")
        .append("      return ")
        .append(camel())
        .append(".")
        .append(camel())
        .append("(\"")
        .append(word())
        .append(' ')
        .append(word())
        .append("\");\n    }\n")
        .append("    log.debug(\"")
        .append(word())
        .append(" {} ")
        .append(word())
        .append("\", ")
        .append(camel())
        .append(");\n")
        .append("    return null;\n  }\n}\n\n");
  }

  private void python(StringBuilder sb) {
    sb.append("from ")
        .append(word())
        .append('.')
        .append(word())
        .append(" import ")
        .append(type())
        .append("\n\n")
        .append("def ")
        .append(snake())
        .append('(')
        .append(word())
        .append(", ")
        .append(snake())
        .append("=None):\n")
        .append("    \"\"\"")
        .append(word())
        .append(' ')
        .append(word())
        .append(' ')
        .append(word())
        .append(".\"\"\"\n")
        .append("    for ")
        .append(word())
        .append(" in ")
        .append(snake())
        .append(":\n")
        .append("        if ")
        .append(word())
        .append(".")
        .append(word())
        .append(" == '")
        .append(word())
        .append("':\n")
        .append("            return {\"")
        .append(word())
        .append("\": ")
        .append(random.nextInt(100))
        .append("}\n")
        .append("    return ")
        .append(snake())
        .append("\n\n");
  }

  private void typescript(StringBuilder sb) {
    sb.append("import { ")
        .append(type())
        .append(" } from './")
        .append(word())
        .append("';\n\n")
        .append("export async function ")
        .append(camel())
        .append("(")
        .append(word())
        .append(": ")
        .append(type())
        .append("): Promise<")
        .append(type())
        .append("[]> {\n")
        .append("  const ")
        .append(camel())
        .append(" = await fetch(`/")
        .append(word())
        .append("/${")
        .append(word())
        .append(".id}`);\n")
        .append("  return ")
        .append(word())
        .append(".filter((x) => x.")
        .append(word())
        .append(" !== '")
        .append(word())
        .append("');\n}\n\n");
  }

  private void go(StringBuilder sb) {
    sb.append("func ")
        .append(type())
        .append("(")
        .append(word())
        .append(" *")
        .append(type())
        .append(") (")
        .append(type())
        .append(", error) {\n")
        .append("\t")
        .append(camel())
        .append(", err := ")
        .append(word())
        .append(".")
        .append(type())
        .append("(\"")
        .append(word())
        .append("\")\n")
        .append("\tif err != nil {\n\t\treturn nil, fmt.Errorf(\"")
        .append(word())
        .append(": %w\", err)\n\t}\n")
        .append("\treturn ")
        .append(camel())
        .append(", nil\n}\n\n");
  }
}
