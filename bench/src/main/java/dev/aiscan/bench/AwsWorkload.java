package dev.aiscan.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.aiscan.core.model.FactType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated AWS estate served by WireMock to the real SDK clients of the AWS connector, the same
 * in every region: Bedrock custom models (two pages), guardrails and agents with their tags,
 * SageMaker endpoints with their configs and tags, Lambda functions with environment variables, ECS
 * task definitions, and CloudTrail {@code LookupEvents} with two pages of Bedrock calls and one of
 * SageMaker calls. Everything else answers {@code {}} (or an empty CBOR map on the Smithy RPC v2
 * CBOR protocol), the valid empty answer of every operation.
 *
 * <p>The bodies are built here in the wire shape of each operation's API reference, the same shapes
 * as the hand-written bodies of the connector's tests ({@code connectors/aws/src/test/resources/
 * wire/}): ISO-8601 timestamps for REST-JSON (Bedrock), epoch seconds for JSON 1.1 (SageMaker,
 * CloudTrail). Regions are told apart by the SigV4 credential scope of the {@code Authorization}
 * header. {@link #expected()} is what a scan must find, so a misserved workload shows.
 */
final class AwsWorkload {
  static final String ACCOUNT = "123456789012";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOOKUP_EVENTS =
      "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
  private static final String ECS = "AmazonEC2ContainerServiceV20141113.";

  static final int CUSTOM_MODEL_PAGES = 2;
  static final int CUSTOM_MODELS_PER_PAGE = 2;
  static final int GUARDRAILS = 2;
  static final int AGENTS = 2;
  static final int BEDROCK_EVENT_PAGES = 2;
  static final int EVENTS_PER_PAGE = 50;
  static final int SAGEMAKER_EVENTS = 10;

  private static final List<String> BASE_MODELS =
      List.of(
          "amazon.titan-text-express-v1:0:8k",
          "meta.llama3-1-8b-instruct-v1:0:128k",
          "anthropic.claude-3-haiku-20240307-v1:0:200k",
          "amazon.nova-lite-v1:0:300k");
  private static final List<String> INVOKED_MODELS =
      List.of(
          "anthropic.claude-3-5-sonnet-20240620-v1:0",
          "meta.llama3-2-90b-instruct-v1:0",
          "amazon.titan-embed-text-v2:0",
          "mistral.mistral-large-2407-v1:0");
  private static final List<String> BEDROCK_ACTIONS =
      List.of("InvokeModel", "Converse", "InvokeModelWithResponseStream", "ListCustomModels");
  private static final List<String> SAGEMAKER_ACTIONS =
      List.of("CreateEndpoint", "UpdateEndpoint", "CreateTrainingJob", "DescribeEndpoint");

  /** A SageMaker endpoint: name, model, instance type. */
  private record Endpoint(String name, String model, String instanceType) {}

  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("fraud-scoring-prod", "fraud-xgboost-v7", "ml.m5.xlarge"),
          new Endpoint("doc-embeddings", "bge-large-en-v1-5", "ml.g5.2xlarge"));

  /** A Lambda function: name, runtime, environment variable names. */
  private record Function(String name, String runtime, List<String> env) {}

  private static final List<Function> FUNCTIONS =
      List.of(
          new Function("summarise-tickets", "python3.12", List.of("OPENAI_API_KEY", "LOG_LEVEL")),
          new Function(
              "rag-query", "python3.12", List.of("BEDROCK_MODEL_ID", "PINECONE_API_KEY", "TABLE")),
          new Function("resize-images", "nodejs20.x", List.of("BUCKET")),
          new Function("classify-mail", "java21", List.of("ANTHROPIC_API_KEY", "HF_TOKEN")));

  /** An ECS task definition family: name, latest revision, images of its containers. */
  private record Family(String name, int revision, List<String> images) {}

  private static final List<Family> FAMILIES =
      List.of(
          new Family("local-llm", 5, List.of("ollama/ollama:0.3.12", "nginx:1.27")),
          new Family("web-frontend", 12, List.of("public.ecr.aws/example/web-frontend:2026.11")),
          new Family(
              "embedder", 3, List.of("ghcr.io/huggingface/text-embeddings-inference:cpu-1.5")));

  private final List<String> regions;
  private final Instant now;
  private final Set<List<String>> usage = new HashSet<>();
  private int stubs;

  AwsWorkload(List<String> regions, Instant now) {
    this.regions = List.copyOf(regions);
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Stubs the workload of every region, and the catch-alls, on the server. */
  void serve(WireMockServer server) {
    // anything not stubbed: the empty answer of the JSON protocols (no items, no next page)
    add(server, any(anyUrl()).atPriority(10).willReturn(json("{}")));
    // services on the Smithy RPC v2 CBOR protocol: an empty CBOR map
    add(
        server,
        any(anyUrl())
            .atPriority(9)
            .withHeader("smithy-protocol", equalTo("rpc-v2-cbor"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/cbor")
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withBody(new byte[] {(byte) 0xA0})));
    for (int i = 0; i < regions.size(); i++) {
      String region = regions.get(i);
      bedrock(server, i, region);
      sageMaker(server, region);
      lambda(server, region);
      ecs(server, region);
      cloudTrail(server, region);
    }
  }

  int stubs() {
    return stubs;
  }

  /** The facts a scan of the workload must emit, per type. */
  Map<FactType, Integer> expected() {
    int n = regions.size();
    Map<FactType, Integer> facts = new EnumMap<>(FactType.class);
    facts.put(
        FactType.CLOUD_RESOURCE,
        n * (CUSTOM_MODEL_PAGES * CUSTOM_MODELS_PER_PAGE + GUARDRAILS + AGENTS + ENDPOINTS.size()));
    facts.put(FactType.ENV_VAR, n * FUNCTIONS.stream().mapToInt(f -> f.env().size()).sum());
    facts.put(
        FactType.CONTAINER_IMAGE,
        n * FAMILIES.stream().mapToInt(f -> (int) f.images().stream().distinct().count()).sum());
    // Bedrock in use and invocation logging answers nothing: one gap per region
    facts.put(FactType.SETTING, n);
    // CloudTrail calls are counted per service, action, principal and model over the account
    facts.put(FactType.USAGE_EVENT, usage.size());
    return facts;
  }

  // --- Bedrock (REST-JSON) --------------------------------------------------------------------

  private void bedrock(WireMockServer s, int index, String region) {
    for (int page = 1; page <= CUSTOM_MODEL_PAGES; page++) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode models = body.putArray("modelSummaries");
      for (int k = 0; k < CUSTOM_MODELS_PER_PAGE; k++) {
        int n = (page - 1) * CUSTOM_MODELS_PER_PAGE + k;
        String base = BASE_MODELS.get(n % BASE_MODELS.size());
        ObjectNode m = models.addObject();
        m.put(
            "modelArn",
            arn(
                "bedrock",
                region,
                "custom-model/" + base + "/" + String.format("%02x%010x", index, n)));
        m.put("modelName", "custom-" + n + "-" + base.substring(0, base.indexOf('.')));
        m.put("creationTime", iso(now.minus(30 + n, ChronoUnit.DAYS)));
        m.put("baseModelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + base);
        m.put("baseModelName", base);
        m.put("customizationType", n % 2 == 0 ? "FINE_TUNING" : "DISTILLATION");
        m.put("ownerAccountId", ACCOUNT);
        m.put("modelStatus", "Active");
      }
      MappingBuilder request =
          in(get(urlPathEqualTo("/custom-models")), region)
              .withQueryParam("nextToken", page == 1 ? absent() : equalTo("models-page-" + page));
      if (page < CUSTOM_MODEL_PAGES) {
        body.put("nextToken", "models-page-" + (page + 1));
      }
      add(s, request.atPriority(2).willReturn(restJson(body)));
    }
    ObjectNode tags = JSON.createObjectNode();
    ArrayNode tagList = tags.putArray("tags");
    tagList.addObject().put("key", "owner").put("value", "ml-platform@example.com");
    tagList.addObject().put("key", "cost-center").put("value", "cc-4711");
    add(
        s,
        in(post(urlEqualTo("/listTagsForResource")), region)
            .atPriority(2)
            .willReturn(restJson(tags)));

    ObjectNode guardrails = JSON.createObjectNode();
    ArrayNode g = guardrails.putArray("guardrails");
    for (int k = 0; k < GUARDRAILS; k++) {
      String id = String.format("gr%02dexmpl%02d", index, k);
      g.addObject()
          .put("id", id)
          .put("arn", arn("bedrock", region, "guardrail/" + id))
          .put("status", "READY")
          .put("name", k == 0 ? "pii-filter" : "topic-denylist")
          .put("description", "example guardrail")
          .put("version", "DRAFT")
          .put("createdAt", iso(now.minus(60, ChronoUnit.DAYS)))
          .put("updatedAt", iso(now.minus(10, ChronoUnit.DAYS)));
    }
    add(
        s,
        in(get(urlPathEqualTo("/guardrails")), region)
            .atPriority(2)
            .willReturn(restJson(guardrails)));

    ObjectNode agents = JSON.createObjectNode();
    ArrayNode summaries = agents.putArray("agentSummaries");
    for (int k = 0; k < AGENTS; k++) {
      String id = String.format("AGT%02dX%04d", index, k);
      String name = k == 0 ? "refund-agent" : "it-helpdesk-agent";
      summaries
          .addObject()
          .put("agentId", id)
          .put("agentName", name)
          .put("agentStatus", "PREPARED")
          .put("description", "example agent")
          .put("updatedAt", iso(now.minus(3, ChronoUnit.DAYS)))
          .put("latestAgentVersion", "3");
      ObjectNode agent = JSON.createObjectNode();
      agent
          .putObject("agent")
          .put("agentId", id)
          .put("agentName", name)
          .put("agentArn", arn("bedrock", region, "agent/" + id))
          .put("agentVersion", "DRAFT")
          .put("clientToken", "example-token")
          .put("instruction", "You help customers (example).")
          .put("agentStatus", "PREPARED")
          .put("foundationModel", INVOKED_MODELS.get(k % INVOKED_MODELS.size()))
          .put("idleSessionTTLInSeconds", 600)
          .put(
              "agentResourceRoleArn",
              "arn:aws:iam::" + ACCOUNT + ":role/service-role/AmazonBedrockExecutionRoleForAgents")
          .put("createdAt", iso(now.minus(40, ChronoUnit.DAYS)))
          .put("updatedAt", iso(now.minus(3, ChronoUnit.DAYS)));
      add(
          s,
          in(get(urlEqualTo("/agents/" + id + "/")), region)
              .atPriority(2)
              .willReturn(restJson(agent)));
    }
    add(s, in(post(urlEqualTo("/agents/")), region).atPriority(2).willReturn(restJson(agents)));
    ObjectNode agentTags = JSON.createObjectNode();
    agentTags.putObject("tags").put("owner", "payments-team@example.com").put("env", "prod");
    add(
        s,
        in(get(urlPathMatching("/tags/.+")), region).atPriority(2).willReturn(restJson(agentTags)));
  }

  // --- SageMaker (JSON 1.1) -------------------------------------------------------------------

  private void sageMaker(WireMockServer s, String region) {
    ObjectNode list = JSON.createObjectNode();
    ArrayNode endpoints = list.putArray("Endpoints");
    double created = now.minus(90, ChronoUnit.DAYS).getEpochSecond();
    double modified = now.minus(5, ChronoUnit.DAYS).getEpochSecond();
    for (Endpoint e : ENDPOINTS) {
      String arn = arn("sagemaker", region, "endpoint/" + e.name());
      endpoints
          .addObject()
          .put("EndpointName", e.name())
          .put("EndpointArn", arn)
          .put("CreationTime", created)
          .put("LastModifiedTime", modified)
          .put("EndpointStatus", "InService");
      ObjectNode describe = JSON.createObjectNode();
      describe
          .put("EndpointName", e.name())
          .put("EndpointArn", arn)
          .put("EndpointConfigName", e.name() + "-config")
          .put("EndpointStatus", "InService")
          .put("CreationTime", created)
          .put("LastModifiedTime", modified);
      add(
          s,
          in(target("SageMaker.DescribeEndpoint"), region)
              .withRequestBody(containing("\"" + e.name() + "\""))
              .atPriority(2)
              .willReturn(json11(describe)));
      ObjectNode config = JSON.createObjectNode();
      config
          .put("EndpointConfigName", e.name() + "-config")
          .put("EndpointConfigArn", arn("sagemaker", region, "endpoint-config/" + e.name()))
          .put("CreationTime", created);
      config
          .putArray("ProductionVariants")
          .addObject()
          .put("VariantName", "AllTraffic")
          .put("ModelName", e.model())
          .put("InitialInstanceCount", 2)
          .put("InstanceType", e.instanceType())
          .put("InitialVariantWeight", 1.0);
      add(
          s,
          in(target("SageMaker.DescribeEndpointConfig"), region)
              .withRequestBody(containing("\"" + e.name() + "-config\""))
              .atPriority(2)
              .willReturn(json11(config)));
    }
    add(s, in(target("SageMaker.ListEndpoints"), region).atPriority(2).willReturn(json11(list)));
    ObjectNode tags = JSON.createObjectNode();
    tags.putArray("Tags")
        .addObject()
        .put("Key", "Owner")
        .put("Value", "risk-analytics@example.com");
    add(s, in(target("SageMaker.ListTags"), region).atPriority(2).willReturn(json11(tags)));
  }

  // --- Lambda (REST-JSON) and ECS (JSON 1.1) --------------------------------------------------

  private void lambda(WireMockServer s, String region) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode functions = body.putArray("Functions");
    for (Function f : FUNCTIONS) {
      ObjectNode fn = functions.addObject();
      fn.put("FunctionName", f.name())
          .put("FunctionArn", arn("lambda", region, "function:" + f.name()))
          .put("Runtime", f.runtime())
          .put("Role", "arn:aws:iam::" + ACCOUNT + ":role/" + f.name() + "-role")
          .put("Handler", "app.handler")
          .put("CodeSize", 20480)
          .put("Timeout", 60)
          .put("MemorySize", 512)
          .put("LastModified", "2026-11-02T10:00:00.000+0000");
      ObjectNode variables = fn.putObject("Environment").putObject("Variables");
      // the values are never read into a fact; these are placeholders
      f.env().forEach(name -> variables.put(name, "example-value-not-a-secret"));
    }
    add(
        s,
        in(get(urlPathMatching("/2015-03-31/functions/?")), region)
            .atPriority(2)
            .willReturn(restJson(body)));
  }

  private void ecs(WireMockServer s, String region) {
    ObjectNode families = JSON.createObjectNode();
    ArrayNode names = families.putArray("families");
    for (Family f : FAMILIES) {
      names.add(f.name());
      ObjectNode body = JSON.createObjectNode();
      ObjectNode td = body.putObject("taskDefinition");
      td.put(
              "taskDefinitionArn",
              arn("ecs", region, "task-definition/" + f.name() + ":" + f.revision()))
          .put("family", f.name())
          .put("revision", f.revision())
          .put("status", "ACTIVE");
      ArrayNode containers = td.putArray("containerDefinitions");
      for (int c = 0; c < f.images().size(); c++) {
        containers
            .addObject()
            .put("name", f.name() + "-" + c)
            .put("image", f.images().get(c))
            .put("cpu", 1024)
            .put("memory", 4096)
            .put("essential", c == 0);
      }
      body.putArray("tags").addObject().put("key", "team").put("value", "internal-tools");
      add(
          s,
          in(target(ECS + "DescribeTaskDefinition"), region)
              .withRequestBody(containing("\"" + f.name() + "\""))
              .atPriority(2)
              .willReturn(json11(body)));
    }
    add(
        s,
        in(target(ECS + "ListTaskDefinitionFamilies"), region)
            .atPriority(2)
            .willReturn(json11(families)));
  }

  // --- CloudTrail (JSON 1.1) ------------------------------------------------------------------

  private void cloudTrail(WireMockServer s, String region) {
    for (int page = 1; page <= BEDROCK_EVENT_PAGES; page++) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode events = body.putArray("Events");
      for (int k = 0; k < EVENTS_PER_PAGE; k++) {
        int n = (page - 1) * EVENTS_PER_PAGE + k;
        String action = BEDROCK_ACTIONS.get(n % BEDROCK_ACTIONS.size());
        String model =
            action.equals("ListCustomModels")
                ? null
                : INVOKED_MODELS.get((n / BEDROCK_ACTIONS.size()) % INVOKED_MODELS.size());
        event(events, region, "bedrock.amazonaws.com", action, n, model);
      }
      MappingBuilder request =
          in(target(LOOKUP_EVENTS), region)
              .withRequestBody(containing("\"bedrock.amazonaws.com\""));
      if (page == 1) {
        request = request.atPriority(2);
      } else {
        // the next page's request names the same source and the token: checked first
        request =
            request.withRequestBody(containing("\"bedrock-events-" + page + "\"")).atPriority(1);
      }
      if (page < BEDROCK_EVENT_PAGES) {
        body.put("NextToken", "bedrock-events-" + (page + 1));
      }
      add(s, request.willReturn(json11(body)));
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode events = body.putArray("Events");
    for (int n = 0; n < SAGEMAKER_EVENTS; n++) {
      event(
          events,
          region,
          "sagemaker.amazonaws.com",
          SAGEMAKER_ACTIONS.get(n % SAGEMAKER_ACTIONS.size()),
          n,
          null);
    }
    add(
        s,
        in(target(LOOKUP_EVENTS), region)
            .withRequestBody(containing("\"sagemaker.amazonaws.com\""))
            .atPriority(2)
            .willReturn(json11(body)));
  }

  /**
   * One event of {@code LookupEvents}: the summary fields and the full record as a JSON string in
   * {@code CloudTrailEvent}. Principals alternate between an assumed role (the connector keeps the
   * role behind the session) and an IAM user.
   */
  private void event(
      ArrayNode events, String region, String source, String action, int n, String model) {
    Instant when = now.minus(10L + n * 7L, ChronoUnit.MINUTES);
    String id = String.format("%08x-0000-4000-8000-%012x", n, region.hashCode() & 0xffffffffL);
    ObjectNode record = JSON.createObjectNode();
    record.put("eventVersion", "1.09");
    ObjectNode identity = record.putObject("userIdentity");
    String principal;
    String username;
    switch (n % 3) {
      case 0, 1 -> {
        String role = n % 3 == 0 ? "chatbot-prod" : "rag-worker";
        principal = "arn:aws:iam::" + ACCOUNT + ":role/" + role;
        username = "i-0abc" + (n % 3);
        identity
            .put("type", "AssumedRole")
            .put("principalId", "AROAEXAMPLEID:" + role)
            .put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + username)
            .put("accountId", ACCOUNT);
        ObjectNode session = identity.putObject("sessionContext");
        session
            .putObject("sessionIssuer")
            .put("type", "Role")
            .put("principalId", "AROAEXAMPLEID")
            .put("arn", principal)
            .put("accountId", ACCOUNT)
            .put("userName", role);
        session
            .putObject("attributes")
            .put("creationDate", iso(when.minus(1, ChronoUnit.HOURS)))
            .put("mfaAuthenticated", "false");
      }
      default -> {
        principal = "arn:aws:iam::" + ACCOUNT + ":user/dana";
        username = "dana";
        identity
            .put("type", "IAMUser")
            .put("principalId", "AIDAEXAMPLEUSER")
            .put("arn", principal)
            .put("accountId", ACCOUNT)
            .put("userName", "dana");
      }
    }
    record
        .put("eventTime", iso(when))
        .put("eventSource", source)
        .put("eventName", action)
        .put("awsRegion", region)
        .put("sourceIPAddress", "10.0." + (n % 4) + ".15")
        .put("userAgent", "Boto3/1.35.0 md/Botocore#1.35.0");
    ObjectNode params = record.putObject("requestParameters");
    if (model != null) {
      params.put("modelId", model);
    }
    record
        .putNull("responseElements")
        .put("requestID", id)
        .put("eventID", id)
        .put("readOnly", !action.startsWith("Create") && !action.startsWith("Update"))
        .put("eventType", "AwsApiCall")
        .put("managementEvent", true)
        .put("recipientAccountId", ACCOUNT)
        .put("eventCategory", "Management");
    events
        .addObject()
        .put("EventId", id)
        .put("EventName", action)
        .put("ReadOnly", String.valueOf(record.get("readOnly").asBoolean()))
        .put("EventTime", when.getEpochSecond())
        .put("EventSource", source)
        .put("Username", username)
        .put("CloudTrailEvent", record.toString())
        .putArray("Resources");
    String service = source.substring(0, source.indexOf('.'));
    usage.add(Arrays.asList(service, action, principal, model));
  }

  // --- helpers --------------------------------------------------------------------------------

  private void add(WireMockServer server, MappingBuilder mapping) {
    server.stubFor(mapping);
    stubs++;
  }

  /** Only requests signed for this region (the SigV4 credential scope names it). */
  private static MappingBuilder in(MappingBuilder m, String region) {
    return m.withHeader("Authorization", containing("/" + region + "/"));
  }

  /** A JSON 1.1 (or 1.0) operation: {@code POST /} with {@code X-Amz-Target: target}. */
  private static MappingBuilder target(String target) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
  }

  private static String arn(String service, String region, String resource) {
    return "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
  }

  private static String iso(Instant t) {
    return t.toString();
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder json11(ObjectNode body) {
    return json(body.toString());
  }

  private static ResponseDefinitionBuilder restJson(ObjectNode body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }
}
