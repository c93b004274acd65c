package dev.aiscan.connectors.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Turns what an Azure call threw into one line a person can act on. */
final class AzureErrors {
  static final String DOCS = "docs/azure.md";
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Kind {
    DENIED,
    NOT_REGISTERED,
    TIMEOUT,
    MALFORMED,
    OTHER
  }

  record Failure(Kind kind, String message) {}

  private AzureErrors() {}

  /**
   * Describes a failed call that needs {@code permission} (an Azure RBAC action such as {@code
   * Microsoft.CognitiveServices/accounts/read}), without tokens or request bodies.
   */
  static Failure describe(Throwable e, String permission) {
    if (e instanceof Arm.MalformedAnswerException) {
      return new Failure(
          Kind.MALFORMED,
          permission + ": malformed answer from Resource Manager: " + e.getMessage());
    }
    if (e instanceof HttpResponseException h && h.getResponse() != null) {
      int status = h.getResponse().getStatusCode();
      String code = code(h);
      String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
      if (status == 403 || c.contains("authorizationfailed") || c.equals("forbidden")) {
        return new Failure(
            Kind.DENIED,
            permission
                + " denied ("
                + (code == null ? "HTTP 403" : code)
                + "): the principal needs the Reader role on the subscription, or this permission"
                + " (see "
                + DOCS
                + ")");
      }
      if (c.equals("missingsubscriptionregistration")
          || c.equals("noregisteredproviderfound")
          || c.equals("subscriptionnotregistered")) {
        // the resource provider was never registered in the subscription: it holds none of these
        return new Failure(Kind.NOT_REGISTERED, permission + ": provider not registered");
      }
      if (status == 429) {
        return new Failure(
            Kind.OTHER, permission + " still throttled (429) after retries; try again later");
      }
      if (isMalformed(e)) {
        return new Failure(Kind.MALFORMED, permission + ": malformed answer: " + rootMessage(e));
      }
      return new Failure(
          Kind.OTHER,
          permission + " failed: HTTP " + status + (code == null ? "" : " " + code) + message(h));
    }
    if (isTimeout(e)) {
      return new Failure(Kind.TIMEOUT, permission + " timed out");
    }
    if (isMalformed(e)) {
      return new Failure(Kind.MALFORMED, permission + ": malformed answer: " + rootMessage(e));
    }
    return new Failure(Kind.OTHER, permission + " failed: " + rootMessage(e));
  }

  /** The {@code error.code} of a Resource Manager error body. */
  private static String code(HttpResponseException h) {
    if (h instanceof ManagementException m && m.getValue() != null) {
      return m.getValue().getCode();
    }
    Object value = h.getValue();
    if (value instanceof String body) {
      try {
        JsonNode error = JSON.readTree(body).path("error");
        return error.path("code").asText(null);
      } catch (IOException ignored) {
        return null;
      }
    }
    return null;
  }

  private static String message(HttpResponseException h) {
    String m = null;
    if (h instanceof ManagementException me && me.getValue() != null) {
      m = me.getValue().getMessage();
    } else if (h.getValue() instanceof String body) {
      try {
        m = JSON.readTree(body).path("error").path("message").asText(null);
      } catch (IOException ignored) {
        m = null;
      }
    }
    return m == null || m.isBlank() ? "" : ": " + oneLine(m, 200);
  }

  /** The one-line message of a Resource Manager error body, for exceptions the pager throws. */
  static String armError(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      String code = error.path("code").asText("");
      String message = error.path("message").asText("");
      return oneLine((code + " " + message).strip(), 200);
    } catch (IOException e) {
      return "error";
    }
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMalformed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getName().toLowerCase(Locale.ROOT);
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (name.contains("json")
          || m.contains("deserializ")
          || m.contains("unexpected end")
          || m.contains("unexpected character")
          || m.contains("unexpected token")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return oneLine(t.getClass().getSimpleName() + (m == null ? "" : ": " + m), 200);
  }

  static String oneLine(String s, int max) {
    if (s == null) {
      return "";
    }
    String line = s.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
