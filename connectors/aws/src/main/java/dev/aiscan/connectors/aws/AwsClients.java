package dev.aiscan.connectors.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients of one scan: one shared HTTP connection pool, one credentials provider per
 * account, and one client per account, service and region, built on first use and closed with the
 * scan. Every client gets the scan's endpoint override, timeouts and retry strategy (throttling and
 * transient errors are retried with backoff by the SDK's standard strategy).
 */
final class AwsClients implements AutoCloseable {
  private final AwsSettings settings;
  private final List<ExecutionInterceptor> interceptors;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider base;
  private final Map<String, AwsCredentialsProvider> roles = new ConcurrentHashMap<>();
  private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();

  /** Credentials providers compare by identity: one client per provider, service and region. */
  private record ClientKey(String service, String region, AwsCredentialsProvider credentials) {}

  AwsClients(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
    this.settings = settings;
    this.interceptors = List.copyOf(interceptors);
    this.http =
        ApacheHttpClient.builder()
            .maxConnections(settings.concurrency() * 2)
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(settings.timeout())
            .build();
    this.base =
        settings.profile() != null
            ? ProfileCredentialsProvider.builder().profileName(settings.profile()).build()
            : DefaultCredentialsProvider.builder().build();
  }

  /** The credentials the scan starts from: the named profile, or the default chain. */
  AwsCredentialsProvider baseCredentials() {
    return base;
  }

  /** Credentials for a role assumed from the base credentials, refreshed as they expire. */
  AwsCredentialsProvider assume(String roleArn) {
    return roles.computeIfAbsent(
        roleArn,
        arn ->
            StsAssumeRoleCredentialsProvider.builder()
                .stsClient(client("sts", "us-east-1", base, StsClient.builder()))
                .refreshRequest(r -> r.roleArn(arn).roleSessionName("aiscan").durationSeconds(3600))
                .asyncCredentialUpdateEnabled(false)
                .build());
  }

  /**
   * The client of a service in a region with given credentials, built once. {@code key} names the
   * service; {@code builder} is a fresh builder of its client.
   */
  @SuppressWarnings("unchecked")
  <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
      String key, String region, AwsCredentialsProvider credentials, B builder) {
    return (C)
        clients.computeIfAbsent(
            new ClientKey(key, region, credentials), k -> build(builder, region, credentials));
  }

  <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C build(
      B builder, String region, AwsCredentialsProvider credentials) {
    builder
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .overrideConfiguration(
            o -> {
              o.retryStrategy(
                      AwsRetryStrategy.standardRetryStrategy().toBuilder()
                          .maxAttempts(settings.maxAttempts())
                          .build())
                  .apiCallTimeout(settings.timeout())
                  .apiCallAttemptTimeout(settings.timeout());
              interceptors.forEach(o::addExecutionInterceptor);
            });
    builder.httpClient(http);
    URI endpoint = settings.endpointUrl();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    roles.values().stream()
        .filter(p -> p instanceof AutoCloseable)
        .forEach(
            p -> {
              try {
                ((AutoCloseable) p).close();
              } catch (Exception ignored) {
                // closing a credentials refresher cannot lose scan data
              }
            });
    if (base instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception ignored) {
        // as above
      }
    }
    http.close();
  }
}
