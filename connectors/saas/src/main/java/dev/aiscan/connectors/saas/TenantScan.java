package dev.aiscan.connectors.saas;

import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One SaaS tenant (a Slack organisation, a GitHub organisation, ...) as a connector reads it: a
 * guarded way to call its admin API, where a failed call is one warning naming the tenant, the call
 * and what it needs, and the rest goes on.
 */
public final class TenantScan {
  private final Target target;
  private final CollectContext context;
  private final String source;
  private volatile boolean failed;

  /**
   * @param source the SaaS, for warnings ({@code slack})
   */
  public TenantScan(Target target, CollectContext context, String source) {
    this.target = target;
    this.context = context;
    this.source = source;
  }

  public Target target() {
    return target;
  }

  /** Whether a call failed, so the tenant was not read in full. */
  public boolean failed() {
    return failed;
  }

  /**
   * Runs one call (or a paged walk) of {@code api}, which needs {@code needs} (a scope or a role).
   * Returns null when it failed; the failure is one warning.
   */
  public <T> T call(String api, String needs, Supplier<T> work) {
    try {
      return work.get();
    } catch (SaasException e) {
      failed = true;
      String message =
          switch (e.kind()) {
            case DENIED -> api + " refused: " + e.getMessage() + "; the token needs " + needs;
            case THROTTLED -> api + " still rate-limited after retries: " + e.getMessage();
            case TIMEOUT -> api + " timed out: " + e.getMessage();
            case MALFORMED -> api + " answered a malformed response: " + e.getMessage();
            case OTHER -> api + " failed: " + e.getMessage();
          };
      warn(message);
      return null;
    }
  }

  public void warn(String message) {
    context.warn(source + " " + target.name(), message);
  }

  /** Emits a {@code saas-app} fact located at {@code resource}. */
  public void app(String name, String resource, Map<String, String> attributes) {
    if (name == null || name.isBlank()) {
      return;
    }
    context.emit(
        new Fact(FactType.SAAS_APP, name, target, Location.resource(resource), attributes));
    context.progress(1);
  }
}
