package dev.aiscan.connectors.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Failures the fake cannot produce: a service with no endpoint in a region (DNS has no name). */
class AwsErrorsTest {
  @Test
  void aServiceWithoutAnEndpointInTheRegionIsUnsupportedThere() {
    SdkClientException e =
        SdkClientException.create(
            "Received an UnknownHostException when attempting to interact with a service.",
            new UnknownHostException("qbusiness.ap-northeast-3.amazonaws.com"));

    AwsErrors.Failure f = AwsErrors.describe(e, "qbusiness:ListApplications", "ap-northeast-3", 30);

    assertThat(f.kind()).isEqualTo(AwsErrors.Kind.UNSUPPORTED);
    assertThat(f.message())
        .isEqualTo("service of qbusiness:ListApplications is not offered in region ap-northeast-3");
  }
}
