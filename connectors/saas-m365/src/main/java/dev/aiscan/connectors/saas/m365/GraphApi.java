package dev.aiscan.connectors.saas.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.connectors.saas.http.SaasHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Microsoft Graph calls: GETs with the bearer token, and OData collections walked page by page
 * through {@code @odata.nextLink}. A next link is followed only while it stays on the base URL's
 * scheme, host and port: the token travels with every request, and a link elsewhere (a tampered
 * answer, a misconfigured proxy) would carry it away.
 */
final class GraphApi {
  private static final int MAX_PAGES = 1000;

  private final M365Settings settings;
  private final SaasHttp http;

  GraphApi(M365Settings settings) {
    this.settings = settings;
    this.http = new SaasHttp(settings.timeout(), settings.retries(), Duration.ofSeconds(60));
  }

  /**
   * The URL of the path {@code segments} below the base ({@code v1.0}, {@code servicePrincipals},
   * an id), each encoded as one segment, with OData options such as {@code $select} written as
   * Graph documents them ({@code $} unencoded; values must be query-safe).
   */
  HttpUrl url(List<String> segments, Map<String, String> options) {
    HttpUrl.Builder url = settings.baseUrl().newBuilder();
    segments.forEach(url::addPathSegment);
    options.forEach(url::addEncodedQueryParameter);
    return url.build();
  }

  JsonNode get(HttpUrl url) {
    return http.get(
            url,
            Map.of("Authorization", "Bearer " + settings.token(), "Accept", "application/json"))
        .body();
  }

  /**
   * Every item of the OData collection at {@code first}, following {@code @odata.nextLink}. A link
   * to another host is not followed: {@code refused} gets one message, and the items read so far
   * are returned.
   */
  List<JsonNode> list(HttpUrl first, Consumer<String> refused) {
    List<JsonNode> items = new ArrayList<>();
    HttpUrl url = first;
    for (int page = 0; page < MAX_PAGES && url != null; page++) {
      JsonNode body = get(url);
      JsonNode value = body.path("value");
      if (!value.isArray()) {
        throw new SaasException(
            SaasException.Kind.MALFORMED, 200, first.encodedPath() + ": no \"value\" list");
      }
      value.forEach(items::add);
      url = next(first, body.path("@odata.nextLink").asText(""), refused);
    }
    return items;
  }

  private HttpUrl next(HttpUrl first, String link, Consumer<String> refused) {
    if (link.isBlank()) {
      return null;
    }
    HttpUrl next = HttpUrl.parse(link);
    HttpUrl base = settings.baseUrl();
    if (next == null
        || !next.scheme().equals(base.scheme())
        || !next.host().equalsIgnoreCase(base.host())
        || next.port() != base.port()) {
      refused.accept(
          first.encodedPath()
              + ": @odata.nextLink leads to "
              + (next == null ? "a malformed URL" : next.scheme() + "://" + next.host())
              + ", not "
              + base.host()
              + "; not followed (the token would go with it), so the list is incomplete");
      return null;
    }
    return next;
  }
}
