package dev.aiscan.connectors.source.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.source.internal.lang.PipInstall.Requirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipInstallTest {

  @Test
  void namesVersionsAndEcosystems() {
    assertThat(
            PipInstall.parse(
                "!pip install -q 'openai>=1' transformers[torch]==4.44.2 -r requirements.txt -e ./pkg sentence-transformers"))
        .containsExactly(
            new Requirement("openai", "pypi", null),
            new Requirement("transformers", "pypi", "4.44.2"),
            new Requirement("sentence-transformers", "pypi", null));
    assertThat(
            PipInstall.parse(
                "!{sys.executable} -m pip install --upgrade llama-index && pip install chromadb > /dev/null 2>&1"))
        .extracting(Requirement::name)
        .containsExactly("llama-index", "chromadb");
    assertThat(
            PipInstall.parse(
                "%conda install -c conda-forge -n ml pytorch::pytorch=2.3 cudatoolkit"))
        .containsExactly(
            new Requirement("pytorch", "conda", "2.3"),
            new Requirement("cudatoolkit", "conda", null));
    assertThat(
            PipInstall.parse(
                "!uv pip install git+https://github.com/openai/whisper.git vllm @ https://x/y.whl"))
        .extracting(Requirement::name)
        .containsExactly("vllm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%matplotlib inline",
        "!ls -la",
        "%pip list",
        "!pip",
        "%timeit x()",
        "!echo pip install"
      })
  void otherMagicsInstallNothing(String line) {
    assertThat(PipInstall.parse(line)).isEmpty();
  }
}
