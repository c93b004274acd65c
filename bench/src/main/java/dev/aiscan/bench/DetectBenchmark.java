package dev.aiscan.bench;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.rules.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link RuleEngine#detect} over a stream of typical facts (one operation = one fact),
 * single-threaded: mostly ordinary imports, literals, calls, types, config keys and env vars of an
 * application, about 5% of them AI (an OpenAI import, a model name, an endpoint, a Spring AI key).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectBenchmark {
  static final int FACTS = 10_000;
  private static final Target TARGET = new Target("bench", "bench", "bench", "bench");

  private RuleEngine engine;
  private Fact[] facts;

  @Setup
  public void setUp() {
    engine = RuleEngine.loadDefault();
    Random random = new Random(1);
    List<Fact> list = new ArrayList<>();
    String[] javaImports = {
      "java.util.List",
      "org.springframework.web.bind.annotation.GetMapping",
      "com.fasterxml.jackson.databind.ObjectMapper",
      "org.slf4j.Logger",
      "jakarta.persistence.Entity"
    };
    String[] pyImports = {
      "os", "json", "django.db.models", "requests", "numpy", "pandas", "typing"
    };
    String[] literals = {
      "SELECT * FROM orders WHERE id = ?",
      "application/json",
      "user not found",
      "https://example.com/api/v2/orders",
      "%s: %d items",
      "yyyy-MM-dd",
      "/api/orders/{id}",
      "Order {} created with {} lines",
      "jdbc:postgresql://db:5432/shop",
      "a fairly long message text that "
          + "goes on for a while to look like a log line with some details in it and more words"
    };
    String[] keys = {
      "server.port",
      "spring.datasource.url",
      "logging.level.root",
      "management.endpoints.web.exposure.include"
    };
    String[] envs = {"DATABASE_URL", "PORT", "LOG_LEVEL", "REDIS_HOST"};
    for (int i = 0; i < FACTS; i++) {
      int r = random.nextInt(100);
      Fact f;
      if (r < 5) {
        f =
            switch (r) {
              case 0 -> fact(FactType.IMPORT, "openai", "python");
              case 1 ->
                  fact(
                      FactType.STRING_LITERAL,
                      "gpt-4o-mini",
                      "java",
                      Fact.Attr.CONTEXT,
                      "OpenAiChatModel.builder().modelName");
              case 2 ->
                  fact(
                      FactType.STRING_LITERAL,
                      "https://api.openai.com/v1/chat/completions",
                      "python");
              case 3 -> fact(FactType.CONFIG_KEY, "spring.ai.openai.api-key", "properties");
              default -> fact(FactType.ENV_VAR, "ANTHROPIC_API_KEY", "dotenv");
            };
      } else if (r < 20) {
        f = fact(FactType.IMPORT, javaImports[random.nextInt(javaImports.length)], "java");
      } else if (r < 30) {
        f = fact(FactType.IMPORT, pyImports[random.nextInt(pyImports.length)], "python");
      } else if (r < 70) {
        f = fact(FactType.STRING_LITERAL, literals[random.nextInt(literals.length)], "java");
      } else if (r < 80) {
        f =
            fact(
                FactType.CALL,
                "findById",
                "java",
                Fact.Attr.RECEIVER,
                "com.example.shop.OrderRepository");
      } else if (r < 88) {
        f = fact(FactType.TYPE_REFERENCE, "com.example.shop.domain.Order", "java");
      } else if (r < 95) {
        f = fact(FactType.CONFIG_KEY, keys[random.nextInt(keys.length)], "yaml");
      } else {
        f = fact(FactType.ENV_VAR, envs[random.nextInt(envs.length)], "dotenv");
      }
      list.add(f);
    }
    facts = list.toArray(Fact[]::new);
  }

  private static Fact fact(FactType type, String value, String language, String... attrs) {
    Map<String, String> m = new java.util.HashMap<>();
    m.put(Fact.Attr.LANGUAGE, language);
    for (int i = 0; i < attrs.length; i += 2) {
      m.put(attrs[i], attrs[i + 1]);
    }
    return new Fact(type, value, TARGET, Location.file("src/app", 1), m);
  }

  @Benchmark
  @OperationsPerInvocation(FACTS)
  public void detect(Blackhole bh) {
    for (Fact f : facts) {
      engine.detect(f, bh::consume);
    }
  }
}
