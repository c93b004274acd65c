package dev.aiscan.connectors.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.aiscan.connectors.aws.AwsFake.json;
import static dev.aiscan.connectors.aws.AwsFake.target;
import static dev.aiscan.connectors.aws.AwsFake.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.testkit.RecordingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which accounts a scan reads, from STS and Organizations answers (STS's published one). */
class AwsTargetsTest extends FakeAwsTest {

  Settings with(String key, String value) {
    Map<String, String> s = new HashMap<>(settings("us-east-1").asMap());
    s.put(key, value);
    return Settings.of(s);
  }

  void stubAssumeRole() {
    aws.server.stubFor(
        post(urlEqualTo("/"))
            .atPriority(4)
            .withRequestBody(containing("Action=AssumeRole"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(wire("sts-AssumeRole.xml"))));
  }

  @Test
  void theCredentialsAccountIsTheTarget() {
    // STS's own published GetCallerIdentity answer: account 123456789012
    List<Target> targets = AwsTargets.resolve(settings("us-east-1"));

    assertThat(targets)
        .containsExactly(new Target("aws:123456789012", "aws", "123456789012", "123456789012"));
  }

  @Test
  void aRoleArnIsAssumedAndItsAccountIsTheTarget() {
    stubAssumeRole();
    String role = "arn:aws:iam::222233334444:role/AiscanReadOnly";

    List<Target> targets = AwsTargets.resolve(with("connectors.aws.role-arn", role));

    assertThat(targets)
        .containsExactly(new Target("aws:222233334444", "aws", "222233334444", role));
    aws.server.verify(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                containing("RoleArn=arn%3Aaws%3Aiam%3A%3A222233334444%3Arole%2FAiscanReadOnly")));
  }

  @Test
  void severalRoleArnsAreOneTargetEach() {
    stubAssumeRole();
    String first = "arn:aws:iam::222233334444:role/AiscanReadOnly";
    String second = "arn:aws:iam::555566667777:role/AiscanReadOnly";

    List<Target> targets =
        AwsTargets.resolve(with("connectors.aws.role-arn", first + "," + second));

    assertThat(targets)
        .containsExactly(
            new Target("aws:222233334444", "aws", "222233334444", first),
            new Target("aws:555566667777", "aws", "555566667777", second));
    // each role is assumed before the scan, so a role that cannot be is one line up front
    aws.server.verify(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                containing("RoleArn=arn%3Aaws%3Aiam%3A%3A555566667777%3Arole%2FAiscanReadOnly")));
  }

  @Test
  void anOrganizationGivesEveryActiveAccountWithTheNamedRole() {
    stubAssumeRole();
    aws.server.stubFor(
        target("AWSOrganizationsV20161128.ListAccounts")
            .willReturn(json(wire("organizations-ListAccounts.json"))));

    List<Target> targets = AwsTargets.resolve(with("connectors.aws.org-role", "AiscanReadOnly"));

    assertThat(targets)
        .containsExactly(
            // the management account is read with the credentials themselves
            new Target("aws:123456789012", "aws", "Management", "123456789012"),
            new Target(
                "aws:222233334444",
                "aws",
                "Production",
                "arn:aws:iam::222233334444:role/AiscanReadOnly"));
  }

  @Test
  void aMemberAccountWithoutTheRoleIsOneWarningAndTheOthersAreScanned() {
    aws.server.stubFor(
        post(urlEqualTo("/"))
            .atPriority(4)
            .withRequestBody(containing("Action=AssumeRole"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                            + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User:"
                            + " arn:aws:iam::123456789012:user/Alice is not authorized to perform:"
                            + " sts:AssumeRole on resource:"
                            + " arn:aws:iam::222233334444:role/AiscanReadOnly</Message></Error>"
                            + "<RequestId>5d4c3b2a-example</RequestId></ErrorResponse>")));
    Target member =
        new Target(
            "aws:222233334444",
            "aws",
            "Production",
            "arn:aws:iam::222233334444:role/AiscanReadOnly");
    RecordingContext ctx = new RecordingContext(settings("us-east-1,eu-west-1"));

    new AwsConnector().collect(member, ctx);

    assertThat(ctx.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.source()).isEqualTo("aws Production");
              assertThat(w.message())
                  .startsWith(
                      "could not assume arn:aws:iam::222233334444:role/AiscanReadOnly (AccessDenied:")
                  .endsWith("account not scanned (see docs/aws-iam-policy.json)");
            });
    assertThat(ctx.isIncomplete()).isTrue();
    assertThat(ctx.facts()).isEmpty();
  }

  @Test
  void refusedCredentialsAreOneClearLine() {
    aws.server.stubFor(
        post(urlEqualTo("/"))
            .atPriority(1)
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                            + "<Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security"
                            + " token included in the request is invalid.</Message></Error>"
                            + "<RequestId>4c3b2a1d-example</RequestId></ErrorResponse>")));

    assertThatThrownBy(() -> AwsTargets.resolve(settings("us-east-1")))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageStartingWith("AWS credentials: ")
        .hasMessageContaining("InvalidClientTokenId")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("wJalrXUtnFEMI");
  }

  @Test
  void aMissingProfileIsOneClearLine() {
    Settings s = with("connectors.aws.profile", "no-such-profile");
    System.setProperty("aws.configFile", "/nonexistent/aiscan-test/config");
    System.setProperty("aws.sharedCredentialsFile", "/nonexistent/aiscan-test/credentials");
    try {
      assertThatThrownBy(() -> AwsTargets.resolve(s))
          .isInstanceOf(InvalidTargetException.class)
          .hasMessage(
              "--aws-profile no-such-profile: no such profile with credentials in"
                  + " ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE,"
                  + " AWS_SHARED_CREDENTIALS_FILE)")
          .hasMessageNotContaining("\n");
    } finally {
      System.clearProperty("aws.configFile");
      System.clearProperty("aws.sharedCredentialsFile");
    }
  }

  @Test
  void badSettingsNameTheFlag() {
    assertThatThrownBy(() -> AwsTargets.resolve(with("connectors.aws.role-arn", "AiscanReadOnly")))
        .hasMessage(
            "--aws-role-arn: not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME): AiscanReadOnly");
    assertThatThrownBy(() -> AwsTargets.resolve(with("connectors.aws.regions", "us-east-1,mars-1")))
        .hasMessage("--aws-regions: not an AWS region: mars-1");
    assertThatThrownBy(
            () -> AwsTargets.resolve(with("connectors.aws.endpoint-url", "localhost:4566")))
        .hasMessage("--aws-endpoint-url: not an http(s) URL: localhost:4566");
  }
}
