package dev.aiscan.graph;

import dev.aiscan.connectors.dependencies.DependencyConnector;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.rules.RuleEngine;
import dev.aiscan.testkit.FixtureTree;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Realistic trees, scanned for real by the default rules and the source and dependency connectors.
 */
final class ScanFixtures {
  private static final RuleEngine RULES = RuleEngine.loadDefault();

  /** A key of OpenAI's project format, planted to prove it never reaches the graph. */
  static final String CANARY_KEY =
      "sk-proj-CANARYaiscanGraphTestKEY0123456789abcdefghijklmnopqrstuvwxyzCANARY";

  private ScanFixtures() {}

  /**
   * A support-desk repository: a Node front end that calls OpenAI through the SDK (pulling in
   * node-fetch and whatwg-url) and uses express and, for tests, vitest; a Python triage job naming
   * a model.
   */
  static FixtureTree supportDesk(Path root) {
    return FixtureTree.in(root)
        .file(
            "web/package.json",
            """
            {
              "name": "support-web",
              "version": "2.3.0",
              "dependencies": {
                "openai": "^4.52.0",
                "express": "^4.21.2"
              },
              "devDependencies": {
                "vitest": "^1.6.0"
              }
            }
            """)
        .file(
            "web/package-lock.json",
            """
            {
              "name": "support-web",
              "version": "2.3.0",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {
                  "name": "support-web",
                  "version": "2.3.0",
                  "dependencies": { "openai": "^4.52.0", "express": "^4.21.2" },
                  "devDependencies": { "vitest": "^1.6.0" }
                },
                "node_modules/openai": {
                  "version": "4.52.7",
                  "dependencies": { "node-fetch": "^2.6.7" }
                },
                "node_modules/node-fetch": {
                  "version": "2.7.0",
                  "dependencies": { "whatwg-url": "^5.0.0" }
                },
                "node_modules/whatwg-url": { "version": "5.0.0" },
                "node_modules/express": { "version": "4.21.2" },
                "node_modules/vitest": { "version": "1.6.0", "dev": true }
              }
            }
            """)
        .file(
            "web/src/reply.ts",
            """
            import OpenAI from "openai";

            const client = new OpenAI();

            export async function suggestReply(ticket: string): Promise<string> {
              const completion = await client.chat.completions.create({
                model: "gpt-4o-mini",
                messages: [{ role: "user", content: ticket }],
              });
              return completion.choices[0].message.content ?? "";
            }
            """)
        .file("web/.env", "PORT=8080\nOPENAI_API_KEY=" + CANARY_KEY + "\n")
        .file(
            "jobs/triage.py",
            """
            import anthropic

            client = anthropic.Anthropic()


            def triage(ticket: str) -> str:
                message = client.messages.create(
                    model="claude-3-5-sonnet-20241022",
                    max_tokens=64,
                    messages=[{"role": "user", "content": ticket}],
                )
                return message.content[0].text
            """);
  }

  /** Scans {@code roots} as if at {@code at}, offline. */
  static ScanResult scan(Instant at, Path... roots) {
    ScanEngine engine =
        new ScanEngine(
            List.of(new DependencyConnector(), new SourceConnector()),
            RULES,
            "test",
            Clock.fixed(at, ZoneOffset.UTC));
    Settings settings = Settings.of(Map.of("connectors.dependencies.offline", "true"));
    List<dev.aiscan.core.model.Target> targets =
        java.util.Arrays.stream(roots).map(SourceConnector::target).toList();
    return engine.scan(ScanRequest.of(targets, settings), ScanListener.NONE);
  }
}
