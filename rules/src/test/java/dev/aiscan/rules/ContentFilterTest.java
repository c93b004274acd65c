package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.rules.internal.ContentPrefilter;
import dev.aiscan.testkit.SourceTextGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The content prefilter is sound (every positive example of every built-in rule whose facts come
 * from file content, rendered as plausible file text in each way it can be written, gets through)
 * and selective (ordinary code that names no AI is rejected).
 */
class ContentFilterTest {
  private static final RuleEngine ENGINE = RuleEngine.loadDefault();
  private static final ContentPrefilter FILTER = (ContentPrefilter) ENGINE.contentFilter();

  /**
   * Fact types connectors extract from file content (not {@code file}, {@code model-file}, SaaS,
   * usage).
   */
  static final Set<FactType> FROM_CONTENT =
      EnumSet.of(
          FactType.IMPORT,
          FactType.PACKAGE,
          FactType.CALL,
          FactType.TYPE_REFERENCE,
          FactType.ANNOTATION,
          FactType.STRING_LITERAL,
          FactType.CONFIG_KEY,
          FactType.ENV_VAR,
          FactType.CONTAINER_IMAGE,
          FactType.CLOUD_RESOURCE);

  @Test
  void everyPositiveExampleRenderedAsFileTextGetsThrough() {
    List<String> missed = new ArrayList<>();
    int checked = 0;
    for (Rule rule : ENGINE.rules()) {
      for (RuleExample e : rule.positiveExamples()) {
        if (!FROM_CONTENT.contains(e.type())) {
          continue;
        }
        for (String text : render(e)) {
          checked++;
          if (!FILTER.mayMatch(text.getBytes(StandardCharsets.UTF_8))) {
            missed.add(
                rule.source()
                    + ": rule "
                    + rule.id()
                    + ": "
                    + e.type().wireName()
                    + " example not let through as:\n"
                    + text);
          }
        }
      }
    }
    assertThat(missed).as("%d renderings checked", checked).isEmpty();
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void ordinaryCodeIsRejected() throws IOException {
    for (String name : List.of("django_models.py", "OrderController.java", "main.go")) {
      assertRejected(name, resource(name));
    }
  }

  @Test
  void oneMegabyteOfGeneratedIdentifiersIsRejected() {
    assertRejected("generated", new SourceTextGenerator(42).generate(1 << 20));
  }

  @Test
  void oneTokenAnywhereLetsTheFileThrough() {
    byte[] text = new SourceTextGenerator(7).generate(1 << 16);
    byte[] tail = "\nclient = OpenAI()\nimport openai\n".getBytes(StandardCharsets.US_ASCII);
    byte[] both = new byte[text.length + tail.length];
    System.arraycopy(text, 0, both, 0, text.length);
    System.arraycopy(tail, 0, both, text.length, tail.length);

    assertThat(FILTER.mayMatch(both)).isTrue();
    assertThat(FILTER.mayMatch(both, 0, text.length))
        .as("offset and length are honoured")
        .isFalse();
    assertThat(FILTER.mayMatch(both, text.length, tail.length)).isTrue();
    assertThat(FILTER.mayMatch("IMPORT OPENAI".getBytes(StandardCharsets.US_ASCII)))
        .as("ASCII case-insensitive")
        .isTrue();
    assertThat(FILTER.mayMatch(new byte[0])).isFalse();
  }

  @Test
  void utf16ContentIsAlwaysLetThrough() {
    byte[] utf16 = "\uFEFFimport openai".getBytes(StandardCharsets.UTF_16LE);
    assertThat(utf16[0] & 0xFF).isEqualTo(0xFF);
    assertThat(FILTER.mayMatch(utf16)).isTrue();
  }

  @Test
  void yamlNestedConfigKeysGetThroughWhereTheDottedKeyNeverAppears() {
    String yaml = "spring:\n  ai:\n    openai:\n      api-key: ${KEY}\n";
    assertThat(yaml).doesNotContain("spring.ai.openai");
    assertThat(FILTER.mayMatch(yaml.getBytes(StandardCharsets.UTF_8))).isTrue();
    // spring.ai alone (every segment a common word): the nested key form is a token, plain Spring
    // is not
    assertThat(
            FILTER.mayMatch(
                "spring:\n  ai:\n    retry:\n      max-attempts: 3\n"
                    .getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(
            FILTER.mayMatch(
                "spring:\n  datasource:\n    url: jdbc:h2:mem:x\n"
                    .getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void pythonFromImportsGetThroughWhereTheDottedModuleNeverAppears() {
    assertThat(FILTER.mayMatch("from google import genai\n".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(FILTER.mayMatch("import sklearn\n".getBytes(StandardCharsets.UTF_8)))
        .as("import map")
        .isTrue();
  }

  @Test
  void everyContentMatcherContributesTokens() {
    assertThat(FILTER.automaton().tokens()).isNotEmpty().noneMatch(t -> t.text().isEmpty());
    assertThat(ENGINE.prefilterTokens().values().stream().flatMap(Set::stream).distinct().count())
        .as("rules with content matchers")
        .isGreaterThan(50);
  }

  private static void assertRejected(String name, byte[] text) {
    var token = FILTER.automaton().firstToken(text, 0, text.length);
    assertThat(token)
        .as(
            "%s is let through by token '%s' of rules %s",
            name, token, token == null ? "" : ENGINE.prefilterTokens().get(token.toString()))
        .isNull();
    assertThat(FILTER.mayMatch(text)).isFalse();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ContentFilterTest.class.getResourceAsStream("/prefilter/" + name)) {
      return in.readAllBytes();
    }
  }

  // ---- rendering an example fact as the file text it could have been extracted from

  static List<String> render(RuleExample e) {
    String v = e.value();
    List<String> out = new ArrayList<>();
    switch (e.type()) {
      case IMPORT -> {
        String lang = e.attributes().getOrDefault(Fact.Attr.LANGUAGE, "python");
        switch (lang) {
          case "python" -> {
            out.add("import " + v + "\n");
            int dot = v.lastIndexOf('.');
            if (dot > 0) {
              out.add("from " + v.substring(0, dot) + " import " + v.substring(dot + 1) + "\n");
            }
          }
          case "javascript", "typescript" -> {
            out.add("import x from '" + v + "';\n");
            out.add("const x = require(\"" + v + "\");\n");
          }
          case "go" -> out.add("import (\n\t\"" + v + "\"\n)\n");
          case "csharp" -> out.add("using " + v + ";\n");
          default -> out.add("import " + v + ";\n");
        }
      }
      case PACKAGE -> {
        String eco = e.attributes().getOrDefault(Fact.Attr.ECOSYSTEM, "pypi");
        switch (eco) {
          case "pypi" -> {
            out.add(v + "\n");
            out.add("%pip install " + v + "\n");
          }
          case "npm" -> out.add("{\"dependencies\": {\"" + v + "\": \"^1.0.0\"}}\n");
          case "maven" -> {
            int colon = v.indexOf(':');
            String g = colon < 0 ? v : v.substring(0, colon);
            String a = colon < 0 ? "" : v.substring(colon + 1);
            out.add(
                "<dependency>\n  <groupId>"
                    + g
                    + "</groupId>\n  <artifactId>"
                    + a
                    + "</artifactId>\n</dependency>\n");
            out.add("implementation(\"" + v + ":1.0.0\")\n");
          }
          case "go" -> out.add("require " + v + " v1.2.3\n");
          case "nuget" -> out.add("<PackageReference Include=\"" + v + "\" Version=\"1.0.0\" />\n");
          default -> out.add(v + "\n");
        }
      }
      case TYPE_REFERENCE, ANNOTATION -> {
        String at = e.type() == FactType.ANNOTATION ? "@" : "";
        int dot = v.lastIndexOf('.');
        if (dot > 0) {
          String simple = v.substring(dot + 1);
          out.add("import " + v + ";\nclass A { " + at + simple + " x; }\n");
          out.add("class A { " + at + v + " x; }\n");
        } else {
          out.add("class A { " + at + v + " x; }\n");
        }
      }
      case CALL -> {
        String r = e.attributes().getOrDefault(Fact.Attr.RECEIVER, "x");
        String context = e.attributes().get(Fact.Attr.CONTEXT);
        int dot = r.lastIndexOf('.');
        if (dot > 0 && Character.isUpperCase(r.charAt(dot + 1))) {
          // a receiver qualified through an import: the import and the chain from the simple name
          String chain = context != null ? context : r.substring(dot + 1) + "." + v;
          out.add("import " + r + ";\nclass A { void f() { " + chain + "(1); } }\n");
        } else if (context != null && dot < 0) {
          out.add("class A { void f() { " + context + "(1); } }\n");
        }
        out.add("class A { void f() { " + r + "." + v + "(1); } }\n");
      }
      case STRING_LITERAL -> {
        String key = e.attributes().get(Fact.Attr.KEY);
        String context = e.attributes().get(Fact.Attr.CONTEXT);
        if (key != null) {
          out.add(key + "=" + v + "\n");
          out.add(nestedYaml(key, "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        } else if (context != null) {
          out.add("class A { void f() { " + context + "(\"" + javaEscape(v) + "\"); } }\n");
        } else {
          out.add("x = \"" + javaEscape(v) + "\"\n");
          out.add("value: '" + v.replace("'", "''") + "'\n");
        }
      }
      case CONFIG_KEY -> {
        out.add(v + "=x\n");
        out.add(nestedYaml(v, "x"));
      }
      case ENV_VAR -> {
        out.add(v + "=x\n");
        out.add("key = os.getenv(\"" + v + "\")\n");
      }
      case CONTAINER_IMAGE -> out.add("services:\n  app:\n    image: " + v + "\n");
      case CLOUD_RESOURCE -> {
        if (v.contains("::")) {
          out.add("Resources:\n  Thing:\n    Type: " + v + "\n");
        } else if (v.contains("/")) {
          String[] parts = v.split("/");
          out.add("resource r '" + v + "@2024-10-01' = {\n  name: 'x'\n}\n");
          if (parts.length >= 3) {
            String parent = parts[0] + "/" + parts[1];
            String child = v.substring(parent.length() + 1);
            out.add(
                "resource p '"
                    + parent
                    + "@2024-10-01' = {\n  resource c '"
                    + child
                    + "@2024-10-01' = {\n  }\n}\n");
          }
        } else {
          out.add("resource \"" + v + "\" \"x\" {\n}\n");
        }
      }
      default -> {}
    }
    return out;
  }

  private static String javaEscape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** {@code a.b.c} = v as nested YAML: {@code a:\n b:\n c: v}. */
  static String nestedYaml(String key, String value) {
    StringBuilder sb = new StringBuilder();
    String[] segments = key.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      sb.append("  ".repeat(i)).append(segments[i]).append(':');
      sb.append(i == segments.length - 1 ? " " + value + "\n" : "\n");
    }
    return sb.toString();
  }
}
