package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tempting near misses that no rule of the whole catalogue may fire on: Spring MVC and Django
 * "models", the GUID partition table, people called Claude, OpenAPI tooling, short "sk-" strings.
 */
class PrecisionTest {
  private static final RuleEngine ENGINE = RuleEngine.loadDefault();

  static Stream<Arguments> nearMisses() {
    return Stream.of(
        fact(FactType.IMPORT, "org.springframework.web.servlet.ModelAndView", "java"),
        fact(FactType.TYPE_REFERENCE, "org.springframework.web.servlet.ModelAndView", "java"),
        fact(FactType.TYPE_REFERENCE, "ModelAndView", "java"),
        fact(
            FactType.CALL,
            "addObject",
            "java",
            "receiver",
            "org.springframework.web.servlet.ModelAndView"),
        fact(FactType.IMPORT, "django.db", "python"),
        fact(FactType.IMPORT, "django.db.models", "python"),
        fact(FactType.TYPE_REFERENCE, "models.Model", "python"),
        fact(FactType.STRING_LITERAL, "models", "python"),
        fact(FactType.STRING_LITERAL, "gpt", "python"),
        fact(FactType.STRING_LITERAL, "/sbin/gpt", "python"),
        fact(FactType.STRING_LITERAL, "sgdisk", "python"),
        fact(
            FactType.STRING_LITERAL, "sgdisk --new=1:0:+512M --typecode=1:ef00 /dev/sda", "python"),
        fact(FactType.STRING_LITERAL, "gpt partition", "java"),
        fact(FactType.STRING_LITERAL, "Create a new GPT partition table on /dev/sdb", "java"),
        fact(FactType.STRING_LITERAL, "gpt-partition-tool", "java"),
        fact(FactType.STRING_LITERAL, "Claude Monet", "java"),
        fact(FactType.STRING_LITERAL, "claude@example.com", "java"),
        fact(FactType.STRING_LITERAL, "Claude", "java", "key", "authorName"),
        fact(FactType.STRING_LITERAL, "mailto:claude@example.com", "java"),
        fact(FactType.CONFIG_KEY, "app.sensor.temperature", "properties"),
        fact(FactType.STRING_LITERAL, "temperature", "java"),
        fact(FactType.STRING_LITERAL, "0.7", "yaml", "key", "temperature"),
        fact(FactType.IMPORT, "openapi", "python"),
        fact(FactType.IMPORT, "openapi_client.api", "python"),
        fact(FactType.PACKAGE, "openapi-generator", "npm", "ecosystem", "npm"),
        fact(FactType.PACKAGE, "@openapitools/openapi-generator-cli", "npm", "ecosystem", "npm"),
        fact(
            FactType.PACKAGE,
            "org.openapitools:openapi-generator-maven-plugin",
            "xml",
            "ecosystem",
            "maven"),
        fact(FactType.IMPORT, "torch", "javascript"),
        fact(FactType.STRING_LITERAL, "torch", "javascript"),
        fact(FactType.STRING_LITERAL, "o1", "python"),
        fact(FactType.STRING_LITERAL, "o3", "java"),
        fact(FactType.STRING_LITERAL, "sk-learn", "python"),
        fact(FactType.STRING_LITERAL, "sk-", "python"),
        fact(FactType.STRING_LITERAL, "sk-1234", "python"),
        fact(FactType.STRING_LITERAL, "sk-proj-123", "python"),
        fact(FactType.STRING_LITERAL, "mistral", "python"),
        fact(FactType.STRING_LITERAL, "llama", "python"),
        fact(FactType.STRING_LITERAL, "gemini", "python"),
        fact(FactType.STRING_LITERAL, "bedrock", "python"),
        fact(FactType.STRING_LITERAL, "hf_hub_download", "python"),
        fact(FactType.STRING_LITERAL, "http://localhost:8080/api", "java"),
        fact(FactType.STRING_LITERAL, "https://www.amazon.com/", "java"),
        fact(FactType.STRING_LITERAL, "com.example.ai.Service", "java"),
        fact(FactType.CONFIG_KEY, "spring.aop.proxy-target-class", "properties"),
        fact(FactType.CONFIG_KEY, "management.endpoints.web.exposure.include", "properties"),
        fact(FactType.ENV_VAR, "TEMPERATURE", "dotenv"),
        fact(FactType.ENV_VAR, "API_KEY", "dotenv"),
        fact(FactType.CONTAINER_IMAGE, "postgres:16", "yaml"),
        fact(FactType.CLOUD_RESOURCE, "aws_s3_bucket", "terraform"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nearMisses")
  void noRuleFires(String label, Fact fact) {
    List<Finding> findings = new ArrayList<>();

    ENGINE.detect(fact, findings::add);

    assertThat(findings).as(label).isEmpty();
  }

  private static Arguments fact(
      FactType type, String value, String language, String... attributes) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put(Fact.Attr.LANGUAGE, language);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      attrs.put(attributes[i], attributes[i + 1]);
    }
    String label = type.wireName() + " " + value + (attributes.length > 0 ? " " + attrs : "");
    return Arguments.of(
        label,
        new Fact(
            type, value, RuleExample.TARGET, dev.aiscan.core.model.Location.file("x", 1), attrs));
  }
}
