package dev.aiscan.connectors.azure;

import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Reads one Azure subscription, read-only: Cognitive Services and AI Foundry accounts of every kind
 * with their model deployments and projects, Azure Machine Learning workspaces and endpoints, AI
 * Search services and bots. Providers and accounts are read in parallel on a bounded pool ({@code
 * connectors.azure.concurrency}); a failed call is a warning and the rest goes on.
 *
 * <p>A target's location is the subscription id; {@link AzureTargets} makes the targets.
 */
public final class AzureConnector implements Connector {
  public static final String KIND = "azure";
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final SSLContext ssl;

  public AzureConnector() {
    this(null);
  }

  /** With a TLS context to trust Resource Manager with (tests' own certificate). */
  AzureConnector(SSLContext ssl) {
    this.ssl = ssl;
  }

  @Override
  public String id() {
    return KIND;
  }

  @Override
  public boolean accepts(Target target) {
    return target.kind().equals(KIND);
  }

  @Override
  public void validate(Target target) {
    if (!GUID.matcher(target.location()).matches()) {
      throw new InvalidTargetException(
          "azure target " + target.name() + ": not a subscription id: " + target.location());
    }
  }

  @Override
  public void collect(Target target, CollectContext context) {
    AzureSettings settings = AzureSettings.from(context.settings());
    AzureClients clients = new AzureClients(settings, ssl);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            r -> {
              Thread t = new Thread(r, "aiscan-azure-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      SubscriptionScan scan =
          new SubscriptionScan(target, context, target.location(), clients, pool);
      if (settings.resourceGraph()) {
        scan.submit("Resource Graph", () -> ResourceGraphProbe.run(scan));
      } else {
        scan.submit("Cognitive Services", () -> CognitiveProbe.run(scan));
        scan.submit("Machine Learning", () -> MachineLearningProbe.run(scan));
        scan.submit("AI Search", () -> SearchAndBotProbe.search(scan));
        scan.submit("Bot Service", () -> SearchAndBotProbe.bots(scan));
      }
      scan.awaitAll();
      if (scan.failed()) {
        context.incomplete();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
