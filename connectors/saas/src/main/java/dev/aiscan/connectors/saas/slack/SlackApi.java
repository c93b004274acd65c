package dev.aiscan.connectors.saas.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.connectors.saas.http.SaasHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Slack Web API calls. Slack answers HTTP 200 with {@code "ok": false} and an error code for most
 * failures: those become {@link SaasException}s like any HTTP error. Lists are paged with {@code
 * response_metadata.next_cursor}.
 */
final class SlackApi {
  /** Error codes that mean the token may not do this. */
  private static final Set<String> REFUSED =
      Set.of(
          "not_authed",
          "invalid_auth",
          "missing_scope",
          "not_allowed_token_type",
          "account_inactive",
          "token_revoked",
          "token_expired",
          "no_permission",
          "ekm_access_denied",
          "not_an_admin",
          "not_an_enterprise",
          "feature_not_enabled");

  private static final int MAX_PAGES = 1000;

  private final SlackSettings settings;
  private final SaasHttp http;

  SlackApi(SlackSettings settings) {
    this.settings = settings;
    this.http = new SaasHttp(settings.timeout(), settings.maxRetries(), Duration.ofSeconds(60));
  }

  /** One call of {@code method} ({@code auth.test}). */
  JsonNode call(String method, Map<String, String> params) {
    HttpUrl.Builder url = settings.baseUrl().newBuilder().addPathSegment(method);
    params.forEach(url::addQueryParameter);
    JsonNode body =
        http.get(url.build(), Map.of("Authorization", "Bearer " + settings.token())).body();
    if (!body.path("ok").isBoolean()) {
      throw new SaasException(SaasException.Kind.MALFORMED, 200, method + ": no \"ok\" field");
    }
    if (!body.path("ok").asBoolean()) {
      String error = body.path("error").asText("unknown_error");
      String needed = body.path("needed").asText(null);
      throw new SaasException(
          REFUSED.contains(error) ? SaasException.Kind.DENIED : SaasException.Kind.OTHER,
          200,
          method + ": " + error + (needed == null ? "" : " (needs " + needed + ")"));
    }
    return body;
  }

  /** Every item of the list field {@code field} of a cursor-paged method. */
  List<JsonNode> list(String method, String field) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, String> params =
          cursor == null ? Map.of("limit", "100") : Map.of("limit", "100", "cursor", cursor);
      JsonNode body = call(method, params);
      JsonNode list = body.path(field);
      if (!list.isArray()) {
        throw new SaasException(
            SaasException.Kind.MALFORMED, 200, method + ": no \"" + field + "\" list");
      }
      list.forEach(items::add);
      cursor = body.path("response_metadata").path("next_cursor").asText("");
      if (cursor.isEmpty()) {
        break;
      }
    }
    return items;
  }
}
