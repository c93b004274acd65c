package dev.aiscan.connectors.aws;

import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.ScanException;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.Region;
import software.amazon.awssdk.services.account.model.RegionOptStatus;

/**
 * Reads one AWS account, read-only: the AI resources of every enabled region (Bedrock, SageMaker,
 * Comprehend, Rekognition, Textract, Transcribe, Translate, Polly, Lex, Kendra, Q Business,
 * Personalize), AI inside Lambda and ECS, and CloudTrail evidence of AI calls. Regions and services
 * are read in parallel on a bounded pool ({@code connectors.aws.concurrency}); one failed call is a
 * warning and the rest goes on.
 *
 * <p>A target's location is the account id (read with the scan's base credentials) or the ARN of
 * the role to assume in it; {@link AwsTargets} makes the targets.
 */
public final class AwsConnector implements Connector {
  public static final String KIND = "aws";
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private final List<ExecutionInterceptor> interceptors;

  public AwsConnector() {
    this(List.of());
  }

  /** With interceptors added to every SDK client (tests record the calls made). */
  AwsConnector(List<ExecutionInterceptor> interceptors) {
    this.interceptors = List.copyOf(interceptors);
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
    String l = target.location();
    if (!ACCOUNT.matcher(l).matches() && !l.startsWith("arn:")) {
      throw new InvalidTargetException(
          "aws target " + target.name() + ": not an account id or role ARN: " + l);
    }
  }

  @Override
  public void collect(Target target, CollectContext context) {
    AwsSettings settings = AwsSettings.from(context.settings());
    String location = target.location();
    String account = location.startsWith("arn:") ? AwsSettings.accountOf(location) : location;
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            r -> {
              Thread t = new Thread(r, "aiscan-aws-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try (AwsClients clients = new AwsClients(settings, interceptors)) {
      AwsCredentialsProvider credentials =
          location.startsWith("arn:") ? clients.assume(location) : clients.baseCredentials();
      if (!usable(credentials, target, context, settings)) {
        return;
      }
      List<String> regions = regions(target, context, settings, clients, credentials, account);

      BedrockProbes bedrock = new BedrockProbes();
      CloudTrailUsage trail = new CloudTrailUsage();
      List<Probe> probes = new ArrayList<>(bedrock.probes());
      probes.addAll(SageMakerProbes.probes());
      probes.addAll(AiServiceProbes.probes());
      probes.addAll(new ComputeProbes(settings.timeout()).probes());

      List<RegionScan> scans = new ArrayList<>();
      Map<String, Set<String>> unsupported = new ConcurrentHashMap<>();
      List<Future<?>> work = new ArrayList<>();
      for (String region : regions) {
        scans.add(
            new RegionScan(
                target, context, settings, clients, credentials, account, region, unsupported));
      }
      // CloudTrail first: each region's chain of paced calls is the longest walk, so it starts
      // while the other probes fill the pool rather than after them
      for (RegionScan scan : scans) {
        work.add(pool.submit(() -> trail.probe().walk().accept(scan)));
      }
      for (RegionScan scan : scans) {
        for (Probe probe : probes) {
          work.add(pool.submit(() -> probe.walk().accept(scan)));
        }
      }
      for (Future<?> f : work) {
        await(f, context, target);
      }

      new TreeMap<>(unsupported)
          .forEach(
              (service, where) ->
                  context.warn(
                      "aws " + account + " " + service,
                      service
                          + " is not offered in "
                          + String.join(", ", new TreeSet<>(where))
                          + " (no endpoint there); skipped in those regions"));
      trail.emit(target, context, account);
      for (RegionScan scan : scans) {
        if (scan.isBedrockInUse() && Boolean.TRUE.equals(bedrock.loggingOff(scan))) {
          context.emit(
              new Fact(
                  FactType.SETTING,
                  "bedrock:model-invocation-logging",
                  target,
                  Location.resource(scan.arn("bedrock", "model-invocation-logging")),
                  Map.of(
                      Fact.Attr.STATE,
                      "off",
                      Fact.Attr.REGION,
                      scan.region(),
                      Fact.Attr.ACCOUNT,
                      account,
                      Fact.Attr.ORIGIN,
                      "aws")));
        }
      }
      if (scans.stream().anyMatch(RegionScan::failed)) {
        context.incomplete();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Resolves the credentials once before any call: a role an account lacks (common in an
   * Organization) is one warning for the account, not one per call.
   */
  private static boolean usable(
      AwsCredentialsProvider credentials,
      Target target,
      CollectContext context,
      AwsSettings settings) {
    try {
      credentials.resolveCredentials();
      return true;
    } catch (RuntimeException e) {
      String what =
          target.location().startsWith("arn:")
              ? "could not assume " + target.location()
              : "no usable credentials";
      String why =
          e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
                  && s.awsErrorDetails() != null
              ? s.awsErrorDetails().errorCode()
                  + ": "
                  + AwsErrors.oneLine(s.awsErrorDetails().errorMessage(), 200)
              : AwsErrors.oneLine(e.getMessage(), 200);
      context.warn(
          "aws " + target.name(),
          what + " (" + why + "); account not scanned (see " + AwsErrors.POLICY + ")");
      context.incomplete();
      return false;
    }
  }

  private static void await(Future<?> f, CollectContext context, Target target) {
    try {
      f.get();
    } catch (ExecutionException e) {
      // a probe's own bug, not an API failure (those are caught per call): keep the rest
      context.incomplete();
      context.warn(
          "aws " + target.location(),
          "a probe failed: " + AwsErrors.oneLine(String.valueOf(e.getCause()), 200));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScanException("aws scan of " + target.name() + " interrupted");
    }
  }

  /**
   * The regions to read: those asked for, else those enabled in the account ({@code
   * account:ListRegions}), else (when that is denied) the regions every account has.
   */
  private static List<String> regions(
      Target target,
      CollectContext context,
      AwsSettings settings,
      AwsClients clients,
      AwsCredentialsProvider credentials,
      String account) {
    if (!settings.regions().isEmpty()) {
      return settings.regions();
    }
    try {
      AccountClient a =
          clients.client("account", "us-east-1", credentials, AccountClient.builder());
      List<String> enabled =
          a
              .listRegionsPaginator(
                  q ->
                      q.regionOptStatusContains(
                          RegionOptStatus.ENABLED, RegionOptStatus.ENABLED_BY_DEFAULT))
              .regions()
              .stream()
              .map(Region::regionName)
              .sorted()
              .toList();
      if (!enabled.isEmpty()) {
        return enabled;
      }
    } catch (RuntimeException e) {
      AwsErrors.Failure f =
          AwsErrors.describe(e, "account:ListRegions", "us-east-1", settings.timeout().toSeconds());
      context.warn(
          "aws " + account + " account",
          f.message() + "; reading the " + AwsSettings.DEFAULT_REGIONS.size() + " default regions");
    }
    return AwsSettings.DEFAULT_REGIONS;
  }
}
