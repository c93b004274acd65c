package dev.aiscan.connectors.saas.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.connectors.saas.http.SaasHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * GET calls of an AI provider's Admin API. OpenAI and Anthropic page their lists the same way
 * ({@code limit}, a cursor parameter set to the previous page's {@code last_id} while {@code
 * has_more}), and their usage reports by an opaque {@code page} token ({@code next_page}); only the
 * cursor's name and the auth headers differ.
 */
final class AdminApi {
  /** A query parameter; a list of them, because usage reports repeat {@code group_by}. */
  record Param(String name, String value) {}

  private static final int MAX_PAGES = 1000;
  private static final String LIMIT = "100";

  private final HttpUrl base;
  private final Map<String, String> headers;
  private final String cursor;
  private final SaasHttp http;

  /**
   * @param headers the auth headers, the key among them
   * @param cursor the list cursor parameter ({@code after}, {@code after_id})
   */
  AdminApi(AdminSettings settings, Map<String, String> headers, String cursor) {
    this.base = settings.baseUrl();
    this.headers = Map.copyOf(headers);
    this.cursor = cursor;
    this.http = new SaasHttp(settings.timeout(), settings.maxRetries(), Duration.ofSeconds(60));
  }

  /** One call of {@code path} (relative to the base, {@code organization/projects}). */
  SaasHttp.Answer get(String path, List<Param> params) {
    HttpUrl.Builder url = base.newBuilder().addPathSegments(path);
    params.forEach(p -> url.addQueryParameter(p.name(), p.value()));
    return http.get(url.build(), headers);
  }

  /** Every item of a cursor-paged list. */
  List<JsonNode> list(String path, List<Param> params) {
    List<JsonNode> items = new ArrayList<>();
    String after = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      List<Param> query = new ArrayList<>(params);
      query.add(new Param("limit", LIMIT));
      if (after != null) {
        query.add(new Param(cursor, after));
      }
      JsonNode body = get(path, query).body();
      data(path, body).forEach(items::add);
      String next = body.path("last_id").asText("");
      if (!body.path("has_more").asBoolean(false) || next.isEmpty() || next.equals(after)) {
        break;
      }
      after = next;
    }
    return items;
  }

  /** Every bucket of a report paged by {@code page}/{@code next_page} (an opaque token). */
  List<JsonNode> report(String path, List<Param> params) {
    List<JsonNode> buckets = new ArrayList<>();
    String token = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      List<Param> query = new ArrayList<>(params);
      if (token != null) {
        query.add(new Param("page", token));
      }
      JsonNode body = get(path, query).body();
      data(path, body).forEach(buckets::add);
      String next = body.path("next_page").asText("");
      if (!body.path("has_more").asBoolean(false) || next.isEmpty() || next.equals(token)) {
        break;
      }
      token = next;
    }
    return buckets;
  }

  private static JsonNode data(String path, JsonNode body) {
    JsonNode data = body.path("data");
    if (!data.isArray()) {
      throw new SaasException(SaasException.Kind.MALFORMED, 200, path + ": no \"data\" list");
    }
    return data;
  }
}
