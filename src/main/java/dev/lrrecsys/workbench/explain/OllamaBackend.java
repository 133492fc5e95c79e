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
        ModelListing listing = listModels(baseUrl, timeout);
        if (listing.timedOut()) {
            throw new WorkbenchException("Ollama at " + baseUrl + " " + listing.failure());
        }
        return listing.models();
    }

    /**
     * One server's answer to GET /api/tags: its models, or (models null) why there are none: "cannot connect (is
     * `ollama serve` running?)", "GET /api/tags answered HTTP 500", "the answer is not Ollama's model list", or a
     * timeout's "timed out after N s".
     */
    public record ModelListing(String url, List<String> models, String failure, boolean timedOut) {

        static ModelListing failed(String url, String failure) {
            return new ModelListing(url, null, failure, false);
        }

        public boolean answered() {
            return models != null;
        }
    }

    /**
     * The pulled models of one server, or the reason it gave none.
     *
     * @throws WorkbenchException "Not a valid URL: ..." for a URL the HTTP client refuses
     */
    public static ModelListing listModels(String baseUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tags")).GET().build();
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException("Not a valid URL: " + baseUrl, e);
        }
        try {
            HttpResponse<String> response = RequestDeadline.send(client, request, HttpResponse.BodyHandlers.ofString(), timeout);
            if (response.statusCode() != 200) {
                return ModelListing.failed(baseUrl, "GET /api/tags answered HTTP " + response.statusCode());
            }
            JsonNode root = new ObjectMapper().readTree(response.body());
            if (!root.path("models").isArray()) {
                return ModelListing.failed(baseUrl, "the answer to GET /api/tags is not Ollama's model list");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode m : root.path("models")) {
                names.add(m.path("name").asText(m.path("model").asText()));
            }
            return new ModelListing(baseUrl, names, null, false);
        } catch (TimeoutException e) {
            return new ModelListing(baseUrl, null, e.getMessage(), true);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ModelListing.failed(baseUrl, "the answer to GET /api/tags is not Ollama's model list");
        } catch (IOException e) {
            return ModelListing.failed(baseUrl, "cannot connect (is `ollama serve` running?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ModelListing.failed(baseUrl, "interrupted");
        }
    }

    @Override
    public String chat(String prompt) {
        return RequestDeadline.call(settings.timeout(), "POST /api/chat", () -> chat.chat(prompt));
    }
}
