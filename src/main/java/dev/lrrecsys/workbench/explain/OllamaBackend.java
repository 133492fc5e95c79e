package dev.lrrecsys.workbench.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.lrrecsys.workbench.WorkbenchException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A local Ollama server through langchain4j-ollama's {@link OllamaChatModel}; models listed from /api/tags. */
public final class OllamaBackend implements ChatBackend {

    private final LlmSettings settings;
    private final OllamaChatModel chat;

    public OllamaBackend(LlmSettings settings) {
        this.settings = settings;
        this.chat = OllamaChatModel.builder()
                .baseUrl(settings.url())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .numPredict(settings.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0) // retries and backoff are ours, so that tests can shrink the delays
                .build();
    }

    @Override
    public String generator() {
        return "ollama";
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public String unreachableMessage() {
        return "Cannot reach Ollama at " + settings.url() + ": is `ollama serve` running?";
    }

    @Override
    public String unknownModelMessage() {
        return "Model '" + settings.model() + "' is not pulled on " + settings.url() + ": run `ollama pull " + settings.model() + "`";
    }

    @Override
    public void checkReady() {
        List<String> pulled = pulledModels(settings.url(), settings.timeout());
        if (pulled == null) {
            throw new WorkbenchException(unreachableMessage());
        }
        if (!isPulled(settings.model(), pulled)) {
            throw new WorkbenchException(unknownModelMessage());
        }
    }

    /** "llama3.1" names "llama3.1:latest"; a tagged name must match exactly. */
    static boolean isPulled(String model, List<String> pulled) {
        String wanted = model.contains(":") ? model : model + ":latest";
        return pulled.contains(model) || pulled.contains(wanted);
    }

    /**
     * The names of the server's pulled models (GET /api/tags), or null when the server cannot be reached.
     *
     * @throws WorkbenchException "Ollama at URL timed out after N s: ..." when the whole answer, body included,
     *                            does not arrive within the timeout
     */
    public static List<String> pulledModels(String baseUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tags")).GET().build();
        try {
            HttpResponse<String> response = RequestDeadline.send(client, request, HttpResponse.BodyHandlers.ofString(), timeout);
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode models = new ObjectMapper().readTree(response.body()).path("models");
            List<String> names = new ArrayList<>();
            for (JsonNode m : models) {
                names.add(m.path("name").asText(m.path("model").asText()));
            }
            return names;
        } catch (TimeoutException e) {
            throw new WorkbenchException("Ollama at " + baseUrl + " " + e.getMessage(), e);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException("Not a valid URL: " + baseUrl, e);
        }
    }

    @Override
    public String chat(String prompt) {
        return RequestDeadline.call(settings.timeout(), "POST /api/chat", () -> chat.chat(prompt));
    }
}
