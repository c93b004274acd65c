package dev.aiscan.core.register;

/**
 * Evidence that two assets found by different connectors are one AI system: an Azure OpenAI host
 * named in code and the Azure account that serves it, a key found in code and the same key in the
 * provider's key inventory.
 *
 * @param from one asset's id
 * @param to the other's
 * @param kind what links them: {@code api-key}, {@code endpoint}, {@code deployment}, {@code
 *     model-usage}, {@code repository}
 * @param reason one line a person can check, never a secret
 */
public record AssetLink(String from, String to, String kind, String reason) {}
