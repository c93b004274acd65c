package dev.aiscan.connectors.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointConfigResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;

/**
 * Amazon SageMaker: endpoints with the models and instance types behind them, models, notebook
 * instances, Studio domains and user profiles, and training jobs of the CloudTrail window.
 */
final class SageMakerProbes {
  /** Attribute of an endpoint: the instance types of its variants, comma separated. */
  static final String INSTANCE_TYPE = "instance-type";

  private SageMakerProbes() {}

  static List<Probe> probes() {
    return List.of(
        new Probe("sagemaker", SageMakerProbes::endpoints),
        new Probe("sagemaker", SageMakerProbes::modelsAndNotebooks),
        new Probe("sagemaker", SageMakerProbes::studio),
        new Probe("sagemaker", SageMakerProbes::trainingJobs));
  }

  private static SageMakerClient client(RegionScan r) {
    return r.clients().client("sagemaker", r.region(), r.credentials(), SageMakerClient.builder());
  }

  private static void endpoints(RegionScan r) {
    SageMakerClient s = client(r);
    r.run(
        "sagemaker:ListEndpoints",
        () ->
            s.listEndpointsPaginator(q -> {}).endpoints().stream()
                .forEach(
                    e -> {
                      DescribeEndpointResponse endpoint =
                          r.call(
                              "sagemaker:DescribeEndpoint",
                              () -> s.describeEndpoint(q -> q.endpointName(e.endpointName())));
                      DescribeEndpointConfigResponse config =
                          endpoint == null || endpoint.endpointConfigName() == null
                              ? null
                              : r.call(
                                  "sagemaker:DescribeEndpointConfig",
                                  () ->
                                      s.describeEndpointConfig(
                                          q ->
                                              q.endpointConfigName(endpoint.endpointConfigName())));
                      Map<String, String> tags = tags(r, e.endpointArn());
                      List<ProductionVariant> variants =
                          config == null ? List.of() : config.productionVariants();
                      String model = variants.isEmpty() ? null : variants.get(0).modelName();
                      String instances =
                          String.join(
                              ",",
                              variants.stream()
                                  .map(ProductionVariant::instanceTypeAsString)
                                  .filter(t -> t != null && !t.isBlank())
                                  .distinct()
                                  .toList());
                      r.resource(
                          "AWS::SageMaker::Endpoint",
                          e.endpointArn(),
                          e.endpointName(),
                          model,
                          tags,
                          instances.isEmpty() ? Map.of() : Map.of(INSTANCE_TYPE, instances));
                    }));
  }

  private static void modelsAndNotebooks(RegionScan r) {
    SageMakerClient s = client(r);
    r.run(
        "sagemaker:ListModels",
        () ->
            s.listModelsPaginator(q -> {}).models().stream()
                .forEach(
                    m ->
                        r.resource(
                            "AWS::SageMaker::Model",
                            m.modelArn(),
                            m.modelName(),
                            m.modelName(),
                            tags(r, m.modelArn()))));
    r.run(
        "sagemaker:ListNotebookInstances",
        () ->
            s.listNotebookInstancesPaginator(q -> {}).notebookInstances().stream()
                .forEach(
                    n ->
                        r.resource(
                            "AWS::SageMaker::NotebookInstance",
                            n.notebookInstanceArn(),
                            n.notebookInstanceName(),
                            null,
                            tags(r, n.notebookInstanceArn()))));
  }

  private static void studio(RegionScan r) {
    SageMakerClient s = client(r);
    r.run(
        "sagemaker:ListDomains",
        () ->
            s.listDomainsPaginator(q -> {}).domains().stream()
                .forEach(
                    d ->
                        r.resource(
                            "AWS::SageMaker::Domain",
                            d.domainArn(),
                            d.domainName(),
                            null,
                            tags(r, d.domainArn()))));
    r.run(
        "sagemaker:ListUserProfiles",
        () ->
            s.listUserProfilesPaginator(q -> {}).userProfiles().stream()
                .forEach(
                    u ->
                        r.resource(
                            "AWS::SageMaker::UserProfile",
                            r.arn(
                                "sagemaker",
                                "user-profile/" + u.domainId() + "/" + u.userProfileName()),
                            u.userProfileName(),
                            null,
                            Map.of())));
  }

  private static void trainingJobs(RegionScan r) {
    Instant since =
        Instant.now()
            .minus(Duration.ofDays(Math.max(30, r.settings().cloudTrailWindow().toDays())));
    r.run(
        "sagemaker:ListTrainingJobs",
        () ->
            client(r)
                .listTrainingJobsPaginator(q -> q.creationTimeAfter(since))
                .trainingJobSummaries()
                .stream()
                .forEach(
                    j ->
                        r.resource(
                            "AWS::SageMaker::TrainingJob",
                            j.trainingJobArn(),
                            j.trainingJobName(),
                            null,
                            Map.of())));
  }

  private static Map<String, String> tags(RegionScan r, String arn) {
    Map<String, String> tags = new TreeMap<>();
    r.run(
        "sagemaker:ListTags",
        () ->
            client(r)
                .listTagsPaginator(q -> q.resourceArn(arn))
                .tags()
                .forEach(t -> tags.put(t.key(), t.value())));
    return tags;
  }
}
