package dev.aiscan.connectors.aws;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionByArnResponse;

/**
 * AI inside AWS compute: Lambda functions whose environment names AI keys or hosts (the names only:
 * values are never read into a fact), the packages inside the layers they use, and the images of
 * the latest ECS task definition of every active family.
 */
final class ComputeProbes {
  private static final String FUNCTION = "AWS::Lambda::Function";
  private static final String LAYER = "AWS::Lambda::LayerVersion";
  private static final String TASK_DEFINITION = "AWS::ECS::TaskDefinition";

  /** Package names per layer version ARN: a layer shared by many functions is read once. */
  private final Map<String, Map<String, String>> layers = new ConcurrentHashMap<>();

  private final Duration timeout;

  /**
   * One client for every scan of the process, made at the first download: a JDK client runs a
   * selector thread until it is collected, and one per scan would leave a thread behind each scan.
   */
  private static final class Download {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  ComputeProbes(Duration timeout) {
    this.timeout = timeout;
  }

  List<Probe> probes() {
    return List.of(new Probe("lambda", this::functions), new Probe("ecs", ComputeProbes::tasks));
  }

  private void functions(RegionScan r) {
    LambdaClient l =
        r.clients().client("lambda", r.region(), r.credentials(), LambdaClient.builder());
    r.run(
        "lambda:ListFunctions",
        () ->
            l.listFunctionsPaginator(q -> {}).functions().stream()
                .forEach(
                    f -> {
                      if (f.environment() != null && f.environment().variables() != null) {
                        // the names, sorted; the values (possibly keys) never leave this loop
                        for (String name : new TreeSet<>(f.environment().variables().keySet())) {
                          r.fact(
                              FactType.ENV_VAR,
                              name,
                              f.functionArn(),
                              FUNCTION,
                              f.functionName(),
                              Map.of(),
                              Map.of());
                        }
                      }
                      for (var layer : f.layers()) {
                        layerPackages(r, l, layer.arn(), f.runtimeAsString(), f.functionName());
                      }
                    }));
  }

  /** Emits the packages inside a layer version, read once per scan from its ZIP's entry names. */
  private void layerPackages(
      RegionScan r, LambdaClient l, String layerArn, String runtime, String functionName) {
    // a layer of another account (AWS's, a vendor's) is readable only where its owner allows it,
    // and its contents are not this account's to report: only the account's own layers are read
    if (layerArn == null || !layerArn.contains(":" + r.account() + ":layer:")) {
      return;
    }
    if (layers.containsKey(layerArn)) {
      return;
    }
    GetLayerVersionByArnResponse layer =
        r.call("lambda:GetLayerVersion", () -> l.getLayerVersionByArn(q -> q.arn(layerArn)));
    if (layer == null || layer.content() == null || layer.content().location() == null) {
      return;
    }
    Long size = layer.content().codeSize();
    if (size != null && size > r.settings().layerMaxBytes()) {
      r.warn(
          "lambda",
          "layer "
              + layerArn
              + " is "
              + size
              + " bytes, over the "
              + r.settings().layerMaxBytes()
              + " read; its packages are not listed");
      return;
    }
    Map<String, String> packages;
    try {
      packages =
          LayerContents.packages(open(layer.content().location()), r.settings().layerMaxBytes());
    } catch (IOException | RuntimeException e) {
      // the presigned URL is a credential of sorts: never part of the message
      r.warn("lambda", "layer " + layerArn + " could not be read: " + e.getClass().getSimpleName());
      return;
    }
    if (layers.putIfAbsent(layerArn, packages) != null) {
      return;
    }
    packages.forEach(
        (pkg, ecosystem) ->
            r.fact(
                FactType.PACKAGE,
                pkg,
                layerArn,
                LAYER,
                layerName(layerArn),
                Map.of(),
                Map.of(
                    Fact.Attr.ECOSYSTEM,
                    ecosystem,
                    Fact.Attr.PROJECT,
                    functionName,
                    Fact.Attr.DIRECT,
                    "true")));
  }

  /** {@code openai-sdk:3} of {@code arn:aws:lambda:us-east-1:123456789012:layer:openai-sdk:3}. */
  static String layerName(String arn) {
    String[] parts = arn.split(":");
    return parts.length >= 8 ? parts[6] + ":" + parts[7] : arn;
  }

  private InputStream open(String url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    try {
      HttpResponse<InputStream> response =
          Download.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException("HTTP " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }

  private static void tasks(RegionScan r) {
    EcsClient e = r.clients().client("ecs", r.region(), r.credentials(), EcsClient.builder());
    r.run(
        "ecs:ListTaskDefinitionFamilies",
        () ->
            e
                .listTaskDefinitionFamiliesPaginator(
                    q -> q.status(TaskDefinitionFamilyStatus.ACTIVE))
                .families()
                .stream()
                .forEach(
                    family -> {
                      // the family's latest ACTIVE revision, with its tags
                      DescribeTaskDefinitionResponse d =
                          r.call(
                              "ecs:DescribeTaskDefinition",
                              () ->
                                  e.describeTaskDefinition(
                                      q ->
                                          q.taskDefinition(family)
                                              .include(TaskDefinitionField.TAGS)));
                      if (d == null || d.taskDefinition() == null) {
                        return;
                      }
                      TaskDefinition t = d.taskDefinition();
                      Map<String, String> tags = new TreeMap<>();
                      d.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
                      t.containerDefinitions().stream()
                          .map(c -> c.image())
                          .filter(i -> i != null && !i.isBlank())
                          .distinct()
                          .forEach(
                              image ->
                                  r.fact(
                                      FactType.CONTAINER_IMAGE,
                                      image,
                                      t.taskDefinitionArn(),
                                      TASK_DEFINITION,
                                      t.family() + ":" + t.revision(),
                                      tags,
                                      Map.of()));
                    }));
  }
}
