package dev.lrrecsys.workbench.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.lrrecsys.workbench.WorkbenchException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An OpenAI-compatible server (llama.cpp server, vLLM, LM Studio) through langchain4j-open-ai. The API key
 * is read from the environment variable {@value #API_KEY_ENV} only and never stored.
 */
public final class OpenAiCompatibleBackend implements ChatBackend {

    public static final String API_KEY_ENV = "LRW_OPENAI_API_KEY";

    private final LlmSettings settings;
    private final String apiKey;
    private final OpenAiChatModel chat;

    public OpenAiCompatibleBackend(LlmSettings settings) {
        this.settings = settings;
        String key = System.getenv(API_KEY_ENV);
        // Local servers ignore the key but the client insists on one.
        this.apiKey = key == null || key.isBlank() ? "not-needed" : key;
        this.chat = OpenAiChatModel.builder()
                .baseUrl(settings.url())
                .apiKey(apiKey)
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }

    @Override
    public String generator() {
        return "openai-compatible";
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public String unreachableMessage() {
        return "Cannot reach the OpenAI-compatible server at " + settings.url() + ": is it running?";
    }

    @Override
    public String unknownModelMessage() {
        return "Model '" + settings.model() + "' is not served by " + settings.url() + ": check the server's /models list";
    }

    @Override
    public void checkReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + "/models"))
                .header("Authorization", "Bearer " + apiKey).GET().build();
        JsonNode data;
        try {
            HttpResponse<String> response = RequestDeadline.send(client, request, HttpResponse.BodyHandlers.ofString(),
                    settings.timeout());
            if (response.statusCode() != 200) {
                throw new WorkbenchException(unreachableMessage() + " (GET /models answered HTTP " + response.statusCode() + ")");
            }
            data = new ObjectMapper().readTree(response.body()).path("data");
        } catch (TimeoutException e) {
            throw new WorkbenchException(timedOutMessage(e.getMessage()), e);
        } catch (IOException e) {
            throw new WorkbenchException(unreachableMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException(unreachableMessage(), e);
        }
        for (JsonNode m : data) {
            if (settings.model().equals(m.path("id").asText())) {
                return;
            }
        }
        throw new WorkbenchException(unknownModelMessage());
    }

    private String timedOutMessage(String timedOut) {
        return "The OpenAI-compatible server at " + settings.url() + " " + timedOut;
    }

    @Override
    public String chat(String prompt) {
        return RequestDeadline.call(settings.timeout(), "POST /chat/completions", () -> chat.chat(prompt));
    }
}
