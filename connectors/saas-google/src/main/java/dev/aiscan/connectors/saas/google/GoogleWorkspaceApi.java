package dev.aiscan.connectors.saas.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.connectors.saas.http.SaasHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Admin SDK Directory API calls ({@code /admin/directory/v1/...}). Lists are paged with {@code
 * pageToken} and {@code nextPageToken}; Google leaves an empty list's field out altogether.
 *
 * <p>Besides 429, Google signals its per-user quota with <b>403</b> and the reason {@code
 * userRateLimitExceeded} (or {@code rateLimitExceeded}, {@code quotaExceeded}), which {@link
 * SaasHttp} takes for a refusal; those are retried here with backoff, and end as {@code THROTTLED},
 * never as "the token needs a scope".
 */
final class GoogleWorkspaceApi {
  static final String USERS_SCOPE = "https://www.googleapis.com/auth/admin.directory.user.readonly";
  static final String TOKENS_SCOPE =
      "https://www.googleapis.com/auth/admin.directory.user.security";
  static final String CUSTOMER_SCOPE =
      "https://www.googleapis.com/auth/admin.directory.customer.readonly";

  private static final int PAGE_SIZE = 500;
  private static final int MAX_PAGES = 10_000;

  private final GoogleWorkspaceSettings settings;
  private final SaasHttp http;
  private final Duration quotaBackoff;

  GoogleWorkspaceApi(GoogleWorkspaceSettings settings) {
    this(settings, Duration.ofSeconds(1));
  }

  /**
   * @param quotaBackoff the first wait after a 403 quota answer, doubled on each retry
   */
  GoogleWorkspaceApi(GoogleWorkspaceSettings settings, Duration quotaBackoff) {
    this.settings = settings;
    this.http = new SaasHttp(settings.timeout(), settings.maxRetries(), Duration.ofSeconds(60));
    this.quotaBackoff = quotaBackoff;
  }

  /** {@code customers.get}: the customer's {@code id} and {@code customerDomain}. */
  JsonNode customer(String customerKey) {
    return get(List.of("customers", customerKey), Map.of());
  }

  /** {@code users.list}: every user of the customer, basic projection. */
  List<JsonNode> users(String customer) {
    List<JsonNode> users = new ArrayList<>();
    String pageToken = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("customer", customer);
      query.put("maxResults", String.valueOf(PAGE_SIZE));
      query.put("projection", "basic");
      if (pageToken != null) {
        query.put("pageToken", pageToken);
      }
      JsonNode body = get(List.of("users"), query);
      items(body, "users", "users.list").forEach(users::add);
      pageToken = body.path("nextPageToken").asText("");
      if (pageToken.isEmpty()) {
        break;
      }
    }
    return users;
  }

  /** The first user of {@code users.list}, or null: a customer id without the customer scope. */
  JsonNode firstUser(String customer) {
    JsonNode body =
        get(
            List.of("users"),
            Map.of("customer", customer, "maxResults", "1", "projection", "basic"));
    JsonNode users = items(body, "users", "users.list");
    return users.isEmpty() ? null : users.get(0);
  }

  /** {@code tokens.list}: the OAuth tokens {@code userKey} granted to third-party apps. */
  List<JsonNode> tokens(String userKey) {
    List<JsonNode> tokens = new ArrayList<>();
    items(get(List.of("users", userKey, "tokens"), Map.of()), "items", "tokens.list")
        .forEach(tokens::add);
    return tokens;
  }

  private static JsonNode items(JsonNode body, String field, String method) {
    JsonNode list = body.path(field);
    if (list.isMissingNode() || list.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!list.isArray()) {
      throw new SaasException(
          SaasException.Kind.MALFORMED, 200, method + ": \"" + field + "\" is not a list");
    }
    return list;
  }

  private JsonNode get(List<String> path, Map<String, String> query) {
    HttpUrl.Builder url = settings.baseUrl().newBuilder().addPathSegments("admin/directory/v1");
    path.forEach(url::addPathSegment);
    query.forEach(url::addQueryParameter);
    HttpUrl built = url.build();
    Map<String, String> headers = Map.of("Authorization", "Bearer " + settings.token());
    for (int attempt = 0; ; attempt++) {
      try {
        JsonNode body = http.get(built, headers).body();
        if (!body.isObject()) {
          throw new SaasException(
              SaasException.Kind.MALFORMED, 200, built.encodedPath() + ": not a JSON object");
        }
        return body;
      } catch (SaasException e) {
        if (!overQuota(e)) {
          throw e;
        }
        if (attempt >= settings.maxRetries()) {
          throw new SaasException(SaasException.Kind.THROTTLED, e.status(), e.getMessage());
        }
        sleep(quotaBackoff.multipliedBy(1L << Math.min(attempt, 6)));
      }
    }
  }

  /** A 403 that is Google's quota, not a refusal (its message names the reason). */
  static boolean overQuota(SaasException e) {
    if (e.status() != 403 || e.getMessage() == null) {
      return false;
    }
    String m = e.getMessage().toLowerCase(Locale.ROOT).replace(" ", "");
    return m.contains("ratelimitexceeded") || m.contains("quotaexceeded");
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SaasException(SaasException.Kind.OTHER, 0, "interrupted");
    }
  }
}
