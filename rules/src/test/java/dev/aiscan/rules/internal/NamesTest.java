package dev.aiscan.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void pep503() {
    assertThat(Names.pep503("Friendly-Bard")).isEqualTo("friendly-bard");
    assertThat(Names.pep503("FRIENDLY_BARD")).isEqualTo("friendly-bard");
    assertThat(Names.pep503("friendly.bard")).isEqualTo("friendly-bard");
    assertThat(Names.pep503("friendly--._bard")).isEqualTo("friendly-bard");
  }

  @Test
  void packageNamesPerEcosystem() {
    assertThat(Names.packageName("pypi", "openai[datalib]>=1.0; python_version>'3.8'"))
        .isEqualTo("openai");
    assertThat(Names.packageName("pypi", "Sentence_Transformers==2.7"))
        .isEqualTo("sentence-transformers");
    assertThat(Names.packageName("nuget", "Azure.AI.OpenAI")).isEqualTo("azure.ai.openai");
    assertThat(Names.packageName("maven", "com.openai:openai-java"))
        .isEqualTo("com.openai:openai-java");
    assertThat(Names.packageName("go", "github.com/Azure/azure-sdk-for-go"))
        .isEqualTo("github.com/Azure/azure-sdk-for-go");
  }

  @Test
  void imagePath() {
    assertThat(Names.imagePath("ollama/ollama:latest")).isEqualTo("ollama/ollama");
    assertThat(Names.imagePath("ghcr.io/huggingface/text-generation-inference:2.4"))
        .isEqualTo("huggingface/text-generation-inference");
    assertThat(Names.imagePath("docker.io/library/python:3.12")).isEqualTo("python");
    assertThat(Names.imagePath("localhost:5000/team/app@sha256:0123")).isEqualTo("team/app");
    assertThat(Names.imagePath("registry:5000/vllm/vllm-openai:v0.6"))
        .isEqualTo("vllm/vllm-openai");
    assertThat(Names.imagePath("python")).isEqualTo("python");
  }

  @Test
  void globs() {
    assertThat(Names.glob("langchain-*").matcher("langchain-openai").matches()).isTrue();
    assertThat(Names.glob("a.b*").matcher("axb").matches()).isFalse();
    assertThat(Names.globPrefix("@langchain/*")).isEqualTo("@langchain/");
  }
}
