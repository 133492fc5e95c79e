package dev.lrrecsys.workbench.explain;

import java.time.Duration;

/**
 * What the user chose for an LLM backend (the defaults live in workflow.GenerateExplanations.Settings).
 *
 * @param maxTokens  the answer's token limit (Ollama's num_predict)
 * @param timeout    per request; a stalled server counts as a timeout and is retried
 */
public record LlmSettings(String baseUrl, String model, double temperature, int maxTokens, Duration timeout) {

    /** The same settings for another server (one endpoint of a list). */
    public LlmSettings at(String otherBaseUrl) {
        return new LlmSettings(otherBaseUrl, model, temperature, maxTokens, timeout);
    }

    /** The base URL without a trailing slash, as it appears in messages. */
    public String url() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
