package dev.aiscan.connectors.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.kendra.KendraClient;
import software.amazon.awssdk.services.lexmodelsv2.LexModelsV2Client;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.polly.model.ListLexiconsResponse;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.textract.TextractClient;
import software.amazon.awssdk.services.transcribe.TranscribeClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * The other AWS AI services that keep resources: Comprehend, Rekognition, Textract, Transcribe,
 * Translate, Polly, Lex, Kendra, Q Business and Personalize. Where a list answer carries no ARN,
 * the ARN is built in the form the service's IAM documentation gives.
 */
final class AiServiceProbes {
  private AiServiceProbes() {}

  static List<Probe> probes() {
    return List.of(
        new Probe("comprehend", AiServiceProbes::comprehend),
        new Probe("rekognition", AiServiceProbes::rekognition),
        new Probe("textract", AiServiceProbes::textract),
        new Probe("transcribe", AiServiceProbes::transcribe),
        new Probe("translate", AiServiceProbes::translate),
        new Probe("polly", AiServiceProbes::polly),
        new Probe("lex", AiServiceProbes::lex),
        new Probe("kendra", AiServiceProbes::kendra),
        new Probe("qbusiness", AiServiceProbes::qbusiness),
        new Probe("personalize", AiServiceProbes::personalize));
  }

  private static void comprehend(RegionScan r) {
    ComprehendClient c =
        r.clients().client("comprehend", r.region(), r.credentials(), ComprehendClient.builder());
    r.run(
        "comprehend:ListDocumentClassifiers",
        () ->
            c.listDocumentClassifiersPaginator(q -> {}).stream()
                .flatMap(page -> page.documentClassifierPropertiesList().stream())
                .forEach(
                    d ->
                        r.resource(
                            "AWS::Comprehend::DocumentClassifier",
                            d.documentClassifierArn(),
                            lastSegment(d.documentClassifierArn()),
                            null,
                            Map.of())));
    r.run(
        "comprehend:ListEntityRecognizers",
        () ->
            c.listEntityRecognizersPaginator(q -> {}).stream()
                .flatMap(page -> page.entityRecognizerPropertiesList().stream())
                .forEach(
                    e ->
                        r.resource(
                            "AWS::Comprehend::EntityRecognizer",
                            e.entityRecognizerArn(),
                            lastSegment(e.entityRecognizerArn()),
                            null,
                            Map.of())));
    r.run(
        "comprehend:ListEndpoints",
        () ->
            c.listEndpointsPaginator(q -> {}).endpointPropertiesList().stream()
                .forEach(
                    e ->
                        r.resource(
                            "AWS::Comprehend::Endpoint",
                            e.endpointArn(),
                            lastSegment(e.endpointArn()),
                            lastSegment(e.modelArn()),
                            Map.of())));
  }

  private static void rekognition(RegionScan r) {
    RekognitionClient c =
        r.clients().client("rekognition", r.region(), r.credentials(), RekognitionClient.builder());
    r.run(
        "rekognition:ListCollections",
        () ->
            c.listCollectionsPaginator(q -> {}).stream()
                .forEach(
                    page -> {
                      for (int i = 0; i < page.collectionIds().size(); i++) {
                        String id = page.collectionIds().get(i);
                        String faceModel =
                            i < page.faceModelVersions().size()
                                ? "rekognition-face-model-" + page.faceModelVersions().get(i)
                                : null;
                        r.resource(
                            "AWS::Rekognition::Collection",
                            r.arn("rekognition", "collection/" + id),
                            id,
                            faceModel,
                            Map.of());
                      }
                    }));
    r.run(
        "rekognition:DescribeProjects",
        () ->
            c.describeProjectsPaginator(q -> {}).projectDescriptions().stream()
                .forEach(
                    p ->
                        r.resource(
                            "AWS::Rekognition::Project",
                            p.projectArn(),
                            projectName(p.projectArn()),
                            null,
                            Map.of())));
  }

  private static void textract(RegionScan r) {
    TextractClient c =
        r.clients().client("textract", r.region(), r.credentials(), TextractClient.builder());
    r.run(
        "textract:ListAdapters",
        () ->
            c.listAdaptersPaginator(q -> {}).adapters().stream()
                .forEach(
                    a ->
                        r.resource(
                            "AWS::Textract::Adapter",
                            r.arn("textract", "/adapter/" + a.adapterId()),
                            a.adapterName(),
                            null,
                            Map.of())));
  }

  private static void transcribe(RegionScan r) {
    TranscribeClient c =
        r.clients().client("transcribe", r.region(), r.credentials(), TranscribeClient.builder());
    r.run(
        "transcribe:ListLanguageModels",
        () ->
            c.listLanguageModelsPaginator(q -> {}).stream()
                .flatMap(page -> page.models().stream())
                .forEach(
                    m ->
                        r.resource(
                            "AWS::Transcribe::LanguageModel",
                            r.arn("transcribe", "language-model/" + m.modelName()),
                            m.modelName(),
                            m.baseModelNameAsString(),
                            Map.of())));
    r.run(
        "transcribe:ListVocabularies",
        () ->
            c.listVocabulariesPaginator(q -> {}).stream()
                .flatMap(page -> page.vocabularies().stream())
                .forEach(
                    v ->
                        r.resource(
                            "AWS::Transcribe::Vocabulary",
                            r.arn("transcribe", "vocabulary/" + v.vocabularyName()),
                            v.vocabularyName(),
                            null,
                            Map.of())));
  }

