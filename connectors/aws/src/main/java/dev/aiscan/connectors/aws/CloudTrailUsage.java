package dev.aiscan.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * Evidence of use from CloudTrail's event history ({@code LookupEvents}, management events of the
 * last days): who calls which AI API and model, how often, from where. This finds managed AI that
 * leaves no resource behind, such as Bedrock {@code InvokeModel} and {@code Converse} calls.
 *
 * <p>Events are read per region and AI service, counted per service, action, principal and model
 * over the whole account, and emitted once every region is read, most frequent first. Which actions
 * mean AI use is the rules' call, not this class's.
 */
final class CloudTrailUsage {
  /** The CloudTrail event sources of the AI services. */
  static final List<String> SOURCES =
      List.of(
          "bedrock.amazonaws.com",
          "bedrock-agentcore.amazonaws.com",
          "sagemaker.amazonaws.com",
          "comprehend.amazonaws.com",
          "rekognition.amazonaws.com",
          "textract.amazonaws.com",
          "transcribe.amazonaws.com",
          "translate.amazonaws.com",
          "polly.amazonaws.com",
          "lex.amazonaws.com",
          "kendra.amazonaws.com",
          "qbusiness.amazonaws.com",
          "personalize.amazonaws.com");

  private static final int MAX_ADDRESSES = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Key(String service, String action, String principal, String model) {}

  private static final class Tally {
    long count;
    Instant first;
    Instant last;
    final Set<String> regions = new TreeSet<>();
    final Set<String> addresses = new TreeSet<>();
  }

  private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

  Probe probe() {
    return new Probe("cloudtrail", this::read);
  }

  /**
   * Reads the region's events of every AI source, one call after another and no faster than
   * CloudTrail allows ({@code LookupEvents}: 2 calls a second per account and region), so that the
   * SDK's throttling retries are the exception rather than the rule.
   */
  private void read(RegionScan r) {
    CloudTrailClient c =
        r.clients().client("cloudtrail", r.region(), r.credentials(), CloudTrailClient.builder());
    Instant end = Instant.now();
    Instant start = end.minus(r.settings().cloudTrailWindow());
    int max = r.settings().cloudTrailMaxEvents();
    Pace pace = new Pace(r.settings().cloudTrailCallsPerSecond());
    for (String source : SOURCES) {
      int[] seen = {0};
      boolean done =
          r.run(
              "cloudtrail:LookupEvents",
              () -> {
                String token = null;
                do {
                  pace.await();
                  String next = token;
                  LookupEventsResponse page =
                      c.lookupEvents(
                          q ->
                              q.startTime(start)
                                  .endTime(end)
                                  .nextToken(next)
                                  .lookupAttributes(
                                      LookupAttribute.builder()
                                          .attributeKey(LookupAttributeKey.EVENT_SOURCE)
                                          .attributeValue(source)
                                          .build()));
                  for (Event e : page.events()) {
                    add(r, source, e);
                    if (++seen[0] >= max) {
                      return;
                    }
                  }
                  token = page.nextToken();
                } while (token != null && !token.isEmpty());
              });
      if (!done) {
        continue; // warned; a refused region or permission skips the rest by itself
      }
      if (seen[0] >= max) {
        r.warn(
            "cloudtrail",
            "stopped after "
                + max
                + " events of "
                + source
                + " in the last "
                + r.settings().cloudTrailWindow().toDays()
                + " days; its call counts are lower bounds");
      }
    }
  }

  /** Spaces calls at least {@code 1/rate} seconds apart. One per region; not thread-safe. */
  private static final class Pace {
    private final long intervalNanos;
    private long last = Long.MIN_VALUE;

    Pace(int callsPerSecond) {
      this.intervalNanos = 1_000_000_000L / callsPerSecond;
    }

