package dev.aiscan.connectors.azure;

import java.util.LinkedHashMap;
import java.util.Map;

/** Azure AI Search services and Bot Service bots. */
final class SearchAndBotProbe {
  static final String SEARCH = "Microsoft.Search/searchServices";
  static final String BOT = "Microsoft.BotService/botServices";

  private SearchAndBotProbe() {}

  static void search(SubscriptionScan s) {
    s.run(
        SEARCH + "/read",
        () ->
            s.clients()
                .search(s.subscription())
                .searchServices()
                .list()
                .forEach(
                    svc -> {
                      Map<String, String> extra = new LinkedHashMap<>();
                      if (svc.sku() != null && svc.sku().name() != null) {
                        extra.put("sku", svc.sku().name().toString());
                      }
                      s.resource(
                          SEARCH,
                          svc.id(),
                          svc.name(),
                          null,
                          svc.regionName(),
                          null,
                          svc.tags(),
                          extra);
                    }));
  }

  static void bots(SubscriptionScan s) {
    s.run(
        BOT + "/read",
        () ->
            s.clients()
                .bots(s.subscription())
                .bots()
                .list()
                .forEach(
                    b -> {
                      Map<String, String> extra = new LinkedHashMap<>();
                      if (b.properties() != null) {
                        CognitiveProbe.put(extra, "display-name", b.properties().displayName());
                        if (b.properties().luisAppIds() != null
                            && !b.properties().luisAppIds().isEmpty()) {
                          extra.put(
                              "luis-apps", Integer.toString(b.properties().luisAppIds().size()));
                        }
                      }
                      s.resource(
                          BOT,
                          b.id(),
                          b.name(),
                          b.kind() == null ? null : b.kind().toString(),
                          b.regionName(),
                          null,
                          b.tags(),
                          extra);
                    }));
  }
}
