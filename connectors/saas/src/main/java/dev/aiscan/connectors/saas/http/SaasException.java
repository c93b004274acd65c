package dev.aiscan.connectors.saas.http;

/** A SaaS admin API call that failed, with what kind of failure it was; never holds a token. */
public final class SaasException extends RuntimeException {
  /** What went wrong: decides the warning and whether the rest of the tenant is worth trying. */
  public enum Kind {
    /** 401, 403, or the vendor's refusal (a missing scope, a revoked token). */
    DENIED,
    /** Still 429 after the retries. */
    THROTTLED,
    /** No answer within the timeout, after the retries. */
    TIMEOUT,
    /** An answer that is not the JSON the API documents. */
    MALFORMED,
    OTHER
  }

  private final Kind kind;
  private final int status;

  public SaasException(Kind kind, int status, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }
}
