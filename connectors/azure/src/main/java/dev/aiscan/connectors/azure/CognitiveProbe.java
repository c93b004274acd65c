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

  /**
   * What the scan needs of an account, from the management library's model or a Resource Graph row.
   */
  record AccountView(
      String id,
      String name,
      String kind,
      String region,
      Map<String, String> tags,
      String sku,
      String endpoint,
      String subdomain,
      boolean publicAccessDisabled,
      boolean aclDeniesByDefault,
      int privateEndpoints,
      boolean localAuthDisabled) {

    static AccountView of(Account a) {
      AccountProperties p = a.properties();
      return new AccountView(
          a.id(),
          a.name(),
          a.kind(),
          a.regionName(),
          a.tags(),
          a.sku() == null ? null : a.sku().name(),
          p == null ? null : p.endpoint(),
          p == null ? null : p.customSubDomainName(),
          p != null && p.publicNetworkAccess() == PublicNetworkAccess.DISABLED,
          p != null
              && p.networkAcls() != null
              && p.networkAcls().defaultAction() == NetworkRuleAction.DENY,
          p == null || p.privateEndpointConnections() == null
              ? 0
              : p.privateEndpointConnections().size(),
          p != null && Boolean.TRUE.equals(p.disableLocalAuth()));
    }
  }

  private static void account(SubscriptionScan s, CognitiveServicesManager m, Account a) {
    account(s, m, AccountView.of(a));
  }

  /** Emits the account, its two settings, and reads its deployments and projects. */
  static void account(SubscriptionScan s, CognitiveServicesManager m, AccountView a) {
    Map<String, String> extra = new LinkedHashMap<>();
    put(extra, "sku", a.sku());
    put(extra, "endpoint", a.endpoint());
    put(extra, "custom-subdomain", a.subdomain());
    extra.put(
        "public-network-access",
        a.publicAccessDisabled() ? "disabled" : a.aclDeniesByDefault() ? "restricted" : "enabled");
    extra.put("private-endpoints", Integer.toString(a.privateEndpoints()));
    extra.put("local-auth", a.localAuthDisabled() ? "disabled" : "enabled");
    boolean exposed = !a.publicAccessDisabled() && !a.aclDeniesByDefault();
    s.resource(ACCOUNT, a.id(), a.name(), a.kind(), a.region(), null, a.tags(), extra);
    s.setting(LOCAL_AUTH, a.localAuthDisabled() ? "off" : "on", a.id(), a.region());
    s.setting(PUBLIC_ACCESS, exposed ? "on" : "off", a.id(), a.region());

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
                          .forEach(d -> deployment(s, d, a.region()))));
    }
    if (kind.equals("aiservices")) {
      s.submit(
          "projects of " + a.name(),
          () -> {
            var projects =
                s.call(PROJECT + "/read", () -> s.arm().list(a.id() + "/projects", PROJECTS_API));
            if (projects != null) {
              projects.forEach(j -> project(s, j, a.region()));
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
