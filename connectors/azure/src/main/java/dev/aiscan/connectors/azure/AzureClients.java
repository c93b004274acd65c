package dev.aiscan.connectors.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.botservice.BotServiceManager;
import com.azure.resourcemanager.cognitiveservices.CognitiveServicesManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.search.SearchServiceManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK clients of one scan: one JDK HTTP client, one credential, the Resource Manager
 * endpoint, and the management clients of each subscription. Every client retries throttled (429,
 * honouring {@code Retry-After}) and transient failures with the SDK's retry policy.
 */
final class AzureClients {
  private static final String USER_AGENT = "aiscan";

  private final AzureSettings settings;
  private final HttpClient http;
  private final TokenCredential credential;
  private final AzureEnvironment environment;
  private final RetryOptions retry;
  private final HttpPipeline arm;

  /**
   * @param ssl the TLS context to trust Resource Manager with, or null for the JVM's default
   */
  AzureClients(AzureSettings settings, SSLContext ssl) {
    this.settings = settings;
    java.net.http.HttpClient.Builder jdk =
        java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (ssl != null) {
      jdk.sslContext(ssl);
    }
    this.http =
        new JdkHttpClientBuilder(jdk)
            .connectionTimeout(Duration.ofSeconds(10))
            .responseTimeout(settings.timeout())
            .build();
    this.credential =
        settings.accessToken() != null ? fixed(settings.accessToken()) : chain(settings, http);
    this.environment = environment(settings);
    this.retry =
        new RetryOptions(
            new ExponentialBackoffOptions()
                .setMaxRetries(settings.maxRetries())
                .setBaseDelay(Duration.ofMillis(500))
                .setMaxDelay(Duration.ofSeconds(30)));
    this.arm =
        new HttpPipelineBuilder()
            .httpClient(http)
            .policies(
                new UserAgentPolicy(USER_AGENT),
                new RetryPolicy(retry),
                new BearerTokenAuthenticationPolicy(credential, scope()))
            .build();
  }

  /**
   * Environment, workload identity, managed identity, Azure CLI, ... in the tenant if one is given.
   */
  private static TokenCredential chain(AzureSettings settings, HttpClient http) {
    DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().httpClient(http);
    if (settings.tenant() != null) {
      builder.tenantId(settings.tenant());
    }
    return builder.build();
  }

  /** A token given as is ({@code AZURE_ACCESS_TOKEN}): used until the scan ends. */
  private static TokenCredential fixed(String token) {
    AccessToken access = new AccessToken(token, OffsetDateTime.now().plusHours(1));
    return request -> Mono.just(access);
  }

  /** The public cloud, or its endpoints with Resource Manager at the given URL. */
  private static AzureEnvironment environment(AzureSettings settings) {
    if (settings.endpoint().equals(AzureSettings.PUBLIC_CLOUD)) {
      return AzureEnvironment.AZURE;
    }
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    String url = settings.endpoint() + "/";
    endpoints.put("resourceManagerEndpointUrl", url);
    endpoints.put("managementEndpointUrl", url);
    return new AzureEnvironment(endpoints);
  }

  /** The token scope of Resource Manager. */
  String scope() {
    return settings.endpoint() + "/.default";
  }

  /** Resource Manager's base URL, without a trailing slash. */
  String endpoint() {
    return settings.endpoint().toString();
  }

  /** A pipeline for Resource Manager calls no management library covers (see {@link Arm}). */
  HttpPipeline arm() {
    return arm;
  }

  /** A Resource Manager answer read whole: its status and headers, and its body. */
  record Answer(HttpResponse response, String body) {}

  /**
   * Sends {@code request} through Resource Manager's pipeline (retries included) and reads the
   * whole answer within {@link #deadline}: the client's timeout bounds each wait for the next
   * bytes, so without a deadline an answer that trickles forever would hold the scan forever.
   */
  Answer exchange(HttpRequest request) {
    return arm.send(request)
        .flatMap(
            response ->
                response
                    .getBodyAsString()
                    .defaultIfEmpty("")
                    .map(body -> new Answer(response, body))
                    .doFinally(signal -> response.close()))
        .timeout(deadline())
        .block();
  }

  /**
   * How long one call may take in all: twice the timeout for each attempt, plus the longest backoff
   * between attempts.
   */
  Duration deadline() {
    return settings
        .timeout()
        .multipliedBy(2L * (settings.maxRetries() + 1))
        .plus(Duration.ofSeconds(30L * settings.maxRetries()));
  }

  AzureProfile profile(String subscription) {
    return new AzureProfile(settings.tenant(), subscription, environment);
  }

  ResourceManager.Authenticated resources() {
    return ResourceManager.configure()
        .withHttpClient(http)
        .withRetryOptions(retry)
        .authenticate(credential, profile(null));
  }

  CognitiveServicesManager cognitive(String subscription) {
    return CognitiveServicesManager.configure()
        .withHttpClient(http)
        .withRetryOptions(retry)
        .withScope(scope())
        .authenticate(credential, profile(subscription));
  }

  SearchServiceManager search(String subscription) {
    return SearchServiceManager.configure()
        .withHttpClient(http)
        .withRetryOptions(retry)
        .authenticate(credential, profile(subscription));
  }

  BotServiceManager bots(String subscription) {
    return BotServiceManager.configure()
        .withHttpClient(http)
        .withRetryOptions(retry)
        .withScope(scope())
        .authenticate(credential, profile(subscription));
  }
}
