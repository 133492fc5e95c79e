package dev.lrrecsys.workbench.ui;

/**
 * The explanation generator the window uses: the offline reasoner or an Ollama server (URL, model) and how
 * many requests run at once.
 */
public record GeneratorSettings(String kind, String url, String model, int concurrency) {
    public static final String OFFLINE = "offline";
    public static final String OLLAMA = "ollama";
    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    public static final String DEFAULT_MODEL = "llama3.1";
}
