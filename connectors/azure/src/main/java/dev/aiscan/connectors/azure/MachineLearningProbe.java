package dev.aiscan.connectors.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Machine Learning: workspaces (hubs and projects included), their online endpoints with each
 * deployment's model and instance type, and serverless endpoints (models as a service).
 */
final class MachineLearningProbe {
  static final String PROVIDER = "Microsoft.MachineLearningServices";
  static final String WORKSPACE = PROVIDER + "/workspaces";
  static final String ENDPOINT = WORKSPACE + "/onlineEndpoints";
  static final String DEPLOYMENT = ENDPOINT + "/deployments";
  static final String SERVERLESS = WORKSPACE + "/serverlessEndpoints";
  private static final String API = "2024-04-01";
  private static final Pattern ASSET = Pattern.compile("/models/([^/]+)");

  private MachineLearningProbe() {}

  static void run(SubscriptionScan s) {
    List<JsonNode> workspaces =
        s.call(
            WORKSPACE + "/read",
            () ->
                s.arm()
                    .list("/subscriptions/" + s.subscription() + "/providers/" + WORKSPACE, API));
    if (workspaces == null) {
      return;
    }
    for (JsonNode w : workspaces) {
      String id = w.path("id").asText(null);
      String region = w.path("location").asText(null);
      Map<String, String> extra = new LinkedHashMap<>();
      CognitiveProbe.put(extra, "sku", w.path("sku").path("name").asText(null));
      s.resource(
          WORKSPACE,
          id,
          w.path("name").asText(null),
          w.path("kind").asText(null),
          region,
          null,
          tags(w),
          extra);
      if (id == null || !id.startsWith("/subscriptions/")) {
        continue;
      }
      s.submit("online endpoints of " + id, () -> endpoints(s, id, region));
      s.submit("serverless endpoints of " + id, () -> serverless(s, id, region));
    }
  }

  static void endpoints(SubscriptionScan s, String workspace, String region) {
    List<JsonNode> endpoints =
        s.call(ENDPOINT + "/read", () -> s.arm().list(workspace + "/onlineEndpoints", API));
    if (endpoints == null) {
      return;
    }
    for (JsonNode e : endpoints) {
      String name = e.path("name").asText(null);
      String id = child(e, workspace + "/onlineEndpoints/" + name);
      Map<String, String> extra = new LinkedHashMap<>();
      CognitiveProbe.put(extra, "auth-mode", e.path("properties").path("authMode").asText(null));
      s.resource(
          ENDPOINT,
          id,
          name,
          e.path("kind").asText(null),
          e.path("location").asText(region),
          null,
          tags(e),
          extra);
      s.submit(
          "deployments of " + id,
          () -> {
            List<JsonNode> deployments =
                s.call(DEPLOYMENT + "/read", () -> s.arm().list(id + "/deployments", API));
            if (deployments == null) {
              return;
            }
            for (JsonNode d : deployments) {
              String dname = d.path("name").asText(null);
              Map<String, String> dextra = new LinkedHashMap<>();
              CognitiveProbe.put(
                  dextra, "instance-type", d.path("properties").path("instanceType").asText(null));
              CognitiveProbe.put(dextra, "sku", d.path("sku").path("name").asText(null));
              s.resource(
                  DEPLOYMENT,
                  child(d, id + "/deployments/" + dname),
                  dname,
                  d.path("kind").asText(null),
                  d.path("location").asText(region),
                  model(d.path("properties").path("model").asText(null)),
                  tags(d),
                  dextra);
            }
          });
    }
  }

  static void serverless(SubscriptionScan s, String workspace, String region) {
    List<JsonNode> endpoints =
        s.call(SERVERLESS + "/read", () -> s.arm().list(workspace + "/serverlessEndpoints", API));
    if (endpoints == null) {
      return;
    }
    for (JsonNode e : endpoints) {
      String name = e.path("name").asText(null);
      s.resource(
          SERVERLESS,
          child(e, workspace + "/serverlessEndpoints/" + name),
          name,
          e.path("kind").asText(null),
          e.path("location").asText(region),
          model(e.path("properties").path("modelSettings").path("modelId").asText(null)),
          tags(e),
          Map.of());
    }
  }

  /** The item's id when it is a resource id, else the id its parent and name make. */
  private static String child(JsonNode item, String fallback) {
    String id = item.path("id").asText("");
    return id.startsWith("/subscriptions/") ? id : fallback;
  }

  /**
   * The model's name in an Azure ML asset reference: {@code
   * azureml://registries/azureml-meta/models/Llama-2-7b-chat/versions/3} and {@code
   * azureml:my-model:4} give {@code Llama-2-7b-chat} and {@code my-model}.
   */
  static String model(String ref) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    Matcher m = ASSET.matcher(ref);
    if (m.find()) {
      return m.group(1);
    }
    String v = ref.startsWith("azureml:") ? ref.substring("azureml:".length()) : ref;
    int colon = v.indexOf(':');
    return colon > 0 ? v.substring(0, colon) : v;
  }

  static Map<String, String> tags(JsonNode resource) {
    Map<String, String> tags = new TreeMap<>();
    resource
        .path("tags")
        .fields()
        .forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    return tags;
  }
}
