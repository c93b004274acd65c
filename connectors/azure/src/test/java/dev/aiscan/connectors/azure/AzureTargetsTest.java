package dev.aiscan.connectors.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.aiscan.connectors.azure.AzureFake.error;
import static dev.aiscan.connectors.azure.AzureFake.json;
import static dev.aiscan.connectors.azure.AzureFake.vendor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The subscriptions a scan reads, from the published Subscriptions - List example. */
class AzureTargetsTest extends FakeAzureTest {
  void stubSubscriptions() {
    azure.server.stubFor(
        get(urlPathEqualTo("/subscriptions"))
            .willReturn(json(vendor("resources/Subscriptions_List.json", null))));
  }

  Settings with(String key, String value) {
    Map<String, String> s = new HashMap<>(settings().asMap());
    s.put(key, value);
    return Settings.of(s);
  }

  @Test
  void everyEnabledSubscriptionIsATarget() {
    stubSubscriptions();

    List<Target> targets = AzureTargets.resolve(settings(), azure.ssl);

    assertThat(targets)
        .containsExactly(
            new Target(
                "azure:291bba3f-e0a5-47bc-a099-3bdcb2a50a05",
                "azure",
                "Example Subscription",
                "291bba3f-e0a5-47bc-a099-3bdcb2a50a05"),
            new Target(
                "azure:72ac930a-f34e-42d8-b06d-dc2a9e12ed71",
                "azure",
                "Example Subscription2",
                "72ac930a-f34e-42d8-b06d-dc2a9e12ed71"));
    // the token travels as a bearer token, over TLS
    azure.server.verify(
        getRequestedFor(urlPathEqualTo("/subscriptions"))
            .withHeader("Authorization", WireMock.equalTo("Bearer " + AzureFake.TOKEN)));
  }

  @Test
  void subscriptionsCanBeNamedAndMustBeVisible() {
    stubSubscriptions();

    assertThat(
            AzureTargets.resolve(
                with("connectors.azure.subscriptions", "72AC930A-F34E-42D8-B06D-DC2A9E12ED71"),
                azure.ssl))
        .extracting(Target::name)
        .containsExactly("Example Subscription2");
    assertThatThrownBy(
            () ->
                AzureTargets.resolve(
                    with("connectors.azure.subscriptions", "11111111-2222-3333-4444-555555555555"),
                    azure.ssl))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage(
            "--azure-subscriptions: subscription 11111111-2222-3333-4444-555555555555 is not"
                + " visible to the principal");
  }

  @Test
  void aRefusedTokenIsOneClearLine() {
    azure.server.stubFor(
        get(urlPathEqualTo("/subscriptions"))
            .willReturn(error(401, "InvalidAuthenticationToken", "The access token is invalid.")));

    assertThatThrownBy(() -> AzureTargets.resolve(settings(), azure.ssl))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageStartingWith(
            "Azure credentials: Microsoft.Resources/subscriptions/read failed: HTTP 401")
        .hasMessageContaining("InvalidAuthenticationToken")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("fake-test-token");
  }

  @Test
  void badSettingsNameTheFlag() {
    assertThatThrownBy(
            () -> AzureTargets.resolve(with("connectors.azure.subscriptions", "prod"), azure.ssl))
        .hasMessage("--azure-subscriptions: not a subscription id (a GUID): prod");
    assertThatThrownBy(
            () ->
                AzureTargets.resolve(
                    with("connectors.azure.endpoint", "http://localhost:1"), azure.ssl))
        .hasMessage("--azure-endpoint: not an https URL: http://localhost:1");
    assertThatThrownBy(
            () ->
                AzureTargets.resolve(
                    with("connectors.azure.endpoint", "https://management.azure.com/tenant"),
                    azure.ssl))
        .hasMessage(
            "--azure-endpoint: give the host only, e.g. https://management.usgovcloudapi.net:"
                + " https://management.azure.com/tenant");
  }
}
