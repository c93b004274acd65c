package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.DependencyConnector;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.rules.RuleEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The committed negative corpus — Spring MVC models, Django models, temperature fields, GPT
 * partition tables, the Gemini internet protocol, people called Claude, Microsoft.OpenApi, npm
 * names that merely contain "ai" (in code and in package.json), django-haystack, AI words in
 * comments and prose — scanned by the real source and dependency connectors and the built-in
 * catalogue, must yield no finding at all.
 */
class NegativeCorpusTest {

  @Test
  void theNegativeCorpusYieldsNoFinding() throws Exception {
    Path corpus = Path.of(NegativeCorpusTest.class.getResource("/fixtures/negatives").toURI());
    ScanEngine engine =
        new ScanEngine(
            List.of(new DependencyConnector(), new SourceConnector()),
            RuleEngine.loadDefault(),
            "test");

    AtomicLong filesRead = new AtomicLong();
    ScanListener listener =
        new ScanListener() {
          @Override
          public void targetFinished(Target target, String connectorId, long units, long findings) {
            filesRead.set(units);
          }
        };

    ScanResult result =
        engine.scan(
            ScanRequest.of(List.of(SourceConnector.target(corpus)), Settings.empty()), listener);

    assertThat(result.findings())
        .as("findings on the negative corpus")
        .extracting(NegativeCorpusTest::describe)
        .isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(filesRead.get()).as("files the extractors read").isGreaterThanOrEqualTo(12);
  }

  private static String describe(Finding f) {
    return f.location() + " " + f.ruleId() + " " + f.evidence();
  }
}