    void await() {
      long now = System.nanoTime();
      if (last != Long.MIN_VALUE && now - last < intervalNanos) {
        try {
          java.util.concurrent.TimeUnit.NANOSECONDS.sleep(intervalNanos - (now - last));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      last = System.nanoTime();
    }
  }

  private void add(RegionScan r, String source, Event e) {
    String action = e.eventName();
    if (action == null) {
      return;
    }
    JsonNode record = parse(e.cloudTrailEvent());
    // the event's own source: an answer may hold events of other sources than the one asked for
    String from =
        e.eventSource() != null ? e.eventSource() : record.path("eventSource").asText(source);
    int dot = from.indexOf('.');
    String service = dot > 0 ? from.substring(0, dot) : from;
    String principal = principal(record, e.username());
    if (principal == null) {
      return;
    }
    String model = null;
    JsonNode params = record.path("requestParameters");
    for (String field : List.of("modelId", "modelIdentifier", "baseModelIdentifier")) {
      if (params.path(field).isTextual()) {
        model = Models.bedrock(params.path(field).asText());
        break;
      }
    }
    if (service.equals("bedrock")) {
      r.bedrockInUse();
    }
    Instant when = e.eventTime();
    String address = record.path("sourceIPAddress").asText(null);
    Tally t = tallies.computeIfAbsent(new Key(service, action, principal, model), k -> new Tally());
    synchronized (t) {
      t.count++;
      t.regions.add(r.region());
      if (address != null && t.addresses.size() < MAX_ADDRESSES) {
        t.addresses.add(address);
      }
      if (when != null) {
        t.first = t.first == null || when.isBefore(t.first) ? when : t.first;
        t.last = t.last == null || when.isAfter(t.last) ? when : t.last;
      }
    }
  }

  /**
   * The caller: the role behind an assumed-role session (stable across sessions), else the user or
   * root ARN, else the calling AWS service, else CloudTrail's user name.
   */
  static String principal(JsonNode record, String username) {
    JsonNode id = record.path("userIdentity");
    String issuer = id.path("sessionContext").path("sessionIssuer").path("arn").asText(null);
    if (issuer != null && !issuer.isBlank()) {
      return issuer;
    }
    String arn = id.path("arn").asText(null);
    if (arn != null && !arn.isBlank()) {
      return arn;
    }
    String service = id.path("invokedBy").asText(null);
    if (service != null && !service.isBlank()) {
      return service;
    }
    return username == null || username.isBlank() ? null : username;
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      return JSON.missingNode();
    }
  }

  /** Emits one usage fact per service, action, principal and model, most calls first. */
  void emit(Target target, CollectContext context, String account) {
    List<Map.Entry<Key, Tally>> entries = new ArrayList<>(tallies.entrySet());
    entries.sort(
        Comparator.<Map.Entry<Key, Tally>>comparingLong(e -> -e.getValue().count)
            .thenComparing(e -> e.getKey().service() + ":" + e.getKey().action())
            .thenComparing(e -> e.getKey().principal()));
    for (Map.Entry<Key, Tally> entry : entries) {
      Key k = entry.getKey();
      Tally t = entry.getValue();
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put(Fact.Attr.ORIGIN, "cloudtrail");
      attrs.put(Fact.Attr.ACCOUNT, account);
      attrs.put(Fact.Attr.REGION, String.join(",", t.regions));
      attrs.put(Fact.Attr.PRINCIPAL, k.principal());
      attrs.put(Fact.Attr.COUNT, Long.toString(t.count));
      if (k.model() != null) {
        attrs.put(Fact.Attr.MODEL, k.model());
      }
      if (!t.addresses.isEmpty()) {
        attrs.put(Fact.Attr.FROM, String.join(",", t.addresses));
      }
      if (t.first != null) {
        attrs.put(Fact.Attr.FIRST_SEEN, t.first.toString());
        attrs.put(Fact.Attr.LAST_SEEN, t.last.toString());
      }
      context.emit(
          new Fact(
              FactType.USAGE_EVENT,
              k.service() + ":" + k.action(),
              target,
              Location.resource(k.principal()),
              attrs));
    }
  }
}
