package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;

import java.util.List;

/** Builds the generator a user named: offline, ollama or openai-compatible. */
public final class Generators {

    private Generators() {
    }

    /**
     * @param concurrency requests in flight per endpoint: a comma-separated URL list (several endpoints) gives an
     *                    {@link EndpointPool} with this many slots on each
     */
    public static ExplanationGenerator create(String name, LlmSettings settings, int concurrency, RetryPolicy retry) {
        List<String> urls = EndpointPool.split(settings.baseUrl());
        if (urls.size() > 1 && !name.equals("offline")) {
            java.util.function.Function<String, ChatBackend> backend = switch (name) {
                case "ollama" -> u -> new OllamaBackend(settings.at(u));
                case "openai-compatible" -> u -> new OpenAiCompatibleBackend(settings.at(u));
                default -> throw new WorkbenchException("Unknown generator '" + name + "': use offline, ollama or openai-compatible.");
            };
            return new ChatExplanationGenerator(new EndpointPool(urls, backend, concurrency), retry, concurrency * urls.size());
        }
        return switch (name) {
            case "offline" -> new OfflineGenerator();
            case "ollama" -> new ChatExplanationGenerator(new OllamaBackend(settings), retry, concurrency);
            case "openai-compatible" -> new ChatExplanationGenerator(new OpenAiCompatibleBackend(settings), retry, concurrency);
            default -> throw new WorkbenchException("Unknown generator '" + name + "': use offline, ollama or openai-compatible.");
        };
    }
}
