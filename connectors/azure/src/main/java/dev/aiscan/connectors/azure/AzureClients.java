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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK clients of one scan: the process's HTTP client, one credential, the Resource
 * Manager endpoint, and the management clients of each subscription. Every client retries throttled
 * (429, honouring {@code Retry-After}) and transient failures with the SDK's retry policy.
 */
final class AzureClients {
  private static final String USER_AGENT = "aiscan";

  /**
   * One HTTP client per TLS context and timeout for the life of the process, as the Azure SDK
   * advises: a JDK client keeps a selector thread for as long as it lives, so one per scan would
   * leave a thread behind after each scan until a garbage collection. The key holds the TLS context
   * by identity (null for the JVM's default); a process sees one or two.
   */
  private static final Map<List<Object>, HttpClient> HTTP = new ConcurrentHashMap<>();

  /** The threads the HTTP clients run their work on: daemons that idle out after a minute. */
  private static final ExecutorService HTTP_THREADS =
      Executors.newCachedThreadPool(
          new ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
              Thread t = new Thread(r, HTTP_THREAD_PREFIX + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            }
          });

  /** The name of every thread of {@link #HTTP_THREADS} starts with this. */
  static final String HTTP_THREAD_PREFIX = "aiscan-azure-http-";

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
    this.http = http(ssl, settings.timeout());
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

  /** The process's HTTP client for {@code ssl} (null: the JVM's default) and {@code timeout}. */
  private static HttpClient http(SSLContext ssl, Duration timeout) {
    return HTTP.computeIfAbsent(
        Arrays.asList(ssl, timeout),
        key -> {
          java.net.http.HttpClient.Builder jdk =
              java.net.http.HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(10))
                  .executor(HTTP_THREADS);
          if (ssl != null) {
            jdk.sslContext(ssl);
          }
          return new JdkHttpClientBuilder(jdk)
              .connectionTimeout(Duration.ofSeconds(10))
              .responseTimeout(timeout)
              .build();
        });
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
