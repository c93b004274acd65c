package dev.aiscan.connectors.azure;

import com.azure.resourcemanager.cognitiveservices.CognitiveServicesManager;
import com.azure.resourcemanager.cognitiveservices.models.Account;
import com.azure.resourcemanager.cognitiveservices.models.AccountProperties;
import com.azure.resourcemanager.cognitiveservices.models.Deployment;
import com.azure.resourcemanager.cognitiveservices.models.DeploymentModel;
import com.azure.resourcemanager.cognitiveservices.models.NetworkRuleAction;
import com.azure.resourcemanager.cognitiveservices.models.PublicNetworkAccess;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cognitive Services and AI Foundry accounts of every kind, with their network exposure and key
 * authentication, and for OpenAI and AIServices accounts every model deployment and Foundry
 * project: the inventory facts auditors want.
 */
final class CognitiveProbe {
  static final String ACCOUNT = "Microsoft.CognitiveServices/accounts";
  static final String DEPLOYMENT = "Microsoft.CognitiveServices/accounts/deployments";
  static final String PROJECT = "Microsoft.CognitiveServices/accounts/projects";

  /** Setting: key (local) authentication of an account, {@code on} unless disabled. */
  static final String LOCAL_AUTH = "azure:cognitive-services-local-auth";

  /** Setting: whether an account answers from the public internet. */
  static final String PUBLIC_ACCESS = "azure:cognitive-services-public-network-access";

  /** Account kinds that hold model deployments. */
  private static final Set<String> DEPLOYING = Set.of("openai", "aiservices");

  /** The Foundry projects API (2025-06-01 and later). */
  private static final String PROJECTS_API = "2025-06-01";

  private CognitiveProbe() {}

  static void run(SubscriptionScan s) {
    CognitiveServicesManager m = s.clients().cognitive(s.subscription());
    s.run(ACCOUNT + "/read", () -> m.accounts().list().forEach(a -> account(s, m, a)));
  }

  private static void account(SubscriptionScan s, CognitiveServicesManager m, Account a) {
    AccountProperties p = a.properties();
    Map<String, String> extra = new LinkedHashMap<>();
    boolean localAuth = true;
    boolean exposed = true;
    if (a.sku() != null) {
      extra.put("sku", a.sku().name());
    }
    if (p != null) {
      put(extra, "endpoint", p.endpoint());
      put(extra, "custom-subdomain", p.customSubDomainName());
      localAuth = !Boolean.TRUE.equals(p.disableLocalAuth());
      boolean publicDisabled = p.publicNetworkAccess() == PublicNetworkAccess.DISABLED;
      boolean aclDenies =
          p.networkAcls() != null && p.networkAcls().defaultAction() == NetworkRuleAction.DENY;
      exposed = !publicDisabled && !aclDenies;
      extra.put(
          "public-network-access",
          publicDisabled ? "disabled" : aclDenies ? "restricted" : "enabled");
      int privateEndpoints =
          p.privateEndpointConnections() == null ? 0 : p.privateEndpointConnections().size();
      extra.put("private-endpoints", Integer.toString(privateEndpoints));
      extra.put("local-auth", localAuth ? "enabled" : "disabled");
    }
    s.resource(ACCOUNT, a.id(), a.name(), a.kind(), a.regionName(), null, a.tags(), extra);
    s.setting(LOCAL_AUTH, localAuth ? "on" : "off", a.id(), a.regionName());
    s.setting(PUBLIC_ACCESS, exposed ? "on" : "off", a.id(), a.regionName());

    String kind = a.kind() == null ? "" : a.kind().toLowerCase(java.util.Locale.ROOT);
    String group = SubscriptionScan.resourceGroup(a.id());
    if (DEPLOYING.contains(kind) && group != null) {
      s.submit(
          "deployments of " + a.name(),
          () ->
              s.run(
                  DEPLOYMENT + "/read",
                  () ->
                      m.deployments()
                          .list(group, a.name())
                          .forEach(d -> deployment(s, d, a.regionName()))));
    }
    if (kind.equals("aiservices")) {
      s.submit(
          "projects of " + a.name(),
          () -> {
            var projects =
                s.call(PROJECT + "/read", () -> s.arm().list(a.id() + "/projects", PROJECTS_API));
            if (projects != null) {
              projects.forEach(j -> project(s, j, a.regionName()));
            }
          });
    }
  }

  private static void deployment(SubscriptionScan s, Deployment d, String region) {
    Map<String, String> extra = new LinkedHashMap<>();
    String model = null;
    if (d.properties() != null) {
      DeploymentModel dm = d.properties().model();
      if (dm != null) {
        model = dm.name();
        put(extra, "model-version", dm.version());
        put(extra, "model-format", dm.format());
      }
      put(extra, "content-filter", d.properties().raiPolicyName());
    }
    if (d.sku() != null) {
      put(extra, "sku", d.sku().name());
      if (d.sku().capacity() != null) {
        extra.put("capacity", d.sku().capacity().toString());
      }
    }
    s.resource(DEPLOYMENT, d.id(), d.name(), null, region, model, Map.of(), extra);
  }

  private static void project(SubscriptionScan s, JsonNode p, String region) {
    Map<String, String> tags = new TreeMap<>();
    p.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    Map<String, String> extra = new LinkedHashMap<>();
    put(extra, "display-name", p.path("properties").path("displayName").asText(null));
    s.resource(
        PROJECT,
        p.path("id").asText(null),
        p.path("name").asText(null),
        null,
        p.path("location").asText(region),
        null,
        tags,
        extra);
  }

  static void put(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }
}
