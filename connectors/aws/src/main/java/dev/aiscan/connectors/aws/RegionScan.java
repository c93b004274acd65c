package dev.aiscan.connectors.aws;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One region of one account as the probes see it: the clients, a guarded way to call the API, and
 * the facts to emit. A call that fails becomes one warning naming the account, region, service and
 * permission; the region goes on, except after a timeout or a refusal of the region itself, when
 * its remaining calls are skipped (one warning says so, not one per call).
 */
final class RegionScan {
  private final Target target;
  private final CollectContext context;
  private final AwsSettings settings;
  private final AwsClients clients;
  private final AwsCredentialsProvider credentials;
  private final String account;
  private final String region;
  private final String partition;
  private final Set<String> deniedActions = ConcurrentHashMap.newKeySet();
  private final Set<String> absentServices = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> unsupported;
  private volatile AwsErrors.Failure regionDown;
  private volatile boolean bedrockInUse;
  private volatile boolean failed;

  RegionScan(
      Target target,
      CollectContext context,
      AwsSettings settings,
      AwsClients clients,
      AwsCredentialsProvider credentials,
      String account,
      String region,
      Map<String, Set<String>> unsupported) {
    this.target = target;
    this.context = context;
    this.settings = settings;
    this.clients = clients;
    this.credentials = credentials;
    this.account = account;
    this.region = region;
    this.unsupported = unsupported;
    this.partition =
        region.startsWith("cn-") ? "aws-cn" : region.contains("-gov-") ? "aws-us-gov" : "aws";
  }

  String region() {
    return region;
  }

  String account() {
    return account;
  }

  AwsClients clients() {
    return clients;
  }

  AwsCredentialsProvider credentials() {
    return credentials;
  }

  AwsSettings settings() {
    return settings;
  }

  /** An ARN of this account and region: {@code arn(bedrock, "agent/ID")}. */
  String arn(String service, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }

  /** Whether a call failed here, so the account was not read in full. */
  boolean failed() {
    return failed;
  }

  /** Bedrock shows a resource or a call in this region. */
  void bedrockInUse() {
    bedrockInUse = true;
  }

  boolean isBedrockInUse() {
    return bedrockInUse;
  }

  /**
   * Runs one API call (or a paginated walk) needing IAM permission {@code action}, e.g. {@code
   * bedrock:ListCustomModels}. Returns null when it failed or was skipped; the failure is a
   * warning.
   */
  <T> T call(String action, Supplier<T> work) {
    if (regionDown != null
        || deniedActions.contains(action)
        || absentServices.contains(service(action))) {
      return null;
    }
    try {
      return work.get();
    } catch (RuntimeException e) {
      AwsErrors.Failure f = AwsErrors.describe(e, action, region, settings.timeout().toSeconds());
      if (f.kind() == AwsErrors.Kind.UNSUPPORTED) {
        // not a gap in what was read: the service does not exist here (one warning per account)
        absentServices.add(service(action));
        unsupported
            .computeIfAbsent(service(action), k -> ConcurrentHashMap.newKeySet())
            .add(region);
        return null;
      }
      failed = true;
      switch (f.kind()) {
        case TIMEOUT, REGION_NOT_ENABLED -> {
          synchronized (this) {
            if (regionDown != null) {
              return null;
            }
            regionDown = f;
          }
          warn(null, f.message() + "; the rest of the region is skipped");
        }
        case DENIED -> {
          if (deniedActions.add(action)) {
            warn(service(action), f.message());
          }
        }
        default -> warn(service(action), f.message());
      }
      return null;
    }
  }

  /** Like {@link #call} for work with no result; true when it ran to the end. */
  boolean run(String action, Runnable work) {
    return call(
            action,
            () -> {
              work.run();
              return Boolean.TRUE;
            })
        != null;
  }

  /** Records a problem that is not an API failure (a layer too large, a capped event count). */
  void warn(String service, String message) {
    context.warn("aws " + account + " " + region + (service == null ? "" : " " + service), message);
  }

  /**
   * Emits a {@code cloud-resource} fact: the CloudFormation-style {@code type}, located at {@code
   * arn}, with its name, model (or null) and tags.
   */
  void resource(String type, String arn, String name, String model, Map<String, String> tags) {
    resource(type, arn, name, model, tags, Map.of());
  }

  /** A resource with more attributes ({@code instance-type} of an endpoint). */
  void resource(
      String type,
      String arn,
      String name,
      String model,
      Map<String, String> tags,
      Map<String, String> extra) {
    if (arn == null || arn.isBlank()) {
      return;
    }
    Map<String, String> attrs = attributes(arn, name, tags);
    attrs.putAll(extra);
    if (model != null && !model.isBlank()) {
      attrs.put(Fact.Attr.MODEL, model);
    }
    context.emit(new Fact(FactType.CLOUD_RESOURCE, type, target, Location.resource(arn), attrs));
    context.progress(1);
  }

  /**
   * Emits a fact other than a resource, located at the resource {@code arn} of type {@code
   * resourceType} (an environment variable of a Lambda function, an image of a task definition).
   */
  void fact(
      FactType type,
      String value,
      String arn,
      String resourceType,
      String name,
      Map<String, String> tags,
      Map<String, String> extra) {
    Map<String, String> attrs = attributes(arn, name, tags);
    attrs.put(Fact.Attr.RESOURCE_TYPE, resourceType);
    attrs.putAll(extra);
    context.emit(new Fact(type, value, target, Location.resource(arn), attrs));
  }

  private Map<String, String> attributes(String arn, String name, Map<String, String> tags) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(Fact.Attr.ORIGIN, "aws");
    attrs.put(Fact.Attr.REGION, regionOf(arn, region));
    attrs.put(Fact.Attr.ACCOUNT, account);
    if (name != null && !name.isBlank()) {
      attrs.put(Fact.Attr.NAME, name);
    }
    if (tags != null) {
      tags.forEach((k, v) -> attrs.put(Fact.Attr.TAG_PREFIX + k, v == null ? "" : v));
    }
    return attrs;
  }

  /**
   * The region an ARN names ({@code arn:aws:bedrock:us-east-1:...}), else {@code fallback}: a
   * service may answer with resources of another region (Comprehend's published example does).
   */
  static String regionOf(String arn, String fallback) {
    String[] parts = arn.split(":", 5);
    return parts.length == 5 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : fallback;
  }

  private static String service(String action) {
    int colon = action.indexOf(':');
    return colon < 0 ? action : action.substring(0, colon);
  }
}
