package dev.aiscan.connectors.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.resourcemanager.cognitiveservices.CognitiveServicesManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fast path ({@code --azure-resource-graph}): one Azure Resource Graph query finds every AI
 * resource of the subscription, with the properties the inventory needs, in place of one list per
 * provider; detail calls follow only for what holds more (OpenAI and AIServices accounts, Machine
 * Learning workspaces).
 */
final class ResourceGraphProbe {
  static final String PERMISSION = "Microsoft.ResourceGraph/resources/read";
  private static final String API = "2022-10-01";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 1000;
  private static final int MAX_PAGES = 1000;

  /** The AI resource types, in Resource Graph's lower case, and as Resource Manager writes them. */
  private static final Map<String, String> TYPES =
      Map.of(
          CognitiveProbe.ACCOUNT.toLowerCase(Locale.ROOT), CognitiveProbe.ACCOUNT,
          MachineLearningProbe.WORKSPACE.toLowerCase(Locale.ROOT), MachineLearningProbe.WORKSPACE,
          SearchAndBotProbe.SEARCH.toLowerCase(Locale.ROOT), SearchAndBotProbe.SEARCH,
          SearchAndBotProbe.BOT.toLowerCase(Locale.ROOT), SearchAndBotProbe.BOT);

  static final String QUERY =
      "resources | where type in~ ("
          + String.join(", ", TYPES.keySet().stream().sorted().map(t -> "'" + t + "'").toList())
          + ") | project id, name, type, kind, location, tags, sku, properties | order by id asc";

  private ResourceGraphProbe() {}

  static void run(SubscriptionScan s) {
    List<JsonNode> rows = s.call(PERMISSION, () -> query(s));
    if (rows == null) {
      return;
    }
    CognitiveServicesManager cognitive = s.clients().cognitive(s.subscription());
    for (JsonNode row : rows) {
      String type = TYPES.get(row.path("type").asText("").toLowerCase(Locale.ROOT));
      if (type == null) {
        continue;
      }
      String id = row.path("id").asText(null);
      String name = row.path("name").asText(null);
      String kind = text(row.path("kind"));
      String region = text(row.path("location"));
      Map<String, String> tags = MachineLearningProbe.tags(row);
      JsonNode p = row.path("properties");
      String sku = text(row.path("sku").path("name"));
      switch (type) {
        case CognitiveProbe.ACCOUNT ->
            CognitiveProbe.account(
                s,
                cognitive,
                new CognitiveProbe.AccountView(
                    id,
                    name,
                    kind,
                    region,
                    tags,
                    sku,
                    text(p.path("endpoint")),
                    text(p.path("customSubDomainName")),
                    "disabled".equalsIgnoreCase(p.path("publicNetworkAccess").asText("")),
                    "deny".equalsIgnoreCase(p.path("networkAcls").path("defaultAction").asText("")),
                    p.path("privateEndpointConnections").size(),
                    p.path("disableLocalAuth").asBoolean(false)));
        case MachineLearningProbe.WORKSPACE -> {
          Map<String, String> extra = new LinkedHashMap<>();
          CognitiveProbe.put(extra, "sku", sku);
          s.resource(type, id, name, kind, region, null, tags, extra);
          if (id != null && id.startsWith("/subscriptions/")) {
            s.submit(
                "online endpoints of " + id, () -> MachineLearningProbe.endpoints(s, id, region));
            s.submit(
                "serverless endpoints of " + id,
                () -> MachineLearningProbe.serverless(s, id, region));
          }
        }
        default -> {
          Map<String, String> extra = new LinkedHashMap<>();
          CognitiveProbe.put(extra, "sku", sku);
          s.resource(type, id, name, kind, region, null, tags, extra);
        }
      }
    }
  }

  /** Every row of the query, page by page ({@code $skipToken}). */
  private static List<JsonNode> query(SubscriptionScan s) {
    List<JsonNode> rows = new java.util.ArrayList<>();
    String skipToken = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode body = JSON.createObjectNode();
      body.putArray("subscriptions").add(s.subscription());
      body.put("query", QUERY);
      ObjectNode options = body.putObject("options");
      options.put("resultFormat", "objectArray");
      options.put("$top", PAGE);
      if (skipToken != null) {
        options.put("$skipToken", skipToken);
      }
      JsonNode answer = post(s, body);
      answer.path("data").forEach(rows::add);
      skipToken = answer.path("$skipToken").asText(null);
      if (skipToken == null || skipToken.isBlank()) {
        return rows;
      }
    }
    return rows;
  }

  private static JsonNode post(SubscriptionScan s, JsonNode body) {
    HttpRequest request =
        new HttpRequest(
                HttpMethod.POST,
                s.clients().endpoint()
                    + "/providers/Microsoft.ResourceGraph/resources?api-version="
                    + API)
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
            .setBody(body.toString());
    AzureClients.Answer answer = s.clients().exchange(request);
    String text = answer.body();
    if (answer.response().getStatusCode() / 100 != 2) {
      throw new HttpResponseException(AzureErrors.armError(text), answer.response(), text);
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new Arm.MalformedAnswerException(
          "not JSON: " + AzureErrors.oneLine(e.getMessage(), 120));
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }
}
