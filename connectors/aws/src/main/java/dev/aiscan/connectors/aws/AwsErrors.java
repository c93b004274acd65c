package dev.aiscan.connectors.aws;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns what an AWS call threw into one line a person can act on. */
final class AwsErrors {
  /** Where the connector's least-privilege policy is documented. */
  static final String POLICY = "docs/aws-iam-policy.json";

  private static final Set<String> DENIED =
      Set.of(
          "accessdenied",
          "accessdeniedexception",
          "unauthorizedoperation",
          "unauthorizedexception",
          "authorizationerror",
          "forbidden",
          "forbiddenexception");
  private static final Set<String> NOT_ENABLED =
      Set.of(
          "unrecognizedclientexception",
          "invalidclienttokenid",
          "authfailure",
          "optinrequired",
          "subscriptionrequiredexception",
          "invalidsignatureexception");

  /** What kind of failure: decides whether the rest of a region is worth trying. */
  enum Kind {
    DENIED,
    REGION_NOT_ENABLED,
    UNSUPPORTED,
    TIMEOUT,
    MALFORMED,
    OTHER
  }

  record Failure(Kind kind, String message) {}

  private AwsErrors() {}

  /**
   * Describes a failure of the call that needs IAM permission {@code action}, without the request
   * (which can hold a presigned URL) or anything secret.
   */
  static Failure describe(Throwable e, String action, String region, long timeoutSeconds) {
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
      if (DENIED.contains(c) || (s.statusCode() == 403 && !NOT_ENABLED.contains(c))) {
        return new Failure(
            Kind.DENIED,
            action
                + " denied ("
                + (code == null ? "HTTP 403" : code)
                + "): the scanning identity needs permission "
                + action
                + " (see "
                + POLICY
                + ")");
      }
      if (NOT_ENABLED.contains(c)) {
        return new Failure(
            Kind.REGION_NOT_ENABLED,
            "region "
                + region
                + " refused the credentials ("
                + code
                + "): an opt-in region not enabled for this account, or a service not subscribed");
      }
      if (c.contains("throttl") || c.equals("toomanyrequestsexception") || s.statusCode() == 429) {
        return new Failure(
            Kind.OTHER, action + " still throttled after retries (" + code + "); try fewer");
      }
      return new Failure(
          Kind.OTHER,
          action + " failed: " + (code == null ? "HTTP " + s.statusCode() : code) + firstLine(s));
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return new Failure(
          Kind.TIMEOUT, action + " timed out after " + timeoutSeconds + " s in " + region);
    }
    Throwable cause = rootCause(e);
    if (cause instanceof UnknownHostException) {
      return new Failure(
          Kind.UNSUPPORTED, "service of " + action + " is not offered in region " + region);
    }
    if (cause instanceof java.net.SocketTimeoutException) {
      return new Failure(
          Kind.TIMEOUT, action + " timed out after " + timeoutSeconds + " s in " + region);
    }
    if (e instanceof SdkClientException
        && e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).contains("unmarshall")) {
      return new Failure(
          Kind.MALFORMED,
          action + " answered a malformed response: " + oneLine(cause.getMessage(), 160));
    }
    if (cause instanceof java.net.ConnectException
        || cause instanceof java.net.NoRouteToHostException) {
      // no connection at all: the region's endpoints are out of reach, not just this call
      return new Failure(
          Kind.TIMEOUT,
          action + " could not reach " + region + ": " + cause.getClass().getSimpleName());
    }
    if (cause instanceof IOException) {
      // connected, then the exchange broke (a reset, an empty answer): this call only
      return new Failure(
          Kind.OTHER,
          action + " failed: the connection broke off (" + cause.getClass().getSimpleName() + ")");
    }
    return new Failure(
        Kind.OTHER, action + " failed: " + oneLine(String.valueOf(e.getMessage()), 200));
  }

  private static String firstLine(AwsServiceException s) {
    String m = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorMessage();
    return m == null || m.isBlank() ? "" : ": " + oneLine(m, 200);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  static String oneLine(String s, int max) {
    if (s == null) {
      return "";
    }
    String line = s.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
