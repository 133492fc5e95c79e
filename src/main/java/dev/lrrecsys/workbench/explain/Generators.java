package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;

/** Builds the generator a user named: offline, ollama or openai-compatible. */
public final class Generators {

    private Generators() {
    }

    public static ExplanationGenerator create(String name, LlmSettings settings, int concurrency, RetryPolicy retry) {
        return switch (name) {
            case "offline" -> new OfflineGenerator();
            case "ollama" -> new ChatExplanationGenerator(new OllamaBackend(settings), retry, concurrency);
            case "openai-compatible" -> new ChatExplanationGenerator(new OpenAiCompatibleBackend(settings), retry, concurrency);
            default -> throw new WorkbenchException("Unknown generator '" + name + "': use offline, ollama or openai-compatible.");
        };
    }
}
