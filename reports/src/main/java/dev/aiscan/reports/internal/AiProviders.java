package dev.aiscan.reports.internal;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import java.util.Locale;
import java.util.Set;

/** What reports need to know about providers and models beyond what a finding says. */
public final class AiProviders {
  /** Providers whose AI runs on someone else's servers: a use is a call to their service. */
  private static final Set<String> HOSTED =
      Set.of(
          "openai",
          "azure-openai",
          "anthropic",
          "google-gemini",
          "google-vertex-ai",
          "aws-bedrock",
          "aws-sagemaker",
          "aws-ai-services",
          "azure-ai-services",
          "azure-ml",
          "cohere",
          "mistral",
          "huggingface",
          "groq",
          "together",
          "replicate",
          "perplexity",
          "deepseek",
          "xai",
          "fireworks",
          "openrouter",
          "vercel-ai-gateway",
          "chatgpt",
          "github-copilot",
          "microsoft-copilot",
          "pinecone");

  /** Providers whose models generate text, so a model named for them is a text-generation model. */
  private static final Set<String> LLM =
      Set.of(
          "openai",
          "azure-openai",
          "anthropic",
          "google-gemini",
          "google-vertex-ai",
          "aws-bedrock",
          "cohere",
          "mistral",
          "huggingface",
          "groq",
          "together",
          "replicate",
          "perplexity",
          "deepseek",
          "xai",
          "fireworks",
          "openrouter",
          "ollama",
          "llama-cpp",
          "vllm",
          "litellm",
          "vercel-ai-gateway");

  private AiProviders() {}

  /** Whether the provider serves AI from its own servers. */
  public static boolean hosted(String provider) {
    return HOSTED.contains(provider);
  }

  /**
   * Whether an asset is a service the organisation calls: a hosted provider, or found as an
   * endpoint, a cloud resource or a SaaS app.
   */
  public static boolean isService(Asset a) {
    return hosted(a.provider())
        || a.categories().contains(Category.ENDPOINT)
        || a.categories().contains(Category.CLOUD_SERVICE)
        || a.categories().contains(Category.SAAS_APP);
  }

  /**
   * The task a model performs, in Hugging Face's task names, guessed from its name and provider;
   * null when nothing says.
   */
  public static String task(String provider, String model) {
    String m = model.toLowerCase(Locale.ROOT);
    if (m.contains("embed")) {
      return "feature-extraction";
    }
    if (m.contains("rerank")) {
      return "text-ranking";
    }
    if (m.contains("whisper") || m.contains("transcribe")) {
      return "automatic-speech-recognition";
    }
    if (m.contains("tts")) {
      return "text-to-speech";
    }
    if (m.contains("dall-e")
        || m.contains("dalle")
        || m.contains("imagen")
        || m.contains("stable-diffusion")
        || m.contains("sdxl")) {
      return "text-to-image";
    }
    if (m.contains("moderation")) {
      return "text-classification";
    }
    return LLM.contains(provider) ? "text-generation" : null;
  }
}
