package dev.aiscan.connectors.azure;

import com.azure.resourcemanager.resources.models.Subscription;
import com.azure.resourcemanager.resources.models.SubscriptionState;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The Azure subscriptions a scan reads, as targets: every enabled subscription the principal can
 * read, or those of {@code --azure-subscriptions}. Listing them also checks the credentials before
 * the scan starts, so a refused token is one clear error, not a scan of nothing.
 */
public final class AzureTargets {
  private AzureTargets() {}

  public static List<Target> resolve(Settings settings) {
    return resolve(settings, null);
  }

  static List<Target> resolve(Settings raw, SSLContext ssl) {
    AzureSettings settings = AzureSettings.from(raw);
    AzureClients clients = new AzureClients(settings, ssl);
    Map<String, Subscription> visible = new LinkedHashMap<>();
    try {
      for (Subscription s : clients.resources().subscriptions().list()) {
        visible.put(s.subscriptionId().toLowerCase(Locale.ROOT), s);
      }
    } catch (RuntimeException e) {
      String message = AzureErrors.oneLine(e.getMessage(), 300);
      if (settings.accessToken() == null
          && (message.contains("CredentialUnavailable")
              || message.contains("EnvironmentCredential")
              || message.contains("DefaultAzureCredential"))) {
        throw new InvalidTargetException(
            "Azure credentials: none found (environment, managed identity, Azure CLI login);"
                + " run az login, or set AZURE_ACCESS_TOKEN");
      }
      throw new InvalidTargetException(
          "Azure credentials: "
              + AzureErrors.describe(e, "Microsoft.Resources/subscriptions/read").message());
    }
    List<Target> targets = new ArrayList<>();
    if (!settings.subscriptions().isEmpty()) {
      for (String id : settings.subscriptions()) {
        Subscription s = visible.get(id.toLowerCase(Locale.ROOT));
        if (s == null) {
          throw new InvalidTargetException(
              "--azure-subscriptions: subscription " + id + " is not visible to the principal");
        }
        targets.add(target(s));
      }
      return targets;
    }
    for (Subscription s : visible.values()) {
      if (s.state() == null || s.state() == SubscriptionState.ENABLED) {
        targets.add(target(s));
      }
    }
    if (targets.isEmpty()) {
      throw new InvalidTargetException(
          "Azure credentials: the principal can read no enabled subscription");
    }
    return targets;
  }

  private static Target target(Subscription s) {
    String name =
        s.displayName() == null || s.displayName().isBlank() ? s.subscriptionId() : s.displayName();
    return new Target("azure:" + s.subscriptionId(), AzureConnector.KIND, name, s.subscriptionId());
  }
}
