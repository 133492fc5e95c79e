package dev.lrrecsys.workbench.explain;

import java.time.Duration;

/**
 * What the user chose for an LLM backend.
 *
 * @param maxTokens  the answer's token limit (Ollama's num_predict)
 * @param timeout    per request; a stalled server counts as a timeout and is retried
 */
public record LlmSettings(String baseUrl, String model, double temperature, int maxTokens, Duration timeout) {

    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    public static final String DEFAULT_OLLAMA_MODEL = "llama3.1";

    /** The base URL without a trailing slash, as it appears in messages. */
    public String url() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
