package dev.aiscan.register.seed;

import java.util.Map;
import java.util.Set;

/** What seeding needs to know of providers: who supplies them and what kind of AI they are. */
final class Providers {
  private Providers() {}

  /** Hosted AI APIs of a third party: using them sends data to that party. */
  static final Set<String> THIRD_PARTY_APIS =
      Set.of(
          "openai",
          "azure-openai",
          "anthropic",
          "google-gemini",
          "google-vertex-ai",
          "aws-bedrock",
          "aws-ai-services",
          "azure-ai-services",
          "cohere",
          "mistral",
          "groq",
          "together",
          "replicate",
          "perplexity",
          "deepseek",
          "xai",
          "fireworks",
          "openrouter",
          "vercel-ai-gateway");

  /** Generative AI: LLM APIs, local LLM runtimes, LLM and agent frameworks. */
  static final Set<String> GENERATIVE =
      Set.of(
          "openai",
          "azure-openai",
          "anthropic",
          "google-gemini",
          "google-vertex-ai",
          "aws-bedrock",
          "cohere",
          "mistral",
          "groq",
          "together",
          "replicate",
          "perplexity",
          "deepseek",
          "xai",
          "fireworks",
          "openrouter",
          "vercel-ai-gateway",
          "vercel-ai-sdk",
          "litellm",
          "ollama",
          "llama-cpp",
          "vllm",
          "langchain",
          "langchain4j",
          "llamaindex",
          "spring-ai",
          "semantic-kernel",
          "microsoft-extensions-ai",
          "haystack",
          "crewai",
          "autogen",
          "dspy",
          "pydantic-ai",
          "smolagents",
          "mastra",
          "instructor",
          "guidance",
          "mcp");

  /** Predictive ML: training and inference frameworks for classic models. */
  static final Set<String> PREDICTIVE =
      Set.of(
          "pytorch",
          "tensorflow",
          "keras",
          "jax",
          "scikit-learn",
          "xgboost",
          "lightgbm",
          "catboost",
          "onnx",
          "transformers",
          "djl",
          "coreml",
          "ml-net",
          "aws-sagemaker",
          "azure-ml");

  /** The third party behind a provider. */
  private static final Map<String, String> SUPPLIERS =
      Map.ofEntries(
          Map.entry("openai", "OpenAI"),
          Map.entry("chatgpt", "OpenAI"),
          Map.entry("anthropic", "Anthropic"),
          Map.entry("claude-ai", "Anthropic"),
          Map.entry("claude-code", "Anthropic"),
          Map.entry("azure-openai", "Microsoft (Azure OpenAI)"),
          Map.entry("azure-ai-services", "Microsoft (Azure AI services)"),
          Map.entry("azure-ml", "Microsoft (Azure Machine Learning)"),
          Map.entry("microsoft-copilot", "Microsoft"),
          Map.entry("github-copilot", "GitHub (Microsoft)"),
          Map.entry("aws-bedrock", "Amazon Web Services (Bedrock)"),
          Map.entry("aws-sagemaker", "Amazon Web Services (SageMaker)"),
          Map.entry("aws-ai-services", "Amazon Web Services"),
          Map.entry("google-gemini", "Google"),
          Map.entry("google-vertex-ai", "Google"),
          Map.entry("cohere", "Cohere"),
          Map.entry("mistral", "Mistral AI"),
          Map.entry("groq", "Groq"),
          Map.entry("together", "Together AI"),
          Map.entry("replicate", "Replicate"),
          Map.entry("perplexity", "Perplexity"),
          Map.entry("deepseek", "DeepSeek"),
          Map.entry("xai", "xAI"),
          Map.entry("fireworks", "Fireworks AI"),
          Map.entry("openrouter", "OpenRouter"),
          Map.entry("vercel-ai-gateway", "Vercel"),
          Map.entry("huggingface", "Hugging Face"),
          Map.entry("pinecone", "Pinecone"));

  /** Self-hosted runtimes and libraries: in-house, no supplier. */
  private static final Set<String> IN_HOUSE =
      Set.of(
          "self-hosted",
          "ollama",
          "llama-cpp",
          "vllm",
          "pytorch",
          "tensorflow",
          "keras",
          "jax",
          "scikit-learn",
          "xgboost",
          "lightgbm",
          "catboost",
          "onnx",
          "transformers",
          "djl",
          "coreml",
          "ml-net",
          "langchain",
          "langchain4j",
          "llamaindex",
          "spring-ai",
          "semantic-kernel",
          "microsoft-extensions-ai",
          "haystack",
          "crewai",
          "autogen",
          "dspy",
          "pydantic-ai",
          "smolagents",
          "mastra",
          "instructor",
          "guidance",
          "litellm",
          "vercel-ai-sdk",
          "mcp",
          "chroma",
          "milvus",
          "pgvector",
          "qdrant",
          "weaviate",
          "faiss",
          "lancedb");

  /** Marks a supplier nobody knows yet. */
  static final String UNKNOWN_SUPPLIER = "TODO";

  /**
   * The supplier of a provider: a name, null for in-house (self-hosted runtimes, libraries), or
   * {@link #UNKNOWN_SUPPLIER}.
   */
  static String supplier(String provider) {
    String s = SUPPLIERS.get(provider);
    if (s != null) {
      return s;
    }
    return IN_HOUSE.contains(provider) ? null : UNKNOWN_SUPPLIER;
  }
}
