package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.workflow.GenerateExplanations;

/**
 * The explanation generator the window remembers between sessions: the offline reasoner or an Ollama server (URL,
 * model) and how many requests run at once. Its defaults and validation are the workflow's.
 */
public record GeneratorSettings(String kind, String url, String model, int concurrency) {
    public static final String OFFLINE = GenerateExplanations.Settings.OFFLINE;
    public static final String OLLAMA = GenerateExplanations.Settings.OLLAMA;

    /** What the window starts with before the user chose anything: the workflow's defaults. */
    public static GeneratorSettings defaults() {
        GenerateExplanations.Settings d = GenerateExplanations.Settings.defaults();
        return new GeneratorSettings(d.generator(), d.url(), d.model(), d.concurrency());
    }

    /**
     * The workflow's settings for a run with this generator (every other setting at its default). The server and
     * model fields are disabled for the offline reasoner, so they are not its input.
     */
    public GenerateExplanations.Settings generation() {
        boolean offline = OFFLINE.equals(kind);
        return GenerateExplanations.Settings.defaults().withGenerator(kind, offline ? null : url, offline ? null : model,
                concurrency);
    }
}
