package dev.aiscan.connectors.saas.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.http.SaasException;
import dev.aiscan.connectors.saas.http.SaasHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * GitHub REST API calls (version 2022-11-28). Lists are paged by the {@code Link} header's {@code
 * rel="next"} URL, which is followed only while it stays on the base URL's scheme, host and port:
 * the token goes with every request, so a link elsewhere is refused rather than followed.
 */
final class GithubApi {
  static final String API_VERSION = "2022-11-28";
  private static final int MAX_PAGES = 1000;
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\"");

  /** What a paged list answered: its first page's body (for totals) and every item. */
  record Pages(JsonNode first, List<JsonNode> items) {}

  private final GithubSettings settings;
  private final SaasHttp http;
  private final Map<String, String> headers;

  GithubApi(GithubSettings settings) {
    this.settings = settings;
    this.http = new SaasHttp(settings.timeout(), settings.maxRetries(), Duration.ofSeconds(60));
    this.headers =
        Map.of(
            "Authorization",
            "Bearer " + settings.token(),
            "Accept",
            "application/vnd.github+json",
            "X-GitHub-Api-Version",
            API_VERSION);
  }

  /** One GET of {@code /seg/ments} under the base URL. */
  JsonNode get(String... segments) {
    return http.get(url(segments).build(), headers).body();
  }

  /**
   * Every item of a paged list: the array {@code field} of each page, or the page itself when
   * {@code field} is null ({@code /orgs/{org}/repos} answers a bare array).
   */
  Pages list(List<String> segments, Map<String, String> query, String field) {
    HttpUrl.Builder first = url(segments.toArray(String[]::new));
    query.forEach(first::addQueryParameter);
    first.addQueryParameter("per_page", "100");
    HttpUrl next = first.build();
    String where = "/" + String.join("/", segments);
    JsonNode firstBody = null;
    List<JsonNode> items = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES && next != null; page++) {
      SaasHttp.Answer answer = http.get(next, headers);
      JsonNode body = answer.body();
      JsonNode list = field == null ? body : body.path(field);
      if (!list.isArray()) {
        throw new SaasException(
            SaasException.Kind.MALFORMED,
            answer.status(),
            where + ": no " + (field == null ? "list" : "\"" + field + "\" list"));
      }
      if (firstBody == null) {
        firstBody = body;
      }
      list.forEach(items::add);
      next = next(where, answer.header("Link"));
    }
    return new Pages(firstBody, items);
  }

  /** The {@code rel="next"} URL of a {@code Link} header, if it stays on the API's origin. */
  private HttpUrl next(String where, String link) {
    if (link == null) {
      return null;
    }
    Matcher m = LINK.matcher(link);
    while (m.find()) {
      if (!List.of(m.group(2).trim().split("\\s+")).contains("next")) {
        continue;
      }
      HttpUrl url = HttpUrl.parse(m.group(1).trim());
      HttpUrl base = settings.baseUrl();
      if (url == null
          || !url.scheme().equals(base.scheme())
          || !url.host().equalsIgnoreCase(base.host())
          || url.port() != base.port()) {
        throw new SaasException(
            SaasException.Kind.MALFORMED,
            200,
            where + ": the next page's link leaves " + base.host() + "; not followed");
      }
      return url;
    }
    return null;
  }

  private HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder url = settings.baseUrl().newBuilder();
    for (String s : segments) {
      url.addPathSegment(s);
    }
    return url;
  }
}
