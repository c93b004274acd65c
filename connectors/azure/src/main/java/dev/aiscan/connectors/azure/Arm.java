package dev.aiscan.connectors.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Resource Manager list calls through the Azure SDK's HTTP pipeline (credential, retries with
 * {@code Retry-After}, user agent) for what no management library the build can use covers: Azure
 * Machine Learning (its library is not served to this build) and AI Foundry projects (newer than
 * the Cognitive Services library's API version). Pages through {@code nextLink}.
 */
final class Arm {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** More pages than any real list has: a {@code nextLink} that loops stops here. */
  private static final int MAX_PAGES = 1000;

  private final AzureClients clients;

  Arm(AzureClients clients) {
    this.clients = clients;
  }

  /** Every item of a list at {@code path} (a resource id plus a collection). */
  List<JsonNode> list(String path, String apiVersion) {
    List<JsonNode> items = new ArrayList<>();
    String url = clients.endpoint() + path + "?api-version=" + apiVersion;
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      JsonNode body = get(url);
      body.path("value").forEach(items::add);
      url = next(body.path("nextLink").asText(null));
    }
    return items;
  }

  /**
   * The next page's URL, or null at the end. Only absolute https links to Resource Manager itself
   * are followed: a link elsewhere would carry the bearer token away.
   */
  private String next(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(link);
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException("nextLink is not a URL: " + AzureErrors.oneLine(link, 80));
    }
    URI base = URI.create(clients.endpoint());
    if (!"https".equalsIgnoreCase(uri.getScheme())
        || !base.getHost().equalsIgnoreCase(uri.getHost())
        || base.getPort() != uri.getPort()) {
      throw new MalformedAnswerException(
          "nextLink leaves Resource Manager: " + AzureErrors.oneLine(link, 80));
    }
    return link;
  }

  private JsonNode get(String url) {
    AzureClients.Answer answer = clients.exchange(new HttpRequest(HttpMethod.GET, url));
    String body = answer.body();
    if (answer.response().getStatusCode() / 100 != 2) {
      throw new HttpResponseException(AzureErrors.armError(body), answer.response(), body);
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedAnswerException("not JSON: " + AzureErrors.oneLine(e.getMessage(), 120));
    }
  }

  /** An answer that is not what the API reference says it is. */
  static final class MalformedAnswerException extends RuntimeException {
    MalformedAnswerException(String message) {
      super(message);
    }
  }
}
