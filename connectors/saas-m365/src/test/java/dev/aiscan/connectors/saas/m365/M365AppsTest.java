package dev.aiscan.connectors.saas.m365;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which service principals are third-party apps, and which of their URLs name their domain. */
class M365AppsTest {
  static final String TENANT = "9a8b7c6d-1111-4222-8333-444455556666";

  static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }

  @Test
  void onlyAppsOfOtherTenantsAndGalleryCopiesAreThirdParty() throws Exception {
    assertThat(M365Apps.thirdParty(json("{\"appOwnerOrganizationId\": \"0a0b\"}"), TENANT))
        .isTrue();
    assertThat(
            M365Apps.thirdParty(
                json("{\"appOwnerOrganizationId\": \"F8CDEF31-A31E-4B4A-93E4-5F571E91255A\"}"),
                TENANT))
        .as("Microsoft's, whatever the case")
        .isFalse();
    assertThat(
            M365Apps.thirdParty(json("{\"appOwnerOrganizationId\": \"" + TENANT + "\"}"), TENANT))
        .isFalse();
    assertThat(
            M365Apps.thirdParty(
                json(
                    "{\"appOwnerOrganizationId\": \""
                        + TENANT
                        + "\", \"applicationTemplateId\": \"7a7a\"}"),
                TENANT))
        .as("a gallery app")
        .isTrue();
    assertThat(
            M365Apps.thirdParty(
                json(
                    "{\"appOwnerOrganizationId\": \"0a0b\", \"servicePrincipalType\":"
                        + " \"ManagedIdentity\"}"),
                TENANT))
        .isFalse();
    assertThat(M365Apps.thirdParty(json("{\"appOwnerOrganizationId\": null}"), TENANT)).isFalse();
  }

  @Test
  void theDomainComesFromTheHomepageElseTheMarketingPageElseAReplyUrl() throws Exception {
    assertThat(
            M365Apps.domain(
                json(
                    "{\"homepage\": \"https://www.otter.ai/home\", \"info\": {\"marketingUrl\":"
                        + " \"https://x.example\"}}")))
        .isEqualTo("otter.ai");
    assertThat(
            M365Apps.domain(
                json(
                    "{\"homepage\":"
                        + " \"https://account.activedirectory.windowsazure.com:444/applications/default.aspx\","
                        + " \"info\": {\"marketingUrl\": \"https://fireflies.ai/\"}}")))
        .isEqualTo("fireflies.ai");
    assertThat(
            M365Apps.domain(
                json(
                    "{\"replyUrls\": [\"urn:ietf:wg:oauth:2.0:oob\", \"http://127.0.0.1:8080/cb\","
                        + " \"https://localhost/cb\", \"msauth://com.example/abc\","
                        + " \"https://app.notion.so/callback\"]}")))
        .isEqualTo("app.notion.so");
    assertThat(M365Apps.domain(json("{\"homepage\": null, \"replyUrls\": []}"))).isNull();
  }
}
