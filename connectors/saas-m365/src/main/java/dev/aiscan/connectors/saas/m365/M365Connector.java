package dev.aiscan.connectors.saas.m365;

import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads one Microsoft 365 / Entra ID tenant through Microsoft Graph: the third-party apps its users
 * and admins consented to, with their delegated and application permissions, and Microsoft 365
 * Copilot's licences and use. Apps become {@code saas-app} facts (name, domain, client id) for the
 * catalogue's AI SaaS apps to match; Copilot activity becomes {@code usage-event} facts.
 */
public final class M365Connector implements Connector {
  public static final String KIND = "m365";

  @Override
  public String id() {
    return KIND;
  }

  @Override
  public boolean accepts(Target target) {
    return target.kind().equals(KIND);
  }

  @Override
  public void collect(Target target, CollectContext context) {
    GraphApi graph = new GraphApi(M365Settings.from(context.settings()));
    TenantScan scan = new TenantScan(target, context, "m365");
    AtomicBoolean cut = new AtomicBoolean();
    Consumer<String> refused =
        message -> {
          cut.set(true);
          scan.warn(message);
        };
    new M365Apps(graph, scan, refused).collect();
    new M365Copilot(graph, scan, context, refused).collect();
    if (scan.failed() || cut.get()) {
      context.incomplete();
    }
  }
}
