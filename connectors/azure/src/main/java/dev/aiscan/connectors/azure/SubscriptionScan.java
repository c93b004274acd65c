package dev.aiscan.connectors.azure;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.function.Supplier;

/**
 * One subscription as the probes see it: its clients, a guarded way to call Resource Manager, work
 * spread over the scan's bounded pool, and the facts to emit. A failed call becomes one warning
 * naming the subscription and the permission; everything else goes on.
 */
final class SubscriptionScan {
  private final Target target;
  private final CollectContext context;
  private final String subscription;
  private final AzureClients clients;
  private final Arm arm;
  private final ExecutorService pool;
  private final Phaser pending = new Phaser(1);
  private final Set<String> denied = ConcurrentHashMap.newKeySet();
  private volatile boolean failed;

  SubscriptionScan(
      Target target,
      CollectContext context,
      String subscription,
      AzureClients clients,
      ExecutorService pool) {
    this.target = target;
    this.context = context;
    this.subscription = subscription;
    this.clients = clients;
    this.arm = new Arm(clients);
    this.pool = pool;
  }

  String subscription() {
    return subscription;
  }

  AzureClients clients() {
    return clients;
  }

  Arm arm() {
    return arm;
  }

  boolean failed() {
    return failed;
  }

  /** Runs {@code work} on the pool; {@link #awaitAll} waits for it and all it submits. */
  void submit(String what, Runnable work) {
    pending.register();
    pool.execute(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            // a probe's own bug: the rest of the subscription goes on
            failed = true;
            warn("aiscan", what + " failed: " + AzureErrors.oneLine(String.valueOf(e), 200));
          } finally {
            pending.arriveAndDeregister();
          }
        });
  }

  void awaitAll() {
    pending.arriveAndAwaitAdvance();
  }

  /**
   * One Resource Manager call (or a paged walk) needing RBAC permission {@code permission}, e.g.
   * {@code Microsoft.CognitiveServices/accounts/read}. Returns null when it failed; the failure is
   * a warning. A provider never registered in the subscription is no failure: it holds nothing.
   */
  <T> T call(String permission, Supplier<T> work) {
    if (denied.contains(permission)) {
      return null;
    }
    try {
      return work.get();
    } catch (RuntimeException e) {
      AzureErrors.Failure f = AzureErrors.describe(e, permission);
      switch (f.kind()) {
        case NOT_REGISTERED -> {
          return null;
        }
        case DENIED -> {
          failed = true;
          if (denied.add(permission)) {
            warn(provider(permission), f.message());
          }
        }
        default -> {
          failed = true;
          warn(provider(permission), f.message());
        }
      }
      return null;
    }
  }

  /** Like {@link #call} with no result; true when it ran to the end. */
  boolean run(String permission, Runnable work) {
    return call(
            permission,
            () -> {
              work.run();
              return Boolean.TRUE;
            })
        != null;
  }

  void warn(String provider, String message) {
    context.warn("azure " + target.name() + " " + provider, message);
  }

  /**
   * Emits a {@code cloud-resource} fact: the ARM {@code type}, located at the resource {@code id},
   * with its kind, region, name, model (or null), tags and more.
   */
  void resource(
      String type,
      String id,
      String name,
      String kind,
      String region,
      String model,
      Map<String, String> tags,
      Map<String, String> extra) {
    if (id == null || id.isBlank() || type == null) {
      return;
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(Fact.Attr.ORIGIN, "azure");
    attrs.put(Fact.Attr.ACCOUNT, subscription);
    put(attrs, Fact.Attr.REGION, region);
    put(attrs, Fact.Attr.NAME, name);
    put(attrs, Fact.Attr.KIND, kind);
    put(attrs, Fact.Attr.MODEL, model);
    put(attrs, RESOURCE_GROUP, resourceGroup(id));
    extra.forEach((k, v) -> put(attrs, k, v));
    if (tags != null) {
      tags.forEach((k, v) -> attrs.put(Fact.Attr.TAG_PREFIX + k, v == null ? "" : v));
    }
    context.emit(new Fact(FactType.CLOUD_RESOURCE, type, target, Location.resource(id), attrs));
    context.progress(1);
  }

  /** Emits a {@code setting} fact located at the resource it is a setting of. */
  void setting(String name, String state, String id, String region) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(Fact.Attr.STATE, state);
    attrs.put(Fact.Attr.ACCOUNT, subscription);
    put(attrs, Fact.Attr.REGION, region);
    attrs.put(Fact.Attr.ORIGIN, "azure");
    context.emit(new Fact(FactType.SETTING, name, target, Location.resource(id), attrs));
  }

  /** Attribute of Azure resources: the resource group. */
  static final String RESOURCE_GROUP = "resource-group";

  /** {@code rg} of {@code /subscriptions/S/resourceGroups/rg/providers/...}, or null. */
  static String resourceGroup(String id) {
    String[] parts = id.split("/");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equalsIgnoreCase("resourceGroups")) {
        return parts[i + 1];
      }
    }
    return null;
  }

  private static void put(Map<String, String> attrs, String key, String value) {
    if (value != null && !value.isBlank()) {
      attrs.put(key, value);
    }
  }

  private static String provider(String permission) {
    int slash = permission.indexOf('/');
    return slash < 0 ? permission : permission.substring(0, slash);
  }
}
