package dev.aiscan.connectors.aws;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.spi.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The AWS connector's settings, from the {@code connectors.aws.*} keys.
 *
 * @param profile named profile of the shared config files, or null for the default chain
 * @param roleArns roles to assume, one target account each; empty for the credentials' own account
 * @param orgRole role name to assume in each account of an AWS Organization, or null
 * @param regions regions to scan; empty means every region enabled in the account
 * @param endpointUrl one endpoint for every client (tests, private endpoints), or null
 * @param cloudTrailWindow how far back CloudTrail is read for evidence of use
 * @param cloudTrailMaxEvents the most events read per region and service
 * @param cloudTrailCallsPerSecond the pace of CloudTrail calls per region (AWS allows 2)
 * @param concurrency API calls in flight at once, across regions and services
 * @param timeout the longest one API call may take, retries included
 * @param maxAttempts attempts per API call (throttling and transient errors are retried)
 * @param layerMaxBytes the largest Lambda layer whose package list is read
 */
public record AwsSettings(
    String profile,
    List<String> roleArns,
    String orgRole,
    List<String> regions,
    URI endpointUrl,
    Duration cloudTrailWindow,
    int cloudTrailMaxEvents,
    int cloudTrailCallsPerSecond,
    int concurrency,
    Duration timeout,
    int maxAttempts,
    long layerMaxBytes) {

  static final String PREFIX = "connectors.aws.";
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

  /**
   * The regions enabled by default in every account, used when the account will not say which
   * regions it has enabled ({@code account:ListRegions} denied).
   */
  public static final List<String> DEFAULT_REGIONS =
      List.of(
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2",
          "ca-central-1",
          "sa-east-1",
          "eu-central-1",
          "eu-west-1",
          "eu-west-2",
          "eu-west-3",
          "eu-north-1",
          "ap-south-1",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-southeast-1",
          "ap-southeast-2");

  public static AwsSettings from(Settings s) {
    List<String> regions = s.list(PREFIX + "regions");
    for (String r : regions) {
      if (!REGION.matcher(r).matches()) {
        throw new ScanException("--aws-regions: not an AWS region: " + r);
      }
    }
    List<String> roleArns = s.list(PREFIX + "role-arn");
    for (String roleArn : roleArns) {
      if (!ROLE_ARN.matcher(roleArn).matches()) {
        throw new ScanException(
            "--aws-role-arn: not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME): " + roleArn);
      }
    }
    URI endpoint =
        s.get(PREFIX + "endpoint-url")
            .filter(v -> !v.isBlank())
            .map(AwsSettings::endpoint)
            .orElse(null);
    return new AwsSettings(
        s.get(PREFIX + "profile").filter(v -> !v.isBlank()).orElse(null),
        List.copyOf(roleArns),
        s.get(PREFIX + "org-role").filter(v -> !v.isBlank()).orElse(null),
        regions,
        endpoint,
        Duration.ofDays(positive(s, "cloudtrail-days", 7, 90)),
        positive(s, "cloudtrail-max-events", 20_000, Integer.MAX_VALUE),
        positive(s, "cloudtrail-calls-per-second", 2, 1000),
        positive(s, "concurrency", 32, 256),
        Duration.ofSeconds(positive(s, "timeout-seconds", 30, 3600)),
        positive(s, "max-attempts", 5, 20),
        s.bytes(PREFIX + "layer-max-size", 64L << 20));
  }

  /** The account a role ARN belongs to. */
  static String accountOf(String roleArn) {
    return roleArn.split(":")[4];
  }

  private static URI endpoint(String v) {
    try {
      URI uri = URI.create(v.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ScanException("--aws-endpoint-url: not an http(s) URL: " + v);
    }
  }

  private static int positive(Settings s, String key, int def, int max) {
    String raw = s.get(PREFIX + key).orElse(null);
    if (raw == null || raw.isBlank()) {
      return def;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n < 1 || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ScanException(PREFIX + key + ": not a number from 1 to " + max + ": " + raw);
    }
  }
}
