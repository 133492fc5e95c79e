package dev.lrrecsys.workbench.explain;

/** One chat endpoint behind langchain4j (Ollama, OpenAI-compatible): sends a prompt, returns the reply text. */
public interface ChatBackend {

    /** ollama | openai-compatible. */
    String generator();

    String model();

    /** The base URL, for messages. */
    String url();

    /** Fails fast with a message saying what to do when the server is down or the model is missing. */
    void checkReady();

    /** Sends one prompt; throws whatever the client throws (classified by {@link ChatFailure}). */
    String chat(String prompt);

    /** The message for an unreachable server. */
    String unreachableMessage();

    /** The message for a model the server does not have. */
    String unknownModelMessage();
}
