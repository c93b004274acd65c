package dev.aiscan.reports.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.history.AssetState;
import dev.aiscan.core.history.ScanSnapshot;
import dev.aiscan.core.model.AssetStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffRendererTest {
  static final String SHOP = "source:/src/shop";
  static final String BILLING = "source:/src/billing";
  static final Map<String, String> NAMES = Map.of(SHOP, "shop", BILLING, "billing");

  static final AssetState OPENAI_BILLING =
      new AssetState(
          "a-0f1e2d3c",
          "openai",
          "openai in billing",
          BILLING,
          AssetStatus.SHADOW,
          null,
          List.of("gpt-4o-mini"));
  static final AssetState LANGCHAIN_SHOP =
      new AssetState(
          "a-4b5a6978",
          "langchain",
          "langchain in shop",
          SHOP,
          AssetStatus.DRIFT,
          "support-reply",
          List.of());
  static final AssetState OPENAI_SHOP_BEFORE =
      new AssetState(
          "a-8c9dab01",
          "openai",
          "openai in shop",
          SHOP,
          AssetStatus.SHADOW,
          null,
          List.of("gpt-4"));
  static final AssetState OPENAI_SHOP_AFTER =
      new AssetState(
          "a-8c9dab01",
          "openai",
          "openai in shop",
          SHOP,
          AssetStatus.REGISTERED,
          "support-reply",
          List.of("gpt-4o"));

  static ScanDiff small() {
    ScanSnapshot from =
        new ScanSnapshot(
            "s1",
            Instant.parse("2026-03-02T09:00:00Z"),
            List.of(SHOP, BILLING),
            List.of(LANGCHAIN_SHOP, OPENAI_SHOP_BEFORE),
            Map.of("support-reply", 1));
    ScanSnapshot to =
        new ScanSnapshot(
            "s2",
            Instant.parse("2026-03-09T09:00:00Z"),
            List.of(SHOP, BILLING),
            List.of(OPENAI_BILLING, OPENAI_SHOP_AFTER),
            Map.of("support-reply", 1));
    return ScanDiff.between(from, to);
  }

  @Test
  void text() {
    assertThat(DiffRenderer.text(small(), NAMES))
        .isEqualTo(
            """
            Changes from s1 to s2:
            New (1):
              + openai in billing (shadow)
            Gone (1):
              - langchain in shop (drift)
            Changed (1):
              ~ openai in shop: status shadow -> registered; register entry none -> support-reply; \
            models +gpt-4o -gpt-4
            """);
  }

  @Test
  void textNamesTargetsAsTheyAreNow() {
    Map<String, String> renamed = Map.of(SHOP, "storefront", BILLING, "billing");

    assertThat(DiffRenderer.text(small(), renamed))
        .contains("  - langchain in storefront (drift)\n")
        .contains("  ~ openai in storefront: status");
    // a target it does not know is named as the asset's name says
    assertThat(DiffRenderer.text(small(), Map.of())).contains("  + openai in billing (shadow)\n");
  }

  @Test
  void textOfNoChanges() {
    ScanSnapshot s =
        new ScanSnapshot(
            "s1", Instant.parse("2026-03-02T09:00:00Z"), List.of(SHOP), List.of(), Map.of());

    assertThat(DiffRenderer.text(ScanDiff.between(s, s), NAMES))
        .isEqualTo("Changes from s1 to s1:\nNo changes.\n");
  }

  @Test
  void textLeavesOutEmptySections() {
    ScanSnapshot from =
        new ScanSnapshot(
            "s1", Instant.parse("2026-03-02T09:00:00Z"), List.of(SHOP), List.of(), Map.of());
    ScanSnapshot to =
        new ScanSnapshot(
            "s2",
            Instant.parse("2026-03-09T09:00:00Z"),
            List.of(SHOP),
            List.of(OPENAI_SHOP_BEFORE),
            Map.of());

    assertThat(DiffRenderer.text(ScanDiff.between(from, to), NAMES))
        .isEqualTo("Changes from s1 to s2:\nNew (1):\n  + openai in shop (shadow)\n");
  }

  @Test
  void json() throws Exception {
    String json = DiffRenderer.json(small());

    assertThat(json)
        .isEqualTo(
            """
            {
              "from" : "s1",
              "to" : "s2",
              "added" : [
                {
                  "id" : "a-0f1e2d3c",
                  "provider" : "openai",
                  "name" : "openai in billing",
                  "target" : "source:/src/billing",
                  "status" : "shadow",
                  "registerId" : null,
                  "models" : [
                    "gpt-4o-mini"
                  ]
                }
              ],
              "removed" : [
                {
                  "id" : "a-4b5a6978",
                  "provider" : "langchain",
                  "name" : "langchain in shop",
                  "target" : "source:/src/shop",
                  "status" : "drift",
                  "registerId" : "support-reply",
                  "models" : [ ]
                }
              ],
              "changed" : [
                {
                  "asset" : "a-8c9dab01",
                  "before" : {
                    "id" : "a-8c9dab01",
                    "provider" : "openai",
                    "name" : "openai in shop",
                    "target" : "source:/src/shop",
                    "status" : "shadow",
                    "registerId" : null,
                    "models" : [
                      "gpt-4"
                    ]
                  },
                  "after" : {
                    "id" : "a-8c9dab01",
                    "provider" : "openai",
                    "name" : "openai in shop",
                    "target" : "source:/src/shop",
                    "status" : "registered",
                    "registerId" : "support-reply",
                    "models" : [
                      "gpt-4o"
                    ]
                  },
                  "what" : [
                    "status shadow -> registered",
                    "register entry none -> support-reply",
                    "models +gpt-4o -gpt-4"
                  ]
                }
              ]
            }
            """);
    assertThat(new ObjectMapper().readTree(json).get("changed").get(0).get("asset").asText())
        .isEqualTo("a-8c9dab01");
  }

  @Test
  void jsonOfNoChanges() {
    ScanSnapshot s =
        new ScanSnapshot(
            "s1", Instant.parse("2026-03-02T09:00:00Z"), List.of(SHOP), List.of(), Map.of());

    assertThat(DiffRenderer.json(ScanDiff.between(s, s)))
        .isEqualTo(
            """
            {
              "from" : "s1",
              "to" : "s1",
              "added" : [ ],
              "removed" : [ ],
              "changed" : [ ]
            }
            """);
  }
}