  private static void translate(RegionScan r) {
    TranslateClient c =
        r.clients().client("translate", r.region(), r.credentials(), TranslateClient.builder());
    r.run(
        "translate:ListTerminologies",
        () ->
            c.listTerminologiesPaginator(q -> {}).stream()
                .flatMap(page -> page.terminologyPropertiesList().stream())
                .forEach(
                    t ->
                        r.resource(
                            "AWS::Translate::Terminology", t.arn(), t.name(), null, Map.of())));
    r.run(
        "translate:ListParallelData",
        () ->
            c.listParallelDataPaginator(q -> {}).stream()
                .flatMap(page -> page.parallelDataPropertiesList().stream())
                .forEach(
                    p ->
                        r.resource(
                            "AWS::Translate::ParallelData", p.arn(), p.name(), null, Map.of())));
  }

  private static void polly(RegionScan r) {
    PollyClient c = r.clients().client("polly", r.region(), r.credentials(), PollyClient.builder());
    r.run(
        "polly:ListLexicons",
        () -> {
          String token = null;
          do {
            String next = token;
            ListLexiconsResponse page = c.listLexicons(q -> q.nextToken(next));
            page.lexicons()
                .forEach(
                    l ->
                        r.resource(
                            "AWS::Polly::Lexicon",
                            r.arn("polly", "lexicon/" + l.name()),
                            l.name(),
                            null,
                            Map.of()));
            token = page.nextToken();
          } while (token != null && !token.isEmpty());
        });
  }

  private static void lex(RegionScan r) {
    LexModelsV2Client c =
        r.clients().client("lex", r.region(), r.credentials(), LexModelsV2Client.builder());
    r.run(
        "lex:ListBots",
        () ->
            c.listBotsPaginator(q -> {}).stream()
                .flatMap(page -> page.botSummaries().stream())
                .forEach(
                    b ->
                        r.resource(
                            "AWS::Lex::Bot",
                            r.arn("lex", "bot/" + b.botId()),
                            b.botName(),
                            null,
                            Map.of())));
  }

  private static void kendra(RegionScan r) {
    KendraClient c =
        r.clients().client("kendra", r.region(), r.credentials(), KendraClient.builder());
    r.run(
        "kendra:ListIndices",
        () ->
            c.listIndicesPaginator(q -> {}).stream()
                .flatMap(page -> page.indexConfigurationSummaryItems().stream())
                .forEach(
                    i ->
                        r.resource(
                            "AWS::Kendra::Index",
                            r.arn("kendra", "index/" + i.id()),
                            i.name(),
                            null,
                            Map.of())));
  }

  private static void qbusiness(RegionScan r) {
    QBusinessClient c =
        r.clients().client("qbusiness", r.region(), r.credentials(), QBusinessClient.builder());
    r.run(
        "qbusiness:ListApplications",
        () ->
            c.listApplicationsPaginator(q -> {}).applications().stream()
                .forEach(
                    a ->
                        r.resource(
                            "AWS::QBusiness::Application",
                            r.arn("qbusiness", "application/" + a.applicationId()),
                            a.displayName(),
                            null,
                            Map.of())));
  }

  private static void personalize(RegionScan r) {
    PersonalizeClient c =
        r.clients().client("personalize", r.region(), r.credentials(), PersonalizeClient.builder());
    r.run(
        "personalize:ListDatasetGroups",
        () ->
            c.listDatasetGroupsPaginator(q -> {}).datasetGroups().stream()
                .forEach(
                    g ->
                        r.resource(
                            "AWS::Personalize::DatasetGroup",
                            g.datasetGroupArn(),
                            g.name(),
                            null,
                            Map.of())));
    r.run(
        "personalize:ListSolutions",
        () ->
            c.listSolutionsPaginator(q -> {}).solutions().stream()
                .forEach(
                    s ->
                        r.resource(
                            "AWS::Personalize::Solution",
                            s.solutionArn(),
                            s.name(),
                            null,
                            Map.of())));
    r.run(
        "personalize:ListCampaigns",
        () ->
            c.listCampaignsPaginator(q -> {}).campaigns().stream()
                .forEach(
                    k ->
                        r.resource(
                            "AWS::Personalize::Campaign",
                            k.campaignArn(),
                            k.name(),
                            null,
                            Map.of())));
  }

  /**
   * {@code exampleclassifier1} of {@code
   * arn:aws:comprehend:...:document-classifier/exampleclassifier1}.
   */
  static String lastSegment(String arn) {
    if (arn == null) {
      return null;
    }
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? arn : arn.substring(slash + 1);
  }

  /** A Rekognition project ARN is {@code arn:...:project/NAME/CREATED}. */
  private static String projectName(String arn) {
    if (arn == null) {
      return null;
    }
    String[] parts = arn.split("/");
    return parts.length >= 2 ? parts[1] : arn;
  }
}
