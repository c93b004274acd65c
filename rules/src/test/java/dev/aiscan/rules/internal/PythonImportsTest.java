package dev.aiscan.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.rules.RuleFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonImportsTest {
  private static final PythonImports MAP = PythonImports.builtIn();

  @Test
  void explicitEntriesLongestDottedPrefixWins() {
    assertThat(MAP.distributions("sklearn")).containsExactly("scikit-learn");
    assertThat(MAP.distributions("sklearn.linear_model.LogisticRegression"))
        .containsExactly("scikit-learn");
    assertThat(MAP.distributions("cv2")).contains("opencv-python", "opencv-python-headless");
    assertThat(MAP.distributions("vertexai.generative_models")).contains("google-cloud-aiplatform");
    assertThat(MAP.distributions("llama_cpp")).containsExactly("llama-cpp-python");
    assertThat(MAP.distributions("weaviate.classes")).containsExactly("weaviate-client");
  }

  @Test
  void namespacePackagesUseThePep503FormOfEachPrefixBelowTheNamespace() {
    assertThat(MAP.distributions("google.genai")).contains("google-genai");
    assertThat(MAP.distributions("google.generativeai"))
        .containsExactly("google-generativeai", "google-generativeai");
    assertThat(MAP.distributions("google.cloud.aiplatform.gapic"))
        .first()
        .isEqualTo("google-cloud-aiplatform");
    assertThat(MAP.distributions("google.cloud.aiplatform_v1")).contains("google-cloud-aiplatform");
    assertThat(MAP.distributions("google.cloud.vision_v1.types"))
        .containsExactly("google-cloud-vision-v1", "google-cloud-vision-v1-types");
    assertThat(MAP.distributions("google.cloud.vision")).containsExactly("google-cloud-vision");
    assertThat(MAP.distributions("azure.ai.inference.models"))
        .containsExactly("azure-ai", "azure-ai-inference", "azure-ai-inference-models");
    assertThat(MAP.distributions("azure.cognitiveservices.speech"))
        .contains("azure-cognitiveservices-speech");
    assertThat(MAP.distributions("llama_index.llms.openai"))
        .containsExactly(
            "llama-index-core", "llama-index", "llama-index-llms", "llama-index-llms-openai");
    assertThat(MAP.distributions("azure"))
        .as("the namespace itself is not below it")
        .containsExactly("azure");
  }

  @Test
  void otherImportsNormaliseTheirTopLevelName() {
    assertThat(MAP.distributions("openai")).containsExactly("openai");
    assertThat(MAP.distributions("openai.types.chat")).containsExactly("openai");
    assertThat(MAP.distributions("langchain_openai")).containsExactly("langchain-openai");
    assertThat(MAP.distributions("sentence_transformers")).containsExactly("sentence-transformers");
    assertThat(MAP.distributions("huggingface_hub.inference")).containsExactly("huggingface-hub");
    assertThat(MAP.distributions("Crypto.Cipher")).containsExactly("crypto");
    assertThat(MAP.distributions("")).isEmpty();
  }

  @Test
  void theDataFileHasNoEntryThatNormalisationAlreadyGives() {
    assertThat(MAP.entries())
        .allSatisfy(
            (k, v) ->
                assertThat(k.contains(".") || !v.equals(List.of(Names.pep503(k))))
                    .as("redundant entry %s", k)
                    .isTrue());
    assertThat(MAP.entries()).doesNotContainKey("tf");
  }

  @Test
  void loadingIsStrict() {
    assertError("foo: bar\n", "x.yaml:1: unknown field 'foo'");
    assertError(
        "imports:\n  sklearn: scikit-learn\n  bad-name: x\n",
        "x.yaml:3: imports: invalid module name 'bad-name'");
    assertError(
        "imports:\n  sklearn: 'scikit learn'\n",
        "x.yaml:2: imports: sklearn: invalid distribution name 'scikit learn'");
    assertError(
        "imports:\n  sklearn: a\n  sklearn: b\n",
        "x.yaml:3: invalid YAML: Duplicate field 'sklearn'.*");
    assertError(
        "namespaces: [azure, azure]\nimports: {}\n", "x.yaml:1: namespaces: duplicate 'azure'");
    assertError(
        "imports: [a]\n",
        "x.yaml:1: imports: expected a mapping of import name to distribution\\(s\\)");
  }

  private static void assertError(String text, String regex) {
    assertThatThrownBy(() -> PythonImports.parse("x.yaml", text))
        .isInstanceOf(RuleFormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).matches(regex));
  }
}
